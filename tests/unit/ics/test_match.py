"""The 1on1 rules: owner, rooms, decliners, known people, keywords and exclusions."""

from __future__ import annotations

import pytest

from taiwa.ics.match import KnownPerson, Matcher, Participant, guess_owner, split_cancelled

TARO = KnownPerson(1, "Taro Yamada", ("taro@example.com",))
HANAKO = KnownPerson(2, "鈴木 花子", ("hanako@example.com",))
OWNER = Participant("boss@example.com", "Boss")


def matcher(**kwargs: object) -> Matcher:
    return Matcher([TARO, HANAKO], owner=["boss@example.com"], **kwargs)  # type: ignore[arg-type]


def test_one_known_attendee_after_dropping_owner_rooms_and_decliners() -> None:
    people = [
        OWNER,
        Participant("taro@example.com"),
        Participant("room@example.com", cutype="ROOM"),
        Participant("projector@example.com", cutype="RESOURCE"),
        Participant("hanako@example.com", partstat="DECLINED"),
    ]
    match = matcher().classify("Weekly sync", people)
    assert match is not None and (match.rule, match.person_id) == ("attendee", 1)


def test_two_others_is_not_a_1on1_without_a_keyword() -> None:
    people = [OWNER, Participant("taro@example.com"), Participant("hanako@example.com")]
    assert matcher().classify("Weekly sync", people) is None


@pytest.mark.parametrize(
    "title",
    ["1on1", "１on１ Taro", "1:1 Taro", "1-on-1", "One on One", "1対1", "面談", "ワンオンワン",
     "定例1on1"],
)  # fmt: skip
def test_keywords(title: str) -> None:
    assert matcher().title_matches(title)
    match = matcher().classify(title, [OWNER, Participant("taro@example.com")])
    assert match is not None and match.person_id == 1


@pytest.mark.parametrize("title", ["Lunch 11:15", "Q1:10 review", "21on1s", "Team 1:12"])
def test_keywords_need_word_edges(title: str) -> None:
    assert not matcher().title_matches(title)


@pytest.mark.parametrize("title", ["Daily stand-up", "Standup", "週次定例"])
def test_stand_ups_and_teirei_are_excluded(title: str) -> None:
    assert matcher().classify(title, [OWNER, Participant("taro@example.com")]) is None


def test_keywords_are_editable() -> None:
    custom = matcher(keywords=["career chat"], exclude=[])
    assert custom.title_matches("Career  Chat")
    assert not custom.title_matches("1on1")


def test_title_match_with_an_unknown_attendee_proposes_a_person() -> None:
    match = matcher().classify("1on1", [OWNER, Participant("jiro@example.com", "Jiro Sato")])
    assert match is not None
    assert (match.person_id, match.email, match.name) == (None, "jiro@example.com", "Jiro Sato")


def test_title_names_a_known_person_when_nobody_is_invited() -> None:
    match = matcher().classify("面談 鈴木 花子", [OWNER])
    assert match is not None and match.person_id == 2 and match.email is None


def test_outlook_cancellation_prefixes() -> None:
    assert split_cancelled("Canceled: 1:1 Taro") == ("1:1 Taro", True)
    assert split_cancelled("キャンセル済み：面談") == ("面談", True)
    assert split_cancelled("1on1") == ("1on1", False)


def test_owner_guess_is_the_most_frequent_address() -> None:
    lists = [["boss@example.com", "a@example.com"], ["boss@example.com", "b@example.com"]]
    assert guess_owner(lists) == "boss@example.com"
    assert guess_owner([]) is None
