"""Finding clipped or elided text in a widget tree (the fitting tests' one check).

A text is clipped when it needs more room than its widget's contents: a one-line label whose
text is wider than its contents rectangle, a word-wrapped label whose wrapped height is taller
than the label, or a button narrower than its size hint (QToolButton elides then, QPushButton
cuts), or a text widget reaching past an ancestor's edge (cut off by a panel, or by a scroll
area that cannot scroll that way). Hidden widgets, empty texts and rich text (measured by its document) are skipped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from taiwa.ui import theme, window_size

#: The laptop the fitting tests lay screens out on: 1366x768 less a panel.
SCREEN = QSize(1366, 720)
#: Language and text zoom of each laptop the fitting tests try.
LAPTOPS = [("en", 100), ("ja", 100), ("en", 200), ("ja", 200)]

SLACK = 1  # px of rounding between font metrics and layout


@contextlib.contextmanager
def laptop_screen(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, zoom: int, lang: str | None = None
) -> Iterator[None]:
    """A 1366x720 usable screen, a 10 pt desktop font, the text zoom (and language) under test;
    the zoom and font go back afterwards."""
    monkeypatch.setattr(window_size, "available", lambda _w: QSize(SCREEN))
    desktop = theme._desktop_point_size
    theme._desktop_point_size = 10.0
    try:
        theme.apply(qapp, zoom=zoom)
        if lang is not None:
            from taiwa.ui import i18n as ui_i18n

            ui_i18n.install(lang)
        yield
    finally:
        theme._desktop_point_size = desktop
        theme.apply(qapp, zoom=100)


def _plain(text: str) -> str:
    """The text as drawn: mnemonic ampersands removed, "&&" kept as one."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _cut_by_ancestor(widget: QWidget, root: QWidget) -> str:
    """The first ancestor (up to ``root``) that cuts ``widget`` off, by class name, or "".

    Past a scroll area's viewport that can scroll a way (its bar is shown), that way is free.
    """
    h_free = v_free = False
    ancestor = widget.parentWidget()
    while ancestor is not None:
        top_left = widget.mapTo(ancestor, QPoint(0, 0))
        right = top_left.x() + widget.width()
        bottom = top_left.y() + widget.height()
        area = ancestor.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is ancestor:
            h_free = h_free or area.horizontalScrollBar().isVisible()
            v_free = v_free or area.verticalScrollBar().isVisible()
        if not h_free and (top_left.x() < -SLACK or right > ancestor.width() + SLACK):
            return type(ancestor).__name__
        if not v_free and (top_left.y() < -SLACK or bottom > ancestor.height() + SLACK):
            return type(ancestor).__name__
        if ancestor is root:
            break
        ancestor = ancestor.parentWidget()
    return ""


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text in ``root`` that does not fit its widget, as ``"class: text (need/have)"``."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        has_text = isinstance(widget, (QLabel, QAbstractButton)) and bool(widget.text())
        if has_text and widget is not root:
            cut = _cut_by_ancestor(widget, root)
            if cut:
                problems.append(f"{type(widget).__name__} cut by {cut}: {widget.text()[:40]!r}")
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
