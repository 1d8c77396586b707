"""Recovery codes, key derivation and key wrapping (Argon2id + AES-256-GCM).

The database key is kept wrapped under a key derived from the recovery secret, so the vault
opens without the keyring. The recovery secret is either a generated *recovery code* (8 groups
of 4 characters from an alphabet without look-alikes: 160 bits) or a passphrase the user chose.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from taiwa.vault.keys import KEY_BYTES, RawKey

# Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or typed is unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 8
CODE_GROUP_LEN = 4
CODE_LEN = CODE_GROUPS * CODE_GROUP_LEN
MIN_PASSPHRASE_LEN = 12
_CODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_]+")

KIND_CODE = "code"
KIND_PASSPHRASE = "passphrase"  # noqa: S105 - a kind name, not a secret


class HeaderFieldError(ValueError):
    """A header field out of its bounds or of the wrong length (names the field, no value)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class KdfLimits:
    """The Argon2id costs a header may ask for, checked BEFORE any derivation.

    Taiwa writes 64 MiB x 3 iterations x 4 lanes. The bounds leave room to raise that later
    (up to 1 GiB, 10 iterations, 8 lanes) and refuse the weak end (below OWASP's 19 MiB), so a
    hostile ``vault.json`` can neither make an unlock hang for minutes (4 GiB x 64 iterations
    was accepted before) nor pass off a cheap wrapping as ours.
    """

    min_memory_kib: int = 19 * 1024
    max_memory_kib: int = 1024 * 1024
    max_iterations: int = 10
    max_lanes: int = 8


#: Read at each check (tests with a cheap cost lower ``min_memory_kib``).
KDF_LIMITS = KdfLimits()
SALT_LEN = 16
NONCE_LEN = 12
#: A wrapped or sealed 32-byte key: the ciphertext plus AES-GCM's 16-byte tag.
SEALED_KEY_LEN = KEY_BYTES + 16


def _int_field(value: Any, name: str) -> int:
    # bool is an int in Python; a JSON true is not a cost.
    if not isinstance(value, int) or isinstance(value, bool):
        raise HeaderFieldError(name)
    return value


def _bytes_field(value: Any, name: str, length: int) -> bytes:
    try:
        data = unb64(value)
    except ValueError:
        raise HeaderFieldError(name) from None
    if len(data) != length:
        raise HeaderFieldError(name)
    return data


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters (RFC 9106's second recommended option, 64 MiB)."""

    name: str = "argon2id"
    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    def to_json(self) -> dict[str, Any]:
        """The parameters as stored in the header."""
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> KdfParams:
        """Parameters read back from a header, checked against :data:`KDF_LIMITS`.

        Raises:
            HeaderFieldError: unknown derivation, or a cost outside the bounds.
        """
        if not isinstance(value, dict) or value.get("name") != "argon2id":
            raise HeaderFieldError("kdf.name")
        params = cls(
            name="argon2id",
            iterations=_int_field(value.get("iterations"), "kdf.iterations"),
            lanes=_int_field(value.get("lanes"), "kdf.lanes"),
            memory_kib=_int_field(value.get("memory_kib"), "kdf.memory_kib"),
        )
        limits = KDF_LIMITS
        if not 1 <= params.iterations <= limits.max_iterations:
            raise HeaderFieldError("kdf.iterations")
        if not 1 <= params.lanes <= limits.max_lanes:
            raise HeaderFieldError("kdf.lanes")
        low = max(limits.min_memory_kib, 8 * params.lanes)  # Argon2's own floor: 8 KiB a lane
        if not low <= params.memory_kib <= limits.max_memory_kib:
            raise HeaderFieldError("kdf.memory_kib")
        return params


#: Cost for new wrappings. The header records what was used, so it can grow later.
DEFAULT_KDF = KdfParams()
#: Cost for backup keys. Fixed by backup format 1: a backup carries only its salt in the clear.
BACKUP_KDF = KdfParams()


def generate_recovery_code() -> str:
    """A new recovery code such as ``7KQ2-M9XD-…`` (8 groups of 4, 160 random bits)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
    return "-".join(chars[i : i + CODE_GROUP_LEN] for i in range(0, CODE_LEN, CODE_GROUP_LEN))


def normalize_secret(secret: str) -> str:
    """The canonical form of a recovery secret, applied when it is set and when it is used.

    Something that reads as a recovery code (32 code characters, any case, spaces or dashes
    between groups, O/I/L typed for 0/1) becomes the bare upper-case code; anything else is a
    passphrase and is used exactly as typed (apart from a trailing newline from a pipe).
    """
    text = secret.rstrip("\r\n")
    compact = _SEPARATORS.sub("", text).upper().translate(_CODE_LOOKALIKES)
    if len(compact) == CODE_LEN and all(c in CODE_ALPHABET for c in compact):
        return compact
    return text


def secret_kind(secret: str) -> str:
    """``"code"`` when the secret reads as a recovery code, else ``"passphrase"``."""
    text = normalize_secret(secret)
    if len(text) == CODE_LEN and all(c in CODE_ALPHABET for c in text):
        return KIND_CODE
    return KIND_PASSPHRASE


def _aead(key: bytes) -> Any:
    """AES-256-GCM under ``key``.

    cryptography is imported on first use: opening the vault from the keyring (every start of
    the app) reads the header but never wraps or unwraps a key.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """32 bytes from the (normalised) secret with Argon2id."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalize_secret(secret).encode("utf-8"))


def key_check(key: RawKey, vault_id: str) -> str:
    """A value that tells whether ``key`` is this vault's key without touching the database.

    With it a wrong key (keyring entry replaced) is told apart from a damaged first page, which
    SQLCipher reports with the same error.
    """
    mac = hmac.new(key.to_bytes(), b"taiwa key check" + vault_id.encode("ascii"), hashlib.sha256)
    return mac.hexdigest()


def b64(data: bytes) -> str:
    """Bytes as base64 text for the JSON header."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    """Base64 text from the header back to bytes (ValueError when it is not)."""
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(purpose: str, fields: dict[str, Any]) -> bytes:
    # The header's metadata is authenticated with the wrapped key: changing the vault id, the
    # kind or the KDF cost in the header makes unwrapping fail instead of silently misbehaving.
    return f"taiwa {purpose} v1\0".encode() + json.dumps(fields, sort_keys=True).encode()


@dataclass(frozen=True)
class WrappedKey:
    """The database key wrapped under a recovery secret, as kept in the header."""

    kind: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        """The JSON object stored in the header."""
        return {
            "kind": self.kind,
            "kdf": self.kdf.to_json(),
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped": b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, value: Any) -> WrappedKey:
        """Read back from the header; ValueError when malformed."""
        if not isinstance(value, dict):
            raise HeaderFieldError("recovery")
        if value.get("kind") not in (KIND_CODE, KIND_PASSPHRASE):
            raise HeaderFieldError("recovery.kind")
        try:
            kdf = KdfParams.from_json(value.get("kdf"))
        except HeaderFieldError as exc:
            raise HeaderFieldError("recovery." + exc.field) from None
        return cls(
            kind=str(value["kind"]),
            kdf=kdf,
            salt=_bytes_field(value.get("salt"), "recovery.salt", SALT_LEN),
            nonce=_bytes_field(value.get("nonce"), "recovery.nonce", NONCE_LEN),
            wrapped=_bytes_field(value.get("wrapped"), "recovery.wrapped", SEALED_KEY_LEN),
        )

    def _aad(self, vault_id: str) -> bytes:
        return _aad(
            "recovery",
            {
                "vault_id": vault_id,
                "kind": self.kind,
                "kdf": self.kdf.to_json(),
                "salt": b64(self.salt),
            },
        )

    @classmethod
    def wrap(
        cls, key: RawKey, secret: str, vault_id: str, params: KdfParams | None = None
    ) -> WrappedKey:
        """Wrap ``key`` under a key derived from ``secret`` with a fresh salt and nonce."""
        params = params or DEFAULT_KDF
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        shell = cls(secret_kind(secret), params, salt, nonce, b"")
        kek = derive_key(secret, salt, params)
        wrapped = _aead(kek).encrypt(nonce, key.to_bytes(), shell._aad(vault_id))
        return cls(shell.kind, params, salt, nonce, wrapped)

    def unwrap(self, secret: str, vault_id: str) -> RawKey | None:
        """The key, or None when ``secret`` is not the one it was wrapped under."""
        from cryptography.exceptions import InvalidTag

        kek = derive_key(secret, self.salt, self.kdf)
        try:
            raw = _aead(kek).decrypt(self.nonce, self.wrapped, self._aad(vault_id))
        except InvalidTag:
            return None
        return RawKey.from_bytes(raw)


@dataclass(frozen=True)
class SealedBackupKey:
    """The backup key (derived from the recovery secret) sealed under the database key.

    Backups are keyed from the recovery secret so they restore with it alone; keeping that key
    sealed under the database key lets an unlocked vault write a backup without asking for the
    secret again. The salt is also the backup file's SQLCipher salt (its first 16 bytes).
    """

    salt: bytes
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        """The JSON object stored in the header."""
        return {"salt": b64(self.salt), "nonce": b64(self.nonce), "sealed": b64(self.sealed)}

    @classmethod
    def from_json(cls, value: Any) -> SealedBackupKey:
        """Read back from the header; ValueError when malformed."""
        if not isinstance(value, dict):
            raise HeaderFieldError("backup")
        return cls(
            _bytes_field(value.get("salt"), "backup.salt", SALT_LEN),
            _bytes_field(value.get("nonce"), "backup.nonce", NONCE_LEN),
            _bytes_field(value.get("sealed"), "backup.sealed", SEALED_KEY_LEN),
        )

    @classmethod
    def create(cls, secret: str, db_key: RawKey, vault_id: str) -> SealedBackupKey:
        """Derive a backup key from ``secret`` with a new salt and seal it under ``db_key``."""
        salt = secrets.token_bytes(16)
        backup_key = derive_key(secret, salt, BACKUP_KDF)
        nonce = secrets.token_bytes(12)
        sealed = _aead(db_key.to_bytes()).encrypt(
            nonce, backup_key, _aad("backup key", {"vault_id": vault_id, "salt": b64(salt)})
        )
        return cls(salt, nonce, sealed)

    def open(self, db_key: RawKey, vault_id: str) -> RawKey:
        """The backup key (ValueError when the header was tampered with)."""
        from cryptography.exceptions import InvalidTag

        try:
            raw = _aead(db_key.to_bytes()).decrypt(
                self.nonce,
                self.sealed,
                _aad("backup key", {"vault_id": vault_id, "salt": b64(self.salt)}),
            )
        except InvalidTag:
            raise ValueError("sealed backup key does not match") from None
        return RawKey.from_bytes(raw)


def backup_key_for(secret: str, salt: bytes) -> RawKey:
    """The key of a backup file whose SQLCipher salt is ``salt`` (for restore)."""
    return RawKey.from_bytes(derive_key(secret, salt, BACKUP_KDF))
