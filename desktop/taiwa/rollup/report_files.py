"""The roll-up view as files: a CSV of the table and a PDF with the table and the trend chart.

Both hold only what the view shows (the group-size rule is already applied), and are written
atomically with mode 0600 like everything Taiwa writes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from taiwa.rollup import texts as t
from taiwa.rollup.files import write
from taiwa.rollup.model import ReportLine
from taiwa.rollup.view import GroupRow, RollupView


def rows(view: RollupView) -> list[GroupRow]:
    """The table's rows: shown teams, then overall."""
    return [*view.teams, *([view.overall] if view.overall else [])]


def header(lang: str | None) -> list[str]:
    return [
        t.TEAM.text(lang),
        t.REPORTS.text(lang),
        t.PLANNED.text(lang),
        t.HELD.text(lang),
        t.CANCELLED.text(lang),
        t.SKIPPED.text(lang),
        t.RATE.text(lang),
        t.BELOW.text(lang),
        t.CADENCE_GAPS.text(lang),
        t.OPEN_ACTIONS.text(lang),
        t.OVERDUE_ACTIONS.text(lang),
        t.THEMES.text(lang),
    ]


def cells(group: GroupRow, lang: str | None) -> list[str]:
    return [
        t.group_label(group, lang),
        str(group.reports),
        str(group.planned),
        str(group.held),
        str(group.cancelled),
        str(group.skipped),
        t.percent(group.rate),
        t.YES.text(lang) if group.below_target else "",
        str(group.cadence_gaps),
        str(group.open_actions),
        str(group.overdue_actions),
        f"{group.short_term}/{group.mid_term}/{group.long_term}",
    ]


def export_header(lang: str | None) -> list[str]:
    """The columns of one report's line, as the export dialog previews the file."""
    return [
        t.REPORT.text(lang),
        t.TEAM.text(lang),
        t.PLANNED.text(lang),
        t.HELD.text(lang),
        t.CANCELLED.text(lang),
        t.SKIPPED.text(lang),
        t.RATE.text(lang),
        t.CADENCE.text(lang),
        t.CADENCE_KEPT.text(lang),
        t.LONGEST_GAP.text(lang),
        t.DAYS_SINCE.text(lang),
        t.THEMES.text(lang),
        t.OPEN_ACTIONS.text(lang),
        t.OVERDUE_ACTIONS.text(lang),
    ]


def export_cells(line: ReportLine, lang: str | None = None) -> list[str]:
    rate = line.execution_rate
    return [
        line.ref,
        line.team,
        str(line.planned),
        str(line.held),
        str(line.cancelled),
        str(line.skipped),
        t.percent(None if rate is None else 100 * rate),
        str(line.cadence_days),
        (t.YES if line.cadence_kept else t.NO).text(lang),
        "—" if line.longest_gap_days is None else str(line.longest_gap_days),
        "—" if line.days_since_last is None else str(line.days_since_last),
        f"{line.short_term}/{line.mid_term}/{line.long_term}",
        str(line.open_actions),
        str(line.overdue_actions),
    ]


def csv_bytes(view: RollupView, lang: str | None = None) -> bytes:
    """The table and the monthly trend as CSV (UTF-8 with a BOM: spreadsheets read Japanese)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header(lang))
    for group in rows(view):
        w.writerow([_text_cell(c) for c in cells(group, lang)])
    w.writerow([])
    w.writerow(
        [
            t.MONTH.text(lang),
            t.REPORTS.text(lang),
            t.PLANNED.text(lang),
            t.HELD.text(lang),
            t.RATE.text(lang),
        ]
    )
    for m in view.months:
        w.writerow([m.month, m.reports, m.planned, m.held, t.percent(m.rate)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _text_cell(value: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula; team names come from
    other managers' files, so such a cell is written as text (the usual CSV-injection guard)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_csv(
    view: RollupView, path: Path, *, lang: str | None = None, overwrite: bool = False
) -> Path:
    return write(path, csv_bytes(view, lang), overwrite=overwrite)


def notes(view: RollupView, lang: str | None) -> list[str]:
    """The sentences under the table (what is hidden and why, what is below target)."""
    out: list[str] = []
    if view.overall is None:
        out.append(t.TOO_FEW.text(lang, min=view.min_group, count=view.total_reports))
        return out
    if view.folded_reports:
        out.append(t.FOLDED.text(lang, count=view.folded_reports, min=view.min_group))
    if view.hidden_months:
        out.append(t.HIDDEN_MONTHS.text(lang, count=view.hidden_months, min=view.min_group))
    below = view.below_target
    if below:
        out.append(
            t.BELOW_TARGET.text(lang, teams=", ".join(t.group_label(g, lang) for g in below))
        )
    else:
        out.append(t.ALL_ON_TARGET.text(lang))
    return out


def source_lines(view: RollupView, lang: str | None) -> list[str]:
    return [
        t.SOURCE_LINE.text(
            lang,
            manager=s.manager or t.NO_MANAGER.text(lang),
            key_id=s.key_id,
            start=s.start,
            end=s.end,
            reports=s.reports,
            names=t.WITH_NAMES.text(lang) if s.names else "",
            older="" if s.latest else t.OLDER.text(lang),
        )
        for s in view.sources
    ]


def pdf_bytes(view: RollupView, lang: str = "en") -> bytes:
    """The view as a one- or two-page PDF: sources, table, notes and the monthly trend."""
    # reportlab is heavy: imported only when a PDF is made.
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from taiwa.export.fonts import register_font

    font = register_font()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=9, leading=13, wordWrap="CJK" if lang == "ja" else None
    )
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=20, spaceAfter=6)
    small = ParagraphStyle(
        "small", parent=body, fontSize=8, leading=11, textColor=colors.HexColor("#444444")
    )
    story: list[object] = [Paragraph(t.TITLE.text(lang), title)]
    story.append(Paragraph(t.TARGET.text(lang, target=view.target), body))
    story.append(Paragraph(t.SOURCES.text(lang), body))
    for line in source_lines(view, lang):
        story.append(Paragraph(_escape(line), small))
    story.append(Spacer(1, 4 * mm))
    if view.overall is not None:
        data = [header(lang)] + [cells(g, lang) for g in rows(view)]
        table = Table(data, repeatRows=1, hAlign="LEFT")
        style = [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#F4F4F4")),
        ]
        for i, g in enumerate(rows(view), start=1):
            if g.below_target:
                style.append(("TEXTCOLOR", (6, i), (7, i), colors.HexColor("#B8001F")))
        table.setStyle(TableStyle(style))
        story.append(table)
        story.append(Spacer(1, 3 * mm))
    for sentence in notes(view, lang):
        story.append(Paragraph(_escape(sentence), body))
    if view.months:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(t.TREND.text(lang), body))
        story.append(_chart(view, lang, font))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=t.TITLE.text(lang),
        author="",
        subject="",
        creator="Taiwa",
        lang="ja-JP" if lang == "ja" else "en",
    )
    doc.build(story)
    return out.getvalue()


def _chart(view: RollupView, lang: str, font: str) -> object:
    """Execution rate per month as bars, the target as a dashed line, with axes and legend."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = 240 * mm, 70 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 18 * mm, 14 * mm
    chart.width, chart.height = width - 60 * mm, height - 22 * mm
    chart.data = [[m.rate or 0.0 for m in view.months]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [m.month for m in view.months]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    if len(view.months) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    # Blue bars and an orange target line: told apart with any colour vision (Okabe–Ito).
    chart.bars[0].fillColor = colors.HexColor("#0072B2")
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    y = chart.y + chart.height * view.target / 100.0
    drawing.add(
        Line(
            chart.x,
            y,
            chart.x + chart.width,
            y,
            strokeColor=colors.HexColor("#E69F00"),
            strokeWidth=1.5,
            strokeDashArray=[4, 2],
        )
    )
    axis = String(
        2 * mm, chart.y + chart.height / 2, t.RATE.text(lang) + " (%)", fontName=font, fontSize=7
    )
    drawing.add(axis)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            2 * mm,
            t.MONTH.text(lang),
            fontName=font,
            fontSize=7,
            textAnchor="middle",
        )
    )
    legend = Legend()
    legend.x, legend.y = chart.x + chart.width + 6 * mm, chart.y + chart.height
    legend.fontName = font
    legend.fontSize = 7
    legend.colorNamePairs = [
        (colors.HexColor("#0072B2"), t.RATE.text(lang)),
        (colors.HexColor("#E69F00"), t.TARGET.text(lang, target=view.target)),
    ]
    drawing.add(legend)
    return drawing


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_pdf(view: RollupView, path: Path, *, lang: str = "en", overwrite: bool = False) -> Path:
    return write(path, pdf_bytes(view, lang), overwrite=overwrite)
