"""The keyring wrapper: no plaintext fallback, distinct errors, read-back check."""

from __future__ import annotations

from typing import ClassVar

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.errors import KeyringLocked, NoKeyringError

from taiwa.vault import errors
from taiwa.vault.keys import RawKey
from taiwa.vault.keystore import Keystore
from tests.support.memkeyring import MemoryKeyring


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's plaintext file backend."""


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextKeyring()],
    ids=["fail", "null", "plaintext"],
)
def test_backends_that_keep_nothing_or_plaintext_count_as_no_keyring(backend: object) -> None:
    store = Keystore(backend)  # type: ignore[arg-type]
    assert not store.available()
    with pytest.raises(errors.KeyringUnavailableError):
        store.get("v" * 32)
    with pytest.raises(errors.KeyringUnavailableError):
        store.set("v" * 32, RawKey.generate())


def test_a_chainer_with_nothing_usable_is_no_keyring() -> None:
    class Empty(keyring.backends.chainer.ChainerBackend):
        backends: ClassVar[list[object]] = []  # type: ignore[misc]

    class OnlyFail(keyring.backends.chainer.ChainerBackend):
        backends: ClassVar[list[object]] = [keyring.backends.fail.Keyring()]  # type: ignore[misc]

    assert not Keystore(Empty()).available()
    assert not Keystore(OnlyFail()).available()


def test_get_set_delete_and_where() -> None:
    backend = MemoryKeyring()
    store = Keystore(backend)
    key = RawKey.generate()
    with pytest.raises(errors.KeyringEntryMissingError):
        store.get("a" * 32)
    store.set("a" * 32, key)
    assert store.get("a" * 32) == key
    assert store.find("a" * 32, pending=True) is None
    store.delete("a" * 32)
    store.delete("a" * 32)  # missing is fine
    assert backend.secrets == {}
    assert store.where() == "memkeyring MemoryKeyring"


def test_locked_and_unavailable_backends_have_their_own_errors() -> None:
    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

    class Gone(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise NoKeyringError("gone")

    class Bus(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise ConnectionRefusedError("no bus")

    with pytest.raises(errors.KeyringLockedError):
        Keystore(Locked()).get("a" * 32)
    with pytest.raises(errors.KeyringUnavailableError):
        Keystore(Gone()).get("a" * 32)
    with pytest.raises(errors.KeyringUnavailableError):
        Keystore(Bus()).get("a" * 32)


def test_something_that_is_not_a_key_is_a_wrong_key() -> None:
    backend = MemoryKeyring()
    backend.set_password("Taiwa", "a" * 32, "not a key")
    with pytest.raises(errors.WrongKeyError):
        Keystore(backend).get("a" * 32)
