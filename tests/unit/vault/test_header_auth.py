"""The header is authenticated as a whole, bounded before any derivation, and not downgradable."""

from __future__ import annotations

import base64
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from taiwa.vault import errors, recovery, service
from taiwa.vault.header import LEGACY_FORMAT, KeySlot, VaultHeader, read_header
from taiwa.vault.keys import RawKey
from taiwa.vault.schema import LATEST_VERSION
from taiwa.vault.service import (
    NOTICE_HEADER_UPGRADED,
    NOTICE_KEYRING_UNPROVEN,
    change_recovery,
    create_vault,
    open_vault,
    restore_vault,
    rotate_key,
    unlock_with_recovery,
)
from tests.support.memkeyring import MemoryKeyring
from tests.support.vaults import snapshot

PASS = "a long enough passphrase"
DATA = Path(__file__).resolve().parents[2] / "data"


def _load(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "vault.json").read_text())


def _save(folder: Path, value: dict[str, Any]) -> None:
    (folder / "vault.json").write_text(json.dumps(value))


def _flip_b64(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def _set(path: str, value: Callable[[Any], Any]) -> Callable[[dict[str, Any]], None]:
    def change(header: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = header
        for name in parents:
            node = node[name]
        node[last] = value(node[last])

    return change


# Each changes one field to another well-formed value: only the MAC can tell.
TAMPERING = {
    "key_store": _set("key_store", lambda v: "keyring" if v == "passphrase" else "passphrase"),
    "created_at": _set("created_at", lambda v: "2001-01-01T00:00:00Z"),
    "check": _set("key.check", lambda v: "0" * 64),
    "backup_sealed": _set("key.backup.sealed", _flip_b64),
    "backup_salt": _set("key.backup.salt", _flip_b64),
    "recovery_kind": _set("key.recovery.kind", lambda v: "code" if v != "code" else "passphrase"),
    "mac": _set("mac", lambda v: ("1" if v[0] != "1" else "2") + v[1:]),
}


@pytest.mark.parametrize("name", sorted(TAMPERING))
def test_every_field_is_covered_on_the_keyring_path(
    tmp_path: Path, memory_keyring: MemoryKeyring, name: str
) -> None:
    folder = tmp_path / "v"
    create_vault(folder, recovery_passphrase=PASS).database.close()
    header = _load(folder)
    TAMPERING[name](header)
    _save(folder, header)
    before = snapshot(folder)
    entries = dict(memory_keyring.secrets)
    if header["key_store"] == "keyring":
        with pytest.raises((errors.HeaderTamperedError, errors.WrongKeyError)):
            open_vault(folder)
    else:
        # Switched to passphrase-only: the secret is asked for, and its key finds the change.
        with pytest.raises(errors.RecoveryRequiredError):
            open_vault(folder)
        with pytest.raises(errors.HeaderTamperedError):
            open_vault(folder, recovery_secret=PASS)
    assert snapshot(folder) == before
    assert memory_keyring.secrets == entries


@pytest.mark.parametrize("name", sorted(TAMPERING))
def test_every_field_is_covered_on_the_recovery_path(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "v"
    create_vault(folder, use_keyring=False, recovery_passphrase=PASS).database.close()
    header = _load(folder)
    TAMPERING[name](header)
    _save(folder, header)
    before = snapshot(folder)
    with pytest.raises((errors.HeaderTamperedError, errors.WrongRecoverySecretError)) as caught:
        unlock_with_recovery(folder, PASS)
    if name in ("key_store", "created_at", "backup_sealed", "backup_salt", "mac"):
        # The key unwraps: the MAC is what refuses it.
        assert isinstance(caught.value, errors.HeaderTamperedError)
    assert snapshot(folder) == before


def test_a_passphrase_only_vault_switched_to_keyring_never_puts_its_key_there(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "v"
    create_vault(folder, use_keyring=False, recovery_passphrase=PASS).database.close()
    header = _load(folder)
    header["key_store"] = "keyring"
    _save(folder, header)
    before = snapshot(folder)
    with pytest.raises(errors.KeyringEntryMissingError):
        open_vault(folder)
    with pytest.raises(errors.HeaderTamperedError) as caught:
        unlock_with_recovery(folder, PASS)
    assert caught.value.exit_code == 3
    assert "vault.json" in caught.value.message.en
    assert snapshot(folder) == before
    assert not memory_keyring.get_password("Taiwa", header["vault_id"])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 4 * 1024 * 1024),
        ("memory_kib", 2 * 1024 * 1024),
        ("iterations", 64),
        ("iterations", 11),
        ("lanes", 64),
        ("memory_kib", 512),
        ("iterations", 0),
        ("iterations", True),
    ],
)
def test_inflated_kdf_cost_is_refused_before_any_derivation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: Any
) -> None:
    folder = tmp_path / "v"
    create_vault(folder, use_keyring=False, recovery_passphrase=PASS).database.close()
    header = _load(folder)
    header["key"]["recovery"]["kdf"][field] = value
    _save(folder, header)
    before = snapshot(folder)

    def no_derivation(*args: object) -> bytes:
        raise AssertionError("a key was derived from a hostile header")

    monkeypatch.setattr(recovery, "derive_key", no_derivation)
    started = time.perf_counter()
    with pytest.raises(errors.HeaderTamperedError) as caught:
        open_vault(folder, recovery_secret=PASS)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.1, elapsed
    assert "kdf" in str(caught.value)
    assert snapshot(folder) == before


def test_the_real_bounds_hold_what_taiwa_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the directory's cheap-cost fixture
    params = recovery.DEFAULT_KDF
    limits = recovery.KDF_LIMITS
    assert recovery.KdfParams.from_json(params.to_json()) == params
    assert limits.min_memory_kib == 19 * 1024 and limits.max_memory_kib == 1024 * 1024
    assert (limits.max_iterations, limits.max_lanes) == (10, 8)


@pytest.mark.parametrize(
    "path",
    [
        "key.recovery.salt",
        "key.recovery.nonce",
        "key.recovery.wrapped",
        "key.backup.salt",
        "key.backup.nonce",
        "key.backup.sealed",
    ],
)
@pytest.mark.parametrize("length", [0, 5, 100])
def test_bad_lengths_are_a_clear_error(tmp_path: Path, path: str, length: int) -> None:
    folder = tmp_path / "v"
    create_vault(folder, use_keyring=False, recovery_passphrase=PASS).database.close()
    header = _load(folder)
    _set(path, lambda v: base64.b64encode(b"\x01" * length).decode())(header)
    _save(folder, header)
    with pytest.raises(errors.HeaderTamperedError) as caught:
        read_header(folder)
    assert path.split(".", 1)[1] in str(caught.value)


def _legacy_vault(tmp_path: Path, frozen: str, key_store: str = "keyring") -> Path:
    """A frozen database of an old schema with a format-1 header (as Taiwa wrote before)."""
    folder = tmp_path / "legacy"
    folder.mkdir(mode=0o700)
    shutil.copy(DATA / frozen / "taiwa.db", folder / "taiwa.db")
    key = RawKey("6b" * 32)
    vid = "ab" * 16
    header = VaultHeader(vid, key_store, "2026-01-01T00:00:00Z", KeySlot.build(key, PASS, vid))
    legacy = header.with_changes(format=LEGACY_FORMAT)
    (folder / "vault.json").write_text(json.dumps(legacy.to_json()))
    return folder


@pytest.mark.parametrize("frozen", ["vault_v1", "vault_v2"])
def test_an_old_header_is_upgraded_on_the_first_open_from_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring, frozen: str
) -> None:
    folder = _legacy_vault(tmp_path, frozen)
    memory_keyring.set_password("Taiwa", "ab" * 16, "6b" * 32)
    with open_vault(folder) as db:
        assert NOTICE_HEADER_UPGRADED in db.notices
        assert db.query_one("SELECT count(*) FROM person")[0] == 2
        assert db.user_version == LATEST_VERSION
    header = read_header(folder)
    assert header.authenticated and header.uses_keyring
    assert not (folder / "vault.json.v1").exists()
    # Opens again (MAC checked), and with the recovery secret too.
    open_vault(folder).close()
    open_vault(folder, recovery_secret=PASS).close()


def test_an_old_header_saying_keyring_without_the_key_there_becomes_passphrase_only(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = _legacy_vault(tmp_path, "vault_v2")
    with unlock_with_recovery(folder, PASS) as db:
        assert NOTICE_KEYRING_UNPROVEN in db.notices
        assert not db.header.uses_keyring
    assert not memory_keyring.get_password("Taiwa", "ab" * 16)
    assert read_header(folder).authenticated
    # The user's explicit choice brings the keyring back.
    unlock_with_recovery(folder, PASS, keep_in_keyring=True).close()
    assert read_header(folder).uses_keyring
    open_vault(folder).close()


def test_a_format_1_header_put_back_after_the_upgrade_is_refused(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = _legacy_vault(tmp_path, "vault_v2", key_store="passphrase")
    old = (folder / "vault.json").read_bytes()
    open_vault(folder, recovery_secret=PASS).close()
    assert read_header(folder).authenticated
    # The attacker's downgrade: the old (unauthenticated) header, now saying "keyring".
    value = json.loads(old)
    value["key_store"] = "keyring"
    (folder / "vault.json").write_text(json.dumps(value))
    before = snapshot(folder)
    with pytest.raises(errors.HeaderDowngradeError):
        unlock_with_recovery(folder, PASS)
    assert snapshot(folder) == before
    assert not memory_keyring.get_password("Taiwa", "ab" * 16)


def test_a_new_vault_cannot_be_downgraded_either(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    create_vault(folder, use_keyring=False, recovery_passphrase=PASS).database.close()
    value = _load(folder)
    value["format"] = 1
    del value["mac"]
    value["key_store"] = "keyring"
    _save(folder, value)
    before = snapshot(folder)
    with pytest.raises(errors.HeaderDowngradeError):
        unlock_with_recovery(folder, PASS)
    assert snapshot(folder) == before


def test_rotation_and_recovery_change_keep_the_header_authenticated(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    db = create_vault(folder, recovery_passphrase=PASS).database
    rotate_key(db, PASS)
    change_recovery(db, PASS + "!")
    db.close()
    open_vault(folder).close()
    open_vault(folder, recovery_secret=PASS + "!").close()
    assert _load(folder)["format"] == 2


@pytest.mark.parametrize("secret", ["", "   ", "\n"])
def test_an_empty_secret_is_refused_everywhere(tmp_path: Path, secret: str) -> None:
    folder = tmp_path / "v"
    with pytest.raises(errors.EmptySecretError):
        create_vault(folder, use_keyring=False, recovery_passphrase=secret)
    assert not folder.exists()
    db = create_vault(folder, recovery_passphrase=PASS).database
    with pytest.raises(errors.EmptySecretError):
        change_recovery(db, secret)
    with pytest.raises(errors.EmptySecretError):
        rotate_key(db, secret)
    backup = tmp_path / "b.taiwa"
    service.backup_vault(db, backup)
    db.close()
    with pytest.raises(errors.EmptySecretError):
        open_vault(folder, recovery_secret=secret)
    with pytest.raises(errors.EmptySecretError):
        unlock_with_recovery(folder, secret)
    with pytest.raises(errors.EmptySecretError):
        restore_vault(backup, tmp_path / "r", secret)
    assert not (tmp_path / "r").exists()


def test_an_upgrade_killed_midway_keeps_the_old_header_and_finishes_next_time(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _legacy_vault(tmp_path, "vault_v2")
    memory_keyring.set_password("Taiwa", "ab" * 16, "6b" * 32)
    old = (folder / "vault.json").read_bytes()

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # stands for a kill before the new header is in place

    monkeypatch.setattr(service, "write_header", killed)
    with pytest.raises(KeyboardInterrupt):
        open_vault(folder)
    assert (folder / "vault.json").read_bytes() == old
    assert (folder / "vault.json.v1").read_bytes() == old
    monkeypatch.undo()
    monkeypatch.setattr(recovery, "KDF_LIMITS", recovery.KdfLimits(min_memory_kib=1024))
    with open_vault(folder) as db:
        assert NOTICE_HEADER_UPGRADED in db.notices
    assert read_header(folder).authenticated
    assert not (folder / "vault.json.v1").exists()


def test_copies_of_an_older_header_are_removed_on_open(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = _legacy_vault(tmp_path, "vault_v2")
    memory_keyring.set_password("Taiwa", "ab" * 16, "6b" * 32)
    old = (folder / "vault.json").read_bytes()
    open_vault(folder).close()
    # A kill after the new header, before the copy went; a vault.json.new of an older Taiwa.
    (folder / "vault.json.v1").write_bytes(old)
    (folder / "vault.json.new").write_bytes(old)
    open_vault(folder).close()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("vault.json")) == [
        "vault.json"
    ]
