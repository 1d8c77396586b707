"""Ctrl+Enter confirms a dialog from anywhere in it, a multi-line text box included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton


def ctrl_enter_accepts(dialog: QDialog) -> None:
    """Enter makes a new line in a text box; Ctrl+Enter (either Enter key) still confirms.

    It presses the dialog's default button (so its checks run), or accepts the dialog when
    there is none; a disabled default button is left alone.
    """
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda d=dialog: _confirm(d))


def _confirm(dialog: QDialog) -> None:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isDefault()]
    if not buttons:
        dialog.accept()
    elif buttons[0].isEnabled():
        buttons[0].click()
