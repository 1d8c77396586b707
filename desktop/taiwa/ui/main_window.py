"""The main window: toolbar, menus, left navigation, the pages, and the locked/unlocked switch.

It owns the screens (first run, unlock, workspace) and the app-wide behaviour that is not a
page's business: navigation (``events.open_person`` …), privacy mode, locking, drag-and-drop of
.ics files, and the dialogs of the File and Help menus. The pages are built lazily by name (see
:mod:`taiwa.ui.pages` for the table of modules, classes and navigation methods).

The window title is only ever "Taiwa" or "Taiwa — Locked": never a name or note text.
"""

from __future__ import annotations

import importlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taiwa import paths
from taiwa.ui import ops, window_size
from taiwa.ui.context import AppContext
from taiwa.ui.lock import LockWatcher
from taiwa.ui.ops import Op
from taiwa.ui.pages import is_page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)

# key -> (module under taiwa.ui, class name)
PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "dashboard": ("dashboard", "DashboardPage"),
    "people": ("people_page", "PeoplePage"),
    "search": ("search_page", "SearchPage"),
    "person": ("person_page", "PersonPage"),
    "meeting": ("meeting_editor", "MeetingEditor"),
}
# Pages in the left navigation, in order (detail pages highlight their parent).
NAV_KEYS = ("dashboard", "people", "search")
NAV_PARENT = {"person": "people", "meeting": "people"}


def icon(name: str) -> QIcon:
    """A bundled toolbar icon (``resources/icons/shell-<name>.svg``)."""
    return QIcon(str(paths.resource_path("icons", f"shell-{name}.svg")))


def privacy_icon() -> QIcon:
    """An open eye when off; a crossed-out eye (white, on the accent) when on."""
    result = QIcon(str(paths.resource_path("icons", "shell-eye.svg")))
    result.addFile(
        str(paths.resource_path("icons", "shell-eye-off-on.svg")),
        QSize(),
        QIcon.Mode.Normal,
        QIcon.State.On,
    )
    return result


class MainWindow(QMainWindow):
    """The one top-level window of the app."""

    # The app locked (reason: "manual", "idle", "suspend", "screen_locked").
    vault_locked = Signal(str)
    vault_unlocked = Signal()

    # How long after an unlock the background integrity check starts (see taiwa.ui.integrity):
    # reading every page takes a core, which the first screen's queries and painting need more.
    integrity_delay_ms = 1500
    # How long quitting waits for a cancelled import or export to stop (it takes well under 1 s).
    quit_wait_ms = 2000

    def __init__(
        self,
        ctx: AppContext,
        *,
        lock_watcher: LockWatcher | None = None,
        start_screen: str = "auto",
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(900, 600))
        self._pages: dict[str, QWidget] = {}
        self._current_key = "dashboard"
        self._history: list[tuple[str, int]] = []
        self._forward: list[tuple[str, int]] = []  # pages left by Back (Alt+Right returns)
        self._current_ids: dict[str, int] = {}
        self._resume: tuple[str, int] | None = None
        self._locking = False
        self._lock_reason = ""
        self.watcher = lock_watcher if lock_watcher is not None else LockWatcher(self)
        self.watcher.lock_due.connect(self._on_lock_due)

        self._screens = QStackedWidget(self)
        self._screens.setObjectName("screens")
        self.setCentralWidget(self._screens)
        self._first_run: QWidget | None = None
        self._unlock: Any = None  # the UnlockScreen, built on first need
        self._drafts_bar: Any = None  # the offer to restore unsaved text (ui/drafts.py)
        self._workspace = self._build_workspace()
        self._screens.addWidget(self._workspace)
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.set_auto_lock_minutes(ctx.prefs.auto_lock_minutes)

        ev = ctx.events
        ev.open_person.connect(self._on_open_person)
        ev.open_meeting.connect(self._on_open_meeting)
        ev.new_meeting.connect(self._on_new_meeting)
        ev.privacy_changed.connect(self._on_privacy_changed)
        ev.import_requested.connect(self._on_import_requested)
        ev.export_requested.connect(self._on_export_requested)
        from taiwa.ui.prep_reminders import ReminderTray

        self.reminder_tray = ReminderTray(ctx, self)  # 1on1 reminders in the system tray

        if ctx.prefs.window_geometry:  # the position; the size is per screen (window_size)
            self.restoreGeometry(QByteArray.fromBase64(ctx.prefs.window_geometry.encode("ascii")))
        window_size.fit(self, QSize(1200, 800), name="main", prefs=ctx.prefs)
        if start_screen == "auto":
            opened = ctx.is_unlocked or self._prefetched_vault() is not None
            start_screen = "workspace" if opened else self._locked_screen_kind()
        self._show_screen(start_screen)

    # == building ===========================================================================

    def _build_workspace(self) -> QWidget:
        workspace = QWidget(self)
        workspace.setObjectName("workspace")
        outer = QVBoxLayout(workspace)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._privacy_banner = QLabel(workspace)
        self._privacy_banner.setObjectName("privacyBanner")
        self._privacy_banner.setTextFormat(Qt.TextFormat.PlainText)
        self._privacy_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._privacy_banner.hide()
        outer.addWidget(self._privacy_banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        outer.addLayout(row, 1)

        side = QFrame(workspace)
        side.setObjectName("sidebarPanel")
        self._side = side
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(10, 16, 10, 12)
        side_lay.setSpacing(8)
        brand = QLabel("Taiwa  対話", side)
        brand.setObjectName("brand")
        # Colours of the panel, the brand and the privacy banner: taiwa.ui.theme (light/dark).
        side_lay.addWidget(brand)
        self._nav = QListWidget(side)
        self._nav.setObjectName("sidebar")
        self._nav.setFrameShape(QFrame.Shape.NoFrame)
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key in NAV_KEYS:
            item = QListWidgetItem(self._nav_label(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 38))
            self._nav.addItem(item)
        self._nav.currentItemChanged.connect(self._on_nav_changed)
        side_lay.addWidget(self._nav, 1)
        self._lock_hint = QLabel(side)
        self._lock_hint.setObjectName("hint")
        self._lock_hint.setWordWrap(True)
        self._lock_hint.setTextFormat(Qt.TextFormat.PlainText)
        side_lay.addWidget(self._lock_hint)
        self._brand = brand
        self._fit_sidebar()
        row.addWidget(side)

        self._stack = QStackedWidget(workspace)
        self._stack.setObjectName("pages")
        self._stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        row.addWidget(self._stack, 1)
        return workspace

    def _fit_sidebar(self) -> None:
        """Size the left navigation to its texts at the current text zoom (200 px at 100 %)."""
        # Polished first: the brand's size comes from the style sheet, applied only at show.
        self._brand.ensurePolished()
        self._nav.ensurePolished()
        fm = QFontMetrics(self._nav.font())
        widest = max(fm.horizontalAdvance(self._nav_label(k)) for k in NAV_KEYS)
        brand = QFontMetrics(self._brand.font()).horizontalAdvance(self._brand.text())
        self._side.setFixedWidth(max(200, min(360, max(widest + 60, brand + 48))))
        for row in range(self._nav.count()):
            self._nav.item(row).setSizeHint(QSize(0, max(38, fm.height() + 18)))

    def _nav_label(self, key: str) -> str:
        return {
            "dashboard": self.tr("Dashboard"),
            "people": self.tr("People"),
            "search": self.tr("Search"),
        }[key]

    def _action(
        self, text: str, slot: Any, shortcut: Any = None, *, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                # Each key once: the same key twice (StandardKey.Back *is* Alt+Left on Linux
                # and Windows) is an "ambiguous shortcut overload" that Qt never triggers.
                unique: list[QKeySequence] = []
                for keys in map(QKeySequence, shortcut):
                    if keys not in unique:
                        unique.append(keys)
                action.setShortcuts(unique)
            else:
                action.setShortcut(QKeySequence(shortcut))
            # Window-wide, so the shortcut works whichever page or field has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        seq = QKeySequence
        self.act_new_meeting = self._action(
            self.tr("&New meeting…"), self._on_new_meeting_action, seq.StandardKey.New
        )
        self.act_new_meeting.setIcon(icon("new"))
        self.act_import = self._action(
            self.tr("&Import calendar…"), self._on_import_action, "Ctrl+I"
        )
        self.act_export = self._action(self.tr("&Export PDF…"), self._on_export_action, "Ctrl+E")
        self.act_prep = self._action(self.tr("&Prepare 1on1 or recap…"), self._on_prep_action)
        self.act_export_data = self._action(self.tr("Export &data…"), self._on_export_data_action)
        self.act_import_data = self._action(self.tr("I&mport data…"), self._on_import_data_action)
        self.act_handover = self._action(self.tr("&Hand-over…"), self._on_handover_action)
        self.act_export_rollup = self._action(
            self.tr("Export roll-&up…"), self._on_export_rollup_action
        )
        self.act_rollups = self._action(self.tr("&Roll-ups…"), self._on_rollups_action)
        self.act_backup = self._action(self.tr("&Back up…"), self._on_backup_action)
        self.act_restore = self._action(self.tr("&Restore from backup…"), self._on_restore_action)
        self.act_settings = self._action(self.tr("&Settings…"), self._on_settings_action, "Ctrl+,")
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_lock = self._action(self.tr("&Lock"), self._on_lock_action, "Ctrl+L")
        self.act_lock.setIcon(icon("lock"))
        self.act_quit = self._action(self.tr("&Quit"), self.quit_app, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_privacy = self._action(
            self.tr("&Privacy mode"), self._on_privacy_action, "Ctrl+Shift+P", checkable=True
        )
        self.act_privacy.setIcon(privacy_icon())
        self.act_dashboard = self._action(
            self.tr("&Dashboard"), lambda: self._show_and_focus("dashboard"), "Ctrl+1"
        )
        self.act_people = self._action(
            self.tr("&People"), lambda: self._show_and_focus("people"), "Ctrl+2"
        )
        self.act_search_page = self._action(
            self.tr("&Search"), lambda: self._show_and_focus("search"), "Ctrl+3"
        )
        self.act_find = self._action(self.tr("&Find…"), self._on_find_action, seq.StandardKey.Find)
        self.act_back = self._action(
            self.tr("&Back"),
            self.go_back,
            [QKeySequence("Alt+Left"), QKeySequence(seq.StandardKey.Back)],
        )
        self.act_forward = self._action(
            self.tr("F&orward"),
            self.go_forward,
            [QKeySequence("Alt+Right"), QKeySequence(seq.StandardKey.Forward)],
        )
        self.act_shortcuts = self._action(
            self.tr("&Keyboard shortcuts"), self._on_shortcuts_action, ["F1", "Ctrl+/"]
        )
        self.act_about = self._action(self.tr("&About Taiwa"), self._on_about_action)
        # Ctrl+= as well as Ctrl++: on most keyboards "+" needs Shift, "=" is the same key.
        self.act_zoom_in = self._action(
            self.tr("Zoom &in"),
            lambda: self.zoom_text(1),
            ["Ctrl+=", "Ctrl++", seq.StandardKey.ZoomIn],
        )
        self.act_zoom_out = self._action(
            self.tr("Zoom &out"), lambda: self.zoom_text(-1), ["Ctrl+-", seq.StandardKey.ZoomOut]
        )
        self.act_zoom_reset = self._action(
            self.tr("&Actual size"), lambda: self.zoom_text(0), "Ctrl+0"
        )
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        # Esc backs out of a person's page or a meeting while the focus is in one of its lists.
        # Enabled only then, so a cell editor, a popup or a text field keeps its own Esc.
        self.act_escape = self._action(self.tr("Back out"), self.go_back, "Esc")
        self.act_escape.setEnabled(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        # Actions that need an unlocked vault.
        self._vault_actions = [
            self.act_new_meeting,
            self.act_import,
            self.act_export,
            self.act_prep,
            self.act_export_data,
            self.act_import_data,
            self.act_handover,
            self.act_export_rollup,
            self.act_rollups,
            self.act_backup,
            self.act_lock,
            self.act_privacy,
            self.act_dashboard,
            self.act_people,
            self.act_search_page,
            self.act_find,
            self.act_back,
            self.act_forward,
        ]

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.addAction(self.act_new_meeting)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search_field = QLineEdit(bar)
        self.search_field.setObjectName("toolbarSearch")
        self.search_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.search_field.setPlaceholderText(self.tr("Search notes, topics, actions (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(300)
        self.search_field.setMaximumWidth(420)
        self.search_field.returnPressed.connect(self._on_search_submitted)
        bar.addWidget(self.search_field)
        bar.addSeparator()
        bar.addAction(self.act_privacy)
        bar.addAction(self.act_lock)
        for action in (self.act_new_meeting, self.act_privacy, self.act_lock):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"toolbar_{action.objectName() or id(action)}")
        self._toolbar = bar
        self._refresh_tooltips()

    def _refresh_tooltips(self) -> None:
        for action in (self.act_new_meeting, self.act_privacy, self.act_lock):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '').rstrip('…')} ({keys})")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new_meeting)
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_prep)
        file_menu.addAction(self.act_export_data)
        file_menu.addAction(self.act_import_data)
        file_menu.addAction(self.act_handover)
        file_menu.addAction(self.act_export_rollup)
        file_menu.addSeparator()
        file_menu.addAction(self.act_backup)
        file_menu.addAction(self.act_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addAction(self.act_lock)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        go_menu = bar.addMenu(self.tr("&Go"))
        for action in (self.act_dashboard, self.act_people, self.act_search_page):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.act_find)
        go_menu.addAction(self.act_back)
        go_menu.addAction(self.act_forward)
        from taiwa.ui.lifecycle import PersonMenu

        person_menu = bar.addMenu(self.tr("Pers&on"))
        self._person_menu = PersonMenu(self, person_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_privacy)
        view_menu.addAction(self.act_rollups)
        view_menu.addSeparator()
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)
        self._menus = [file_menu, go_menu, person_menu, view_menu, help_menu]

    # == screens =============================================================================

    def _locked_screen_kind(self) -> str:
        from taiwa.vault.files import vault_exists

        return "unlock" if vault_exists(self.ctx.vault_dir) else "first_run"

    def _show_screen(self, kind: str) -> None:
        if kind == "workspace":
            self._screens.setCurrentWidget(self._workspace)
            self.menuBar().setVisible(True)
            self._toolbar.setVisible(True)
            self._set_vault_actions_enabled(True)
            self.setWindowTitle("Taiwa")
            self.watcher.set_active(True)
            return
        self.watcher.set_active(False)
        self._set_vault_actions_enabled(False)
        self._toolbar.setVisible(False)
        if kind == "first_run":
            self._screens.setCurrentWidget(self._ensure_first_run())
            self.setWindowTitle("Taiwa")
        else:
            screen = self._ensure_unlock()
            self._screens.setCurrentWidget(screen)
            self.setWindowTitle(self.tr("Taiwa — Locked"))
            screen.start(auto=(kind == "unlock_auto"), reason=self._lock_reason)

    def _ensure_first_run(self) -> QWidget:
        if self._first_run is None:
            from taiwa.ui.first_run import FirstRunScreen

            self._first_run = FirstRunScreen(self.ctx, self)
            self._first_run.vault_created.connect(self._on_vault_opened)
            self._screens.addWidget(self._first_run)
        return self._first_run

    def _ensure_unlock(self) -> Any:
        if self._unlock is None:
            from taiwa.ui.unlock import UnlockScreen

            self._unlock = UnlockScreen(self.ctx, self)
            self._unlock.vault_opened.connect(self._on_vault_opened)
            self._screens.addWidget(self._unlock)
        return self._unlock

    def _prefetched_vault(self) -> Any:
        """The vault the start-up open has already opened from the keyring (or None)."""
        prefetched = self.ctx.prefetched_open
        return prefetched.opened() if prefetched is not None else None

    def start(self) -> None:
        """At start-up: open straight from the keyring (off the GUI thread) when a vault exists."""
        opened = self._prefetched_vault()
        if opened is not None:
            # Opened (and the dashboard read) before the window was built: show it at once.
            self.ctx.prefetched_open = None
            self.ctx.offer_startup_dashboard(opened.db, opened.dashboard)
            self._on_vault_opened(opened.db)
            return
        if self.ctx.is_unlocked:
            self._show_screen("workspace")
            self.show_page("dashboard")
            self._offer_drafts()
            return
        kind = self._locked_screen_kind()
        self._show_screen("unlock_auto" if kind == "unlock" else kind)
        if kind == "unlock":
            # While the worker opens the vault, build the (still empty) dashboard: its imports
            # and widgets then cost nothing when the key arrives.
            QTimer.singleShot(0, self._prebuild_dashboard)

    def _prebuild_dashboard(self) -> None:
        if "dashboard" not in self._pages:
            self.page("dashboard")

    def current_screen(self) -> str:
        widget = self._screens.currentWidget()
        if widget is self._workspace:
            return "workspace"
        if widget is self._first_run:
            return "first_run"
        return "unlock"

    @Slot(object)
    def _on_vault_opened(self, db: Any) -> None:
        self.ctx.attach(db)
        self._lock_reason = ""
        self._show_screen("workspace")
        on = self.ctx.privacy_mode
        for page in self._pages.values():
            self._call(page, "set_privacy", on)
        resume, self._resume = self._resume, None
        if resume is not None and resume[0] in ("person", "meeting") and resume[1]:
            self._navigate(resume[0], resume[1], remember=False)
        else:
            self.show_page(resume[0] if resume else "dashboard", remember=False)
        self.ctx.events.unlocked.emit()
        self.vault_unlocked.emit()
        self._offer_drafts()
        from taiwa.ui.lifecycle import announce_vault_notices

        announce_vault_notices(self, db)  # e.g. the retention rule erased someone
        from taiwa.ui import integrity

        generation = self.ctx.generation
        integrity.schedule(
            self,
            db,
            self.integrity_delay_ms,
            lambda: self.ctx.generation == generation and self.ctx.is_unlocked,
            self._on_integrity_failed,
        )

    def _offer_drafts(self) -> None:
        """Offer back text typed but never saved (a crash, a kill, a lock mid-entry): a bar
        above the pages when the vault holds drafts (see :mod:`taiwa.ui.drafts`)."""
        if self._drafts_bar is None:
            from taiwa.ui.drafts import DraftsBar

            self._drafts_bar = DraftsBar(self.ctx, self._workspace)
            layout = self._workspace.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(1, self._drafts_bar)  # under the privacy banner
        self._drafts_bar.check()

    def _on_integrity_failed(self, exc: BaseException) -> None:
        from taiwa.vault.errors import DatabaseCorruptError

        if not isinstance(exc, DatabaseCorruptError):
            # Only damage closes the vault; e.g. a busy file is not a verdict on its pages.
            log.warning("deferred integrity check did not run: %s", type(exc).__name__)
            return
        self.lock("damaged")
        if self._unlock is not None:
            self._unlock.integrity_failed = True
            self._unlock.show_failure(exc)

    def _set_vault_actions_enabled(self, enabled: bool) -> None:
        for action in self._vault_actions:
            action.setEnabled(enabled)
        self.search_field.setEnabled(enabled)
        self.act_restore.setEnabled(True)
        self.act_settings.setEnabled(enabled)

    # == pages ===============================================================================

    def page(self, key: str) -> QWidget | None:
        """The page for ``key``, built on first use (None if its module is not available)."""
        if key in self._pages:
            return self._pages[key]
        module_name, class_name = PAGE_CLASSES[key]
        try:
            module = importlib.import_module(f"taiwa.ui.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"taiwa.ui.{module_name}":
                raise
            log.warning("page module %s is not available", module_name)
            return None
        cls = getattr(module, class_name)
        widget = cls(self.ctx, self._stack)
        widget.setObjectName(f"page_{key}")
        if not is_page(widget):
            raise TypeError(f"{class_name} does not implement the page protocol")
        self._pages[key] = widget
        self._stack.addWidget(widget)
        self._call(widget, "set_privacy", self.ctx.privacy_mode)
        return widget

    def pages(self) -> dict[str, QWidget]:
        """The pages built so far."""
        return dict(self._pages)

    def current_page_key(self) -> str:
        return self._current_key

    def show_page(self, key: str, *, remember: bool = True) -> QWidget | None:
        """Switch to a navigation page and refresh it."""
        return self._navigate(key, None, remember=remember)

    def _navigate(self, key: str, item_id: int | None, *, remember: bool = True) -> QWidget | None:
        if not self.ctx.is_unlocked:
            return None
        previous = self._pages.get(self._current_key)
        target = self.page(key)
        if target is None:
            return None
        if previous is not None and previous is not target:
            # Leaving a page saves what was typed there (the editor also autosaves).
            self._call(previous, "flush")
        if remember and (self._current_key, self._item_id(self._current_key)) != (
            key,
            item_id or 0,
        ):
            self._history.append((self._current_key, self._item_id(self._current_key)))
            del self._history[:-50]
            self._forward.clear()
        self._current_key = key
        self._stack.setCurrentWidget(target)
        self._select_nav(NAV_PARENT.get(key, key))
        if item_id is not None:
            self._current_ids[key] = item_id
            method = {"person": "show_person", "meeting": "show_meeting"}[key]
            self._call(target, method, item_id)
        else:
            self._call(target, "refresh")
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible():
            self.focus_page(target)  # the focus was on the page just left
        return target

    def _show_and_focus(self, key: str) -> None:
        """Ctrl+1/2/3: the page, with the focus in its main list (not in the toolbar)."""
        page = self.show_page(key)
        if page is not None:
            self.focus_page(page)

    def focus_page(self, page: QWidget, tries: int = 10) -> None:
        """Put the focus where a page's work starts: its ``focus_main()``, else its first list
        with rows, else its query field (an empty search page), else its first list."""
        focus_main = getattr(page, "focus_main", None)
        if callable(focus_main):
            focus_main()
            return
        views = [
            v
            for v in page.findChildren(QAbstractItemView)
            if v.isVisible() and v.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        with_rows = [v for v in views if v.model() is not None and v.model().rowCount() > 0]
        focus_query = getattr(page, "focus_query", None)
        if not with_rows and callable(focus_query):
            focus_query()
            return
        for view in with_rows or views:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if tries > 0:
            # Its lists appear when its data has loaded (off the GUI thread): try again then.
            QTimer.singleShot(50, self, lambda: self._focus_again(page, tries - 1))

    def _focus_again(self, page: QWidget, tries: int) -> None:
        current = self._pages.get(self._current_key)
        # A lock deletes the pages: only the page still on screen, still without focus.
        if current is None or current is not page or not shiboken6.isValid(page):
            return
        if QApplication.focusWidget() in (None, page):
            self.focus_page(page, tries)

    def _item_id(self, key: str) -> int:
        """The person or meeting a detail page shows now (it may have moved on by itself,
        e.g. to the next meeting), else the one the window opened there."""
        page = self._pages.get(key)
        if key == "meeting":
            value = getattr(page, "meeting_id", None)
            if isinstance(value, int):
                return value
        elif key == "person":
            getter = getattr(page, "current_person_id", None)
            if callable(getter) and getter():
                return int(getter())
        return self._current_ids.get(key, 0)

    def _select_nav(self, key: str) -> None:
        self._nav.blockSignals(True)
        try:
            for row in range(self._nav.count()):
                item = self._nav.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == key:
                    self._nav.setCurrentRow(row)
        finally:
            self._nav.blockSignals(False)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self._pages.get(self._current_key)
        self.act_escape.setEnabled(
            self._current_key in ("person", "meeting")
            and isinstance(new, QAbstractItemView)
            and page is not None
            and shiboken6.isValid(page)
            and page.isAncestorOf(new)
        )

    def go_back(self) -> None:
        """Back to the previous page (Alt+Left)."""
        self._walk(self._history, self._forward)

    def go_forward(self) -> None:
        """Forward again to the page Back left (Alt+Right)."""
        self._walk(self._forward, self._history)

    def _walk(self, source: list[tuple[str, int]], other: list[tuple[str, int]]) -> None:
        here = (self._current_key, self._item_id(self._current_key))
        while source:
            key, item_id = source.pop()
            if key in ("person", "meeting") and item_id:
                other.append(here)
                self._navigate(key, item_id, remember=False)
            elif key in NAV_KEYS:
                other.append(here)
                self.show_page(key, remember=False)
            else:
                continue
            self.focus_page(self._pages[self._current_key])
            return

    def _call(self, page: QWidget, method: str, *args: Any) -> Any:
        fn = getattr(page, method, None)
        if fn is None:
            return None
        return fn(*args)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_nav_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self.show_page(current.data(Qt.ItemDataRole.UserRole))

    @Slot(int)
    def _on_open_person(self, person_id: int) -> None:
        self._navigate("person", int(person_id))

    @Slot(int)
    def _on_open_meeting(self, meeting_id: int) -> None:
        self._navigate("meeting", int(meeting_id))

    # == new meeting =========================================================================

    def _on_new_meeting_action(self) -> None:
        person_id = 0
        if self._current_key in ("person", "meeting"):
            person_id = self._current_person_id()
        self.ctx.events.new_meeting.emit(person_id)

    def _current_person_id(self) -> int:
        page = self._pages.get(self._current_key)
        getter = getattr(page, "current_person_id", None)
        if callable(getter):
            value = getter()
            return int(value or 0)
        if self._current_key == "person":
            return self._current_ids.get("person", 0)
        return 0

    @Slot(int)
    def _on_new_meeting(self, person_id: int) -> None:
        if not self.ctx.is_unlocked:
            return
        if not person_id:
            from taiwa.ui.person_picker import PersonPicker

            picker = PersonPicker(self.ctx, self)
            # Gone once closed: a hidden picker would keep the people's names after a lock.
            picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            picker.person_chosen.connect(self._create_meeting)
            picker.open()
            picker.activateWindow()
            picker.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)  # type to find the person
            return
        self._create_meeting(int(person_id))

    @Slot(int)
    def _create_meeting(self, person_id: int) -> None:
        store = self.ctx.store
        starts_at = datetime.now(UTC).replace(second=0, microsecond=0)
        Op(self, lambda: store.meetings.create(person_id, starts_at)).success(
            self._on_meeting_created
        ).run()

    def _on_meeting_created(self, meeting: Any) -> None:
        self.ctx.events.data_changed.emit()
        self.ctx.events.open_meeting.emit(int(meeting.id))

    # == search ==============================================================================

    def _on_find_action(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _on_search_submitted(self) -> None:
        text = self.search_field.text().strip()
        page = self.show_page("search")
        if page is not None:
            focus = getattr(page, "focus_query", None)
            if callable(focus):
                focus(text)

    # == privacy =============================================================================

    def _on_privacy_action(self, checked: bool) -> None:
        self.ctx.set_privacy_mode(checked)

    def set_privacy_mode(self, on: bool) -> None:
        self.ctx.set_privacy_mode(on)

    @Slot(bool)
    def _on_privacy_changed(self, on: bool) -> None:
        self.act_privacy.setChecked(on)
        self._privacy_banner.setText(
            self.tr(
                "Privacy mode — private notes, signals and other people's data are hidden. "
                "Press {keys} to show them again."
            ).format(
                keys=self.act_privacy.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self._privacy_banner.setVisible(on)
        for page in self._pages.values():
            self._call(page, "set_privacy", on)
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                fn = getattr(widget, "set_privacy", None)
                if callable(fn):
                    fn(on)

    # == locking =============================================================================

    @Slot(str)
    def _on_lock_due(self, reason: str) -> None:
        self.lock(reason)

    def _on_lock_action(self) -> None:
        self.lock("manual")

    def set_auto_lock_minutes(self, minutes: int) -> None:
        """Idle minutes before locking (0: never); shown at the bottom of the navigation."""
        self.watcher.set_idle_minutes(minutes)
        self._auto_lock_minutes = minutes
        self._show_lock_hint()

    def _show_lock_hint(self) -> None:
        # Also after a language switch: the hint is not rebuilt with the menus and pages.
        minutes = self._auto_lock_minutes
        if minutes > 0:
            text = self.tr("Locks after %n minute(s) without activity.", "", minutes)
        else:
            text = self.tr("Automatic lock is off.")
        self._lock_hint.setText(text)

    def is_locked(self) -> bool:
        return not self.ctx.is_unlocked

    def save_all(self) -> None:
        """Write what every page holds unsaved, now (before a lock, a quit, a logout).

        One page failing must not keep the others from saving; the failure is logged by type
        only (its text may quote a note)."""
        if not self.ctx.is_unlocked:
            return
        for key, page in self._pages.items():
            try:
                self._call(page, "flush")
            except Exception as exc:
                log.error("flush of page %s failed: %s", key, type(exc).__name__)

    def lock(self, reason: str = "manual") -> None:
        """Save, close every dialog and menu, clear every page, close the vault, show unlock.

        Nothing may block it: dialogs are dismissed, not asked.
        """
        if self._locking or not self.ctx.is_unlocked:
            return
        self._locking = True
        try:
            self._lock_reason = reason
            self.watcher.set_active(False)
            self.save_all()
            self._dismiss_transient_windows()
            ops.invalidate_pending()
            ops.cancel_pending()  # an import or export stops within a second; writes finish
            ops.wait_for_pending(30_000)
            key = self._current_key
            self._resume = (key, self._item_id(key))
            for key, page in self._pages.items():
                try:
                    page_clear = getattr(page, "clear", None)
                    if callable(page_clear):
                        page_clear()
                except Exception as exc:
                    log.error("clear of page %s failed: %s", key, type(exc).__name__)
            self._history.clear()
            self._forward.clear()
            self._current_ids.clear()
            self.search_field.clear()
            self.ctx.detach()
            self._show_screen("unlock")
        finally:
            self._locking = False
        self.ctx.events.locked.emit()
        self.vault_locked.emit(reason)

    def _dismiss_transient_windows(self) -> None:
        """Close menus, popups and dialogs (saving theirs first); a modal one must not block."""
        from PySide6.QtWidgets import QDialog  # not needed before the first dialog

        for menu in self._menus:
            menu.hide()
        for _ in range(20):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            flush = getattr(widget, "flush", None)
            if callable(flush):
                try:
                    flush()
                except Exception as exc:
                    log.error("flush of a dialog failed: %s", type(exc).__name__)
            clear = getattr(widget, "clear", None)
            if isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)
            else:
                widget.close()
            if callable(clear) and isinstance(widget, QDialog):
                try:
                    clear()
                except Exception as exc:
                    log.error("clear of a dialog failed: %s", type(exc).__name__)

    # == file menu ===========================================================================

    def _on_import_action(self) -> None:
        # Qt's own dialog, recording no recent file and no history (see file_dialogs).
        from taiwa.ui.file_dialogs import open_calendar_files

        open_calendar_files(self, self.open_import)

    @Slot(list)
    def _on_import_requested(self, files: list[Any]) -> None:
        self.open_import([Path(f) for f in files])

    def open_import(self, files: list[Path]) -> QDialog | None:
        """The calendar import dialog (helper I's) on ``files``."""
        if not files or not self.ctx.is_unlocked:
            return None
        from taiwa.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, files, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Ctrl+Q still quits while this modal dialog has the focus (it cancels the import).
        dialog.addAction(self.act_quit)
        dialog.open()
        return dialog

    def _on_export_action(self) -> None:
        meeting_id = self._item_id("meeting") if self._current_key == "meeting" else 0
        person_id = self._current_person_id()
        if not meeting_id and not person_id:
            # A PDF is about one person or one meeting: say so rather than open an empty dialog.
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Export PDF"),
                self.tr("Open a person or a meeting first, then export it as a PDF (Ctrl+E)."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): no nested event loop under a shortcut
            return
        self.ctx.events.export_requested.emit(meeting_id, person_id)

    def _on_prep_action(self) -> None:
        # From a meeting its recap is offered; from a person, the last held meeting's.
        meeting_id = self._item_id("meeting") if self._current_key == "meeting" else 0
        from taiwa.ui.prep_dialogs import open_prep

        open_prep(self.ctx, self._current_person_id(), meeting_id, self)

    @Slot(int, int)
    def _on_export_requested(self, meeting_id: int, person_id: int) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.ctx, meeting_id=meeting_id or None, person_id=person_id or None, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)  # Ctrl+Q quits from the modal dialog too
        dialog.open()

    def _on_export_data_action(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.data_dialogs import ExportDataDialog

        dialog = ExportDataDialog(self.ctx, self._current_person_id() or None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)  # Ctrl+Q quits from the modal dialog too
        dialog.open()

    def _on_import_data_action(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.import_data_dialog import ImportDataDialog

        dialog = ImportDataDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)
        dialog.open()

    def _on_handover_action(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.handover_dialog import HandoverDialog

        dialog = HandoverDialog(self.ctx, self._current_person_id() or None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)
        dialog.open()

    def _on_export_rollup_action(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.rollup_dialogs import RollupExportDialog

        dialog = RollupExportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)
        dialog.open()

    def _on_rollups_action(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from taiwa.ui.rollup_dialogs import RollupViewer

        dialog = RollupViewer(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.act_quit)
        dialog.open()

    def _on_backup_action(self) -> None:
        from taiwa.ui.backup import start_backup

        start_backup(self.ctx, self)

    def _on_restore_action(self) -> None:
        from taiwa.ui.backup import start_restore

        start_restore(self.ctx, self)

    def _on_settings_action(self) -> None:
        from taiwa.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_changed.connect(self.retranslate)
        dialog.auto_lock_changed.connect(self.set_auto_lock_minutes)
        dialog.tray_changed.connect(self.reminder_tray.apply_preferences)
        dialog.open()

    def _on_shortcuts_action(self) -> None:
        from taiwa.ui.help import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about_action(self) -> None:
        from taiwa.ui.help import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # == language ============================================================================

    def retranslate(self) -> None:
        """Rebuild every widget in the new language (pages included), keeping the place."""
        for page in self._pages.values():
            self._call(page, "flush")
        resume = (self._current_key, self._item_id(self._current_key))
        for page in self._pages.values():
            self._call(page, "clear")
            self._stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        for menu in self._menus:
            menu.deleteLater()
        self.menuBar().clear()
        self.removeToolBar(self._toolbar)
        self._toolbar.deleteLater()
        for action in self.actions():
            self.removeAction(action)
            action.deleteLater()
        for screen in (self._first_run, self._unlock):
            if screen is not None:
                self._screens.removeWidget(screen)
                screen.deleteLater()
        self._first_run = self._unlock = None
        for row, key in enumerate(NAV_KEYS):
            self._nav.item(row).setText(self._nav_label(key))
        self._show_lock_hint()
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._on_privacy_changed(self.ctx.privacy_mode)
        if self.ctx.is_unlocked:
            self._show_screen("workspace")
            if resume[0] in ("person", "meeting") and resume[1]:
                self._navigate(resume[0], resume[1], remember=False)
            else:
                self.show_page(resume[0], remember=False)
        else:
            self._show_screen(self._locked_screen_kind())

    # == drag and drop =======================================================================

    @staticmethod
    def _ics_paths(event: Any) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".ics")
        ]

    def dragEnterEvent(self, event: Any) -> None:
        if self.ctx.is_unlocked and self._ics_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: Any) -> None:
        files = self._ics_paths(event)
        if files and self.ctx.is_unlocked:
            event.acceptProposedAction()
            # After the drop returns: the drag source must not wait for our dialog.
            QTimer.singleShot(0, lambda: self.open_import(files))
        else:
            event.ignore()

    # == a second start ======================================================================

    @Slot()
    def bring_to_front(self) -> None:
        """Un-minimise, raise and focus the window: ``taiwa`` was started again on this vault
        (taiwa.ui.single_instance). Locked, what comes up is the unlock screen; a dialog open
        on the window comes up with it."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            modal.raise_()
            modal.activateWindow()

    # == closing =============================================================================

    def zoom_text(self, step: int) -> None:
        """View ▸ Zoom: one step larger (1), smaller (-1) or back to 100 % (0), remembered."""
        from taiwa.ui import theme

        current = theme.zoom()
        wanted = theme.next_zoom(current, step) if step else theme.DEFAULT_ZOOM
        app = QApplication.instance()
        if wanted == current or not isinstance(app, QApplication):
            return
        self.ctx.prefs.text_zoom = theme.set_zoom(app, wanted)
        self._fit_sidebar()
        try:
            self.ctx.prefs.save()
        except OSError as exc:
            log.warning("preferences not saved: %s", type(exc).__name__)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)

    def quit_app(self) -> None:
        """Quit for real (File ▸ Quit, the tray's Quit), even when closing only hides to the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not getattr(self, "_quitting", False) and self.reminder_tray.keeps_running():
            # Kept in the tray (Settings): the window goes, the reminders and the lock stay.
            self.save_all()
            self._dismiss_transient_windows()
            self.hide()
            event.ignore()
            return
        # Stop an import or export first: the flush below may wait for the vault worker.
        ops.cancel_pending()
        self.save_all()
        self._dismiss_transient_windows()
        ops.invalidate_pending()
        # Cancelled work gets quit_wait_ms to stop; a write already started (one transaction)
        # or queued is waited for, and closing the database below waits for its lock anyway.
        ops.finish_pending(self.quit_wait_ms)
        for page in self._pages.values():
            self._call(page, "clear")
        self.ctx.prefs.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode(
            "ascii"
        )
        window_size.remember(self, "main", self.ctx.prefs)
        try:
            self.ctx.prefs.save()
        except OSError as exc:
            log.warning("preferences not saved: %s", type(exc).__name__)
        self.watcher.set_active(False)
        self.ctx.detach()
        event.accept()
        if not QApplication.quitOnLastWindowClosed():
            # Kept alive for the tray until now: closing the window was a real quit.
            self.reminder_tray.icon.hide()
            QApplication.quit()
