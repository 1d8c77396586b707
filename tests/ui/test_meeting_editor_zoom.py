"""The meeting editor at 200 % text zoom on a 1366x720 screen: the notes go under the agenda,
the editor scrolls, and a control reached by the keyboard is scrolled into view (issue 17)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QRectF, QSize, Qt

from taiwa.ui import ops, theme, window_size
from tests.ui.fit_support import clipped_texts
from tests.ui.pages_support import seed

SCREEN = QSize(1366, 720)


@pytest.mark.parametrize("zoom", [100, 200])
def test_zoom_stacks_the_body_and_the_focus_is_scrolled_into_view(
    qtbot: Any, qapp: Any, app_ctx: Any, no_dbus: None, monkeypatch: pytest.MonkeyPatch, zoom: int
) -> None:
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(SCREEN))
    desktop = theme._desktop_point_size
    theme._desktop_point_size = 10.0
    theme.apply(qapp, zoom=zoom)
    try:
        sample = seed(app_ctx.store)
        window = MainWindow(app_ctx)
        qtbot.addWidget(window)
        window.show()
        window.start()
        window.resize(SCREEN)
        window.ctx.events.open_meeting.emit(sample.first.id)
        ops.wait_for_pending(10_000)
        qtbot.wait(100)
        editor = window.page("meeting")
        area = editor.scroll_area
        bar = area.verticalScrollBar()
        stacked = editor.body.orientation() == Qt.Orientation.Vertical
        assert stacked == (zoom == 200)
        assert bar.isVisible() == (zoom == 200)  # at 100 % everything is in view at once

        def in_view(widget: Any) -> bool:
            # Where typing happens: the text cursor (a tall editor shows that part first).
            cursor = QRectF(widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle))
            cursor = cursor.toAlignedRect()
            top_left = widget.mapTo(area.viewport(), cursor.topLeft())
            return area.viewport().rect().contains(QRect(top_left, cursor.size()))

        # Alt+I (the private notes' mnemonic) lands below the fold at 200 %: it comes into view.
        editor.purpose.setFocus(Qt.FocusReason.TabFocusReason)
        assert in_view(editor.purpose)
        qtbot.keyClick(editor.purpose, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(editor.private.hasFocus, timeout=2000)
        qtbot.waitUntil(lambda: in_view(editor.private), timeout=2000)
        if zoom == 200:
            assert bar.value() > 0
        # And back up to the purpose (Alt+P): the editor scrolls back.
        qtbot.keyClick(editor.private, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(editor.purpose.hasFocus, timeout=2000)
        qtbot.waitUntil(lambda: in_view(editor.purpose), timeout=2000)
        # Privacy mode swaps the private notes for a line saying so: it fits too.
        editor.set_privacy(True)
        qtbot.wait(50)
        assert clipped_texts(window) == []
        editor.set_privacy(False)
        window.watcher.set_active(False)
    finally:
        theme._desktop_point_size = desktop
        theme.apply(qapp, zoom=100)


def test_the_empty_editor_fits_at_200(
    qtbot: Any, qapp: Any, app_ctx: Any, no_dbus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(SCREEN))
    desktop = theme._desktop_point_size
    theme._desktop_point_size = 10.0
    theme.apply(qapp, zoom=200)
    ui_i18n.install("ja")
    try:
        seed(app_ctx.store)
        window = MainWindow(app_ctx)
        qtbot.addWidget(window)
        window.show()
        window.start()
        window.resize(SCREEN)
        window.show_page("meeting")
        ops.wait_for_pending(10_000)
        qtbot.wait(100)
        editor = window.page("meeting")
        assert editor.empty_label.isVisible()
        assert clipped_texts(window) == []
        window.watcher.set_active(False)
    finally:
        theme._desktop_point_size = desktop
        theme.apply(qapp, zoom=100)
