"""The crash dialog: something unexpected happened (a bug, not the environment).

It names only the exception's type. The text of an exception may quote note text, a calendar
file or an SQL value, so it is never shown, logged or written anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    """ "Something went wrong (TypeName)" with a Close button."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Taiwa — unexpected error"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Something unexpected went wrong"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        body = QLabel(
            self.tr(
                "The step you took did not finish ({kind}). Everything saved before it is safe "
                "in the vault. If it happens again, please report the error name shown here — "
                "it contains none of your notes."
            ).format(kind=kind)
        )
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
