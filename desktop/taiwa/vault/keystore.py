"""A small interface over ``keyring``: get / set / delete the vault key, and where it is kept.

Every failure becomes one of three errors the user can act on: no keyring (no backend, no
D-Bus), keyring locked, entry missing. There is no plaintext fallback: keyring's ``fail`` and
``null`` backends and keyrings.alt's plaintext files count as "no keyring". Calls may block on
a keychain prompt, so the GUI makes them off its main thread.
"""

from __future__ import annotations

import contextlib
from typing import Any

import keyring.backend
import keyring.backends.chainer
import keyring.errors

import keyring
from taiwa.vault import errors
from taiwa.vault.keyring_choice import chosen_backend
from taiwa.vault.keys import RawKey

SERVICE = "Taiwa"
PENDING_SUFFIX = ".pending"

# Backends that would keep the key nowhere, or in a plaintext file.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_REFUSED_NAMES = ("plaintext", "uncrypted", "unencrypted")


def _refused(backend: Any) -> bool:
    cls = type(backend)
    module = cls.__module__
    name = f"{module}.{cls.__qualname__}".lower()
    if module in _REFUSED_MODULES or any(word in name for word in _REFUSED_NAMES):
        return True
    if module.startswith("keyrings.alt") and "file" in module:
        return True
    # A chainer with nothing behind it is "no keyring" too.
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        children = list(backend.backends)
        return not children or all(_refused(child) for child in children)
    return False


class Keystore:
    """Where vault keys live: the OS keyring, entry (service ``Taiwa``, user = vault id)."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        """The keyring backend in use (resolved on first use; never a plaintext one).

        Raises:
            KeyringUnavailableError: no usable keyring on this system.
        """
        try:
            # Chosen per platform: keyring's own probe of every backend spawns subprocesses.
            backend = self._backend or chosen_backend()
        except (keyring.errors.KeyringError, RuntimeError, ImportError, OSError):
            # OSError: a backend named in PYTHON_KEYRING_BACKEND whose D-Bus socket is gone.
            raise errors.KeyringUnavailableError() from None
        except Exception as exc:
            if _looks_like_bus_error(exc):
                raise errors.KeyringUnavailableError() from None
            raise
        if _refused(backend):
            raise errors.KeyringUnavailableError()
        return backend

    def where(self) -> str:
        """A readable name of the backend, e.g. ``SecretService Keyring`` (for doctor/UI)."""
        backend = self.backend
        name = getattr(backend, "name", None)
        return str(name) if name else type(backend).__name__

    def available(self) -> bool:
        """Whether a usable keyring exists (does not touch any entry)."""
        try:
            self.backend  # noqa: B018 - resolving is the check
        except errors.KeyringUnavailableError:
            return False
        return True

    def get(self, vault_id: str, *, pending: bool = False) -> RawKey:
        """The key of vault ``vault_id``.

        Raises:
            KeyringUnavailableError, KeyringLockedError, KeyringEntryMissingError.
        """
        value = self._call("get_password", SERVICE, _user(vault_id, pending))
        if value is None:
            raise errors.KeyringEntryMissingError()
        try:
            return RawKey(str(value))
        except ValueError:
            # Something else was stored under our name: it is not this vault's key.
            raise errors.WrongKeyError() from None

    def find(self, vault_id: str, *, pending: bool = False) -> RawKey | None:
        """Like :meth:`get` but None when the entry is missing or not a key."""
        try:
            return self.get(vault_id, pending=pending)
        except (errors.KeyringEntryMissingError, errors.WrongKeyError):
            return None

    def set(self, vault_id: str, key: RawKey, *, pending: bool = False) -> None:
        """Store ``key``, then read it back and compare (a keyring may drop writes silently).

        Raises:
            KeyringWriteError: the value read back differs.
        """
        user = _user(vault_id, pending)
        self._call("set_password", SERVICE, user, key.hex)
        back = self._call("get_password", SERVICE, user)
        if back is None or _maybe_key(back) != key:
            raise errors.KeyringWriteError()

    def delete(self, vault_id: str, *, pending: bool = False) -> None:
        """Remove the entry; a missing entry is not an error."""
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._call("delete_password", SERVICE, _user(vault_id, pending))

    def _call(self, method: str, *args: str) -> Any:
        backend = self.backend
        try:
            return getattr(backend, method)(*args)
        except keyring.errors.KeyringLocked:
            raise errors.KeyringLockedError() from None
        except keyring.errors.PasswordDeleteError:
            raise
        except (keyring.errors.NoKeyringError, keyring.errors.InitError):
            raise errors.KeyringUnavailableError() from None
        except keyring.errors.PasswordSetError:
            raise errors.KeyringWriteError() from None
        except keyring.errors.KeyringError:
            raise errors.KeyringUnavailableError() from None
        except Exception as exc:
            # D-Bus and Secret Service failures (connection refused, service gone) surface as
            # their own exception types: to the user they mean "no keyring".
            if _looks_like_bus_error(exc):
                raise errors.KeyringUnavailableError() from None
            raise


def _user(vault_id: str, pending: bool) -> str:
    return vault_id + PENDING_SUFFIX if pending else vault_id


def _maybe_key(value: Any) -> RawKey | None:
    try:
        return RawKey(str(value))
    except ValueError:
        return None


def _looks_like_bus_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith(("secretstorage", "jeepney", "dbus")) or isinstance(
        exc, (ConnectionError, OSError)
    )
