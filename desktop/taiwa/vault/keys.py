"""The database key: 32 random bytes, handed to SQLCipher only as a validated raw-key literal."""

from __future__ import annotations

import re
import secrets

KEY_BYTES = 32
SALT_BYTES = 16
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_HEX_KEY_SALT = re.compile(r"[0-9a-f]{96}")


class RawKey:
    """A 256-bit SQLCipher raw key.

    SQLCipher silently treats a malformed raw-key literal as a *passphrase*, so the literal is
    built only from hex that matched ``[0-9a-f]{64}``. The key never appears in ``repr``.
    """

    __slots__ = ("_hex",)

    def __init__(self, hex_key: str) -> None:
        if not isinstance(hex_key, str) or _HEX_KEY.fullmatch(hex_key) is None:
            raise ValueError("a raw key is 64 lower-case hex digits")
        self._hex = hex_key

    @classmethod
    def generate(cls) -> RawKey:
        """A new key from the OS's cryptographic random source."""
        return cls(secrets.token_hex(KEY_BYTES))

    @classmethod
    def from_bytes(cls, raw: bytes) -> RawKey:
        """A key from its 32 bytes."""
        if len(raw) != KEY_BYTES:
            raise ValueError("a raw key is 32 bytes")
        return cls(raw.hex())

    @property
    def hex(self) -> str:
        """The key as 64 hex digits (for the keyring; never log it)."""
        return self._hex

    def to_bytes(self) -> bytes:
        """The key's 32 bytes."""
        return bytes.fromhex(self._hex)

    def sql_literal(self) -> str:
        """The value for ``PRAGMA key = …`` / ``PRAGMA rekey = …``: ``"x'<64 hex>'"``."""
        # Re-checked here, right where it meets SQL, so no other string can ever reach a PRAGMA.
        if _HEX_KEY.fullmatch(self._hex) is None:  # pragma: no cover - guarded by __init__
            raise ValueError("invalid raw key")
        return "\"x'" + self._hex + "'\""

    def sql_literal_with_salt(self, salt: bytes) -> str:
        """``x'<64 hex key><32 hex salt>'``: the value bound to ``ATTACH … KEY ?`` for a new file.

        Backups use it so that the salt their key is derived with is the file's own first 16
        bytes, readable before the file is opened.
        """
        if len(salt) != SALT_BYTES:
            raise ValueError("an SQLCipher salt is 16 bytes")
        literal = self._hex + salt.hex()
        if _HEX_KEY_SALT.fullmatch(literal) is None:  # pragma: no cover - hex() is lower-case
            raise ValueError("invalid raw key")
        return "x'" + literal + "'"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawKey) and secrets.compare_digest(self._hex, other._hex)

    def __hash__(self) -> int:
        return hash(("RawKey", self._hex))

    def __repr__(self) -> str:
        return "RawKey(<hidden>)"
