"""Opening a vault of an older schema: an encrypted backup copy first, then the upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest

from taiwa.vault import errors, schema
from taiwa.vault.database import SQLITE_PLAIN_HEADER, Database
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
