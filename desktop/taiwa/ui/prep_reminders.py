"""Reminders before each 1on1 through the system tray (:mod:`taiwa.prep.reminders`).

A timer ticks every ``TICK_MS`` and shows what fell due since the last tick, in absolute time
(see the core module: DST, travel and suspend fire nothing twice). The text carries no name
unless the user allowed names in the settings, and never in privacy mode; never note text.
Clicking the notification opens that person's prep view. While the vault is locked nothing is
read and nothing is shown.

The schedule is read on the vault worker (:class:`taiwa.ui.ops.Op`: on a vault of 1 000 people
the read takes a noticeable fraction of a second), every ``REFRESH`` and after every change. A
tick that needs a fresh schedule starts the read and shows nothing yet; the read's result shows
what fell due from the last tick that was shown up to the latest tick, so nothing that falls due
during the read is lost or shown twice. Ticks while a read is on its way start no second one.
A lock during the read drops its result.

The tray menu has Open and Quit. When the user keeps the app in the tray (Settings ▸ General,
:attr:`taiwa.prefs.Prefs.keep_in_tray`), closing the window only hides it and Quit is the way
out; otherwise closing the window quits as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from taiwa.errors import TaiwaError
from taiwa.ui.ops import Op, show_error

TICK_MS = 30_000
#: How often the schedule is read again from the vault (and at once after any change).
REFRESH = timedelta(minutes=5)


class ReminderTray(QObject):
    """The tray icon and its 1on1 reminders for ``window``'s vault."""

    #: Emitted with the notification's text after it was shown (tests, the log of what fired).
    reminded = Signal(str)

    def __init__(self, ctx: Any, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._schedule: list[Any] = []
        self._read_at: datetime | None = None
        self._show_names = False
        # The end of the last window whose reminders were shown (or skipped while locked).
        self._last_tick = datetime.now(UTC)
        # The read on its way (None: none) and the latest tick asked for meanwhile.
        self._op: Op[Any] | None = None
        self._wanted: datetime | None = None
        # A change arrived while the read was running: that read may not have seen it.
        self._stale = False
        self._clicked_person = 0
        self.due_count = 0
        self.icon = QSystemTrayIcon(self)
        app = QApplication.instance()
        self.icon.setIcon(app.windowIcon() if isinstance(app, QApplication) else QIcon())
        self.icon.setToolTip("Taiwa")
        self.icon.messageClicked.connect(self._on_message_clicked)
        self.icon.activated.connect(self._on_activated)
        # No parent: the tray owns it, not the window (whose menus the menu bar shows).
        self.menu = QMenu()
        # What falls due before the next 1on1s, as a count (the menu shows on a shared screen
        # too); it opens the dashboard, whose card lists them.
        self.act_due = self.menu.addAction("")
        self.act_due.setVisible(False)
        self.act_due.triggered.connect(self._show_dashboard)
        self.act_open = self.menu.addAction(self.tr("&Open Taiwa"))
        self.act_open.triggered.connect(self._bring_to_front)
        self.act_quit = self.menu.addAction(self.tr("&Quit"))
        self.act_quit.triggered.connect(self._quit)
        self.icon.setContextMenu(self.menu)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timeout)
        self.timer.start()
        ctx.events.data_changed.connect(self._on_data_changed)
        ctx.events.locked.connect(self._on_locked)
        self.session_ending = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Logging out closes the window for real: hiding it would hold up the logout.
            app.commitDataRequest.connect(self._on_session_end)
        self.apply_preferences()

    @staticmethod
    def available() -> bool:
        """Whether the desktop has a system tray to sit in (not offscreen, not every Wayland)."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def keeps_running(self) -> bool:
        """Whether closing the window should hide it to the tray instead of quitting."""
        if self.session_ending:
            return False
        return bool(self.ctx.prefs.keep_in_tray) and self.available()

    def _on_session_end(self, *_args: Any) -> None:
        self.session_ending = True

    def apply_preferences(self) -> None:
        """Apply a changed setting at once: read the lead time and names again, and keep the
        app alive without a visible window only while it sits in the tray."""
        self._read_again()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.keeps_running())

    def _quit(self) -> None:
        quit_app = getattr(self.window, "quit_app", None)
        if callable(quit_app):
            quit_app()

    def _on_data_changed(self) -> None:
        self._read_again()

    def _on_locked(self) -> None:
        # At once, not at the next tick: the count must not stay in the tooltip while locked.
        self._read_at = None
        self._op = None  # a read still on its way is dropped on arrival
        self._show_due(0)

    def _read_again(self) -> None:
        self._read_at = None
        self._stale = self.reading

    @property
    def reading(self) -> bool:
        """Whether a read of the schedule is on its way to the GUI thread."""
        return self._op is not None and not self._op.done

    def _on_timeout(self) -> None:
        self.tick(datetime.now(UTC))

    def tick(self, now: datetime) -> list[str]:
        """Show the reminders due in (last tick, ``now``]; returns their texts.

        When the schedule must be read first, the read runs on the vault worker and this
        returns nothing: its result shows the window's reminders (``reminded``) on arrival.
        """
        if not self.ctx.is_unlocked:
            self._last_tick = now  # what falls due while locked is not shown later
            self._read_at = None
            self._op = None  # a read still on its way is dropped on arrival
            self._show_due(0)  # nothing about the vault while it is locked
            return []
        if self.reading:
            self._wanted = now  # the read's result covers this tick too
            return []
        read_at = self._read_at
        if read_at is None or now - read_at >= REFRESH or now < read_at:
            self._start_read(now)
            return []
        return self._fire(now)

    def _start_read(self, now: datetime) -> None:
        from taiwa.prep import reminders

        store = self.ctx.store
        since = self._last_tick
        generation = self.ctx.generation
        # Read from the start of the window not shown yet, as the core module defines it: a
        # meeting that starts within the window (lead time 0) is in the schedule.
        op: Op[Any] = Op(self, lambda: reminders.tray_reading(store, since, now))
        self._op, self._wanted, self._stale = op, now, False

        def done(reading: Any) -> None:
            self._on_read(op, generation, now, reading)

        def failed(exc: BaseException) -> None:
            self._on_read_failed(op, exc)

        op.success(done).failure(failed).run()

    def _on_read(self, op: Any, generation: int, now: datetime, reading: Any) -> None:
        if op is not self._op:
            return  # locked meanwhile (the lock forgot it)
        self._op = None
        if generation != self.ctx.generation or not self.ctx.is_unlocked:
            return  # read before a lock: nothing of it is shown
        self._schedule = reading.schedule
        self._show_names = reading.show_names
        self._read_at = None if self._stale else now
        self._show_due(reading.due_count)
        wanted = self._wanted if self._wanted is not None else now
        self._wanted = None
        self._fire(wanted)

    def _on_read_failed(self, op: Any, exc: BaseException) -> None:
        if op is not self._op:
            return
        self._op = None
        self._wanted = None
        if not isinstance(exc, TaiwaError):
            show_error(self.window, exc)
        # Locked or unreadable just now: the next tick reads again, from the same window start.

    def _fire(self, now: datetime) -> list[str]:
        """Show what the schedule has in (last tick, ``now``], then move the window on."""
        from taiwa.prep import reminders

        since, self._last_tick = self._last_tick, now
        names = self._show_names and not getattr(self.ctx, "privacy_mode", False)
        shown: list[str] = []
        for item in reminders.due(self._schedule, since, now):
            message = reminders.text(item, now, show_names=names)
            self._clicked_person = item.person_id
            self.icon.showMessage("Taiwa", message, QSystemTrayIcon.MessageIcon.Information)
            self.reminded.emit(message)
            shown.append(message)
        return shown

    def _show_due(self, count: int) -> None:
        """The tray's tooltip: how many action items fall due before the next 1on1s (a count,
        never a name or a text: the tooltip shows on a shared screen too)."""
        self.due_count = count
        if count:
            self.icon.setToolTip(
                self.tr("Taiwa — %n action item(s) due before the next 1on1s", "", count)
            )
            self.act_due.setText(self.tr("%n action item(s) due before the next 1on1s", "", count))
        else:
            self.icon.setToolTip("Taiwa")
        self.act_due.setVisible(count > 0)

    def _show_dashboard(self) -> None:
        self._bring_to_front()
        show = getattr(self.window, "show_page", None)
        if callable(show) and self.ctx.is_unlocked:
            show("dashboard")

    def _on_message_clicked(self) -> None:
        from taiwa.ui.prep_dialogs import open_prep

        if self._clicked_person:
            self._bring_to_front()
            open_prep(self.ctx, self._clicked_person, 0, self.window)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self._bring_to_front()

    def _bring_to_front(self) -> None:
        # The main window's own way (un-minimise, raise, focus, its open dialog with it).
        bring = getattr(self.window, "bring_to_front", None)
        if callable(bring):
            bring()
