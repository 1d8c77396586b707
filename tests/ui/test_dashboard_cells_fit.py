"""The dashboard's lists keep what matters readable at 100 % and 200 % text zoom, in English
and Japanese, in a 1366x720 window: a date, a count or any short cell is never cut; only a long
free text (a name, an action item, a reason) in the column that takes the spare width may
elide, and keeps ten characters' room (issue 17). The widget-text check of test_look_fit cannot see item-view cells."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTableView

from taiwa.ui import ops, theme, window_size
from tests.ui.fit_support import LAPTOPS, SCREEN, laptop_screen
from tests.ui.pages_support import seed

SLACK = 1  # px of rounding between font metrics and layout
# A cell that holds a date, a time or a count: it must always be shown whole.
_DATA = re.compile(r"\d")
_SHORT = 30  # characters: longer texts with a digit are free text (an action item)
_READABLE = 10  # characters an eliding name or text keeps at least


def cut_cells(view: QAbstractItemView) -> list[str]:
    """Every cell of ``view`` whose text does not fit its column, except long free text in a
    stretching column (that one elides by design), as ``"name: text (need/have px)"``."""
    model = view.model()
    if model is None or not isinstance(view, QTableView):
        return []
    header = view.horizontalHeader()
    viewport = view.viewport().width()
    h_free = view.horizontalScrollBar().isVisible()
    problems: list[str] = []
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column, QModelIndex())
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            text = str(text)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            need = view.itemDelegateForIndex(index).sizeHint(option, index).width()
            have = view.columnWidth(column)
            if not h_free:
                have = min(have, viewport - view.columnViewportPosition(column))
            if need <= have + SLACK:
                continue
            free = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
            # Free text may elide, but must keep enough to be recognised.
            readable = view.fontMetrics().averageCharWidth() * _READABLE
            if free and (len(text) > _SHORT or not _DATA.search(text)) and have >= readable:
                continue
            problems.append(f"{view.accessibleName()}: {text!r} ({need}/{have} px)")
    return problems


@pytest.fixture(params=LAPTOPS, ids=str)
def laptop(request: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, int]]:
    """A 1366x720 usable screen, a 10 pt desktop font, the language and text zoom under test."""
    lang, zoom = request.param
    with laptop_screen(qapp, monkeypatch, zoom, lang):
        yield lang, zoom


def _settle(qtbot: Any, ms: int = 150) -> None:
    ops.wait_for_pending(10_000)
    qtbot.wait(ms)
    ops.wait_for_pending(10_000)


def test_dashboard_cells_are_not_cut(
    qtbot: Any, qapp: Any, app_ctx: Any, laptop: tuple[str, int], no_dbus: None
) -> None:
    from taiwa.ui.main_window import MainWindow

    seed(app_ctx.store)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.resize(SCREEN)
    window.show_page("dashboard")
    _settle(qtbot)
    page = window.page("dashboard")
    views = [
        page.overdue_view,
        page.upcoming_view,
        page.signals_view,
        page.mine_view,
        page.theirs_view,
        page.due_card.view,
    ]
    assert page.overdue_model.rowCount() and page.mine_model.rowCount()
    assert page.due_card.view.model().rowCount()
    problems: list[str] = []
    for view in views:
        if view is page.theirs_view:
            page.action_tabs.setCurrentIndex(1)
            _settle(qtbot, 50)
        if view.isVisible():
            problems += cut_cells(view)
    page.action_tabs.setCurrentIndex(0)
    shots = os.environ.get("TAIWA_LOOK_PNG")  # a folder: render what the test saw
    if shots:
        lang, zoom = laptop
        for scheme in ("light", "dark"):
            theme.force_scheme(qapp, scheme, zoom=zoom)
            _settle(qtbot, 100)
            window.grab().save(str(Path(shots) / f"{lang}-{scheme}-{zoom}-dashboard.png"))
            body = page._scroll.widget().grab()
            body.save(str(Path(shots) / f"{lang}-{scheme}-{zoom}-dashboard-body.png"))
    window.watcher.set_active(False)
    assert problems == [], laptop


def test_a_zoom_step_while_shown_refits_the_cells(
    qtbot: Any, qapp: Any, app_ctx: Any, monkeypatch: pytest.MonkeyPatch, no_dbus: None
) -> None:
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(SCREEN))
    desktop = theme._desktop_point_size
    theme._desktop_point_size = 10.0
    try:
        theme.apply(qapp, zoom=100)
        seed(app_ctx.store)
        window = MainWindow(app_ctx)
        qtbot.addWidget(window)
        window.show()
        window.start()
        window.resize(SCREEN)
        window.show_page("dashboard")
        _settle(qtbot)
        page = window.page("dashboard")
        theme.apply(qapp, zoom=200)
        _settle(qtbot)
        assert cut_cells(page.overdue_view) == []
        assert cut_cells(page.upcoming_view) == []
        assert cut_cells(page.mine_view) == []
        window.watcher.set_active(False)
    finally:
        theme._desktop_point_size = desktop
        theme.apply(qapp, zoom=100)
