"""The GUI's end of the start-up open (:mod:`taiwa.startup`), apart from the unlock screen.

The window needs it on every start; the unlock screen (and the Qt classes it uses) is built
only when the open did not succeed by the time the window appears.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from taiwa.startup import Opened, StartupOpen


class _Arrival(QObject):
    """Carries "the start-up open finished" from its thread to the GUI thread.

    It lives in the GUI thread; a signal emitted on another thread reaches its slot through the
    GUI thread's event loop (Qt's queued connection).
    """

    finished = Signal()

    def __init__(self, deliver: Any) -> None:
        super().__init__()
        self._deliver = deliver
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _on_finished(self) -> None:
        self._deliver()


class PrefetchedOpen:
    """The GUI's end of :class:`taiwa.startup.StartupOpen` (the vault opening from the keyring,
    begun before Qt was loaded): hands its outcome to the GUI thread.

    Usually it has finished before the window is built, and the window opens straight onto the
    dashboard (:meth:`opened`); otherwise the unlock screen shows "Opening your vault…" and
    :meth:`adopt` delivers the outcome when it arrives.
    """

    def __init__(self, opening: StartupOpen) -> None:
        self.opening = opening
        self._handlers: tuple[Any, Any, Any] | None = None
        self._arrival = _Arrival(self._deliver)

    def opened(self) -> Opened | None:
        """The open vault, if the opening has already succeeded."""
        return self.opening.opened()

    def adopt(self, on_ok: Any, on_err: Any, on_skipped: Any) -> None:
        """Hand the outcome (now, or on the GUI thread when it arrives) to these callbacks:
        ``on_ok(opened)``, ``on_err(exc)``, ``on_skipped()`` (nothing to open from the keyring)."""
        self._handlers = (on_ok, on_err, on_skipped)
        if self.opening.outcome is not None:
            self._deliver()
        else:
            # A bound method of self: the opening keeps this object (and its receiver) alive
            # until it has finished.
            self.opening.when_done(self._arrived)

    def _arrived(self) -> None:
        # On the opening's thread: hop to the GUI thread (a queued connection).
        self._arrival.finished.emit()

    def _deliver(self) -> None:
        handlers, self._handlers = self._handlers, None
        outcome = self.opening.outcome
        if handlers is None or outcome is None:
            return
        on_ok, on_err, on_skipped = handlers
        ok, value = outcome
        if not ok:
            on_err(value)
        elif value is None:
            on_skipped()
        else:
            on_ok(value)
