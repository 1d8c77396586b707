"""The database key: 32 random bytes, handed to SQLCipher only as a validated raw-key literal.

What Python lets us wipe, and what it does not
----------------------------------------------
:class:`RawKey` keeps its 32 bytes in a ``bytearray`` that :meth:`RawKey.wipe` overwrites with
zeros (the app wipes the key when it locks; a key is also wiped when it is garbage-collected).
Every other form of the key is a short-lived copy that Python cannot overwrite:

- ``str`` and ``bytes`` are immutable: the hex the keyring returns (keyring's API is ``str``),
  the ``PRAGMA key = "x'…'"`` statement (``sqlite3`` takes ``str``), :attr:`RawKey.hex` (for
  the keyring) and :meth:`RawKey.to_bytes` (for HMAC/AES-GCM, which take ``bytes``). They are
  built only when needed and never kept; when the last reference goes, CPython frees their
  memory *without clearing it*, so the bytes may stay in freed heap until reused.
- SQLCipher keeps its own derived key in C memory and wipes it when the connection closes.

So "wiped" means: nothing the app holds still refers to the key, and the one long-lived copy is
zeros. A process memory dump taken at the wrong moment may still find freed copies; that is why
core dumps are off and the process is not dumpable (see ``taiwa.hardening``).
"""

from __future__ import annotations

import re
import secrets

KEY_BYTES = 32
SALT_BYTES = 16
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_HEX_KEY_SALT = re.compile(r"[0-9a-f]{96}")


class RawKey:
    """A 256-bit SQLCipher raw key, held in a wipeable ``bytearray``.

    SQLCipher silently treats a malformed raw-key literal as a *passphrase*, so the literal is
    built only from the 32 bytes themselves (hex-encoded, then checked against
    ``[0-9a-f]{64}``). The key never appears in ``repr``. A wiped key refuses to be used.
    """

    __slots__ = ("_raw", "_wiped")

    def __init__(self, hex_key: str) -> None:
        if not isinstance(hex_key, str) or _HEX_KEY.fullmatch(hex_key) is None:
            raise ValueError("a raw key is 64 lower-case hex digits")
        self._raw = bytearray.fromhex(hex_key)
        self._wiped = False

    @classmethod
    def _own(cls, raw: bytearray) -> RawKey:
        key = cls.__new__(cls)
        key._raw = raw
        key._wiped = False
        return key

    @classmethod
    def generate(cls) -> RawKey:
        """A new key from the OS's cryptographic random source."""
        return cls._own(bytearray(secrets.token_bytes(KEY_BYTES)))

    @classmethod
    def from_bytes(cls, raw: bytes | bytearray) -> RawKey:
        """A key from its 32 bytes (copied: the caller may wipe its own buffer)."""
        if len(raw) != KEY_BYTES:
            raise ValueError("a raw key is 32 bytes")
        return cls._own(bytearray(raw))

    def _checked(self) -> bytearray:
        if self._wiped:
            raise ValueError("the key was wiped")
        return self._raw

    @property
    def hex(self) -> str:
        """The key as 64 hex digits (for the keyring; a new str each time, never log it)."""
        return self._checked().hex()

    def to_bytes(self) -> bytes:
        """The key's 32 bytes (a copy, for APIs that take ``bytes``; do not keep it)."""
        return bytes(self._checked())

    def sql_literal(self) -> str:
        """The value for ``PRAGMA key = …`` / ``PRAGMA rekey = …``: ``"x'<64 hex>'"``.

        Built anew at each call, for the statement only: the caller must not keep it.
        """
        digits = self._checked().hex()
        # Re-checked here, right where it meets SQL, so no other string can ever reach a PRAGMA.
        if _HEX_KEY.fullmatch(digits) is None:  # pragma: no cover - hex() is lower-case
            raise ValueError("invalid raw key")
        return "\"x'" + digits + "'\""

    def sql_literal_with_salt(self, salt: bytes) -> str:
        """``x'<64 hex key><32 hex salt>'``: the value bound to ``ATTACH … KEY ?`` for a new file.

        Backups use it so that the salt their key is derived with is the file's own first 16
        bytes, readable before the file is opened.
        """
        if len(salt) != SALT_BYTES:
            raise ValueError("an SQLCipher salt is 16 bytes")
        literal = self._checked().hex() + salt.hex()
        if _HEX_KEY_SALT.fullmatch(literal) is None:  # pragma: no cover - hex() is lower-case
            raise ValueError("invalid raw key")
        return "x'" + literal + "'"

    def wipe(self) -> None:
        """Overwrite the key's bytes with zeros; the key cannot be used afterwards.

        Only this object's own buffer is cleared (see the module docstring for the copies
        Python cannot clear). Safe to call twice.
        """
        raw = self._raw
        # Slice assignment of the same length writes in place (no new buffer is allocated).
        raw[:] = bytes(len(raw))
        self._wiped = True

    @property
    def wiped(self) -> bool:
        """Whether :meth:`wipe` has run."""
        return self._wiped

    def __del__(self) -> None:
        # A key nobody refers to any more is cleared before its memory is freed.
        raw = getattr(self, "_raw", None)
        if raw is not None:
            raw[:] = bytes(len(raw))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawKey) or self._wiped or other._wiped:
            return False
        return secrets.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(("RawKey", bytes(self._raw)))

    def __repr__(self) -> str:
        return "RawKey(<wiped>)" if self._wiped else "RawKey(<hidden>)"
