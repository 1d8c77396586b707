"""Opening a vault of an older schema: an encrypted backup copy first, then the upgrade."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.store import Store
from taiwa.store.dashboard import load_dashboard
from taiwa.vault import errors, schema
from taiwa.vault.database import SQLITE_PLAIN_HEADER, Database
from taiwa.vault.keys import RawKey
from taiwa.vault.service import create_vault, open_vault
from tests.support.vaults import snapshot


def test_upgrade_keeps_an_encrypted_copy_of_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    db = create_vault(folder).database
    key = db.key  # type: ignore[attr-defined]
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('A','x','x')")
    db.close()
    old_version = schema.LATEST_VERSION
    monkeypatch.setattr(
        schema, "MIGRATIONS", (*schema.MIGRATIONS, ("CREATE TABLE upgrade_probe (x)",))
    )
    monkeypatch.setattr(schema, "LATEST_VERSION", old_version + 1)
    with open_vault(folder) as upgraded:
        assert upgraded.user_version == old_version + 1
        assert upgraded.query("SELECT name FROM person")[0][0] == "A"
    copies = list((folder / "backups").iterdir())
    assert len(copies) == 1
    copy = copies[0]
    assert copy.name.startswith(f"taiwa-v{old_version}-")
    assert copy.stat().st_mode & 0o777 == 0o600
    assert (folder / "backups").stat().st_mode & 0o777 == 0o700
    assert not copy.read_bytes().startswith(SQLITE_PLAIN_HEADER)
    with Database.open(copy, key, migrate=False) as old:
        assert old.user_version == old_version
        assert old.query("SELECT name FROM person")[0][0] == "A"


def test_a_vault_from_a_newer_taiwa_is_not_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    create_vault(folder).database.close()
    before = snapshot(folder)
    monkeypatch.setattr(schema, "LATEST_VERSION", schema.LATEST_VERSION - 1)
    with pytest.raises(errors.VaultTooNewError):
        open_vault(folder)
    assert snapshot(folder) == before


FROZEN_V1 = Path(__file__).resolve().parents[2] / "data" / "vault_v1"


def test_a_version_1_vault_upgrades_with_every_note_and_the_dashboard_reads_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "taiwa.db"
    shutil.copy(FROZEN_V1 / "taiwa.db", path)
    with Database.open(path, RawKey("6b" * 32)) as db:
        assert db.user_version == schema.LATEST_VERSION == 5
        store = Store(db)
        people = {p.name: p for p in store.people.list()}
        assert set(people) == {"山田 花子", "Taro Sato"}
        meetings = store.meetings.list_for_person(people["山田 花子"].id, limit=20)
        assert len(meetings) == 6
        newest = store.meetings.get(meetings[0].id)
        assert (newest.shared_notes, newest.private_notes) == ("共有メモ 5", "非公開メモ 5")
        assert store.search.search("非公開メモ 5", include_private=True)
        indexes = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"meeting_person_facts", "meeting_start_facts", "topic_meeting_theme"} <= indexes
        assert not {"meeting_person_start", "meeting_start"} & indexes
        dashboard = load_dashboard(store, now=datetime(2026, 11, 1, 12, 0, tzinfo=UTC))
        assert [a.text for a in dashboard.mine] == ["フォローアップ 5"]
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.startswith("taiwa-v1-") for c in copies] == [True]


FROZEN_V2 = Path(__file__).resolve().parents[2] / "data" / "vault_v2"


def test_a_version_2_vault_upgrades_and_keeps_drafts_that_go_with_their_record(
    tmp_path: Path,
) -> None:
    path = tmp_path / "taiwa.db"
    shutil.copy(FROZEN_V2 / "taiwa.db", path)
    with Database.open(path, RawKey("6b" * 32)) as db:
        assert db.user_version == schema.LATEST_VERSION == 5
        store = Store(db)
        people = {p.name: p for p in store.people.list()}
        assert set(people) == {"山田 花子", "Taro Sato"}
        assert people["山田 花子"].emails == ("hanako@example.jp",)
        meetings = store.meetings.list_for_person(people["山田 花子"].id, limit=20)
        assert len(meetings) == 6
        newest = store.meetings.get(meetings[0].id)
        assert (newest.purpose, newest.shared_notes, newest.private_notes) == (
            "目的 5",
            "共有メモ 5",
            "非公開メモ 5",
        )
        assert store.settings.get("calendar.owner") == "boss@example.com"
        # The new table works, and its rows go with their meeting.
        key = f"meeting:{newest.id}:new_topic"
        assert store.drafts.save(key, "下書きの話題")
        assert [d.text for d in store.drafts.list()] == ["下書きの話題"]
        store.meetings.delete(newest.id)
        assert store.drafts.count() == 0
        assert not store.search.search("下書き", include_private=True)
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert db.query("PRAGMA foreign_key_check") == []
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.startswith("taiwa-v2-") for c in copies] == [True]


FROZEN_V3 = Path(__file__).resolve().parents[2] / "data" / "vault_v3"


def test_a_version_3_vault_upgrades_with_archive_dates_for_the_retention_rule(
    tmp_path: Path,
) -> None:
    path = tmp_path / "taiwa.db"
    shutil.copy(FROZEN_V3 / "taiwa.db", path)
    with Database.open(path, RawKey("6b" * 32)) as db:
        assert db.user_version == schema.LATEST_VERSION == 5
        store = Store(db)
        active = {p.name: p for p in store.people.list()}
        assert set(active) == {"山田 花子", "Taro Sato"}
        assert all(p.archived_at is None for p in active.values())
        (archived,) = store.people.list_archived()
        assert archived.name == "鈴木 一郎"
        # Archived before v4: the period counts from the last change the vault recorded.
        assert archived.archived_at is not None
        assert archived.archived_at.year == 2026
        hanako = active["山田 花子"]
        assert (hanako.emails, hanako.career_goals) == (
            ("hanako@example.jp",),
            "テックリードになる",
        )
        assert len(store.meetings.list_for_person(hanako.id, limit=20)) == 4
        assert store.search.search("鈴木さんの非公開", include_private=True, include_archived=True)
        assert store.drafts.count() == 1
        # The rule erases the archived person with everything of theirs.
        store.retention.set_years(1)
        assert store.retention.apply(datetime(2030, 1, 1, tzinfo=UTC)) == 1
        assert store.drafts.count() == 0
        assert not store.search.search("鈴木さん", include_private=True, include_archived=True)
        assert store.settings.get("calendar.owner") == "boss@example.com"
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
        assert db.query("PRAGMA foreign_key_check") == []
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.startswith("taiwa-v3-") for c in copies] == [True]


FROZEN_V4 = Path(__file__).resolve().parents[2] / "data" / "vault_v4"


def _plan(db: Database, sql: str, params: tuple[object, ...]) -> str:
    return " | ".join(str(row[3]) for row in db.query("EXPLAIN QUERY PLAN " + sql, params))


def test_a_version_4_vault_upgrades_to_the_indexes_of_the_big_vault_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "taiwa.db"
    shutil.copy(FROZEN_V4 / "taiwa.db", path)
    with Database.open(path, RawKey("6b" * 32)) as db:
        assert db.user_version == schema.LATEST_VERSION == 5
        store = Store(db)
        now = datetime(2026, 12, 1, tzinfo=UTC)
        # The overview's open-item counts come from the index alone (no row with the text).
        counts = (
            "SELECT a.person_id, count(*), sum(a.owner = 'manager'),"
            " sum(a.due_on IS NOT NULL AND a.due_on < ?) FROM person p CROSS JOIN action a"
            " ON a.person_id = p.id AND a.done_on IS NULL WHERE p.archived = 0"
            " GROUP BY a.person_id"
        )
        assert "COVERING INDEX action_person_done" in _plan(db, counts, ("2026-12-01",))
        # The execution rate's action counts per period, from the index alone too.
        agreed = (
            "SELECT a.person_id, a.done_on IS NOT NULL AND a.done_on <= ? FROM meeting m"
            " CROSS JOIN action a ON a.meeting_id = m.id"
            " WHERE m.starts_at >= ? AND m.starts_at < ?"
        )
        window = ("2026-12-01", "2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z")
        assert "COVERING INDEX action_meeting" in _plan(db, agreed, window)
        # "To confirm" walks only the planned calendar occurrences, not every past meeting.
        from taiwa.store.calendar import _AWAITING

        awaiting = f"SELECT m.id FROM meeting m WHERE {_AWAITING} ORDER BY m.starts_at"
        assert "meeting_calendar_planned" in _plan(db, awaiting, ("2026-12-01T00:00:00Z",))
        # What the v4 vault held reads back the same through the new indexes.
        overview = {s.person.name: s for s in store.reports.overview(now)}
        assert set(overview) == {"山田 花子", "Taro Sato"}
        assert overview["山田 花子"].open_actions == 1
        assert overview["山田 花子"].open_manager_actions == 1
        assert overview["Taro Sato"].overdue_actions == 1
        assert load_dashboard(store, now).to_confirm == []
        (archived,) = store.people.list_archived()
        assert archived.name == "鈴木 一郎" and archived.archived_at is not None
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
    copies = list((tmp_path / "backups").iterdir())
    assert [c.name.startswith("taiwa-v4-") for c in copies] == [True]
