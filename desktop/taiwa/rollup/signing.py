"""The vault's roll-up key (Ed25519): signs roll-up files, and names reports pseudonymously.

The 32-byte seed lives inside the encrypted vault (table ``rollup_key``) and never leaves it;
only its public key goes into the files. The same seed also keys the pseudonyms (HMAC-SHA256 of
the person's id), so a report keeps their pseudonym from one roll-up to the next (a reader can
follow a trend) while nobody without this vault can tell who is behind it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SEED_BYTES = 32


def new_seed() -> bytes:
    return secrets.token_bytes(SEED_BYTES)


def public_key(seed: bytes) -> bytes:
    """The raw 32-byte public key of ``seed``."""
    key = Ed25519PrivateKey.from_private_bytes(seed)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(seed: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is ``public``'s signature of ``data`` (False for a malformed key)."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_id(public: bytes) -> str:
    """A short, readable fingerprint of a public key (what a reader compares by phone)."""
    digest = hashlib.sha256(public).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def pseudonym(seed: bytes, person_id: int) -> str:
    """``R-`` and 8 hex digits, stable per person and vault, meaningless without the seed."""
    mac = hmac.new(seed, b"taiwa-rollup-person:%d" % person_id, hashlib.sha256)
    return "R-" + mac.hexdigest()[:8]
