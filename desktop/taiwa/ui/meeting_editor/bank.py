"""The question bank dialog: pick questions (in the UI language) to add as agenda topics."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa import i18n
from taiwa.domain.models import Theme
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.accept import ctrl_enter_accepts
from taiwa.ui.widgets.chips import MutedLabel


class QuestionBankDialog(QDialog):
    """Pick questions from the bank (in the UI language) to add as agenda topics."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add from the question bank"))
        self.resize(560, 460)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("All themes"), None)
        for th in Theme:
            self.theme.addItem(labels.theme_name(th), th)
        lbl = QLabel(self.tr("&Theme:"), self)
        lbl.setBuddy(self.theme)
        top.addWidget(lbl)
        top.addWidget(self.theme, 1)
        lay.addLayout(top)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Questions"))
        lay.addWidget(self.list, 1)
        hint = MutedLabel(
            self.tr(
                "Select one or more questions (Ctrl+click) and press Add. "
                "Edit the bank in Settings."
            ),
            self,
        )
        lay.addWidget(hint)
        box = QDialogButtonBox(self)
        self.add_button = box.addButton(self.tr("&Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.add_button.setDefault(True)
        ctrl_enter_accepts(self)
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._on_theme_changed()

    def _questions(self, theme: Theme | None) -> list[Any]:
        bank = getattr(self.ctx.store, "questions", None)
        if bank is None:
            return []
        lang = i18n.current_language()
        themes = [theme] if theme is not None else list(Theme)
        out: list[Any] = []
        for th in themes:
            out.extend(bank.list(lang, th))
        return out

    def _on_theme_changed(self) -> None:
        self.list.clear()
        for q in self._questions(self.theme.currentData()):
            th = Theme(q.theme)
            item = QListWidgetItem(f"{q.text}")
            item.setToolTip(labels.theme_name(th))
            item.setData(Qt.ItemDataRole.UserRole, (th, q.text))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> list[tuple[Theme, str]]:
        items = self.list.selectedItems() or (
            [self.list.currentItem()] if self.list.currentItem() else []
        )
        return [i.data(Qt.ItemDataRole.UserRole) for i in items]
