"""One look for every table of the pages: row selection, no grid, roomy rows, left headers."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


def style_table(
    view: QTableView,
    *,
    stretch: int | None = None,
    editable: bool = False,
    size_rows: int = 60,
    fit_on_reset: bool = False,
) -> None:
    """Apply the common table look; ``stretch`` is the column that takes the spare width.

    Columns are sized from their first ``size_rows`` rows (0: only the rows in view). With
    ``fit_on_reset``, they are sized when the model's rows are replaced or its headers change,
    instead of on every layout pass (each pass asks the model for every role of every measured
    cell again): for tables whose rows are only ever replaced as a whole.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tab_leaves(view)
    if not editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    hh = view.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    hh.setMinimumSectionSize(36)
    # Size columns from the first rows only: long lists stay fast to fill and to re-sort.
    hh.setResizeContentsPrecision(size_rows)
    if stretch is not None:
        if fit_on_reset:
            _fit_on_reset(view, stretch)
        else:
            hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab leave the list for the next control; the arrow keys move inside it.

    QTableView's default walks Tab from cell to cell and never lets the focus out, so a
    keyboard user is stuck in the first table of a page.
    """
    view.setTabKeyNavigation(False)


def _fit_on_reset(view: QTableView, stretch: int) -> None:
    model = view.model()
    if model is None:
        raise ValueError("set the model before styling a table that fits on reset")

    def fit() -> None:
        if not shiboken6.isValid(view):
            return  # the model outlived its view
        view.ensurePolished()  # the stylesheet's cell padding counts
        for column in range(model.columnCount()):
            if column != stretch:
                view.resizeColumnToContents(column)

    model.modelReset.connect(fit)
    model.headerDataChanged.connect(fit)  # a language switch renames the columns
    fit()


def _paint_hint(view: QAbstractItemView, text: str) -> None:
    from PySide6.QtGui import QPainter, QPalette

    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    rect = view.viewport().rect().adjusted(16, 12, -16, -12)
    painter.drawText(
        rect,
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.end()


class HintTableView(QTableView):
    """A table that says what to do when it is empty (instead of a blank box)."""

    empty_hint = ""

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_hint and model is not None and model.rowCount() == 0:
            _paint_hint(self, self.empty_hint)


class HintTreeView(QTreeView):
    """A tree that says what to do when it is empty."""

    empty_hint = ""

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_hint and model is not None and model.rowCount() == 0:
            _paint_hint(self, self.empty_hint)
