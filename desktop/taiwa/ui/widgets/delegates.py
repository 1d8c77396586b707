"""Editors for the action-item columns: owner as a choice, due date with "no due date"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from taiwa.domain.models import Owner
from taiwa.ui.widgets import labels

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
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            #: Due-date editor of an action item: the value meaning "no due date".
            edit.setSpecialValueText(self.tr("No due date"))
            return edit
        return super().createEditor(parent, option, index)

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
