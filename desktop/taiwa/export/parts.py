"""The pieces both documents are made of: the per-document context, tables, the cover.

Every piece of user text goes through :func:`taiwa.export.markup.user` or
:func:`~taiwa.export.markup.plain` before it becomes a Paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from taiwa.cancel import Cancel, check
from taiwa.domain.models import Action, Meeting
from taiwa.export import layout
from taiwa.export.fonts import FONT_NAME, printable, register_font, single_font
from taiwa.export.layout import outlined, para
from taiwa.export.markup import plain, user
from taiwa.export.model import Audience, ExportOptions, local_zone, meeting_local
from taiwa.export.texts import T, format_date_short, tr
from taiwa.i18n import Lang, Msg

_LEVELS = {"h1": 0, "h2": 1, "h3": 2}


class Ctx:
    """Per-document helpers bound to the options (language, zone, what is shown)."""

    def __init__(self, options: ExportOptions, cancel: Cancel | None = None) -> None:
        self.options = options
        self.lang: Lang = options.lang
        # Checked once per paragraph of user text: the story of a ten-year summary takes
        # a second to build, and a cancelled export must stop within one.
        self.cancel = cancel

    def t(self, msg: Msg, **params: object) -> str:
        return tr(msg, self.lang, **params)

    def h(self, msg: Msg, level: str = "h1", **params: object) -> Flowable:
        """A heading, with an outline entry (h1: a section, h2: under it)."""
        text = self.t(msg, **params)
        return outlined(para(plain(text, self.lang), level, source=text), text, _LEVELS[level])

    def section(self, msg: Msg, level: str = "h1", space: float = 30 * mm) -> list[Flowable]:
        """A heading before a long table or long notes: the page breaks before the heading
        unless ``space`` is left, instead of keepWithNext, which would lay the whole table or
        note out once more just to measure it."""
        text = self.t(msg)
        heading = para(plain(text, self.lang), f"{level}-flow", source=text)
        return [CondPageBreak(space), outlined(heading, text, _LEVELS[level])]

    def text(self, value: str, style: str = "body") -> Flowable:
        check(self.cancel)
        return para(user(value, self.lang), style, source=value)

    def cell(self, value: str, style: str = "cell") -> Flowable:
        check(self.cancel)
        return para(user(value, self.lang), style, source=value)

    def fit(self, value: str, width: float) -> Cell:
        """A table cell for user text: a plain string when it fits on one line of ``width``
        points (drawn literally, never parsed), else a wrapping Paragraph."""
        if "\n" not in value and "\r" not in value:
            text = printable(value, self.lang, fallback=True)
            # A string is drawn in one font: text that needs the fallback font is a Paragraph.
            fits = stringWidth(text, FONT_NAME, layout.CELL_SIZE) <= width - 2 * CELL_PAD
            if fits and single_font(text):
                return text
        return self.cell(value)

    def head(self, msg: Msg) -> str:
        """A table header cell: a fixed text drawn as a plain string."""
        return self.t(msg)

    def fixed(self, msg: Msg, style: str = "body", **params: object) -> Flowable:
        text = self.t(msg, **params)
        return para(plain(text, self.lang), style, source=text)

    def local(self, meeting: Meeting) -> datetime:
        return meeting_local(meeting, self.options)

    def day(self, meeting: Meeting) -> date:
        return self.local(meeting).date()

    def today(self) -> date:
        return self.options.today or datetime.now(local_zone(self.options)).date()

    def width(self) -> float:
        return float(layout.page_size(self.options.paper)[0] - 2 * layout.MARGIN_X)


CELL_PAD = 4
Cell: TypeAlias = "Flowable | str"
DONE_COLOR = colors.HexColor("#2f7d32")
OVERDUE_COLOR = colors.HexColor("#b3261e")


_FOOT = 40 * mm


class _Table(Table):  # type: ignore[misc]
    """A Table that never leaves one lonely body row at the foot or the head of a page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first, rest = parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        body = len(self._cellvalues) - head
        # One row under the header at the foot of a page: start on the next page instead
        # (only near a page's foot, so a table of huge rows still starts somewhere).
        if len(first._cellvalues) - head <= 1 < body and availHeight < _FOOT:
            return []
        if len(rest._cellvalues) - head <= 1 and len(first._cellvalues) - head >= 3:
            # One row alone on the next page: take one more along with it.
            last = first._rowHeights[-1]
            again: list[Flowable] = super().split(availWidth, availHeight - last - 0.5)
            if len(again) == 2:
                return again
        return parts


def table(
    rows: Sequence[Sequence[Cell | list[Flowable]]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = True,
    extra: Sequence[tuple[object, ...]] = (),
    caption: str | None = None,
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A table whose rows may split across pages, repeating the header row on each page.

    Short single-line cells are plain strings (drawn directly, far cheaper than Paragraphs and
    never parsed as markup); cells that may need wrapping are Paragraphs. A ``caption`` (a
    fixed text such as the theme) is a first row repeated with the header on every page, so
    a continuation page says what the table is about.
    """
    register_font()  # plain-string cells are drawn in it without any Paragraph asking first
    top = 0
    if caption is not None:
        rows = [[caption, *([""] * (len(widths) - 1))], *rows]
        top = 1
    table = _Table(
        [list(row) for row in rows],
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=top + 1 if header else top,
        splitByRow=1,
        splitInRow=1,  # a single very long cell flows on to the next page instead of failing
        hAlign="LEFT",
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), layout.CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), layout.CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), layout.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.8),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, layout.RULE),
    ]
    if caption is not None:
        commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("FONTSIZE", (0, 0), (-1, 0), 10.5),
            ("LEADING", (0, 0), (-1, 0), 15),
            ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("LINEBELOW", (0, 0), (-1, 0), 0, colors.white),
        ]
    if header:
        commands += [
            ("BACKGROUND", (0, top), (-1, top), layout.HEAD_BG),
            ("LINEBELOW", (0, top), (-1, top), 0.6, layout.ACCENT),
            ("TEXTCOLOR", (0, top), (-1, top), layout.ACCENT),
            ("FONTSIZE", (0, top), (-1, top), layout.CELL_HEAD_SIZE),
        ]
    if zebra:
        first = top + 1 if header else top
        commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [None, layout.ZEBRA]))
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def kv_table(c: Ctx, pairs: Iterable[tuple[Msg, str | list[Flowable]]]) -> Table:
    """Label / value rows; a value is user text or ready-made flowables."""
    rows: list[list[Cell | list[Flowable]]] = [
        [c.fixed(label, "cellhead"), c.cell(value) if isinstance(value, str) else value]
        for label, value in pairs
    ]
    width = c.width()
    return table(rows, [38 * mm, width - 38 * mm], header=False, zebra=False)


MARKS: dict[Audience, tuple[Msg, Msg]] = {
    Audience.SHARED: (T.MARK_SHARED, T.COVER_FOR_SHARED),
    Audience.HR: (T.MARK_HR, T.COVER_FOR_HR),
    Audience.MANAGER: (T.MARK_MANAGER, T.COVER_FOR_MANAGER),
    Audience.HANDOVER: (T.MARK_HANDOVER, T.COVER_FOR_HANDOVER),
}


def audience_mark(c: Ctx, person: str) -> str:
    """The audience as marked in the footer of every page."""
    return c.t(MARKS[c.options.target][0], person=person)


def cover(c: Ctx, title: Msg, what: str, person: str) -> list[Flowable]:
    story: list[Flowable] = [
        c.fixed(title, "title"),
        para(plain(what, c.lang), "cover", source=what),
    ]
    cover = c.t(MARKS[c.options.target][1], person=person)
    story.append(para(plain(cover, c.lang), "audience", source=cover))
    if c.options.show_private:
        story.append(c.fixed(T.COVER_PRIVATE_YES, "warning"))
    elif c.options.target is Audience.MANAGER:
        story.append(c.fixed(T.COVER_PRIVATE_NO, "cover"))
    story.append(HRFlowable(width="100%", thickness=0.8, color=layout.ACCENT, spaceAfter=2 * mm))
    return story


def action_state(c: Ctx, action: Action) -> tuple[str, colors.Color]:
    if action.done_on is not None:
        return c.t(T.DONE_ON, date=format_date_short(action.done_on, c.lang)), DONE_COLOR
    if action.is_overdue(c.today()):
        return c.t(T.OVERDUE), OVERDUE_COLOR
    return c.t(T.OPEN), layout.INK


def state_cells(
    c: Ctx, actions: Sequence[Action], column: int
) -> tuple[list[str], list[tuple[object, ...]]]:
    texts: list[str] = []
    styles: list[tuple[object, ...]] = []
    for row, action in enumerate(actions, start=1):
        text, color = action_state(c, action)
        texts.append(text)
        if color is not layout.INK:
            styles.append(("TEXTCOLOR", (column, row), (column, row), color))
    return texts, styles


def due(c: Ctx, action: Action) -> str:
    return format_date_short(action.due_on, c.lang) if action.due_on else c.t(T.NONE_DASH)


def topic_line(c: Ctx, text: str, extra: Sequence[str]) -> Flowable:
    markup = user(text, c.lang)
    if extra:
        note = "（" + "、".join(extra) + "）" if c.lang == "ja" else " (" + ", ".join(extra) + ")"
        markup += f'<font color="#5f6b7a" size="8">{plain(note, c.lang)}</font>'
    return para(markup, "bullet", source=text)


def with_bullets(items: list[Flowable]) -> list[Flowable]:
    for item in items:
        item.bulletText = "•"
    return items
