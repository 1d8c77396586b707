"""Date and date-time fields that are one Tab stop each.

QDateTimeEdit (and so QDateEdit) spends Tab and Shift+Tab on its sections — day, month, year,
hour, minute — before it lets the focus go: five Tab presses to get past a meeting's date. A
keyboard user expects one Tab stop per field; inside it, Left/Right move between the sections
and Up/Down or typing change a value. Every date field of the app comes from this module so
that this is decided once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


def _leave(field: QDateTimeEdit, next: bool) -> bool:
    # QWidget's own focus chain, skipping QDateTimeEdit's section walk.
    return QWidget.focusNextPrevChild(field, next)


class DateTimeField(QDateTimeEdit):
    """A QDateTimeEdit that Tab and Shift+Tab leave at once (sections: Left/Right)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return _leave(self, next)


class DateField(QDateEdit):
    """A QDateEdit that Tab and Shift+Tab leave at once (sections: Left/Right)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return _leave(self, next)


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum date means "no date", and one Tab stop.

    Showing the special value text there are no sections, yet QDateEdit still takes the Tab:
    the focus would stay in the field for good. Here Tab always leaves.
    """

    def __init__(self, no_date_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpecialValueText(no_date_text)

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def clear_date(self) -> None:
        self.setDate(self.minimumDate())

    def focusNextPrevChild(self, next: bool) -> bool:
        return _leave(self, next)
