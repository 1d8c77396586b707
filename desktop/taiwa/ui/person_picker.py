"""Pick a person for a new meeting: type to filter, arrows to move, Enter to choose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui.context import AppContext
from taiwa.ui.ops import Op


class PersonPicker(QDialog):
    """Emits :attr:`person_chosen` with the person's id."""

    person_chosen = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("personPicker")
        self.setWindowTitle(self.tr("New meeting"))
        self.setMinimumSize(380, 420)
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("Who is the 1on1 with?"))
        label.setObjectName("sectionTitle")
        lay.addWidget(label)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter by name or team"))
        self.filter.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        label.setBuddy(self.filter)
        lay.addWidget(self.filter)
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _item: self.accept())
        lay.addWidget(self.list, 1)
        self.empty = QLabel(
            self.tr("No people yet. Add your direct reports on the People page first.")
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.hide()
        lay.addWidget(self.empty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start meeting"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        store = ctx.store
        Op(self, store.people.list).success(self._on_people).run()

    def _on_people(self, people: list[Any]) -> None:
        self.list.clear()
        for person in sorted(people, key=lambda p: p.name.casefold()):
            text = person.name if not person.team else f"{person.name}  ·  {person.team}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        self.empty.setVisible(not people)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_visible = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.list.setCurrentRow(first_visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the filter field move the selection. While an input method composes,
        # the platform routes keys to the IME first, so this never breaks Japanese input.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = self.list.currentRow()
                while 0 <= row + step < self.list.count():
                    row += step
                    if not self.list.item(row).isHidden():
                        self.list.setCurrentRow(row)
                        break
                return True
        return super().eventFilter(watched, event)

    def chosen_id(self) -> int:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return 0
        return int(item.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        person_id = self.chosen_id()
        if not person_id:
            return
        super().accept()
        self.person_chosen.emit(person_id)
