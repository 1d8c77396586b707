"""Finding clipped or elided text in a widget tree (the fitting tests' one check).

A text is clipped when it needs more room than its widget's contents: a one-line label whose
text is wider than its contents rectangle, a word-wrapped label whose wrapped height is taller
than the label, or a button narrower than its size hint (QToolButton elides then, QPushButton
cuts). Hidden widgets, empty texts and rich text (measured by its document) are skipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

SLACK = 1  # px of rounding between font metrics and layout


def _plain(text: str) -> str:
    """The text as drawn: mnemonic ampersands removed, "&&" kept as one."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text in ``root`` that does not fit its widget, as ``"class: text (need/have)"``."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.textFormat() == Qt.TextFormat.RichText:
                continue
            shown = _plain(text) if widget.buddy() is not None else text
            room = widget.contentsRect()
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    problems.append(
                        f"QLabel(wrap): {shown[:40]!r} ({need}/{widget.height()} px tall)"
                    )
            else:
                width = max(
                    widget.fontMetrics().horizontalAdvance(line) for line in shown.split("\n")
                )
                have = room.width() - 2 * widget.margin() - max(widget.indent(), 0)
                if width > have + SLACK:
                    problems.append(f"QLabel: {shown[:40]!r} ({width}/{have} px)")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint().width()
            if need > widget.width() + SLACK:
                problems.append(
                    f"{type(widget).__name__}: {_plain(widget.text())[:40]!r} ({need}/{widget.width()} px)"
                )
    return problems
