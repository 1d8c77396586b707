"""The meeting editor's keyboard shortcuts (listed in the keyboard map, :mod:`taiwa.ui.help`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from taiwa.domain.models import Theme, TopicState
from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.models import OBJECT_ROLE
from taiwa.ui.widgets import labels

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class KeysPart(EditorBase):
    """Creates the page's actions (shortcuts and context menus)."""

    def _build_actions(self) -> None:
        def act(
            text: str,
            keys: Any,
            slot: Callable[[], None],
            widget: QWidget | None = None,
            context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ) -> QAction:
            a = QAction(text, widget or self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(context)
            a.triggered.connect(slot)
            (widget or self).addAction(a)
            return a

        self.add_topic_action = act(_t("Add topic"), "Ctrl+T", self._focus_topic_entry)
        self.bank_action = act(_t("Add from question bank"), "Ctrl+Shift+T", self._on_question_bank)
        self.add_action_action = act(
            _t("Add action item"), "Ctrl+Shift+A", self._focus_action_entry
        )
        self.toggle_action = act(_t("Toggle done / discussed"), "Ctrl+D", self._on_toggle_current)
        self.delete_topic_action = act(
            _t("Delete topic"),
            QKeySequence.StandardKey.Delete,
            self._on_delete_topic,
            self.topic_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.delete_action_action = act(
            _t("Delete action item"),
            QKeySequence.StandardKey.Delete,
            self._on_delete_action,
            self.action_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        # Mouse users find the same commands on the lists' context menus.
        for view in (self.topic_view, self.action_view):
            view.addAction(self.toggle_action)  # the delete action is already on each view
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # A topic can move to another theme (the agenda regroups at once).
        self.theme_menu = QMenu(_t("Move to theme"), self)
        for theme in Theme:
            a = self.theme_menu.addAction(labels.theme_name(theme))
            a.triggered.connect(lambda _checked=False, th=theme: self._on_move_topic(th))
        self.topic_view.addAction(self.theme_menu.menuAction())
        self.delete_meeting_action = act(
            _t("Delete meeting"),
            "Shift+Del",
            self._on_delete_meeting,
            self.history_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.history_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.prev_action = act(
            _t("Previous meeting"), "Ctrl+PgDown", lambda: self._step_meeting(+1)
        )
        self.next_action = act(_t("Next meeting"), "Ctrl+PgUp", lambda: self._step_meeting(-1))
        # Structured undo: text fields keep their own Ctrl+Z (they take the shortcut first
        # while focused); elsewhere on the page Ctrl+Z undoes topic/action/mood/status changes.
        self.undo_action = self.undo_stack.createUndoAction(self, _t("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.redo_action = self.undo_stack.createRedoAction(self, _t("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.redo_action)

    def _on_toggle_current(self) -> None:
        """Ctrl+D: toggle the focused list's current item (topic discussed / action done)."""
        if self.topic_view.hasFocus() or (
            self._last_list == "topic" and not self.action_view.hasFocus()
        ):
            idx = self.topic_view.currentIndex()
            t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
            if t is not None and not isinstance(t, Theme):
                self._on_topic_toggled(t.id, t.state != TopicState.DISCUSSED)
            return
        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is not None:
            self._on_action_toggled(a.id, a.done_on is None)

    # -- export -----------------------------------------------------------------------------
