"""The search page reads well: grouped rows, the kind marker beside (not over) the text, and the
keyboard alone moves from the query to a hit and opens it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from taiwa.ui.models import OBJECT_ROLE
from taiwa.ui.search_page import SearchPage
from taiwa.ui.widgets.snippets import ICON_COLUMN


def _page(qtbot: Any, app_ctx: Any) -> SearchPage:
    page = SearchPage(app_ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    return page


def test_identical_hits_fold_into_one_row_and_the_keyboard_opens_a_hit(
    qtbot: Any, app_ctx: Any
) -> None:
    store = app_ctx.store
    pid = store.people.add("山田 葵").id
    for day in range(1, 51):
        store.meetings.create(
            pid, f"2026-01-{day % 28 + 1:02d}T{day % 9 + 8:02d}:00:00Z", purpose="キャリアの相談"
        )
    notes = store.meetings.create(
        pid, "2026-03-02T10:00:00Z", shared_notes="先週の続き。今後のキャリアについて話した。"
    )
    page = _page(qtbot, app_ctx)
    page.focus_query("キャリア")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    headings = [page.model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(2)]
    assert any("49" in h for h in headings)  # "same text in other meetings: 49"
    row = next(
        r
        for r in range(2)
        if page.model.index(r, 0).data(OBJECT_ROLE) is not None
        and page.model.index(r, 0).data(OBJECT_ROLE).meeting_id == notes.id
    )
    qtbot.keyClick(page.query, Qt.Key.Key_Down)
    assert page.view.hasFocus() or page.view.currentIndex().isValid()
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, 0))
    with qtbot.waitSignal(app_ctx.events.open_meeting) as sig:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert sig.args == [notes.id]


def test_the_kind_marker_is_painted_left_of_the_text(qtbot: Any, app_ctx: Any) -> None:
    store = app_ctx.store
    pid = store.people.add("Emily Carter").id
    store.meetings.create(
        pid, "2026-03-02T10:00:00Z", private_notes="career worries", shared_notes=""
    )
    page = _page(qtbot, app_ctx)
    page.focus_query("career")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    index = page.model.index(0, 0)
    delegate = page.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(page.view)
    option.rect = QRect(0, 0, 600, delegate.sizeHint(option, index).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()

    def inked(x0: int, x1: int) -> set[int]:
        return {
            x
            for x in range(x0, x1)
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 200
        }

    amber = [
        (x, y)
        for x in range(10 + ICON_COLUMN)
        for y in range(image.height())
        if image.pixelColor(x, y).red() - image.pixelColor(x, y).blue() > 80
    ]
    text = inked(10 + ICON_COLUMN, 600)
    assert amber, "the (amber) lock is painted in its column"
    assert text and min(text) >= 10 + ICON_COLUMN  # the text starts right of the marker
