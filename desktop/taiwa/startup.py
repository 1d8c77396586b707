"""The first moments of ``taiwa``: open the vault from the keyring before Qt is loaded.

:func:`begin` starts a thread that reads the key from the keyring, opens the vault (its
full-file integrity check is left to the app, which runs it beside the first screen) and reads
the dashboard's numbers; then it waits for that thread for at most :data:`WAIT_SECONDS`. Only
after that does the caller load Qt and build the window.

Why wait instead of building the window at the same time: both halves are mostly Python, and
with one interpreter lock two busy threads take turns. A thread whose many short SQLite calls
each give the lock away and must win it back from a busy GUI thread runs several times slower
(measured: opening and the dashboard's queries took 300 ms instead of 60 ms), so doing the two
halves one after the other is the faster start. The wait is bounded because a keyring may ask
the user for a password first: then the window appears with "Opening your vault…" and takes the
result when it comes (:class:`taiwa.ui.startup_open.PrefetchedOpen`).

No Qt here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiwa.errors import TaiwaError

if TYPE_CHECKING:
    from taiwa.store.dashboard import DashboardData
    from taiwa.vault.service import VaultDatabase

log = logging.getLogger(__name__)

# The longest start-up waits for the vault before showing the window anyway.
WAIT_SECONDS = 1.0


@dataclass(frozen=True)
class Opened:
    """The vault, opened from the keyring, and the dashboard read from it (None if that failed:
    the dashboard then reads it again and reports the failure itself)."""

    db: VaultDatabase
    dashboard: DashboardData | None


class StartupOpen:
    """Opening the vault from the keyring on its own thread (see the module docstring).

    ``outcome`` is None while it runs, then ``(True, Opened)``, ``(True, None)`` when there is
    nothing to open this way (no vault yet, or a passphrase-only vault), or ``(False, exc)``.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.outcome: tuple[bool, Opened | None] | tuple[bool, BaseException] | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._thread = threading.Thread(target=self._run, name="taiwa-startup-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        outcome: tuple[bool, Any]
        try:
            outcome = (True, open_from_keyring(self.folder))
        except BaseException as exc:
            outcome = (False, exc)
        with self._lock:
            self.outcome = outcome
            callbacks, self._callbacks = self._callbacks, []
        self._done.set()
        for callback in callbacks:
            callback()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until it has finished (at most ``timeout`` seconds); True if it has."""
        return self._done.wait(timeout)

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` once it has finished: now if it has, else on its thread."""
        with self._lock:
            if self.outcome is None:
                self._callbacks.append(callback)
                return
        callback()

    def forget(self) -> None:
        """Drop the outcome once finished (the app locked): it holds the open vault and the
        dashboard read from it, which must not outlive a lock. :meth:`opened` is None after."""
        with self._lock:
            if self.outcome is not None:
                self.outcome = (True, None)

    def opened(self) -> Opened | None:
        """The open vault if it has finished and succeeded."""
        outcome = self.outcome
        if outcome is not None and outcome[0] and isinstance(outcome[1], Opened):
            return outcome[1]
        return None


def open_from_keyring(folder: Path) -> Opened | None:
    """Open ``folder`` with the key in the keyring and read the dashboard; None if the folder
    holds no vault, or one that keeps no key in the keyring (first run / passphrase screen)."""
    from taiwa.vault.files import vault_exists
    from taiwa.vault.header import read_header

    if not vault_exists(folder):
        return None
    try:
        if not read_header(folder).uses_keyring:
            return None
    except TaiwaError:
        pass  # the open below names what is wrong with the header
    from taiwa.store import Store
    from taiwa.store.dashboard import load_dashboard
    from taiwa.vault.service import open_vault

    db = open_vault(folder, check_integrity=False)
    try:
        dashboard: DashboardData | None = load_dashboard(Store(db))
    except Exception as exc:
        log.warning("start-up dashboard read failed: %s", type(exc).__name__)
        dashboard = None
    return Opened(db, dashboard)


def begin(folder: Path, wait_seconds: float = WAIT_SECONDS) -> StartupOpen:
    """Start opening ``folder`` and wait for it for at most ``wait_seconds``."""
    opening = StartupOpen(folder)
    opening.wait(wait_seconds)
    return opening
