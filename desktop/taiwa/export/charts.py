"""Charts drawn with reportlab.graphics: themes per month, and the mood trend.

Labels use the bundled font (Japanese legends) and only fixed texts from the catalogue, never
user text, so nothing here needs escaping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from taiwa.domain.models import Theme
from taiwa.export.fonts import FONT_NAME, register_font
from taiwa.export.layout import RULE
from taiwa.export.texts import THEME_SHORT, format_date_short, format_month, tr
from taiwa.i18n import Lang

THEME_COLORS: dict[Theme, colors.Color] = {
    Theme.WORK: colors.HexColor("#4e79a7"),
    Theme.GROWTH: colors.HexColor("#59a14f"),
    Theme.CAREER: colors.HexColor("#e15759"),
    Theme.WELLBEING: colors.HexColor("#f28e2b"),
    Theme.FEEDBACK: colors.HexColor("#b07aa1"),
    Theme.OTHER: colors.HexColor("#9c9c9c"),
}
_MAX_LABELS = 12


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    """Every (year, month) from ``start``'s month to ``end``'s month, inclusive."""
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


def theme_chart(
    counts: Counter[tuple[int, int, Theme]],
    months: Sequence[tuple[int, int]],
    lang: Lang,
    width: float,
) -> Drawing:
    """A stacked bar per month: how many agenda topics of each theme came up.

    Args:
        counts: topic counts keyed by (year, month, theme).
        months: the months to show, in order.
        lang: label language.
        width: drawing width in points.
    """
    register_font()
    themes = [t for t in Theme if any(counts[(y, m, t)] for y, m in months)] or [Theme.WORK]
    height = 62 * 2.835  # ~62 mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 28 - 110, height - 42
    chart.data = [[counts[(y, m, t)] for y, m in months] for t in themes]
    chart.categoryAxis.style = "stacked"
    step = max(1, -(-len(months) // _MAX_LABELS))
    chart.categoryAxis.categoryNames = [
        format_month(y, m, lang) if i % step == 0 else "" for i, (y, m) in enumerate(months)
    ]
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 35 if len(months) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 6 else "n"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    peak = max((sum(counts[(y, m, t)] for t in themes) for y, m in months), default=0)
    chart.valueAxis.valueMax = max(4, peak + (peak % 2))
    chart.valueAxis.valueStep = max(1, chart.valueAxis.valueMax // 4)
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 0
    chart.groupSpacing = 4 if len(months) < 24 else 1
    for index, theme in enumerate(themes):
        chart.bars[index].fillColor = THEME_COLORS[theme]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 96, height - 12
    legend.fontName = FONT_NAME
    legend.fontSize = 7.5
    legend.dy = 7
    legend.dx = 7
    legend.deltay = 11
    legend.alignment = "right"
    legend.columnMaximum = len(themes)
    legend.strokeColor = None
    legend.colorNamePairs = [(THEME_COLORS[t], tr(THEME_SHORT[t], lang)) for t in themes]
    drawing.add(legend)
    return drawing


def mood_chart(points: Sequence[tuple[date, int]], lang: Lang, width: float) -> Drawing:
    """Mood (1–5) at each meeting, as a line over time.

    Args:
        points: (meeting date, mood) in date order; at least one.
        lang: label language.
        width: drawing width in points.
    """
    register_font()
    height = 48 * 2.835
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 28, 30
    plot.width, plot.height = width - 28 - 30, height - 40
    first = points[0][0].toordinal()
    data = [(d.toordinal() - first, float(v)) for d, v in points]
    plot.data = [data]
    plot.lines[0].strokeColor = colors.HexColor("#1f5f8b")
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3)
    plot.yValueAxis.valueMin = 1
    plot.yValueAxis.valueMax = 5
    plot.yValueAxis.valueStep = 1
    plot.yValueAxis.labels.fontName = FONT_NAME
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.strokeColor = RULE
    plot.yValueAxis.gridStrokeColor = RULE
    plot.yValueAxis.gridStrokeWidth = 0.3
    plot.yValueAxis.visibleGrid = True
    span = max(1, data[-1][0] - data[0][0])
    plot.xValueAxis.valueMin = -span * 0.02
    plot.xValueAxis.valueMax = span * 1.02
    ticks = [span * i / 4 for i in range(5)] if span > 1 else [0.0]
    plot.xValueAxis.valueSteps = ticks
    plot.xValueAxis.labelTextFormat = lambda x: format_date_short(
        date.fromordinal(first + round(x)), lang
    )
    plot.xValueAxis.labels.fontName = FONT_NAME
    plot.xValueAxis.labels.fontSize = 7
    plot.xValueAxis.strokeColor = RULE
    drawing.add(plot)
    return drawing
