"""The vault header ``vault.json``: small, non-secret, written atomically.

It holds the format version, the vault id (the keyring entry's user name), where the key is kept,
and per key *slot* a key check, the key wrapped under the recovery secret and the sealed backup
key. A key rotation in progress has a second, ``pending`` slot until it is finished.

Format 2 authenticates the header as a whole: ``mac`` is an HMAC-SHA256 over every other field
(canonical JSON), keyed by HKDF from the database key of the current slot (and ``pending_mac``
the same from the pending slot's key, during a rotation). Whoever obtains the key — from the
keyring or by unwrapping it with the recovery secret — checks the MAC before anything is
opened or written, so switching ``key_store``, replacing a slot or changing any other field is
refused as tampering. What must be safe *before* a key is at hand is checked by bounds: the
KDF cost (:data:`~taiwa.vault.recovery.KDF_LIMITS`) and the length of every salt, nonce and
wrapped key. Format 1 (no MAC) is read once, for the upgrade; the database records that its
header was upgraded (:data:`HEADER_FORMAT_SETTING`), so a format-1 header put back later is
refused as a downgrade.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from taiwa.atomic import write_atomic
from taiwa.vault import errors
from taiwa.vault.files import DATABASE_NAME, HEADER_NAME, LOCK_NAME
from taiwa.vault.keys import RawKey
from taiwa.vault.recovery import HeaderFieldError, SealedBackupKey, WrappedKey, key_check

__all__ = ["DATABASE_NAME", "HEADER_NAME", "LOCK_NAME"]
#: Format 2: authenticated by a MAC keyed from the database key. Format 1: no MAC (legacy).
FORMAT_VERSION = 2
LEGACY_FORMAT = 1
#: The ``setting`` row (inside the encrypted database) that records the header format in use.
HEADER_FORMAT_SETTING = "vault.header_format"
#: Where the old header is kept while it is being upgraded (removed once the upgrade is done).
LEGACY_COPY_NAME = HEADER_NAME + ".v1"
FILE_MODE = 0o600
DIR_MODE = 0o700
MAX_HEADER_BYTES = 64 * 1024

STORE_KEYRING = "keyring"
STORE_PASSPHRASE = "passphrase"  # noqa: S105 - a mode name, not a secret
_VAULT_ID = re.compile(r"[0-9a-f]{32}")
_CHECK = re.compile(r"[0-9a-f]{64}")
_MAC = re.compile(r"[0-9a-f]{64}")
_V2_FIELDS = {
    "format",
    "vault_id",
    "key_store",
    "created_at",
    "key",
    "pending",
    "mac",
    "pending_mac",
}


def _mac_key(key: RawKey, vault_id: str) -> bytes:
    """HKDF-SHA256 (RFC 5869, one block) from the database key: a key used for nothing else.

    Written with hmac rather than cryptography's HKDF: opening from the keyring (every start of
    the app) checks the MAC, and must not import cryptography for it.
    """
    prk = hmac.new(b"taiwa header mac salt", key.to_bytes(), hashlib.sha256).digest()
    info = b"taiwa header mac v2\0" + vault_id.encode("ascii")
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


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
            raise HeaderFieldError("key")
        check = value.get("check")
        if not isinstance(check, str) or _CHECK.fullmatch(check) is None:
            raise HeaderFieldError("key.check")
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
    #: HMAC of every other field under the current slot's key (format 2; "" until sealed).
    mac: str = ""
    #: The same under the pending slot's key, while a rotation is in progress.
    pending_mac: str = ""

    @property
    def uses_keyring(self) -> bool:
        """Whether the key is kept in the OS keyring (else: passphrase-only mode).

        In a format-1 header nothing vouches for this: see :attr:`authenticated`.
        """
        return self.key_store == STORE_KEYRING

    @property
    def authenticated(self) -> bool:
        """Whether this header carries a MAC (format 2 or later)."""
        return self.format >= FORMAT_VERSION

    def _body(self) -> bytes:
        """The bytes the MACs cover: every field but the MACs, as canonical JSON."""
        body = self.to_json(sealed=False)
        body["format"] = FORMAT_VERSION
        return _canonical(body)

    def _mac_with(self, key: RawKey) -> str:
        return hmac.new(_mac_key(key, self.vault_id), self._body(), hashlib.sha256).hexdigest()

    def sealed(self, key: RawKey, pending_key: RawKey | None = None) -> VaultHeader:
        """This header in the current format, authenticated under ``key`` (and the pending key).

        Args:
            key: the database key of the current slot.
            pending_key: the key of the pending slot (required when there is one).
        """
        if not self.key.matches(key, self.vault_id):
            raise ValueError("the key is not the current slot's")
        if (self.pending is None) != (pending_key is None):
            raise ValueError("a pending slot needs its key, and only then")
        if (
            self.pending is not None
            and pending_key is not None
            and not self.pending.matches(pending_key, self.vault_id)
        ):
            raise ValueError("the key is not the pending slot's")
        shell = replace(self, format=FORMAT_VERSION, mac="", pending_mac="")
        return replace(
            shell,
            mac=shell._mac_with(key),
            pending_mac="" if pending_key is None else shell._mac_with(pending_key),
        )

    def verify(self, key: RawKey, *, pending: bool = False) -> None:
        """Check the MAC of the slot ``key`` belongs to (format 2; a no-op for format 1).

        Raises:
            HeaderTamperedError: the MAC does not match: some field was changed.
        """
        if not self.authenticated:
            return
        expected = self.pending_mac if pending else self.mac
        if not expected or not hmac.compare_digest(expected, self._mac_with(key)):
            raise errors.HeaderTamperedError(field="mac")

    def with_changes(self, **changes: Any) -> VaultHeader:
        """A copy with some fields replaced."""
        return replace(self, **changes)

    def to_json(self, *, sealed: bool = True) -> dict[str, Any]:
        """The header as stored (``sealed=False``: without the MACs, as they cover it)."""
        value: dict[str, Any] = {
            "format": self.format,
            "vault_id": self.vault_id,
            "key_store": self.key_store,
            "created_at": self.created_at,
            "key": self.key.to_json(),
            "pending": None if self.pending is None else self.pending.to_json(),
        }
        if sealed and self.authenticated:
            if not self.mac:
                # Never store an unsealed format-2 header: it would not open.
                raise errors.BugError("the header must be sealed before it is written")
            value["mac"] = self.mac
            if self.pending is not None:
                value["pending_mac"] = self.pending_mac
        return value

    @classmethod
    def from_json(cls, value: Any) -> VaultHeader:
        """Parse a header; ValueError when it is not one of ours."""
        if not isinstance(value, dict):
            raise ValueError("not a header")
        fmt = value.get("format")
        if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
            raise ValueError("bad format")
        if fmt > FORMAT_VERSION:
            raise errors.VaultTooNewError()
        if fmt >= FORMAT_VERSION and set(value) - _V2_FIELDS:
            raise HeaderFieldError("unknown field")
        vault_id = value.get("vault_id")
        if not isinstance(vault_id, str) or _VAULT_ID.fullmatch(vault_id) is None:
            raise HeaderFieldError("vault_id")
        store = value.get("key_store")
        if store not in (STORE_KEYRING, STORE_PASSPHRASE):
            raise HeaderFieldError("key_store")
        created = value.get("created_at", "")
        if not isinstance(created, str):
            raise HeaderFieldError("created_at")
        pending = value.get("pending")
        mac = pending_mac = ""
        if fmt >= FORMAT_VERSION:
            raw_mac = value.get("mac")
            if not isinstance(raw_mac, str) or _MAC.fullmatch(raw_mac) is None:
                raise HeaderFieldError("mac")
            mac = raw_mac
            if pending is not None:
                raw_pending = value.get("pending_mac")
                if not isinstance(raw_pending, str) or _MAC.fullmatch(raw_pending) is None:
                    raise HeaderFieldError("pending_mac")
                pending_mac = raw_pending
        return cls(
            vault_id=vault_id,
            key_store=str(store),
            created_at=created,
            key=KeySlot.from_json(value.get("key")),
            pending=None if pending is None else KeySlot.from_json(pending),
            format=fmt,
            mac=mac,
            pending_mac=pending_mac,
        )


def header_path(folder: Path) -> Path:
    """Where the header of the vault in ``folder`` lives."""
    return folder / HEADER_NAME


def read_header(folder: Path) -> VaultHeader:
    """Read and check the header.

    Nothing here derives a key: the KDF cost and every length are checked against fixed
    bounds, so a hostile header is refused in milliseconds. The MAC is checked later, by
    :meth:`VaultHeader.verify`, once a key is at hand.

    Raises:
        VaultNotFoundError: there is no header.
        HeaderCorruptError: it cannot be read or is not a Taiwa header.
        HeaderTamperedError: a field is out of its bounds or of the wrong length.
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
    except HeaderFieldError as exc:
        raise errors.HeaderTamperedError(field=exc.field) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise errors.HeaderCorruptError() from None


def write_header(folder: Path, header: VaultHeader) -> None:
    """Replace the header atomically: write a temporary file, fsync, rename, fsync the folder.

    A crash leaves either the old or the new header, never a half-written one.
    """
    data = (json.dumps(header.to_json(), indent=2, sort_keys=True) + "\n").encode("utf-8")
    try:
        # A random O_EXCL temporary name, never a fixed vault.json.new a link could be planted at.
        write_atomic(header_path(folder), data, mode=FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFullError() from exc
        raise errors.VaultNotWritableError() from exc
