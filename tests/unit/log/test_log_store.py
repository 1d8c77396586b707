"""The Store as the GUI and CLI use it: people, meetings with carry-over, topics, actions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from taiwa.domain import errors
from taiwa.domain.models import (
    ActionDraft,
    MeetingStatus,
    Owner,
    Theme,
    TopicDraft,
    TopicState,
)
from taiwa.errors import InputError
from taiwa.store import Store


def counts(store: Store) -> tuple[int, ...]:
    return tuple(
        store.db.query_one(f"SELECT count(*) FROM {table}")[0]  # type: ignore[index]
        for table in ("person", "person_email", "meeting", "topic", "action")
    )


@pytest.fixture
def aoi(store: Store) -> int:
    return store.people.add(
        "山田 葵", emails=["aoi@example.com"], role="Engineer", team="Search"
    ).id


def test_person_round_trip_and_resolve_by_name_email_or_id(store: Store, aoi: int) -> None:
    other = store.people.add("Emily Carter", emails=["emily@example.com"], cadence_days=7)
    assert store.people.get(aoi).emails == ("aoi@example.com",)
    assert store.people.resolve("山田 葵").id == aoi
    assert store.people.resolve("山田").id == aoi  # a unique part of a name
    assert store.people.resolve("EMILY@example.com").id == other.id
    assert store.people.resolve(str(other.id)).id == other.id
    assert store.people.find_by_email("nobody@example.com") is None
    assert [p.name for p in store.people.list()] == ["Emily Carter", "山田 葵"]


def test_ambiguous_and_unknown_names_are_refused(store: Store) -> None:
    store.people.add("Emily Carter")
    store.people.add("Emily Stone")
    with pytest.raises(errors.AmbiguousPersonError) as exc:
        store.people.resolve("Emily")
    assert exc.value.localized("en") == "'Emily' matches 2 people. Use their e-mail or id instead."
    assert "2 人" in exc.value.localized("ja")
    with pytest.raises(errors.UnknownPersonError):
        store.people.resolve("Nobody")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"name": "  "}, errors.EmptyNameError),
        ({"name": "A", "cadence_days": 0}, errors.CadenceRangeError),
        ({"name": "A", "emails": ["not-an-address"]}, errors.BadEmailError),
        ({"name": "A", "emails": ["aoi@example.com"]}, errors.EmailTakenError),
        ({"name": "A", "started_on": "2026-13-01"}, errors.BadDateError),
    ],
)
def test_bad_person_input_changes_nothing(
    store: Store, aoi: int, kwargs: dict[str, object], error: type[InputError]
) -> None:
    before = counts(store)
    with pytest.raises(error):
        store.people.add(**kwargs)  # type: ignore[arg-type]
    assert counts(store) == before


def test_meeting_records_role_and_team_at_the_time(store: Store, aoi: int) -> None:
    first = store.meetings.create(aoi, "2026-01-05T10:00:00+09:00", status="held")
    store.people.update(aoi, role="Tech Lead", team="Platform")
    second = store.meetings.create(aoi, "2026-01-19T10:00:00+09:00")
    assert (store.meetings.get(first.id).role, store.meetings.get(first.id).team) == (
        "Engineer",
        "Search",
    )
    assert (second.role, second.team) == ("Tech Lead", "Platform")
    assert first.starts_at == datetime(2026, 1, 5, 1, 0, tzinfo=UTC)


def test_carried_topic_and_open_action_appear_in_the_next_meeting(store: Store, aoi: int) -> None:
    first = store.meetings.create(
        aoi,
        "2026-01-05T10:00:00Z",
        status="held",
        topics=[
            TopicDraft(Theme.CAREER, "キャリア形成について"),
            TopicDraft(Theme.WORK, "release plan"),
        ],
        actions=[ActionDraft(Owner.MANAGER, "研修の候補を探す", date(2026, 1, 12))],
    )
    store.topics.set_state(first.topics[1].id, TopicState.DISCUSSED)
    second = store.meetings.create(aoi, "2026-01-19T10:00:00Z")
    assert [(t.text, t.state, t.carried_from) for t in second.topics] == [
        ("キャリア形成について", TopicState.CARRIED, first.topics[0].id)
    ]
    assert second.topics[0].is_carried
    assert [a.text for a in second.carried_actions] == ["研修の候補を探す"]
    assert second.own_actions == ()
    assert not second.has_content  # nothing written here yet: carried items do not count

    # Not discussed again: carried on from the copy, never twice from the original.
    third = store.meetings.create(aoi, "2026-02-02T10:00:00Z")
    assert [t.carried_from for t in third.topics] == [second.topics[0].id]

    # Done: it stays on the meetings where it was open, and leaves the later ones.
    store.actions.set_done(first.actions[0].id, "2026-01-25")
    assert [a.done_on for a in store.meetings.get(second.id).actions] == [date(2026, 1, 25)]
    assert store.meetings.get(third.id).actions == ()
    fourth = store.meetings.create(aoi, "2026-02-16T10:00:00Z", carry_over=False)
    assert fourth.topics == ()


def test_deleting_a_carried_copy_returns_the_topic_to_the_next_meeting(
    store: Store, aoi: int
) -> None:
    first = store.meetings.create(
        aoi, "2026-01-05T10:00:00Z", topics=[TopicDraft(Theme.GROWTH, "mentoring")]
    )
    second = store.meetings.create(aoi, "2026-01-19T10:00:00Z")
    store.meetings.delete(second.id)
    third = store.meetings.create(aoi, "2026-02-02T10:00:00Z")
    assert [t.carried_from for t in third.topics] == [first.topics[0].id]
    assert store.meetings.carry_over_into(third.id) == 0  # idempotent


def test_carry_over_into_a_calendar_meeting(store: Store, aoi: int) -> None:
    store.meetings.create(aoi, "2026-01-05T10:00:00Z", topics=[TopicDraft(Theme.WORK, "on-call")])
    planned = store.meetings.create(aoi, "2026-01-19T10:00:00Z", carry_over=False)
    assert store.meetings.carry_over_into(planned.id) == 1
    assert [t.text for t in store.meetings.get(planned.id).topics] == ["on-call"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"starts_at": "yesterday"}, errors.BadDateError),
        ({"mood": 6}, errors.MoodRangeError),
        ({"mood": "0"}, errors.MoodRangeError),
        ({"status": "done"}, errors.BadStatusError),
        ({"topics": [TopicDraft("hobby", "x")]}, errors.BadThemeError),  # type: ignore[arg-type]
        ({"topics": [TopicDraft(Theme.WORK, "   ")]}, errors.EmptyTextError),
        ({"actions": [ActionDraft("boss", "x")]}, errors.BadOwnerError),  # type: ignore[arg-type]
        ({"actions": [ActionDraft(Owner.REPORT, "")]}, errors.EmptyTextError),
        ({"wanted_response": "shout"}, errors.BadWantedResponseError),
    ],
)
def test_bad_meeting_input_changes_nothing(
    store: Store, aoi: int, kwargs: dict[str, object], error: type[InputError]
) -> None:
    store.meetings.create(aoi, "2026-01-05T10:00:00Z", topics=[TopicDraft(Theme.WORK, "open")])
    before = counts(store)
    args: dict[str, object] = {"starts_at": "2026-01-19T10:00:00Z"} | kwargs
    starts_at = args.pop("starts_at")
    with pytest.raises(error):
        store.meetings.create(aoi, starts_at, **args)  # type: ignore[arg-type]
    assert counts(store) == before


def test_unknown_person_meeting_changes_nothing(store: Store) -> None:
    with pytest.raises(errors.UnknownPersonError):
        store.meetings.create(999, "2026-01-05T10:00:00Z")
    assert counts(store) == (0, 0, 0, 0, 0)


def test_autosave_update_and_paging(store: Store, aoi: int) -> None:
    ids = [store.meetings.create(aoi, f"2026-01-{d:02d}T10:00:00Z").id for d in range(1, 8)]
    saved = store.meetings.update(
        ids[0], shared_notes="notes", private_notes="secret", mood=3, status="held",
        wanted_response="just_listen", purpose="catch-up",
    )  # fmt: skip
    assert (saved.shared_notes, saved.mood, saved.status) == ("notes", 3, MeetingStatus.HELD)
    with pytest.raises(errors.MoodRangeError):
        store.meetings.update(ids[0], mood=9)
    assert store.meetings.get(ids[0]).mood == 3
    with pytest.raises(errors.BadFieldError):
        store.meetings.update(ids[0], person_id=2)
    page = store.meetings.list_for_person(aoi, limit=3, offset=0)
    assert [m.id for m in page] == ids[::-1][:3]
    assert [m.id for m in store.meetings.list_for_person(aoi, limit=3, offset=6)] == [ids[0]]
    assert store.meetings.count_for_person(aoi) == 7
    with pytest.raises(errors.MeetingNotFoundError):
        store.meetings.get(12345)


def test_topics_edit_move_and_delete(store: Store, aoi: int) -> None:
    m = store.meetings.create(
        aoi,
        "2026-01-05T10:00:00Z",
        topics=[TopicDraft(Theme.WORK, "a"), TopicDraft(Theme.WORK, "b")],
    )
    c = store.topics.add(m.id, "career", "c", raised_by="manager")
    assert [t.text for t in store.topics.move(c.id, 0)] == ["c", "a", "b"]
    store.topics.update(c.id, text="c2", theme=Theme.GROWTH)
    assert store.topics.get(c.id).theme is Theme.GROWTH
    with pytest.raises(errors.BadThemeError):
        store.topics.update(c.id, theme="hobby")
    store.topics.delete(c.id)
    assert [t.text for t in store.topics.list_for_meeting(m.id)] == ["a", "b"]


def test_actions_done_reopen_and_open_list(store: Store, aoi: int) -> None:
    mine = store.actions.add(aoi, "manager", "book a room", due_on="2026-01-10")
    theirs = store.actions.add(aoi, Owner.REPORT, "write goals")
    assert [a.id for a in store.actions.open_actions(owner="manager")] == [mine.id]
    done = store.actions.set_done(mine.id, "2026-01-09")
    assert done.done_on == date(2026, 1, 9)
    assert [a.id for a in store.actions.open_actions(aoi)] == [theirs.id]
    assert store.actions.reopen(mine.id).done_on is None
    with pytest.raises(errors.ActionNotFoundError):
        store.actions.set_done(999)
    with pytest.raises(errors.BadDateError):
        store.actions.update(theirs.id, due_on="2026-02-30")
    assert store.actions.get(theirs.id).due_on is None


def test_settings_and_question_banks(store: Store) -> None:
    store.settings.set("calendar.keywords", ["1on1", "面談"])
    assert store.settings.get("calendar.keywords") == ["1on1", "面談"]
    assert store.settings.get("missing", 5) == 5
    with pytest.raises(errors.BadSettingError):
        store.settings.set("bad", object())
    ja = store.questions.list("ja", "career")
    en = store.questions.list("en", Theme.WELLBEING)
    assert len(ja) >= 6 and len(en) >= 6
    assert any("キャリア" in q.text for q in ja)
    added = store.questions.add("ja", "career", "5 年後に挑戦したいことは？")
    assert store.questions.list("ja", "career")[-1].text == added.text
    for q in store.questions.list("en"):
        store.questions.delete(q.id)
    assert store.questions.list("en") == []  # emptied on purpose: not seeded again
    with pytest.raises(errors.BadLanguageError):
        store.questions.list("fr")
