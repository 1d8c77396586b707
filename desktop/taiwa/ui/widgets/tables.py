"""One look for every table of the pages: row selection, no grid, roomy rows, left headers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

# Cell padding so text never touches the frame (the app theme styles the rest).
_ITEM_STYLE = "QTableView::item { padding-left: 8px; padding-right: 8px; }"


def style_table(view: QTableView, *, stretch: int | None = None, editable: bool = False) -> None:
    """Apply the common table look; ``stretch`` is the column that takes the spare width."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setStyleSheet(_ITEM_STYLE)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    hh = view.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    hh.setMinimumSectionSize(36)
    if stretch is not None:
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
