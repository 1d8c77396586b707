"""After rotate-key and change-recovery, no copy under the old secret is left where Taiwa can
reach it, and the backups it cannot reach are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taiwa.vault import errors, schema
from taiwa.vault.database import Database
from taiwa.vault.recovery import backup_key_for
from taiwa.vault.service import (
    VaultDatabase,
    backup_vault,
    change_recovery,
    create_vault,
    open_vault,
    read_backup_info,
    rotate_key,
    stale_backups,
)

PASS = "a long enough passphrase"


def _vault_with_an_upgrade_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vault whose backups/ holds a pre-upgrade copy (under the database key)."""
    folder = tmp_path / "v"
    create_vault(folder, recovery_passphrase=PASS).database.close()
    monkeypatch.setattr(
        schema, "MIGRATIONS", (*schema.MIGRATIONS, ("CREATE TABLE upgrade_probe (x)",))
    )
    monkeypatch.setattr(schema, "LATEST_VERSION", schema.LATEST_VERSION + 1)
    open_vault(folder).close()
    assert len(list((folder / "backups").iterdir())) == 1
    return folder


def test_rotate_key_re_encrypts_the_copies_in_the_vault_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _vault_with_an_upgrade_copy(tmp_path, monkeypatch)
    db = open_vault(folder)
    assert isinstance(db, VaultDatabase)
    old_key = db.key
    removed = rotate_key(db, PASS)
    new_key = db.key
    db.close()
    assert removed == []
    (copy,) = (folder / "backups").iterdir()
    # The leaked old key opens nothing in the folder any more; the new key opens the copy.
    with pytest.raises(errors.DatabaseCorruptError):
        Database.open(copy, old_key, migrate=False)
    with Database.open(copy, new_key, migrate=False) as old:
        assert old.user_version == schema.LATEST_VERSION - 1
    assert not list((folder / "backups").glob("*-journal"))


def test_a_copy_that_cannot_be_re_encrypted_is_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _vault_with_an_upgrade_copy(tmp_path, monkeypatch)
    stray = folder / "backups" / "taiwa-v0-stray.db"
    stray.write_bytes(b"\x00" * 8192)
    db = open_vault(folder)
    removed = rotate_key(db, PASS)
    db.close()
    assert removed == [stray]
    assert not stray.exists()
    assert len(list((folder / "backups").iterdir())) == 1


def test_backups_outside_are_named_after_change_recovery_and_rotation(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    db = create_vault(folder, recovery_passphrase=PASS).database
    first = tmp_path / "first.taiwa"
    backup_vault(db, first)
    assert stale_backups(db) == []  # made under the current slot
    change_recovery(db, PASS + " new")
    assert stale_backups(db) == [first]
    # It is true: the old secret still opens it.
    assert read_backup_info(first, PASS)["vault_id"] == db.header.vault_id
    second = tmp_path / "second.taiwa"
    backup_vault(db, second)
    rotate_key(db, PASS + " new")
    assert stale_backups(db) == [first, second]
    # Deleted or replaced by another file: no longer named.
    first.unlink()
    second.write_bytes(b"not a backup" * 10)
    assert stale_backups(db) == []
    db.close()


def test_backup_keys_come_from_the_secret_not_the_database_key(tmp_path: Path) -> None:
    # Why rotate-key and change-recovery reach different copies: a backup's key is derived from
    # the recovery secret and the file's own salt; the database key is not needed to open it.
    folder = tmp_path / "v"
    db = create_vault(folder, recovery_passphrase=PASS).database
    backup = tmp_path / "b.taiwa"
    backup_vault(db, backup)
    rotate_key(db, PASS)
    db.close()
    salt = backup.read_bytes()[:16]
    assert backup_key_for(PASS, salt)
    assert read_backup_info(backup, PASS)["format"] == "1"


def test_a_rotation_killed_before_the_copies_were_re_encrypted_deletes_them_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.vault import service

    folder = _vault_with_an_upgrade_copy(tmp_path, monkeypatch)
    db = open_vault(folder)
    real = service._rekey_folder_copies

    def killed(*args: object) -> list[Path]:
        raise KeyboardInterrupt  # stands for a kill after the re-key, before the copies

    monkeypatch.setattr(service, "_rekey_folder_copies", killed)
    with pytest.raises(KeyboardInterrupt):
        rotate_key(db, PASS)
    new_key = db.key
    db._conn.close()  # type: ignore[union-attr]  # as a killed process would leave it
    db._conn = None
    db._instance_lock.release()  # type: ignore[union-attr]
    monkeypatch.setattr(service, "_rekey_folder_copies", real)
    with open_vault(folder) as again:
        assert again.header.pending is None
        assert again.key == new_key
    assert list((folder / "backups").iterdir()) == []


def test_a_planted_restore_leftover_cannot_delete_another_vaults_keyring_entry(
    tmp_path: Path, memory_keyring: object
) -> None:
    from taiwa.vault.service import clean_restore_leftovers

    real = tmp_path / "real"
    create_vault(real, recovery_passphrase=PASS).database.close()
    vid = json.loads((real / "vault.json").read_text())["vault_id"]
    planted = tmp_path / ".target.taiwa-restore-0000"
    planted.mkdir()
    (planted / "vault.json").write_bytes((real / "vault.json").read_bytes())
    assert clean_restore_leftovers(tmp_path / "target") == [planted]
    assert not planted.exists()
    open_vault(real).close()  # its keyring entry is still there
    assert vid
