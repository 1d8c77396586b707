"""The dashboard's execution-rate gauges paint their texts themselves, so the fit test (which
reads widget texts) cannot see them: here every painted text must fit the rectangle it is
painted in, and that rectangle the gauge, in English and Japanese at 100 % and 200 % zoom on a
1366x720 screen (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics

from taiwa.ui import ops
from tests.ui.fit_support import LAPTOPS, SCREEN, laptop_screen
from tests.ui.pages_support import seed


@pytest.fixture(params=LAPTOPS, ids=str)
def laptop(request: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A 1366x720 usable screen, a 10 pt desktop font, the language and text zoom under test."""
    lang, zoom = request.param
    with laptop_screen(qapp, monkeypatch, zoom, lang):
        yield f"{lang} {zoom}"


def _overflow(gauge: Any) -> list[str]:
    problems = []
    for text, rect, font, flags in gauge.text_rects():
        box = rect.toAlignedRect()
        need = QFontMetrics(font).boundingRect(
            QRect(box.x(), box.y(), box.width(), 100_000), flags, text
        )
        if need.width() > box.width() + 1 or need.height() > box.height() + 1:
            problems.append(f"{text!r}: needs {need.size()}, painted in {box.size()}")
        if not gauge.rect().contains(box):
            problems.append(f"{text!r}: painted at {box}, outside the gauge {gauge.rect()}")
    return problems


def test_gauge_texts_fit_where_they_are_painted(
    qtbot: Any, app_ctx: Any, laptop: str, no_dbus: None
) -> None:
    from taiwa.ui.main_window import MainWindow

    seed(app_ctx.store)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.resize(SCREEN)
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.month_gauge.rate() is not None, timeout=5000)
    ops.wait_for_pending(10_000)
    qtbot.wait(100)
    for gauge in (page.month_gauge, page.quarter_gauge):
        assert gauge.isVisible()
        assert gauge.width() >= gauge.minimumSizeHint().width(), laptop
        assert _overflow(gauge) == [], laptop
        # The longer caption of an empty period wraps instead of running out of the gauge.
        gauge.set_rate(None)
        qtbot.wait(50)
        assert _overflow(gauge) == [], laptop
    window.watcher.set_active(False)


def test_gauge_size_follows_its_font(qtbot: Any, qapp: Any) -> None:
    from PySide6.QtGui import QFont

    from taiwa.ui.widgets.charts import RateGauge

    gauge = RateGauge("This quarter")
    qtbot.addWidget(gauge)
    gauge.set_rate(0.95, 19, 20)
    small = (gauge.minimumSizeHint(), gauge.sizeHint(), gauge.height())
    font = QFont(gauge.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    gauge.setFont(font)
    assert gauge.minimumSizeHint().width() > small[0].width()
    assert gauge.sizeHint().width() > small[1].width()
    assert gauge.height() > small[2]
    # Narrower than its caption, the gauge is taller: the caption takes two lines.
    gauge.resize(gauge.minimumSizeHint().width(), gauge.height())
    qtbot.wait(10)
    assert gauge.height() > gauge._height_for(gauge.sizeHint().width())
    assert _overflow(gauge) == []
