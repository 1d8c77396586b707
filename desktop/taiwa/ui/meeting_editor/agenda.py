"""The meeting editor's agenda: topics grouped by theme, the new-topic field, the question bank."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.models import Theme, TopicState
from taiwa.ui.meeting_editor.bank import QuestionBankDialog
from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.models import OBJECT_ROLE, TopicTreeModel
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import SectionTitle
from taiwa.ui.widgets.tables import HintTreeView

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class AgendaPart(EditorBase):
    """Builds the agenda panel and handles topic changes."""

    def _build_agenda(self, left: QWidget) -> QWidget:
        agenda = QWidget(left)
        al = QVBoxLayout(agenda)
        al.setContentsMargins(0, 0, 6, 0)
        al.setSpacing(6)
        al.addWidget(SectionTitle(_t("Agenda"), agenda))
        self.topics = TopicTreeModel(self)
        self.topics.state_toggled.connect(self._on_topic_toggled)
        self.topics.text_edited.connect(self._on_topic_text_edited)
        self.topic_view = HintTreeView(agenda)
        self.topic_view.empty_hint = _t(
            "No topics yet. Type one below (Ctrl+T) or pick from the question bank."
        )
        self.topic_view.setModel(self.topics)
        self.topic_view.setAccessibleName(_t("Agenda topics by theme"))
        self.topic_view.setHeaderHidden(True)
        self.topic_view.setRootIsDecorated(False)
        self.topic_view.setItemsExpandable(False)
        self.topic_view.setUniformRowHeights(True)
        self.topic_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.topic_view.header().setStretchLastSection(False)
        self.topic_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.topic_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.topics.modelReset.connect(self.topic_view.expandAll)
        self.topics.rowsInserted.connect(lambda *_: self.topic_view.expandAll())
        al.addWidget(self.topic_view, 1)
        add_topic = QHBoxLayout()
        add_topic.setSpacing(6)
        self.topic_theme = QComboBox(agenda)
        for th in Theme:
            self.topic_theme.addItem(labels.theme_name(th), th)
        self.topic_theme.setAccessibleName(_t("Theme of the new topic"))
        self.topic_text = QLineEdit(agenda)
        self.topic_text.setPlaceholderText(_t("New topic (Ctrl+T), Enter to add"))
        self.topic_text.setAccessibleName(_t("New topic"))
        self.topic_text.returnPressed.connect(self._on_add_topic)
        self.bank_button = QPushButton(_t("&Question bank…"), agenda)
        self.bank_button.setToolTip(_t("Add topics from the question bank (Ctrl+Shift+T)"))
        self.bank_button.clicked.connect(self._on_question_bank)
        add_topic.addWidget(self.topic_theme)
        add_topic.addWidget(self.topic_text, 1)
        add_topic.addWidget(self.bank_button)
        al.addLayout(add_topic)
        return agenda

    def _focus_topic_entry(self) -> None:
        if self._meeting is not None:
            self.topic_text.setFocus()

    def _focus_action_entry(self) -> None:
        if self._meeting is not None:
            self.action_text.setFocus()

    def add_topic(self, theme: Theme, text: str) -> bool:
        """Add a topic to the open meeting (undoable); False when it was not added."""
        text = text.strip()
        if self._meeting is None or not text:
            return False
        mid = self._meeting.id
        state: dict[str, int] = {}

        def do() -> None:
            t = self.ctx.store.topics.add(mid, theme, text)
            if "id" in state:
                self._recreated("topic", state["id"], t.id)
            else:
                state["id"] = t.id
            idx = self.topics.add_topic(t)
            self.topic_view.expandAll()
            self.topic_view.setCurrentIndex(idx)

        def undo() -> None:
            tid = self._real("topic", state["id"])
            self.ctx.store.topics.delete(tid)
            self.topics.remove_topic(tid)

        if not self._push(_t("Add topic"), do, undo):
            return False
        self._changed()
        return True

    def _on_add_topic(self) -> None:
        text = self.topic_text.text()
        # A refused topic stays in the field (and its draft), so the text is not lost.
        if text.strip() and self.add_topic(self.topic_theme.currentData(), text):
            self.topic_text.clear()
            self._drafts.flush()  # the draft goes with the text: it is a topic now

    def _on_question_bank(self) -> None:
        if self._meeting is None:
            return
        dlg = QuestionBankDialog(self.ctx, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            for theme, text in dlg.chosen():
                self.add_topic(theme, text)

    def _topic(self, tid: int) -> Any:
        idx = self.topics.topic_index(tid)
        return idx.data(OBJECT_ROLE) if idx.isValid() else None

    def _on_topic_toggled(self, topic_id: int, discussed: bool) -> None:
        t = self._topic(topic_id)
        if t is None:
            return
        old_state = TopicState(t.state)
        new_state = (
            TopicState.DISCUSSED
            if discussed
            else (TopicState.OPEN if old_state == TopicState.DISCUSSED else old_state)
        )
        if new_state == old_state:
            new_state = TopicState.OPEN

        def apply(state: TopicState) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", topic_id)
                self.topics.update_topic(self.ctx.store.topics.set_state(tid, state))

            return go

        self._push(_t("Mark topic"), apply(new_state), apply(old_state))
        self._changed()

    def _on_topic_text_edited(self, topic_id: int, text: str) -> None:
        t = self._topic(topic_id)
        if t is None:
            return
        old = t.text

        def apply(value: str) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", topic_id)
                self.topics.update_topic(self.ctx.store.topics.update(tid, text=value))

            return go

        self._push(_t("Edit topic"), apply(text), apply(old))

    def _on_move_topic(self, theme: Theme) -> None:
        idx = self.topic_view.currentIndex()
        t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
        if t is None or isinstance(t, Theme) or Theme(t.theme) == theme:
            return
        old = Theme(t.theme)

        def apply(th: Theme) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", t.id)
                self.topics.update_topic(self.ctx.store.topics.update(tid, theme=th))
                self.topic_view.expandAll()
                self.topic_view.setCurrentIndex(self.topics.topic_index(tid))

            return go

        self._push(_t("Move topic"), apply(theme), apply(old))
        self._changed()

    def _on_delete_topic(self) -> None:
        idx = self.topic_view.currentIndex()
        t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
        if t is None or isinstance(t, Theme):
            return
        mid = self._meeting.id
        state = {"id": t.id}

        def do() -> None:
            tid = self._real("topic", state["id"])
            self.ctx.store.topics.delete(tid)
            self.topics.remove_topic(tid)

        def undo() -> None:
            new = self.ctx.store.topics.add(
                mid, t.theme, t.text, raised_by=t.raised_by, state=t.state
            )
            self._recreated("topic", state["id"], new.id)
            self.topics.add_topic(new)
            self.topic_view.expandAll()

        self._push(_t("Delete topic"), do, undo)
        self._changed()

    # actions
