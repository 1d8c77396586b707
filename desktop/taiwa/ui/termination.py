"""Quit like Ctrl+Q when the OS asks the app to end: SIGTERM (logout, shutdown, ``kill``), SIGHUP
(the terminal went away), SIGINT (Ctrl+C in the terminal that started it), and the desktop
session manager's "save your data" before a logout.

Without this, SIGTERM ends the process on the spot: whatever was typed in the last second and
not yet autosaved is gone (the drafts keep at most ~2 s), and the vault is not closed cleanly.

Python runs its signal handlers only between bytecodes, and Qt's event loop sits in C++ waiting
for events: the C-level handler writes the signal number to a socket (``signal.set_wakeup_fd``)
and a QSocketNotifier on the other end brings it into the event loop, where the window's normal
close path saves, closes the vault and quits.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class TerminationWatcher(QObject):
    """Calls ``quit_app()`` on the GUI thread when one of :data:`SIGNALS` arrives, and
    ``save_now()`` when the session manager asks the app to save before a logout."""

    def __init__(
        self, app: QGuiApplication, quit_app: Callable[[], None], save_now: Callable[[], None]
    ) -> None:
        super().__init__(app)
        self._quit_app = quit_app
        self._save_now = save_now
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous_handlers = {sig: signal.getsignal(sig) for sig in SIGNALS}
        for sig in SIGNALS:
            # The Python-level handler does nothing: the wake-up byte is what counts.
            signal.signal(sig, _note_signal)
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            self._reader.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._on_wakeup)
        app.commitDataRequest.connect(self._on_commit_data)
        app.aboutToQuit.connect(self.uninstall)

    def _on_wakeup(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        signums = [b for b in data if b in SIGNALS]
        if not signums:
            return
        self.received.extend(signums)
        log.info("quitting on signal %s", signums[0])
        self._quit_app()

    def _on_commit_data(self, _manager: object) -> None:
        # Logout: the session manager may end the process right after this returns.
        log.info("saving for the session manager")
        self._save_now()

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers (after the event loop ends)."""
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier = None
        for sig, handler in self._previous_handlers.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _note_signal(signum: int, frame: object) -> None:
    del signum, frame


def watch(
    app: QGuiApplication, quit_app: Callable[[], None], save_now: Callable[[], None]
) -> TerminationWatcher | None:
    """Install the watcher (main thread only, as Python requires for signal handlers)."""
    if sys.platform == "win32":  # pragma: no cover - Windows has no SIGTERM to catch this way
        return None
    try:
        return TerminationWatcher(app, quit_app, save_now)
    except (ValueError, OSError) as exc:  # not the main thread, or no socketpair
        log.warning("termination signals not watched: %s", type(exc).__name__)
        return None
