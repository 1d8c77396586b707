"""When to lock: idle time measured from the last input event, and the OS's own lock and suspend.

:class:`LockWatcher` only *decides*; the main window does the locking (flush every page, close
dialogs and menus, clear every page, close the database, show the unlock screen).

What Qt lets us see of the OS:

- every platform: ``QGuiApplication.applicationStateChanged`` to ``ApplicationSuspended`` (the
  session is suspending the app — mobile and some desktop platforms report it);
- Linux: systemd-logind on the *system* D-Bus, through QtDBus (part of PySide6-Essentials):
  ``org.freedesktop.login1.Manager.PrepareForSleep(true)`` before suspend/hibernate, and
  ``org.freedesktop.login1.Session.Lock`` for our session (``loginctl lock-session``, the screen
  locker of GNOME/KDE); also ``org.freedesktop.ScreenSaver.ActiveChanged(true)`` on the session
  bus, which the desktop's screen saver emits when the screen locks.
- macOS and Windows screen-lock notifications are not exposed by Qt; there the idle timer and
  suspend cover it.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

# Events that mean "someone is at the keyboard" (moves of the mouse too: reading is activity).
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.Shortcut,
    }
)


# How long after an unlock the input watching starts (see LockWatcher._start_filtering).
FILTER_DELAY_MS = 200


class LockWatcher(QObject):
    """Emits :attr:`lock_due` with a reason: ``"idle"``, ``"suspend"`` or ``"screen_locked"``."""

    lock_due = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        use_dbus: bool = True,
        session_bus: Any = None,
        system_bus: Any = None,
    ) -> None:
        super().__init__(parent)
        # One coarse timer that wakes up when the idle time *could* have run out; input events
        # only note their time (see eventFilter). Restarting a QTimer on every key press was a
        # Qt call per event: with PySide6 6.12.0 on CPython 3.11 each such call leaked a
        # reference of None and the interpreter aborted after about a thousand keystrokes.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._on_idle)
        self._interval_ms = 0
        self._last_input = time.monotonic()
        self._active = False
        self._filtering = False
        # Owned by the watcher: it cannot fire after the watcher is gone.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._start_filtering)
        self.dbus_hooks: list[str] = []
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)
        if use_dbus and os.environ.get("TAIWA_NO_DBUS") != "1":
            self._connect_dbus(session_bus, system_bus)

    # -- idle ---------------------------------------------------------------------------------

    def set_idle_minutes(self, minutes: float) -> None:
        """Lock after ``minutes`` without input (0 turns idle-lock off)."""
        self.set_idle_interval_ms(round(minutes * 60_000))

    def set_idle_interval_ms(self, ms: int) -> None:
        self._interval_ms = max(0, int(ms))
        self._restart()

    @property
    def idle_interval_ms(self) -> int:
        return self._interval_ms

    def set_active(self, active: bool) -> None:
        """Only an unlocked app counts idle time."""
        self._active = active
        self._restart()
        if active:
            if not self._filtering:
                self._filter_timer.start()
        else:
            self._filter_timer.stop()
            self._stop_filtering()

    def _start_filtering(self) -> None:
        # The filter is a Python call for every event of the whole app; it watches only while
        # unlocked, and starts a moment after the unlock, when the first screen has been laid
        # out and painted (thousands of events). Input in that moment would only restart the
        # idle timer that has just been started.
        app = QGuiApplication.instance()
        if self._active and not self._filtering and app is not None:
            app.installEventFilter(self)
            self._filtering = True

    def _stop_filtering(self) -> None:
        app = QGuiApplication.instance()
        if self._filtering and app is not None:
            app.removeEventFilter(self)
        self._filtering = False

    def _restart(self) -> None:
        """Idle time counts from now (an unlock, a new interval)."""
        self._last_input = time.monotonic()
        if self._active and self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    @property
    def last_input(self) -> float:
        """``time.monotonic()`` of the last input event (or of the last restart)."""
        return self._last_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only observes; never consumes an event (input methods must see every key). No Qt
        # call here but event.type(): this runs for every event of the whole app.
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    @Slot()
    def _on_idle(self) -> None:
        if not self._active or self._interval_ms <= 0:
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000.0
        remaining = self._interval_ms - idle_ms
        # A coarse timer may fire up to 5 % early: a few ms short still counts as idle.
        if remaining <= max(5.0, self._interval_ms * 0.05):
            self.lock_due.emit("idle")
        else:
            # There was input meanwhile: wake up again when the idle time can next run out.
            self._timer.start(max(1, round(remaining)))

    # -- the OS ------------------------------------------------------------------------------

    @Slot(Qt.ApplicationState)
    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended and self._active:
            self.lock_due.emit("suspend")

    # Slots are named Qt's SLOT() way: "1" + signature (PySide6 takes the macro's string).
    def _connect_dbus(self, session_bus: Any = None, system_bus: Any = None) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials on Linux
            return
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                "1_on_prepare_for_sleep(bool)",
            ):
                self.dbus_hooks.append("login1.PrepareForSleep")
            session_path = _logind_session_path(system)
            if session_path and system.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1",
                session_path,
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                "1_on_session_lock()",
            ):
                self.dbus_hooks.append("login1.Session.Lock")
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        if session.isConnected() and session.connect(  # type: ignore[call-overload]
            "",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            self,
            "1_on_screensaver_active(bool)",
        ):
            self.dbus_hooks.append("ScreenSaver.ActiveChanged")

    @Slot(bool)
    def _on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep and self._active:
            self.lock_due.emit("suspend")

    @Slot()
    def _on_session_lock(self) -> None:
        if self._active:
            self.lock_due.emit("screen_locked")

    @Slot(bool)
    def _on_screensaver_active(self, active: bool) -> None:
        if active and self._active:
            self.lock_due.emit("screen_locked")


def _logind_session_path(system: object) -> str:
    """The D-Bus object path of this process's logind session ('' if there is none)."""
    try:
        from PySide6.QtDBus import QDBusInterface, QDBusObjectPath
    except ImportError:  # pragma: no cover
        return ""
    iface = QDBusInterface(
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        system,  # type: ignore[arg-type]
    )
    if not iface.isValid():
        return ""
    reply = iface.call("GetSessionByPID", os.getpid())
    args = reply.arguments()
    if not args:
        return ""
    value = args[0]
    if isinstance(value, QDBusObjectPath):
        return value.path()
    return str(value) if isinstance(value, str) and value.startswith("/") else ""
