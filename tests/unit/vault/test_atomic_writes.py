"""Every file of the vault is written through taiwa.atomic: no planted link is followed, an
existing file is never replaced where it must not be, and a failure leaves nothing."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from taiwa.prefs import Prefs
from taiwa.vault import database as database_module
from taiwa.vault import errors
from taiwa.vault.database import Database
from taiwa.vault.header import read_header, write_header
from taiwa.vault.keys import RawKey
from taiwa.vault.service import backup_vault, create_vault
from tests.support.memkeyring import MemoryKeyring


def files(folder: Path) -> list[str]:
    """The folder's files, without SQLite's -wal/-shm (they come and go with the connection)."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )


def test_header_is_not_written_through_a_planted_vault_json_new(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "vault"
    db = create_vault(folder).database
    try:
        victim = tmp_path / "victim"
        victim.write_bytes(b"precious")
        (folder / "vault.json.new").symlink_to(victim)
        write_header(folder, db.header)
        assert victim.read_bytes() == b"precious"
        header = folder / "vault.json"
        assert not header.is_symlink() and stat.S_IMODE(header.stat().st_mode) == 0o600
        assert read_header(folder).vault_id == db.header.vault_id
    finally:
        db.close()


def test_new_database_never_replaces_one_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "taiwa.db"
    real = database_module._create_schema

    def racing(temp: Path, key: RawKey) -> None:
        real(temp, key)
        path.write_bytes(b"someone else's vault")  # appears between the check and the rename

    monkeypatch.setattr(database_module, "_create_schema", racing)
    with pytest.raises(errors.VaultExistsError):
        Database.create(path, RawKey.generate())
    assert path.read_bytes() == b"someone else's vault"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taiwa.db"]


def test_new_database_ignores_a_planted_link_at_the_old_temporary_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / "taiwa.db.new").symlink_to(victim)
    Database.create(tmp_path / "taiwa.db", RawKey.generate()).close()
    assert victim.read_bytes() == b"precious"
    assert stat.S_IMODE((tmp_path / "taiwa.db").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taiwa.db", "taiwa.db.new", "victim"]


def test_backup_refuses_a_target_that_appears_during_the_export(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.vault import service

    db = create_vault(tmp_path / "vault").database
    target = tmp_path / "usb" / "copy.taiwa"
    target.parent.mkdir()
    real = service._verify_backup

    def racing(path: Path, key: RawKey) -> None:
        real(path, key)
        target.write_bytes(b"another file")

    monkeypatch.setattr(service, "_verify_backup", racing)
    try:
        with pytest.raises(errors.BackupTargetExistsError):
            backup_vault(db, target)
    finally:
        db.close()
    assert target.read_bytes() == b"another file"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.taiwa"]


def test_backup_through_a_symlinked_folder_into_the_vault_is_refused(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "vault"
    db = create_vault(folder).database
    before = files(folder)
    link = tmp_path / "elsewhere"
    link.symlink_to(folder / "backups" if (folder / "backups").is_dir() else folder)
    try:
        with pytest.raises(errors.BackupInsideVaultError):
            backup_vault(db, link / "copy.taiwa")
    finally:
        db.close()
    # The unclean-shutdown marker goes with the clean close; nothing else changed.
    assert files(folder) == [name for name in before if name != "taiwa.open"]


def test_prefs_are_private_and_never_written_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    path = tmp_path / "config" / "prefs.json"
    path.parent.mkdir()
    path.symlink_to(victim)
    prefs = Prefs(path=path)
    prefs.save()
    assert victim.read_bytes() == b"precious"
    assert not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["prefs.json"]


def test_a_link_planted_at_the_lock_file_is_not_followed(tmp_path: Path) -> None:
    from taiwa.vault.lock import InstanceLock

    elsewhere = tmp_path / "elsewhere"
    lock = tmp_path / "taiwa.lock"
    lock.symlink_to(elsewhere)  # dangling: following it would create a file outside
    with pytest.raises(errors.VaultNotWritableError):
        InstanceLock.acquire(lock)
    assert not elsewhere.exists()
