"""Which keyring backend to use, chosen without letting ``keyring`` probe every backend.

``keyring.get_keyring()`` with nothing configured imports *every* installed backend to compare
their priorities. On Linux that imports ``keyring.backends.macOS.api``, whose
``ctypes.util.find_library('Security')`` runs ``/sbin/ldconfig -p``, ``gcc`` and ``ld`` as
subprocesses (about a dozen spawns, a quarter of a second) just to learn that there is no macOS
Keychain. Taiwa names the platform's own backend instead:

- ``PYTHON_KEYRING_BACKEND`` wins, as in ``keyring`` (tests and users rely on it);
- then a ``keyringrc.cfg`` in keyring's config folder (``[backend] default-keyring = …``);
- then macOS Keychain on macOS, Windows Credential Locker on Windows, and Secret Service (then
  KWallet) elsewhere; with none viable, keyring's ``fail`` backend, which
  :class:`taiwa.vault.keystore.Keystore` reports as "no keyring".

A backend installed with ``keyring.set_keyring`` (tests, the screenshot mode) is used as is.
"""

from __future__ import annotations

import sys
import threading

import keyring.backend
import keyring.backends.fail
import keyring.core

# Tried in order on each platform; the first one whose ``priority`` does not raise is used.
_PLATFORM_BACKENDS: dict[str, tuple[str, ...]] = {
    "darwin": ("keyring.backends.macOS.Keyring",),
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
}
_OTHER_BACKENDS = ("keyring.backends.SecretService.Keyring", "keyring.backends.kwallet.DBusKeyring")

_lock = threading.Lock()


def platform_backend_names(platform: str | None = None) -> tuple[str, ...]:
    """The backends tried on ``platform`` (default: this one), best first."""
    return _PLATFORM_BACKENDS.get(platform or sys.platform, _OTHER_BACKENDS)


def chosen_backend() -> keyring.backend.KeyringBackend:
    """The keyring backend for this process, chosen once (see the module docstring).

    Raises:
        ImportError, RuntimeError: ``PYTHON_KEYRING_BACKEND`` or the keyringrc names a backend
            that cannot be loaded or is not viable (:class:`Keystore` reports "no keyring").
    """
    with _lock:
        # keyring keeps the installed backend in this module global; reading it (rather than
        # calling get_keyring()) is what avoids the probe of every backend when none is set.
        current = getattr(keyring.core, "_keyring_backend", None)
        if current is not None:
            return current  # type: ignore[no-any-return]
        try:
            configured = keyring.core.load_env() or keyring.core.load_config()
        except (ValueError, AttributeError, TypeError):
            # A misspelt name ("", "pkg.NoSuchClass"): as unusable as a missing module.
            raise RuntimeError("the configured keyring backend cannot be loaded") from None
        backend = configured or _platform_default()
        keyring.core.set_keyring(backend)
        return backend


def _platform_default() -> keyring.backend.KeyringBackend:
    for name in platform_backend_names():
        try:
            return keyring.core.load_keyring(name)
        except Exception:  # noqa: S112 - not viable here (no D-Bus, no service): next
            continue
    return keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
