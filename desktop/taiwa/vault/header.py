"""The vault header ``vault.json``: small, non-secret, written atomically.

It holds the format version, the vault id (the keyring entry's user name), where the key is kept,
and per key *slot* a key check, the key wrapped under the recovery secret and the sealed backup
key. A key rotation in progress has a second, ``pending`` slot until it is finished.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from taiwa.vault import errors
from taiwa.vault.files import DATABASE_NAME, HEADER_NAME, LOCK_NAME
from taiwa.vault.keys import RawKey
from taiwa.vault.recovery import SealedBackupKey, WrappedKey, key_check

__all__ = ["DATABASE_NAME", "HEADER_NAME", "LOCK_NAME"]
FORMAT_VERSION = 1
FILE_MODE = 0o600
DIR_MODE = 0o700
MAX_HEADER_BYTES = 64 * 1024

STORE_KEYRING = "keyring"
STORE_PASSPHRASE = "passphrase"  # noqa: S105 - a mode name, not a secret
_VAULT_ID = re.compile(r"[0-9a-f]{32}")
_CHECK = re.compile(r"[0-9a-f]{64}")


def new_vault_id() -> str:
    """A random vault id (also the keyring entry's user name)."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class KeySlot:
    """Everything the header keeps about one database key."""

    check: str
    recovery: WrappedKey
    backup: SealedBackupKey

    def matches(self, key: RawKey, vault_id: str) -> bool:
        """Whether ``key`` is the key of this slot."""
        return secrets.compare_digest(self.check, key_check(key, vault_id))

    def to_json(self) -> dict[str, Any]:
        """The slot as stored in the header."""
        return {
            "check": self.check,
            "recovery": self.recovery.to_json(),
            "backup": self.backup.to_json(),
        }

    @classmethod
    def from_json(cls, value: Any) -> KeySlot:
        """Read back from the header; ValueError when malformed."""
        if not isinstance(value, dict):
            raise ValueError("bad key slot")
        check = value.get("check")
        if not isinstance(check, str) or _CHECK.fullmatch(check) is None:
            raise ValueError("bad key check")
        return cls(
            check=check,
            recovery=WrappedKey.from_json(value.get("recovery")),
            backup=SealedBackupKey.from_json(value.get("backup")),
        )

    @classmethod
    def build(cls, key: RawKey, secret: str, vault_id: str) -> KeySlot:
        """A new slot for ``key`` under the recovery ``secret`` (two key derivations)."""
        return cls(
            check=key_check(key, vault_id),
            recovery=WrappedKey.wrap(key, secret, vault_id),
            backup=SealedBackupKey.create(secret, key, vault_id),
        )


@dataclass(frozen=True)
class VaultHeader:
    """The parsed ``vault.json``."""

    vault_id: str
    key_store: str
    created_at: str
    key: KeySlot
    pending: KeySlot | None = None
    format: int = FORMAT_VERSION

    @property
    def uses_keyring(self) -> bool:
        """Whether the key is kept in the OS keyring (else: passphrase-only mode)."""
        return self.key_store == STORE_KEYRING

    def with_changes(self, **changes: Any) -> VaultHeader:
        """A copy with some fields replaced."""
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The header as stored."""
        return {
            "format": self.format,
            "vault_id": self.vault_id,
            "key_store": self.key_store,
            "created_at": self.created_at,
            "key": self.key.to_json(),
            "pending": None if self.pending is None else self.pending.to_json(),
        }

    @classmethod
    def from_json(cls, value: Any) -> VaultHeader:
        """Parse a header; ValueError when it is not one of ours."""
        if not isinstance(value, dict):
            raise ValueError("not a header")
        fmt = value.get("format")
        if not isinstance(fmt, int) or fmt < 1:
            raise ValueError("bad format")
        if fmt > FORMAT_VERSION:
            raise errors.VaultTooNewError()
        vault_id = value.get("vault_id")
        if not isinstance(vault_id, str) or _VAULT_ID.fullmatch(vault_id) is None:
            raise ValueError("bad vault id")
        store = value.get("key_store")
        if store not in (STORE_KEYRING, STORE_PASSPHRASE):
            raise ValueError("bad key store")
        pending = value.get("pending")
        return cls(
            vault_id=vault_id,
            key_store=str(store),
            created_at=str(value.get("created_at", "")),
            key=KeySlot.from_json(value.get("key")),
            pending=None if pending is None else KeySlot.from_json(pending),
            format=fmt,
        )


def header_path(folder: Path) -> Path:
    """Where the header of the vault in ``folder`` lives."""
    return folder / HEADER_NAME


def read_header(folder: Path) -> VaultHeader:
    """Read and check the header.

    Raises:
        VaultNotFoundError: there is no header.
        HeaderCorruptError: it cannot be read or is not a Taiwa header.
    """
    path = header_path(folder)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise errors.VaultNotFoundError(path=str(folder)) from None
    except OSError:
        raise errors.HeaderCorruptError() from None
    if len(data) > MAX_HEADER_BYTES:
        raise errors.HeaderCorruptError()
    try:
        return VaultHeader.from_json(json.loads(data.decode("utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise errors.HeaderCorruptError() from None


def write_header(folder: Path, header: VaultHeader) -> None:
    """Replace the header atomically: write a temporary file, fsync, rename, fsync the folder.

    A crash leaves either the old or the new header, never a half-written one.
    """
    data = (json.dumps(header.to_json(), indent=2, sort_keys=True) + "\n").encode("utf-8")
    target = header_path(folder)
    temp = target.with_name(target.name + ".new")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, FILE_MODE)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno == 28:  # ENOSPC
            raise errors.DiskFullError() from exc
        raise errors.VaultNotWritableError() from exc
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
