"""Search as a user sees it: Japanese substrings, ranking, highlights, privacy, odd input."""

from __future__ import annotations

import pytest

from taiwa.domain.models import ActionDraft, HitKind, Owner, Segment, Theme, TopicDraft
from taiwa.store import Store
from taiwa.store.search import fts_expression, parse_snippet


@pytest.fixture
def filled(store: Store) -> Store:
    aoi = store.people.add("山田 葵").id
    emily = store.people.add("Emily Carter", career_goals="Become a tech lead").id
    store.meetings.create(
        aoi,
        "2026-01-05T10:00:00Z",
        status="held",
        shared_notes="今日はキャリア形成について話した。",
        private_notes="転職を考えているかもしれない。",
        topics=[TopicDraft(Theme.CAREER, "キャリアの方向性")],
    )
    store.meetings.create(
        emily,
        "2026-01-06T10:00:00Z",
        status="held",
        shared_notes="We talked about career growth and the promotion case.",
        private_notes="Might be looking elsewhere for a career change.",
        actions=[ActionDraft(Owner.MANAGER, "Find a career coach")],
    )
    return store


def highlighted(segments: tuple[Segment, ...]) -> list[str]:
    return [s.text for s in segments if s.highlighted]


def test_japanese_substring_is_found_and_highlighted(filled: Store) -> None:
    hits = filled.search.search("キャリア")
    assert {h.kind for h in hits} == {HitKind.SHARED_NOTES, HitKind.TOPIC}
    notes = next(h for h in hits if h.kind is HitKind.SHARED_NOTES)
    assert notes.person_name == "山田 葵"
    assert (
        notes.starts_at is not None and notes.starts_at.isoformat() == "2026-01-05T10:00:00+00:00"
    )
    assert highlighted(notes.snippet) == ["キャリア"]
    assert notes.snippet_text == "今日はキャリア形成について話した。"
    assert notes.meeting_id is not None


def test_private_notes_only_when_asked(filled: Store) -> None:
    assert not [h for h in filled.search.search("転職") if h.kind is HitKind.PRIVATE_NOTES]
    assert filled.search.search("転職を考") == []
    private = filled.search.search("転職を考", include_private=True)
    assert [h.kind for h in private] == [HitKind.PRIVATE_NOTES]
    english = {h.kind for h in filled.search.search("career", include_private=True)}
    assert HitKind.PRIVATE_NOTES in english
    assert HitKind.PRIVATE_NOTES not in {h.kind for h in filled.search.search("career")}


def test_english_is_case_insensitive_ranked_and_resolved(filled: Store) -> None:
    hits = filled.search.search("CAREER")
    kinds = {h.kind for h in hits}
    assert kinds == {HitKind.SHARED_NOTES, HitKind.ACTION}
    action = next(h for h in hits if h.kind is HitKind.ACTION)
    assert action.person_name == "Emily Carter"
    assert highlighted(action.snippet) == ["career"]
    assert hits == sorted(hits, key=lambda h: h.rank)
    goals = filled.search.search("tech lead")
    assert [(h.kind, h.meeting_id) for h in goals] == [(HitKind.CAREER_GOALS, None)]


@pytest.mark.parametrize(
    "query", ['"foo" AND', "NEAR(", "career*", "a OR", "(", '"', "-career", "col:x", "^"]
)
def test_fts_syntax_in_a_query_never_fails(filled: Store, query: str) -> None:
    filled.search.search(query)  # no exception
    filled.search.count(query)


def test_every_word_must_match(filled: Store) -> None:
    assert len(filled.search.search("career promotion")) == 1
    assert filled.search.search("career キャリア") == []


def test_short_queries_fall_back_to_a_scan(filled: Store) -> None:
    hits = filled.search.search("話し")  # two characters: no trigram
    assert [h.kind for h in hits] == [HitKind.SHARED_NOTES]
    assert highlighted(hits[0].snippet) == ["話し"]
    mixed = filled.search.search("キャリア 形成")  # long part by FTS, short part by LIKE
    assert [h.kind for h in mixed] == [HitKind.SHARED_NOTES]
    assert highlighted(mixed[0].snippet) == ["キャリア形成"]  # adjacent matches merge
    assert filled.search.search("%") == []  # LIKE wildcards are literal
    assert filled.search.search("   ") == []


def test_edits_and_deletes_reach_the_index(filled: Store) -> None:
    (hit,) = [h for h in filled.search.search("形成") if h.kind is HitKind.SHARED_NOTES]
    assert hit.meeting_id is not None
    filled.meetings.update(hit.meeting_id, shared_notes="新しいメモ")
    assert filled.search.search("キャリア形成") == []
    filled.meetings.delete(hit.meeting_id)
    assert filled.search.search("キャリアの方向") == []


def test_control_characters_never_reach_a_snippet(store: Store) -> None:
    pid = store.people.add("Ren").id
    store.meetings.create(pid, "2026-01-05T10:00:00Z", shared_notes="a\x02b\x03c career\x00 x")
    (hit,) = store.search.search("career")
    assert hit.snippet_text == "abc career x"
    assert highlighted(hit.snippet) == ["career"]


def test_snippet_markers_become_segments_never_markup() -> None:
    assert parse_snippet("a\x02b\x03c") == (
        Segment("a", False),
        Segment("b", True),
        Segment("c", False),
    )
    assert fts_expression(['say "hi"', "x"]) == '"say ""hi""" AND "x"'


def test_wildcards_are_literal_and_archived_people_stay_out_of_short_searches(
    filled: Store,
) -> None:
    aoi = filled.people.resolve("山田 葵").id
    filled.meetings.create(
        aoi, "2026-01-07T10:00:00Z", status="held", shared_notes="達成率は 50% で a_b 案"
    )
    # Short parts with LIKE's wildcards match only themselves (ESCAPE where they occur).
    assert [h.kind for h in filled.search.search("0%")] == [HitKind.SHARED_NOTES]
    assert filled.search.search("5%0") == [] and filled.search.search("a%") == []
    assert [h.kind for h in filled.search.search("_b")] == [HitKind.SHARED_NOTES]
    assert filled.search.search("x_") == []
    assert filled.search.count("a_b") == 1 and filled.search.count("axb") == 0
    # The archived-rows condition is added only once somebody is archived, then it applies.
    assert len(filled.search.search("話し")) == 1
    filled.people.archive(aoi)
    assert filled.search.search("話し") == [] and filled.search.search("0%") == []
    assert len(filled.search.search("話し", include_archived=True)) == 1
    filled.people.archive(aoi, archived=False)
    assert len(filled.search.search("話し")) == 1
