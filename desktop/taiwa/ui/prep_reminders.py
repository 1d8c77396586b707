"""Reminders before each 1on1 through the system tray (:mod:`taiwa.prep.reminders`).

A timer ticks every ``TICK_MS`` and shows what fell due since the last tick, in absolute time
(see the core module: DST, travel and suspend fire nothing twice). The text carries no name
unless the user allowed names in the settings, and never in privacy mode; never note text.
Clicking the notification opens that person's prep view. While the vault is locked nothing is
read and nothing is shown.

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
        self._last_tick = datetime.now(UTC)
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
        self._read_at = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.keeps_running())

    def _quit(self) -> None:
        quit_app = getattr(self.window, "quit_app", None)
        if callable(quit_app):
            quit_app()

    def _on_data_changed(self) -> None:
        self._read_at = None

    def _on_timeout(self) -> None:
        self.tick(datetime.now(UTC))

    def tick(self, now: datetime) -> list[str]:
        """Show the reminders due in (last tick, ``now``]; returns their texts."""
        from taiwa.prep import reminders

        since, self._last_tick = self._last_tick, now
        if not self.ctx.is_unlocked:
            self._read_at = None
            self.act_due.setVisible(False)  # nothing about the vault while it is locked
            return []
        try:
            if self._read_at is None or now - self._read_at >= REFRESH or now < self._read_at:
                self._schedule = reminders.upcoming(self.ctx.store, since)
                self._read_at = now
                self._show_due(reminders.due_before_next(self.ctx.store, now))
            _lead, names = reminders.preferences(self.ctx.store)
        except TaiwaError:
            return []  # locked or unreadable just now: the next tick tries again
        names = names and not getattr(self.ctx, "privacy_mode", False)
        shown: list[str] = []
        for item in reminders.due(self._schedule, since, now):
            message = reminders.text(item, now, show_names=names)
            self._clicked_person = item.person_id
            self.icon.showMessage("Taiwa", message, QSystemTrayIcon.MessageIcon.Information)
            self.reminded.emit(message)
            shown.append(message)
        return shown

    def _show_due(self, due: list[Any]) -> None:
        """The tray's tooltip: how many action items fall due before the next 1on1s (a count,
        never a name or a text: the tooltip shows on a shared screen too)."""
        count = sum(len(d.actions) for d in due)
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
