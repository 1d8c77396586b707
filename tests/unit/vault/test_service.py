"""The vault service in-process: create, open, modes, lock, recovery, rotation, backup."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import keyring.backends.fail
import pytest

import keyring
from taiwa.vault import errors
from taiwa.vault.database import Database
from taiwa.vault.keys import RawKey
from taiwa.vault.keystore import SERVICE, Keystore
from taiwa.vault.service import (
    backup_vault,
    change_recovery,
    create_vault,
    open_vault,
    read_backup_info,
    restore_vault,
    rotate_key,
    unlock_with_recovery,
    vault_exists,
)
from tests.support.memkeyring import MemoryKeyring
from tests.support.vaults import snapshot

PASS = "correct horse battery staple"


def _note(db: Database, text: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('P','x','x')")
        conn.execute(
            "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes)"
            " VALUES (1, '2026-01-01T00:00:00Z', 'x', 'x', ?)",
            (text,),
        )


def _notes(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT shared_notes FROM meeting ORDER BY id")]


def test_create_makes_a_private_folder_and_keeps_the_key_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "a" / "vault"
    created = create_vault(folder)
    db = created.database
    try:
        assert created.recovery_code and re.fullmatch(
            r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", created.recovery_code
        )
        assert folder.stat().st_mode & 0o777 == 0o700
        assert sorted(p.name for p in folder.iterdir()) == [
            "integrity.json",
            "taiwa.db",
            "taiwa.db-shm",
            "taiwa.db-wal",
            "taiwa.lock",
            "taiwa.open",
            "vault.json",
        ]
        names = ("taiwa.db", "taiwa.lock", "vault.json", "taiwa.db-wal", "taiwa.open")
        for name in (*names, "integrity.json"):
            assert (folder / name).stat().st_mode & 0o777 == 0o600, name
        vid = db.header.vault_id  # type: ignore[attr-defined]
        assert memory_keyring.secrets[(SERVICE, vid)] == db.key.hex  # type: ignore[attr-defined]
        header_text = (folder / "vault.json").read_text()
        assert db.key.hex not in header_text  # type: ignore[attr-defined]
        assert created.recovery_code.replace("-", "") not in header_text
    finally:
        db.close()
    assert vault_exists(folder)


def test_reopen_through_the_keyring(tmp_path: Path) -> None:
    db = create_vault(tmp_path / "v").database
    _note(db, "hello 対話")
    db.close()
    with open_vault(tmp_path / "v") as again:
        assert _notes(again) == ["hello 対話"]


def test_keyring_that_does_not_keep_the_key_creates_nothing(tmp_path: Path) -> None:
    class Forgetful(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            super().set_password(service, username, "0" * 64)

    backend = Forgetful()
    with pytest.raises(errors.KeyringWriteError):
        create_vault(tmp_path / "v", keystore=Keystore(backend))
    assert not (tmp_path / "v").exists()
    assert backend.secrets == {}


def test_no_keyring_creates_nothing(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(errors.KeyringUnavailableError):
        create_vault(tmp_path / "v")
    assert not (tmp_path / "v").exists()


def test_passphrase_only_mode_keeps_nothing_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    created = create_vault(tmp_path / "v", use_keyring=False, recovery_passphrase=PASS)
    assert created.recovery_code is None
    _note(created.database, "secret")
    created.database.close()
    assert memory_keyring.secrets == {}
    with pytest.raises(errors.RecoveryRequiredError):
        open_vault(tmp_path / "v")
    before = snapshot(tmp_path / "v")
    with pytest.raises(errors.WrongRecoverySecretError):
        open_vault(tmp_path / "v", recovery_secret=PASS + "x")
    assert snapshot(tmp_path / "v") == before
    with open_vault(tmp_path / "v", recovery_secret=PASS) as db:
        assert _notes(db) == ["secret"]
    assert memory_keyring.secrets == {}


def test_second_open_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    db = create_vault(tmp_path / "v").database
    with pytest.raises(errors.VaultInUseError):
        open_vault(tmp_path / "v")
    # Also from another thread (the lock is the OS's, not a Python flag).
    seen: list[BaseException] = []

    def other() -> None:
        try:
            open_vault(tmp_path / "v").close()
        except errors.VaultError as exc:
            seen.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert [type(e) for e in seen] == [errors.VaultInUseError]
    db.close()
    open_vault(tmp_path / "v").close()


def test_recovery_code_puts_the_key_back(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    created = create_vault(tmp_path / "v")
    key_hex = created.database.key.hex  # type: ignore[attr-defined]
    created.database.close()
    memory_keyring.secrets.clear()
    with pytest.raises(errors.KeyringEntryMissingError):
        open_vault(tmp_path / "v")
    assert created.recovery_code
    unlock_with_recovery(tmp_path / "v", created.recovery_code.lower().replace("-", " ")).close()
    assert list(memory_keyring.secrets.values()) == [key_hex]
    open_vault(tmp_path / "v").close()


def test_wrong_recovery_secret_changes_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    create_vault(tmp_path / "v").database.close()
    memory_keyring.secrets.clear()
    before = snapshot(tmp_path / "v")
    with pytest.raises(errors.WrongRecoverySecretError):
        unlock_with_recovery(tmp_path / "v", "0000-0000-0000-0000-0000-0000-0000-0000")
    assert snapshot(tmp_path / "v") == before
    assert memory_keyring.secrets == {}


def test_change_recovery_replaces_the_secret(tmp_path: Path) -> None:
    created = create_vault(tmp_path / "v")
    old = created.recovery_code
    assert old
    db = created.database
    new_code = change_recovery(db)
    assert new_code and new_code != old
    assert change_recovery(db, PASS) is None
    with pytest.raises(errors.PassphraseTooShortError):
        change_recovery(db, "short")
    db.close()
    with pytest.raises(errors.WrongRecoverySecretError):
        open_vault(tmp_path / "v", recovery_secret=old)
    with pytest.raises(errors.WrongRecoverySecretError):
        open_vault(tmp_path / "v", recovery_secret=new_code)
    open_vault(tmp_path / "v", recovery_secret=PASS).close()


@pytest.mark.parametrize("use_keyring", [True, False])
def test_rotate_key_re_encrypts_under_a_new_key(tmp_path: Path, use_keyring: bool) -> None:
    created = create_vault(tmp_path / "v", use_keyring=use_keyring, recovery_passphrase=PASS)
    db = created.database
    _note(db, "before rotation")
    old_key: RawKey = db.key  # type: ignore[attr-defined]
    with pytest.raises(errors.WrongRecoverySecretError):
        rotate_key(db, PASS + "!")
    rotate_key(db, PASS)
    assert db.key != old_key  # type: ignore[attr-defined]
    _note(db, "after rotation")
    db.close()
    with pytest.raises(errors.DatabaseCorruptError):  # the old key no longer opens the file
        Database.open(tmp_path / "v" / "taiwa.db", old_key).close()
    secret = None if use_keyring else PASS
    with open_vault(tmp_path / "v", recovery_secret=secret) as again:
        assert _notes(again) == ["before rotation", "after rotation"]
        assert again.header.pending is None  # type: ignore[attr-defined]


def test_backup_restores_elsewhere_with_the_recovery_code_alone(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    created = create_vault(tmp_path / "v")
    code = created.recovery_code
    assert code
    db = created.database
    _note(db, "キャリアの話")
    target = tmp_path / "out" / "taiwa-backup.db"
    target.parent.mkdir()
    backup_vault(db, target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["taiwa-backup.db"]
    with pytest.raises(errors.BackupTargetExistsError):
        backup_vault(db, target)
    with pytest.raises(errors.BackupInsideVaultError):
        backup_vault(db, tmp_path / "v" / "copy.db")
    db.close()
    assert read_backup_info(target, code)["format"] == "1"

    # "Another machine": an empty keyring, a new folder.
    memory_keyring.secrets.clear()
    with pytest.raises(errors.BackupUnreadableError):
        restore_vault(target, tmp_path / "w", PASS)
    assert not (tmp_path / "w").exists()
    assert memory_keyring.secrets == {}
    restored = restore_vault(target, tmp_path / "w", code)
    try:
        assert _notes(restored) == ["キャリアの話"]
        hits = restored.query("SELECT rowid FROM search_index WHERE body MATCH '\"キャリア\"'")
        assert len(hits) == 1
        assert restored.query("SELECT name FROM sqlite_master WHERE name = 'taiwa_backup'") == []
        assert restored.user_version >= 1
    finally:
        restored.close()
    assert len(memory_keyring.secrets) == 1
    # The restored vault opens through the keyring and with the same recovery code.
    open_vault(tmp_path / "w").close()
    open_vault(tmp_path / "w", recovery_secret=code).close()
    with pytest.raises(errors.VaultExistsError):
        restore_vault(target, tmp_path / "w", code)


def test_restore_refuses_a_plaintext_or_missing_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    plain.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    with pytest.raises(errors.BackupUnreadableError):
        restore_vault(plain, tmp_path / "w", PASS)
    with pytest.raises(errors.BackupMissingError):
        restore_vault(tmp_path / "nope.db", tmp_path / "w", PASS)
    assert not (tmp_path / "w").exists()


def test_disk_full_saves_nothing_and_changes_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    db = create_vault(folder).database
    _note(db, "kept")
    db.close()
    before = snapshot(folder)
    db = open_vault(folder)
    pages = db.pragma("page_count")
    db.query(f"PRAGMA max_page_count = {int(pages) + 1}")
    with pytest.raises(errors.DiskFullError) as info, db.transaction() as conn:
        conn.executemany(
            "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes)"
            " VALUES (1, '2026-01-01T00:00:00Z', 'x', 'x', ?)",
            [("y" * 5000,) for _ in range(50)],
        )
    assert "yyyy" not in str(info.value)
    assert _notes(db) == ["kept"]
    db.close()
    assert snapshot(folder) == before


def test_folder_without_write_permission_is_refused_even_for_root(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    create_vault(folder).database.close()
    before = snapshot(folder)
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(errors.VaultNotWritableError):
            open_vault(folder)
    finally:
        os.chmod(folder, 0o700)
    os.chmod(folder / "taiwa.db", 0o400)
    try:
        with pytest.raises(errors.VaultNotWritableError):
            open_vault(folder)
    finally:
        os.chmod(folder / "taiwa.db", 0o600)
    assert snapshot(folder) == before


def test_init_on_an_existing_vault_makes_no_new_key(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    create_vault(tmp_path / "v").database.close()
    before, keys = snapshot(tmp_path / "v"), dict(memory_keyring.secrets)
    with pytest.raises(errors.VaultExistsError):
        create_vault(tmp_path / "v")
    assert snapshot(tmp_path / "v") == before
    assert memory_keyring.secrets == keys


def test_a_folder_of_other_files_is_not_made_a_vault(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / "letter.txt").write_text("mine")
    with pytest.raises(errors.VaultFolderNotEmptyError):
        create_vault(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]
    assert folder.stat().st_mode & 0o777 == 0o755
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    os.chmod(empty, 0o755)
    create_vault(empty).database.close()
    assert empty.stat().st_mode & 0o777 == 0o700


def test_deferred_integrity_check_finds_a_damaged_later_page(tmp_path: Path) -> None:
    """The app opens without quick_check and runs it beside the first screen: damage in a page
    the first screen never reads is still reported, and the file is left as it was."""
    folder = tmp_path / "v"
    db = create_vault(folder).database
    for i in range(200):
        _note(db, f"note {i} " + "x" * 400)
    db.close()
    path = folder / "taiwa.db"
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    assert pages > 10
    data[(pages - 2) * 4096 + 100] ^= 0xFF  # a leaf page of the meeting table, not page 1
    path.write_bytes(bytes(data))
    before = snapshot(folder)

    with pytest.raises(errors.DatabaseCorruptError):
        open_vault(folder, check_integrity=True)  # doctor's and an owed check's path
    quick = open_vault(folder, check_integrity=False)
    try:
        with pytest.raises(errors.DatabaseCorruptError):
            quick.verify_integrity()
    finally:
        quick.close()
    assert snapshot(folder) == before


def test_deferred_integrity_check_passes_on_a_healthy_vault_in_use(tmp_path: Path) -> None:
    db = create_vault(tmp_path / "v").database
    db.close()
    with open_vault(tmp_path / "v", check_integrity=False) as again:
        _note(again, "written while the check runs")
        again.verify_integrity()  # type: ignore[attr-defined]
        assert _notes(again) == ["written while the check runs"]
