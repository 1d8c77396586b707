"""Charts drawn with reportlab.graphics: themes per month, and the mood trend.

Labels use the bundled font (Japanese legends) and only fixed texts from the catalogue, never
user text, so nothing here needs escaping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from taiwa.domain.models import Theme
from taiwa.export.fonts import FONT_NAME, register_font
from taiwa.export.layout import MUTED, RULE
from taiwa.export.texts import THEME_SHORT, format_date_short, format_month, tr
from taiwa.i18n import Lang, Msg

#: The Okabe–Ito palette: told apart with every common colour-vision deficiency.
THEME_COLORS: dict[Theme, colors.Color] = {
    Theme.WORK: colors.HexColor("#0072B2"),  # blue
    Theme.GROWTH: colors.HexColor("#009E73"),  # bluish green
    Theme.CAREER: colors.HexColor("#D55E00"),  # vermillion
    Theme.WELLBEING: colors.HexColor("#E69F00"),  # orange
    Theme.FEEDBACK: colors.HexColor("#CC79A7"),  # reddish purple
    Theme.OTHER: colors.HexColor("#999999"),  # grey
}
MOOD_COLOR = colors.HexColor("#0072B2")
_MAX_LABELS = 12
#: Up to this many months a bar is a month; longer periods get one bar per quarter, and
#: beyond _MAX_QUARTERS quarters one per year: never more than a few dozen readable bars.
_MAX_MONTHS = 24
_MAX_QUARTERS = 40

Bucket = tuple[int, int]  # (year, month of the bucket's first month)


def bucket_size(first: date, last: date) -> int:
    """Months per bar for a period from ``first`` to ``last``: 1, 3 or 12."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= _MAX_MONTHS:
        return 1
    return 3 if months <= 3 * _MAX_QUARTERS else 12


def bucket_of(day: date, size: int) -> Bucket:
    """The bucket (year, first month) that ``day`` falls in for ``size``-month bars."""
    return day.year, (day.month - 1) // size * size + 1


def buckets_between(first: date, last: date, size: int) -> list[Bucket]:
    """Every bucket from ``first``'s to ``last``'s, inclusive."""
    out: list[Bucket] = []
    year, month = bucket_of(first, size)
    while (year, month) <= bucket_of(last, size):
        out.append((year, month))
        month += size
        if month > 12:
            year, month = year + 1, month - 12
    return out


def bucket_label(bucket: Bucket, size: int, lang: Lang) -> str:
    """``2026/11`` / ``Nov 26``; ``2026 Q4`` / ``Q4 2026``; ``2026``."""
    year, month = bucket
    if size == 1:
        return format_month(year, month, lang)
    if size == 3:
        quarter = (month - 1) // 3 + 1
        return f"{year} Q{quarter}" if lang == "ja" else f"Q{quarter} {year}"
    return str(year)


_UNIT = {
    1: Msg("Month", "月"),
    3: Msg("Quarter", "四半期"),
    12: Msg("Year", "年"),
}
_TOPICS_AXIS = Msg("Topics", "話題の数")
_MOOD_AXIS = Msg("Mood (1–5)", "気分（1〜5）")
_DATE_AXIS = Msg("Meeting date", "ミーティングの日付")
_MOOD_LEGEND = Msg("Mood at each meeting", "各回の気分")


def _axis_titles(drawing: Drawing, x_title: str, y_title: str, plot: Any) -> None:
    """Titles under the x axis and along the y axis (reportlab charts have none)."""
    drawing.add(
        String(
            plot.x + plot.width / 2,
            2,
            x_title,
            fontName=FONT_NAME,
            fontSize=7.5,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    title = String(
        0, 0, y_title, fontName=FONT_NAME, fontSize=7.5, fillColor=MUTED, textAnchor="middle"
    )
    group = Group(title)
    group.transform = (0, 1, -1, 0, 8, plot.y + plot.height / 2)  # rotated a quarter turn
    drawing.add(group)


def theme_chart(
    topics: Sequence[tuple[date, Theme]],
    first: date,
    last: date,
    lang: Lang,
    width: float,
) -> Drawing:
    """A stacked bar per month, quarter or year: how many agenda topics of each theme came up.

    Args:
        topics: (meeting day, theme) of every topic in the period.
        first: the period's first day.
        last: its last day.
        lang: label language.
        width: drawing width in points.
    """
    register_font()
    size = bucket_size(first, last)
    buckets = buckets_between(first, last, size)
    counts: Counter[tuple[Bucket, Theme]] = Counter(
        (bucket_of(day, size), theme) for day, theme in topics
    )
    themes = [t for t in Theme if any(counts[(b, t)] for b in buckets)] or [Theme.WORK]
    height = 66 * 2.835  # ~66 mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 38, 44
    chart.width, chart.height = width - 38 - 110, height - 54
    chart.data = [[counts[(b, t)] for b in buckets] for t in themes]
    chart.categoryAxis.style = "stacked"
    step = max(1, -(-len(buckets) // _MAX_LABELS))
    chart.categoryAxis.categoryNames = [
        bucket_label(b, size, lang) if i % step == 0 else "" for i, b in enumerate(buckets)
    ]
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 35 if len(buckets) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(buckets) > 6 else "n"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    peak = max((sum(counts[(b, t)] for t in themes) for b in buckets), default=0)
    chart.valueAxis.valueMax = max(4, peak + (peak % 2))
    chart.valueAxis.valueStep = max(1, chart.valueAxis.valueMax // 4)
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 0
    chart.groupSpacing = 4 if len(buckets) < 24 else 2
    for index, theme in enumerate(themes):
        chart.bars[index].fillColor = THEME_COLORS[theme]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    _axis_titles(drawing, tr(_UNIT[size], lang), tr(_TOPICS_AXIS, lang), chart)
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
    height = 52 * 2.835
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 38, 40
    plot.width, plot.height = width - 38 - 110, height - 50
    first = points[0][0].toordinal()
    data = [(d.toordinal() - first, float(v)) for d, v in points]
    plot.data = [data]
    plot.lines[0].strokeColor = MOOD_COLOR
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
    _axis_titles(drawing, tr(_DATE_AXIS, lang), tr(_MOOD_AXIS, lang), plot)
    legend = Legend()
    legend.x, legend.y = width - 96, height - 12
    legend.fontName = FONT_NAME
    legend.fontSize = 7.5
    legend.dx = legend.dy = 7
    legend.alignment = "right"
    legend.strokeColor = None
    legend.colorNamePairs = [(MOOD_COLOR, tr(_MOOD_LEGEND, lang))]
    drawing.add(legend)
    return drawing
