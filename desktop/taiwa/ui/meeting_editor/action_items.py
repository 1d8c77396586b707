"""The meeting editor's action items: the table (done, owner, due) and the new-item row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.models import Owner
from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.models import ActionsModel
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import SectionTitle
from taiwa.ui.widgets.dates import OptionalDateEdit
from taiwa.ui.widgets.delegates import ActionItemDelegate
from taiwa.ui.widgets.tables import HintTableView, style_table

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class ActionItemsPart(EditorBase):
    """Builds the action-items panel and handles action item changes."""

    def _build_action_items(self, left: QWidget) -> QWidget:
        acts = QWidget(left)
        xl = QVBoxLayout(acts)
        xl.setContentsMargins(0, 6, 6, 0)
        xl.setSpacing(6)
        xl.addWidget(SectionTitle(_t("Action items"), acts))
        self.actions_model = ActionsModel(self, editable=True)
        self.actions_model.done_toggled.connect(self._on_action_toggled)
        self.actions_model.text_edited.connect(self._on_action_text_edited)
        self.actions_model.field_edited.connect(self._on_action_field_edited)
        self.action_view = HintTableView(acts)
        self.action_view.empty_hint = _t("No action items. Add the next steps you agree on below.")
        self.action_view.setModel(self.actions_model)
        self.action_view.setAccessibleName(_t("Action items"))
        style_table(self.action_view, editable=True)
        self.action_view.setItemDelegate(
            ActionItemDelegate(ActionsModel.OWNER, ActionsModel.DUE, self.action_view)
        )
        self.action_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        hh = self.action_view.horizontalHeader()
        hh.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (ActionsModel.DONE, ActionsModel.OWNER, ActionsModel.DUE, ActionsModel.ORIGIN):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        xl.addWidget(self.action_view, 1)
        add_action = QHBoxLayout()
        add_action.setSpacing(6)
        self.action_owner = QComboBox(acts)
        for ow in Owner:
            self.action_owner.addItem(labels.owner_name(ow), ow)
        self.action_owner.setAccessibleName(_t("Owner of the new action item"))
        self.action_text = QLineEdit(acts)
        self.action_text.setPlaceholderText(_t("New action item (Ctrl+Shift+A), Enter to add"))
        self.action_text.setAccessibleName(_t("New action item"))
        self.action_text.returnPressed.connect(self._on_add_action)
        #: Shown in the due-date field of a new action item when no date is chosen.
        self.action_due = OptionalDateEdit(_t("No due date"), acts)
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("yyyy-MM-dd")
        self.action_due.setMinimumDate(QDate(2000, 1, 1))
        self.action_due.setDate(self.action_due.minimumDate())
        self.action_due.setAccessibleName(_t("Due date of the new action item"))
        add_action.addWidget(self.action_owner)
        add_action.addWidget(self.action_text, 1)
        add_action.addWidget(self.action_due)
        xl.addLayout(add_action)
        return acts

    def add_action_item(self, owner: Owner, text: str, due: date | None = None) -> bool:
        """Add an action item agreed in the open meeting (undoable); False when it was not."""
        text = text.strip()
        if self._meeting is None or not text:
            return False
        mid, pid = self._meeting.id, self._meeting.person_id
        state: dict[str, int] = {}

        def do() -> None:
            a = self.ctx.store.actions.add(pid, owner, text, meeting_id=mid, due_on=due)
            if "id" in state:
                self._recreated("action", state["id"], a.id)
            else:
                state["id"] = a.id
            self.actions_model.insert_row(a)

        def undo() -> None:
            aid = self._real("action", state["id"])
            self.ctx.store.actions.delete(aid)
            self.actions_model.remove_id(aid)

        if not self._push(_t("Add action item"), do, undo):
            return False
        self._changed()
        return True

    def _on_add_action(self) -> None:
        text = self.action_text.text()
        if not text.strip():
            return
        qd = self.action_due.date()
        due = None if qd == self.action_due.minimumDate() else date(qd.year(), qd.month(), qd.day())
        if not self.add_action_item(self.action_owner.currentData(), text, due):
            return  # refused: the text stays in the field (and its draft)
        self.action_text.clear()
        self.action_due.setDate(self.action_due.minimumDate())
        self._drafts.flush()

    def _on_action_toggled(self, action_id: int, done: bool) -> None:
        def apply(value: bool) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                store = self.ctx.store.actions
                a = store.set_done(aid) if value else store.reopen(aid)
                self.actions_model.update_row(a)

            return go

        self._push(
            _t("Mark action item done") if done else _t("Reopen action item"),
            apply(done),
            apply(not done),
        )
        self._changed()

    def _on_action_text_edited(self, action_id: int, text: str) -> None:
        row = self.actions_model.row_of(action_id)
        if row < 0:
            return
        old = self.actions_model.object_at(row).text

        def apply(value: str) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                self.actions_model.update_row(self.ctx.store.actions.update(aid, text=value))

            return go

        self._push(_t("Edit action item"), apply(text), apply(old))

    def _on_action_field_edited(self, action_id: int, field: str, value: Any) -> None:
        row = self.actions_model.row_of(action_id)
        if row < 0:
            return
        old = getattr(self.actions_model.object_at(row), field)

        def apply(v: Any) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                a = self.ctx.store.actions.update(aid, **{field: v})
                self.actions_model.update_row(a)

            return go

        text = _t("Change owner") if field == "owner" else _t("Change due date")
        self._push(text, apply(value), apply(old))
        self._changed()

    def _on_delete_action(self) -> None:
        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is None:
            return
        state = {"id": a.id}

        def do() -> None:
            aid = self._real("action", state["id"])
            self.ctx.store.actions.delete(aid)
            self.actions_model.remove_id(aid)

        def undo() -> None:
            store = self.ctx.store.actions
            new = store.add(a.person_id, a.owner, a.text, meeting_id=a.meeting_id, due_on=a.due_on)
            if a.done_on is not None:
                new = store.set_done(new.id, a.done_on)
            self._recreated("action", state["id"], new.id)
            self.actions_model.insert_row(new, idx.row())

        self._push(_t("Delete action item"), do, undo)
        self._changed()
