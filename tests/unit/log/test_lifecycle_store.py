"""The whole life of a record in the store: edit, archive, move, delete for good, retention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from taiwa.domain import errors
from taiwa.domain.models import ActionDraft, TopicDraft
from taiwa.store import Store
from taiwa.store.dashboard import load_dashboard
from taiwa.vault.database import PAGE_SIZE, Database
from taiwa.vault.keys import RawKey

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
SENTINEL = "消去確認-ZQX-7781-sentinel"

# SQLCipher 4 page layout: each page ends with a 16-byte IV and a 64-byte HMAC; page 1 starts
# with the 16-byte salt. A raw key is the AES-256 key itself.
_RESERVE = 16 + 64


def decrypted_pages(path: Path, key: RawKey) -> list[bytes]:
    """Every page of the database file, decrypted (free pages and slack space included)."""
    raw_key = key.to_bytes()
    data = path.read_bytes()
    pages = []
    for start in range(0, len(data), PAGE_SIZE):
        page = data[start : start + PAGE_SIZE]
        offset = 16 if start == 0 else 0
        iv = page[PAGE_SIZE - _RESERVE : PAGE_SIZE - 64]
        decryptor = Cipher(algorithms.AES(raw_key), modes.CBC(iv)).decryptor()
        body = page[offset : PAGE_SIZE - _RESERVE]
        pages.append(decryptor.update(body) + decryptor.finalize())
    return pages


def holds(path: Path, key: RawKey, text: str) -> bool:
    """Whether any decrypted page holds ``text``, or a trigram of it the search index keeps
    (lower-cased 'zqx', and '消去'): a deleted row's trigrams outlive it in the index's older
    segments unless they are merged away."""
    needles = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    needles += [b"zqx", "消去".encode()]
    return any(any(n in page for n in needles) for page in decrypted_pages(path, key))


@pytest.fixture
def keyed(tmp_path: Path) -> tuple[Path, RawKey]:
    folder = tmp_path / "vault"
    folder.mkdir(mode=0o700)
    return folder / "taiwa.db", RawKey.generate()


def _fill(store: Store, name: str, text: str) -> tuple[int, int]:
    person = store.people.add(
        name, emails=[f"{name.split(maxsplit=1)[0].lower()}@example.com"], career_goals=text
    )
    meeting = store.meetings.create(
        person.id,
        NOW - timedelta(days=3),
        status="held",
        purpose=text,
        shared_notes=text,
        private_notes=text,
        topics=[TopicDraft(theme="career", text=text)],
        actions=[ActionDraft(owner="manager", text=text)],
    )
    store.drafts.save(f"meeting:{meeting.id}:new_topic", text)
    return person.id, meeting.id


# -- the sentinel in the decrypted pages --------------------------------------------------------


def test_the_page_reader_sees_a_sentinel_that_is_there(keyed: tuple[Path, RawKey]) -> None:
    path, key = keyed
    with Database.create(path, key) as db:
        _fill(Store(db), "Kept", SENTINEL)
    assert holds(path, key, SENTINEL)  # the check below could not pass by reading garbage


def test_deleting_a_person_leaves_the_sentinel_in_no_page(keyed: tuple[Path, RawKey]) -> None:
    path, key = keyed
    with Database.create(path, key) as db:
        store = Store(db)
        keep, _ = _fill(store, "Kept person", "残す内容")
        gone, meeting_id = _fill(store, "Gone person", SENTINEL)
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO calendar_event (uid, starts_at, summary, status, email, person_id,"
                " meeting_id, imported_at) VALUES ('u1', '2026-10-01T00:00:00Z', ?, 'confirmed',"
                " 'gone@example.com', ?, ?, 'x')",
                (SENTINEL, gone, meeting_id),
            )
        store.people.delete(gone)
        assert [p.id for p in store.people.list(include_archived=True)] == [keep]
        assert db.query("SELECT count(*) FROM calendar_event")[0][0] == 0
        assert store.drafts.count() == 1
        assert not store.search.search(SENTINEL[:6], include_private=True)
        assert store.search.search("残す内容", include_private=True)
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert db.query("PRAGMA foreign_key_check") == []
    assert not path.with_name("taiwa.db-wal").exists()
    assert not holds(path, key, SENTINEL)


def test_deleting_a_meeting_erases_its_notes_and_keeps_its_actions(
    keyed: tuple[Path, RawKey],
) -> None:
    path, key = keyed
    with Database.create(path, key) as db:
        store = Store(db)
        person = store.people.add("Someone")
        meeting = store.meetings.create(
            person.id,
            NOW,
            shared_notes=SENTINEL,
            private_notes=SENTINEL + "p",
            topics=[TopicDraft(theme="work", text=SENTINEL + "t")],
            actions=[ActionDraft(owner="report", text="Keep this item")],
        )
        store.drafts.save(f"meeting:{meeting.id}:shared_notes", SENTINEL + "d")
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO calendar_event (uid, starts_at, summary, status, person_id,"
                " meeting_id, imported_at) VALUES ('u2', '2026-10-01T00:00:00Z', ?, 'confirmed',"
                " ?, ?, 'x')",
                (SENTINEL, person.id, meeting.id),
            )
        store.meetings.delete(meeting.id)
        assert db.query("SELECT count(*) FROM calendar_event")[0][0] == 0
        assert not store.meetings.exists(meeting.id)
        assert [a.text for a in store.actions.list_for_person(person.id)] == ["Keep this item"]
        assert store.drafts.count() == 0
    assert not holds(path, key, SENTINEL)


def test_deleting_an_action_for_good_erases_its_text(keyed: tuple[Path, RawKey]) -> None:
    path, key = keyed
    with Database.create(path, key) as db:
        store = Store(db)
        person = store.people.add("Someone")
        action = store.actions.add(person.id, "manager", SENTINEL)
        store.actions.delete(action.id, erase=True)
        with pytest.raises(errors.ActionNotFoundError):
            store.actions.get(action.id)
    assert not holds(path, key, SENTINEL)


# -- edit, archive -------------------------------------------------------------------------------


def test_every_field_of_a_person_can_be_edited(store: Store) -> None:
    person = store.people.add("Old Name", emails=["old@example.com"], role="Dev", team="A")
    edited = store.people.update(
        person.id,
        name="新しい 名前",
        emails=["new@example.com", "second@example.com"],
        role="Lead",
        team="B",
        cadence_days=7,
        started_on="2024-04-01",
        career_goals="マネージャーになる",
    )
    assert (edited.name, edited.role, edited.team, edited.cadence_days) == (
        "新しい 名前",
        "Lead",
        "B",
        7,
    )
    assert set(edited.emails) == {"new@example.com", "second@example.com"}
    assert edited.started_on == date(2024, 4, 1)
    assert store.search.search("マネージャー", include_private=False)
    assert store.people.find_by_email("old@example.com") is None


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("started_on", "2024-13-40", errors.BadDateError),
        ("cadence_days", 0, errors.CadenceRangeError),
        ("name", "  ", errors.EmptyNameError),
        ("emails", ["not-an-address"], errors.BadEmailError),
        ("nickname", "x", errors.BadFieldError),
    ],
)
def test_a_bad_edit_changes_nothing(store: Store, field: str, value: object, error: type) -> None:
    person = store.people.add("Same", emails=["same@example.com"], started_on="2020-01-01")
    with pytest.raises(error):
        store.people.update(person.id, **{field: value})
    assert store.people.get(person.id) == person


def test_an_unknown_person_cannot_be_edited_archived_or_deleted(store: Store) -> None:
    for call in (
        lambda: store.people.update(99, name="x"),
        lambda: store.people.archive(99),
        lambda: store.people.delete(99),
    ):
        with pytest.raises(errors.UnknownPersonError):
            call()


def test_archived_people_leave_the_dashboard_and_are_searched_on_demand(store: Store) -> None:
    kept = store.people.add("Active")
    gone = store.people.add("Archived", career_goals="アーカイブ後も検索できる")
    store.actions.add(gone.id, "manager", "An item of theirs", due_on="2026-10-01")
    archived = store.people.archive(gone.id)
    assert archived.archived and archived.archived_at is not None
    assert [p.id for p in store.people.list()] == [kept.id]
    assert [p.id for p in store.people.list_archived()] == [gone.id]
    dashboard = load_dashboard(store, now=NOW)
    assert gone.id not in {s.person.id for s in store.reports.overview(NOW)}
    assert not [a for a in dashboard.mine if a.person_id == gone.id]
    # Kept for history, searched on demand only (every kind of row of theirs: goals, actions).
    assert store.search.search("アーカイブ後") == []
    assert store.search.search("item of theirs") == []
    assert store.search.search("アーカイブ後", include_archived=True)
    assert store.search.search("item of theirs", include_archived=True)
    # Archiving again keeps the first date; bringing back clears it.
    assert store.people.archive(gone.id).archived_at == archived.archived_at
    back = store.people.archive(gone.id, archived=False)
    assert not back.archived and back.archived_at is None
    assert {p.id for p in store.people.list()} == {kept.id, gone.id}


# -- meetings and action items ----------------------------------------------------------------


def test_a_meeting_moves_with_its_topics_and_agreed_actions(store: Store) -> None:
    wrong = store.people.add("Wrong", role="Dev", team="A")
    right = store.people.add("Right", role="Designer", team="UX")
    meeting = store.meetings.create(
        wrong.id,
        NOW,
        shared_notes="notes",
        topics=[TopicDraft(theme="growth", text="A topic")],
        actions=[ActionDraft(owner="report", text="An item")],
    )
    moved = store.meetings.move(meeting.id, right.id)
    assert (moved.person_id, moved.role, moved.team) == (right.id, "Designer", "UX")
    assert [t.text for t in moved.topics] == ["A topic"]
    assert [a.text for a in store.actions.list_for_person(right.id)] == ["An item"]
    assert store.actions.list_for_person(wrong.id) == []
    with pytest.raises(errors.SamePersonError):
        store.meetings.move(meeting.id, right.id)
    with pytest.raises(errors.UnknownPersonError):
        store.meetings.move(meeting.id, 999)
    with pytest.raises(errors.MeetingNotFoundError):
        store.meetings.move(999, right.id)
    with pytest.raises(errors.MeetingNotFoundError):
        store.meetings.delete(999)


def test_action_listing_all_open_per_person_and_overdue(store: Store) -> None:
    a = store.people.add("A")
    b = store.people.add("B")
    late = store.actions.add(a.id, "manager", "late", due_on="2026-10-01")
    later = store.actions.add(b.id, "report", "later", due_on="2026-12-01")
    undated = store.actions.add(b.id, "manager", "undated")
    store.actions.set_done(store.actions.add(a.id, "manager", "done").id)
    assert [x.id for x in store.actions.listing()] == [late.id, later.id, undated.id]
    assert [x.id for x in store.actions.listing(person_id=b.id)] == [later.id, undated.id]
    assert [x.id for x in store.actions.listing(overdue_on=NOW.date())] == [late.id]
    store.people.archive(a.id)
    assert [x.id for x in store.actions.listing()] == [later.id, undated.id]
    assert [x.id for x in store.actions.listing(person_id=a.id)] == [late.id]
    edited = store.actions.update(late.id, text="new text", owner="report", due_on=None)
    assert (edited.text, edited.owner.value, edited.due_on) == ("new text", "report", None)
    with pytest.raises(errors.BadDateError):
        store.actions.update(late.id, due_on="tomorrow")
    with pytest.raises(errors.ActionNotFoundError):
        store.actions.update(999, text="x")


# -- retention -----------------------------------------------------------------------------------


def test_retention_erases_archived_people_after_the_period_only(store: Store) -> None:
    old = store.people.add("Archived long ago")
    recent = store.people.add("Archived recently")
    active = store.people.add("Active")
    store.people.archive(old.id)
    store.people.archive(recent.id)
    with store.db.transaction() as conn:
        conn.execute(
            "UPDATE person SET archived_at = '2022-01-01T00:00:00Z' WHERE id = ?", (old.id,)
        )
        conn.execute(
            "UPDATE person SET archived_at = '2025-06-01T00:00:00Z' WHERE id = ?", (recent.id,)
        )
    assert store.retention.years() is None
    assert store.retention.apply(NOW) == 0  # off by default
    assert store.retention.set_years("3") == 3
    assert store.retention.due(NOW) == [old.id]
    assert store.retention.apply(NOW) == 1
    left = {p.id for p in store.people.list(include_archived=True)}
    assert left == {recent.id, active.id}
    assert store.retention.set_years(None) is None
    assert store.retention.years() is None


@pytest.mark.parametrize("value", ["0", "101", "two", "-1", "1.5", True, ""])
def test_a_bad_retention_period_is_refused(store: Store, value: object) -> None:
    store.retention.set_years(5)
    with pytest.raises(errors.RetentionRangeError):
        store.retention.set_years(value)  # type: ignore[arg-type]
    assert store.retention.years() == 5


def test_unlocking_applies_the_retention_rule_with_a_notice(tmp_path: Path) -> None:
    from taiwa.vault.service import (
        NOTICE_RETENTION_ERASED,
        create_vault,
        known_backups,
        open_vault,
    )

    folder = tmp_path / "vault"
    create_vault(folder).database.close()
    with open_vault(folder) as db:
        store = Store(db)
        gone = store.people.add("Left long ago")
        store.people.add("Still here")
        store.people.archive(gone.id)
        with db.transaction() as conn:
            conn.execute("UPDATE person SET archived_at = '2001-01-01T00:00:00Z'")
        assert known_backups(db) == []
    with open_vault(folder) as db:  # the rule is off: nothing happens
        assert db.notices == [] and db.retention_erased == 0
        Store(db).retention.set_years(10)
    (folder / "backups").mkdir(mode=0o700)
    (folder / "backups" / "taiwa-v3-20260101T000000Z.db").write_bytes(b"copy")
    with open_vault(folder, check_integrity=False) as db:
        assert NOTICE_RETENTION_ERASED in db.notices
        assert db.retention_erased == 1
        assert [p.name for p in Store(db).people.list(include_archived=True)] == ["Still here"]
        assert [p.name for p in known_backups(db)] == ["taiwa-v3-20260101T000000Z.db"]


def test_manager_overdue_signal_as_of_a_past_day(store: Store) -> None:
    """A PDF of a past period shows the manager's items overdue *then*: one done since counts
    as of that day; as of today only what is open today counts."""
    from datetime import UTC, datetime

    from taiwa.domain.signals import SignalKind

    person = store.people.add("As Of", started_on="2025-01-01")
    done_later = store.actions.add(person.id, "manager", "done since", due_on="2025-03-01")
    store.actions.set_done(done_later.id, "2025-05-01")

    def overdue(now: datetime) -> list[object]:
        return [
            s.params["count"]
            for s in store.reports.signals(now)
            if s.person_id == person.id and s.kind is SignalKind.MANAGER_ACTIONS_OVERDUE
        ]

    assert overdue(datetime(2025, 4, 1, 12, tzinfo=UTC)) == [1]
    assert overdue(datetime(2025, 6, 1, 12, tzinfo=UTC)) == []  # done by then
    assert overdue(datetime.now(UTC)) == []
