"""A date field that may show "no date" (its minimum, displayed as the special value text)."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum date means "no date" and that never traps Tab.

    QDateEdit moves Tab between its day/month/year sections. Showing the special value text
    there are no sections to move to, yet it still takes the Tab: the focus stays in the field
    for good. Here Tab leaves when "no date" is shown, and after the last section otherwise.
    """

    def __init__(self, no_date_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpecialValueText(no_date_text)

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def clear_date(self) -> None:
        self.setDate(self.minimumDate())

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.is_empty():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
