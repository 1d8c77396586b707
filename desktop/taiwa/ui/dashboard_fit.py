"""How the dashboard's cards fit the text zoom: tables sized again for the new font, and the
cards side by side only while each one's table shows its dates and counts whole; one above the
other when the text is too large for that (200 % zoom on a laptop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHeaderView, QTableView

BODY_MARGINS = 2 * 28  # the dashboard body's left and right margins
ROW_SPACING = 16
CARD_PADDING = 2 * 18  # a card's left and right margins, with a little to spare


def refit(view: QTableView) -> int:
    """Size ``view``'s rows and fixed columns for its font again; return the width it needs to
    show them whole beside a readable stretching column (about twelve characters)."""
    metrics = view.fontMetrics()
    # As style_table does: the row height follows the font.
    view.verticalHeader().setDefaultSectionSize(metrics.height() + 14)
    header = view.horizontalHeader()
    need = 2 * view.frameWidth() + metrics.averageCharWidth() * 12
    for column in range(header.count()):
        if view.isColumnHidden(column):
            continue
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            view.resizeColumnToContents(column)
            need += view.columnWidth(column)
    return need


def fit_rows(page: Any) -> None:
    """Lay out the DashboardPage ``page``'s two rows of paired cards for its current font."""
    views = [
        page.overdue_view,
        page.upcoming_view,
        page.signals_view,
        page.mine_view,
        page.theirs_view,
        page.due_card.view,
    ]
    needs = {view: refit(view) for view in views}
    width = page._scroll.viewport().width() - BODY_MARGINS - ROW_SPACING
    side = QBoxLayout.Direction.LeftToRight
    down = QBoxLayout.Direction.TopToBottom
    # The overdue card gets two fifths of the first row (the rates three).
    overdue = needs[page.overdue_view] + CARD_PADDING
    page._row0.setDirection(side if overdue <= width * 2 / 5 else down)
    pair = CARD_PADDING + max(
        needs[page.upcoming_view], needs[page.mine_view], needs[page.theirs_view]
    )
    page._row2.setDirection(side if pair <= width / 2 else down)
