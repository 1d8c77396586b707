"""Editors for the action-item columns: owner as a choice, due date with "no due date".

Tab and Shift+Tab in an editor commit the edit and leave the table for the next (previous)
control, as the app's date fields and tables do everywhere else: Qt's default opens the next
cell's editor instead, and a date editor would first walk its sections.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from taiwa.domain.models import Owner
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.dates import OptionalDateEdit

Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(2000, 1, 1)


class ActionItemDelegate(QStyledItemDelegate):
    """Owner column: a combo box; due column: a date editor whose first value means none."""

    def __init__(self, owner_column: int, due_column: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.owner_column = owner_column
        self.due_column = due_column

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == self.owner_column:
            combo = QComboBox(parent)
            for owner in Owner:
                combo.addItem(labels.owner_name(owner), owner.value)
            return combo
        if index.column() == self.due_column:
            #: Due-date editor of an action item: the value meaning "no due date".
            edit = OptionalDateEdit(self.tr("No due date"), parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            return edit
        return super().createEditor(parent, option, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(editor, QWidget)
        ):
            forward = event.key() == Qt.Key.Key_Tab
            view = self.parent()
            self.commitData.emit(editor)
            # The view takes the focus back as the editor closes; from there Tab leaves it.
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(view, QAbstractItemView):
                QWidget.focusNextPrevChild(view, forward)
            return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            if isinstance(value, date):
                editor.setDate(QDate(value.year, value.month, value.day))
            else:
                editor.setDate(QDate.currentDate())
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            qd = editor.date()
            value = None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day())
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
