"""Helpers for the shell tests: what a user can read on screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def visible_texts(root: QWidget) -> str:
    """Every text a user could read in ``root`` and the visible top-level windows."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    parts: list[str] = []
    windows = [root] + [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not root
    ]
    for window in windows:
        parts.append(window.windowTitle())
        for w in [window, *window.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
                parts.append(w.text())
            elif isinstance(w, (QPlainTextEdit, QTextEdit)):
                parts.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                parts.append(w.currentText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                root_index = QModelIndex()
                for row in range(min(model.rowCount(root_index), 500)):
                    for col in range(50):
                        index = model.index(row, col, root_index)
                        if not index.isValid():
                            break
                        value = model.data(index)
                        if value is not None:
                            parts.append(str(value))
            parts.append(w.toolTip())
    return "\n".join(p for p in parts if p)


def ime_type(widget: QWidget, preedit: str, commit: str) -> None:
    """Type like a Japanese input method: a composing (preedit) string, then the commit."""
    from PySide6.QtGui import QInputMethodEvent

    composing = QInputMethodEvent(preedit, [])
    QApplication.sendEvent(widget, composing)
    done = QInputMethodEvent("", [])
    done.setCommitString(commit)
    QApplication.sendEvent(widget, done)
