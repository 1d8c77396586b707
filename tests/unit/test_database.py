"""The Database class: create, open sequence, transactions, the search index triggers."""

from __future__ import annotations

from pathlib import Path

import pytest

from taiwa.vault import errors
from taiwa.vault.database import Database
from taiwa.vault.keys import RawKey


def test_created_database_is_private_and_has_no_leftover_new_file(tmp_path: Path) -> None:
    path = tmp_path / "taiwa.db"
    Database.create(path, RawKey.generate()).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taiwa.db"]
    assert path.stat().st_mode & 0o777 == 0o600


def test_japanese_substring_is_found_by_the_trigram_index(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('A', 'x', 'x')")
        conn.execute(
            "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes)"
            " VALUES (1, '2026-01-01T00:00:00Z', 'x', 'x', 'キャリア形成について話した')"
        )
    rows = db.query("SELECT rowid FROM search_index WHERE body MATCH ?", ('"キャリア"',))
    assert [r[0] for r in rows] == [1 * 8 + 1]


def test_failed_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('A', 'x', 'x')")
        raise RuntimeError("boom")
    assert db.query("SELECT count(*) FROM person")[0][0] == 0


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "taiwa.db"
    path.write_bytes(b"keep me")
    with pytest.raises(errors.VaultExistsError):
        Database.create(path, RawKey.generate())
    assert path.read_bytes() == b"keep me"


def test_raw_key_rejects_anything_but_64_lowercase_hex() -> None:
    for bad in ("", "00" * 31, "G" * 64, "AB" * 32, "00" * 32 + "'", "x'" + "00" * 31 + "'"):
        with pytest.raises(ValueError):
            RawKey(bad)
    assert "hidden" in repr(RawKey.generate())


def test_a_read_made_row_by_row_fails_as_a_whole_read_fails(db: Database) -> None:
    # SQLite reports the overflow while it steps through the rows.
    sql = "SELECT abs(v) FROM (SELECT 1 AS v UNION ALL SELECT -9223372036854775808)"
    with pytest.raises(Exception) as whole:  # whatever the whole read raises
        db.query(sql)
    with pytest.raises(type(whole.value)):
        db.query_as(sql, (), tuple)
