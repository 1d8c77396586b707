"""Drafts in the vault: saved, replaced, listed, deleted — and gone with their record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from taiwa.domain import drafts as dd
from taiwa.domain import errors
from taiwa.store import Store
from taiwa.vault.database import utc_now


@pytest.fixture
def meeting(store: Store) -> tuple[int, int]:
    person = store.people.add("山田 葵")
    m = store.meetings.create(person.id, datetime(2026, 5, 1, 9, tzinfo=UTC), shared_notes="始め")
    return person.id, m.id


def test_save_replace_list_get_delete(store: Store, meeting: tuple[int, int]) -> None:
    person_id, meeting_id = meeting
    topic = dd.meeting_key(meeting_id, "new_topic")
    assert topic == f"meeting:{meeting_id}:new_topic"
    assert store.drafts.save(topic, "キャリアの話")
    assert store.drafts.save(topic, "キャリアの話をする")  # replaces, one row per key
    assert store.drafts.save(dd.person_key(None, "name"), "Emily")
    assert store.drafts.count() == 2
    got = store.drafts.get(topic)
    assert got is not None
    assert (got.text, got.meeting_id, got.person_id) == ("キャリアの話をする", meeting_id, None)
    assert abs(got.saved_at - datetime.now(UTC)) < timedelta(seconds=5)
    assert {d.key for d in store.drafts.list()} == {topic, "person:new:name"}
    assert set(store.drafts.for_meeting(meeting_id)) == {"new_topic"}
    store.drafts.delete(topic)
    store.drafts.delete(topic)  # no error when there is none
    assert store.drafts.get(topic) is None
    assert store.drafts.apply({"person:new:name": None, "person:new:team": "Search"}) == {
        "person:new:name": False,
        "person:new:team": True,
    }
    assert [d.key for d in store.drafts.list()] == ["person:new:team"]
    assert store.drafts.delete_all() == 1
    assert person_id


def test_bad_keys_are_refused_before_anything_is_written(store: Store) -> None:
    for key in ("meeting:x:notes", "note:1:text", "meeting:1:Notes", "", "meeting:0:purpose"):
        with pytest.raises(errors.BadFieldError):
            store.drafts.apply({"person:new:name": "kept?", key: "text"})
    assert store.drafts.count() == 0


def test_a_draft_for_a_deleted_record_is_not_written(store: Store) -> None:
    assert store.drafts.save(dd.meeting_key(999, "new_topic"), "lost cause") is False
    assert store.drafts.save(dd.person_key(999, "name"), "nobody") is False
    assert store.drafts.count() == 0


def test_erasing_a_meeting_or_a_person_erases_their_drafts(
    store: Store, meeting: tuple[int, int]
) -> None:
    person_id, meeting_id = meeting
    other = store.people.add("Emily Carter")
    other_meeting = store.meetings.create(other.id, datetime(2026, 5, 2, 9, tzinfo=UTC))
    store.drafts.apply(
        {
            dd.meeting_key(meeting_id, "new_topic"): "a",
            dd.meeting_key(meeting_id, "shared_notes"): "b",
            dd.person_key(person_id, "name"): "c",
            dd.meeting_key(other_meeting.id, "new_action"): "d",
            dd.person_key(other.id, "career_goals"): "e",
            dd.person_key(None, "name"): "f",
        }
    )
    store.meetings.delete(meeting_id)  # the foreign key's cascade
    assert {d.text for d in store.drafts.list()} == {"c", "d", "e", "f"}
    store.people.delete(person_id)
    assert {d.text for d in store.drafts.list()} == {"d", "e", "f"}
    assert store.drafts.delete_for_person(other.id) == 2  # the person's and their meeting's
    assert {d.text for d in store.drafts.list()} == {"f"}
    third = store.meetings.create(other.id, datetime(2026, 5, 3, 9, tzinfo=UTC))
    store.drafts.save(dd.meeting_key(third.id, "purpose"), "g")
    assert store.drafts.delete_for_meeting(third.id) == 1
    store.people.delete(other.id)
    assert [d.text for d in store.drafts.list()] == ["f"]


def test_drafts_are_never_in_the_search_index(store: Store, meeting: tuple[int, int]) -> None:
    _person, meeting_id = meeting
    store.drafts.save(dd.meeting_key(meeting_id, "shared_notes"), "DRAFT-SENTINEL-55")
    assert store.search.search("DRAFT-SENTINEL-55", include_private=True) == []


def test_restore_merges_text_fields_and_leaves_entry_fields(
    store: Store, meeting: tuple[int, int]
) -> None:
    person_id, meeting_id = meeting
    store.drafts.apply(
        {
            # typed on after the last save: the draft replaces the saved text
            dd.meeting_key(meeting_id, "shared_notes"): "始め、そして続き",
            dd.meeting_key(meeting_id, "purpose"): "キャリア",
            dd.meeting_key(meeting_id, "new_topic"): "次の話題",
            dd.person_key(person_id, "career_goals"): "テックリード",
        }
    )
    result = store.drafts.restore_text_fields()
    m = store.meetings.get(meeting_id)
    assert (m.shared_notes, m.purpose) == ("始め、そして続き", "キャリア")
    assert store.people.get(person_id).career_goals == "テックリード"
    assert sorted(result.merged) == sorted(
        [
            f"meeting:{meeting_id}:shared_notes",
            f"meeting:{meeting_id}:purpose",
            f"person:{person_id}:career_goals",
        ]
    )
    assert (result.meeting_ids, result.person_ids) == ([meeting_id], [person_id])
    assert [d.key for d in store.drafts.list()] == [f"meeting:{meeting_id}:new_topic"]


def test_restore_keeps_what_was_saved_after_the_draft(
    store: Store, meeting: tuple[int, int]
) -> None:
    _person, meeting_id = meeting
    shared = dd.meeting_key(meeting_id, "shared_notes")
    private = dd.meeting_key(meeting_id, "private_notes")
    store.drafts.apply({shared: "下書き", private: "始"})
    # The drafts are older than the meeting's last write (e.g. the CLI changed it since).
    past = (datetime.now(UTC) - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.db.transaction() as conn:
        conn.execute("UPDATE draft SET saved_at = ?", (past,))
    store.meetings.update(meeting_id, private_notes="始めました")
    result = store.drafts.restore_text_fields()
    m = store.meetings.get(meeting_id)
    assert m.shared_notes == "始め\n\n下書き"  # both kept
    assert m.private_notes == "始めました"  # already contains the draft
    assert (result.merged, result.unchanged) == ([shared], [private])
    assert store.drafts.count() == 0
    assert utc_now() >= past


def test_restore_keeps_a_draft_the_record_refuses(store: Store, meeting: tuple[int, int]) -> None:
    _person, meeting_id = meeting
    key = dd.meeting_key(meeting_id, "shared_notes")
    store.drafts.save(key, "x" * 100_001)  # longer than a note may be: why it was not saved
    result = store.drafts.restore_text_fields()
    assert [k for k, _exc in result.failed] == [key]
    assert isinstance(result.failed[0][1], errors.TextTooLongError)
    assert store.drafts.get(key) is not None
    assert store.meetings.get(meeting_id).shared_notes == "始め"


@pytest.mark.parametrize(
    ("saved", "draft", "changed", "expected"),
    [
        ("abc", "abc def", True, "abc def"),  # typed on
        ("abc def", "abc", True, None),  # already there
        ("abc def", "abc xyz", False, "abc xyz"),  # record untouched since: the draft wins
        ("abc def", "xyz", True, "abc def\n\nxyz"),  # both changed: keep both
        ("", "xyz", True, "xyz"),
        ("abc", "  ", False, None),
    ],
)
def test_merge_text(saved: str, draft: str, changed: bool, expected: str | None) -> None:
    assert dd.merge_text(saved, draft, record_changed_since=changed) == expected


def test_keys_round_trip() -> None:
    assert dd.parse_key("person:new:name") == dd.DraftKey("person", None, "name")
    assert str(dd.parse_key("meeting:12:new_topic")) == "meeting:12:new_topic"
    assert dd.parse_key("meeting:12:new_topic; DROP") is None


def test_prune_drops_drafts_with_nothing_left_to_restore(
    store: Store, meeting: tuple[int, int]
) -> None:
    person_id, meeting_id = meeting
    store.drafts.apply(
        {
            dd.meeting_key(meeting_id, "shared_notes"): "始",  # the saved note holds it
            dd.meeting_key(meeting_id, "private_notes"): "新しい",
            dd.meeting_key(meeting_id, "new_topic"): "   ",
            dd.person_key(person_id, "career_goals"): "",
            dd.person_key(None, "name"): "Emily",
        }
    )
    store.topics.add(meeting_id, "work", "Entered just before the crash")
    store.drafts.save(dd.meeting_key(meeting_id, "new_action"), "Entered just before the crash")
    store.drafts.save(dd.meeting_key(meeting_id, "new_topic"), "Entered just before the crash ")
    assert store.drafts.prune() == 3
    assert sorted(d.key for d in store.drafts.list()) == [
        f"meeting:{meeting_id}:new_action",  # no such action item: it was never entered
        f"meeting:{meeting_id}:private_notes",
        "person:new:name",
    ]
    result = store.drafts.restore_text_fields(["person:new:name"])
    assert (result.merged, result.unchanged, result.failed) == ([], [], [])
    assert store.drafts.count() == 3
