"""Page layout shared by every document: paper, styles, header and footer with "page / pages".

The total page count is only known at the end, so the canvas keeps each finished page's state
and draws the header and footer on all of them when the document is saved (reportlab's
"numbered canvas" recipe, one layout pass instead of two).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from taiwa.export.fonts import FONT_NAME, printable, register_font
from taiwa.export.linebreak import JisParagraph
from taiwa.export.markup import has_cjk
from taiwa.export.model import Paper
from taiwa.i18n import Lang

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f5f8b")
RULE = colors.HexColor("#c9d2dc")
HEAD_BG = colors.HexColor("#e8eef4")
ZEBRA = colors.HexColor("#f6f8fa")
PRIVATE_BG = colors.HexColor("#fbf3e4")
PRIVATE_EDGE = colors.HexColor("#c98a1b")

MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
BODY_SIZE = 9.5
CELL_SIZE = 8.8
CELL_LEADING = CELL_SIZE * 1.5
CELL_HEAD_SIZE = 8.5


def page_size(paper: Paper) -> tuple[float, float]:
    """The page size in points for ``paper``."""
    size: tuple[float, float] = LETTER if paper == "letter" else A4
    return size


@cache
def _styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.6,
        textColor=INK,
        # A paragraph split over pages leaves at least two lines on each side.
        allowWidows=0,
        allowOrphans=0,
    )
    styles = {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, textColor=ACCENT, spaceAfter=2 * mm
        ),
        "cover": ParagraphStyle("cover", parent=base, textColor=MUTED, spaceAfter=1 * mm),
        "audience": ParagraphStyle(
            "audience",
            parent=base,
            textColor=ACCENT,
            borderColor=ACCENT,
            borderWidth=0.6,
            borderPadding=(1.2 * mm, 2 * mm, 1.2 * mm, 2 * mm),
            leftIndent=2 * mm,
            rightIndent=2 * mm,
            spaceBefore=2 * mm,
            spaceAfter=2 * mm,
        ),
        "warning": ParagraphStyle(
            "warning",
            parent=base,
            leftIndent=2 * mm,
            rightIndent=2 * mm,
            textColor=colors.HexColor("#8a4b00"),
            backColor=PRIVATE_BG,
            borderColor=PRIVATE_EDGE,
            borderWidth=0.6,
            borderPadding=(1.5 * mm, 2 * mm, 1.5 * mm, 2 * mm),
            spaceBefore=2 * mm,
            spaceAfter=3 * mm,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontSize=13,
            leading=18,
            textColor=ACCENT,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=10.5,
            leading=15,
            spaceBefore=3 * mm,
            spaceAfter=1 * mm,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, textColor=MUTED, spaceBefore=2 * mm, keepWithNext=1
        ),
        "notehead": ParagraphStyle(
            "notehead",
            parent=base,
            fontSize=10.5,
            leading=15,
            spaceBefore=3 * mm,
            spaceAfter=1 * mm,
        ),
        "note": ParagraphStyle("note", parent=base, spaceAfter=1.5 * mm),
        "private": ParagraphStyle(
            "private",
            parent=base,
            backColor=PRIVATE_BG,
            borderColor=PRIVATE_EDGE,
            borderWidth=0.4,
            borderPadding=(1.2 * mm, 2 * mm, 1.2 * mm, 2 * mm),
            spaceBefore=1.5 * mm,
            spaceAfter=2.5 * mm,
            leftIndent=2 * mm,
            rightIndent=2 * mm,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=0.8 * mm
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=CELL_LEADING),
        "cellhead": ParagraphStyle(
            "cellhead", parent=base, fontSize=8.5, leading=8.5 * 1.4, textColor=ACCENT
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8, leading=12, textColor=MUTED, alignment=TA_CENTER
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=13, textColor=MUTED),
    }
    for name in ("h1", "h2"):
        styles[f"{name}-flow"] = ParagraphStyle(f"{name}-flow", parent=styles[name], keepWithNext=0)
    return styles


@cache
def _cjk_style(name: str) -> ParagraphStyle:
    # wordWrap='CJK' sends the paragraph through JisParagraph.breakLinesCJK: JIS X 4051
    # line breaking between Japanese characters, word wrap for the Latin words among them.
    return ParagraphStyle(f"{name}-cjk", parent=_styles()[name], wordWrap="CJK")


def style(name: str) -> ParagraphStyle:
    """A named paragraph style (Latin line breaking)."""
    return _styles()[name]


def para(markup: str, style_name: str = "body", *, source: str | None = None) -> Paragraph:
    """A Paragraph of already-escaped ``markup``, wrapping CJK-style when the text needs it.

    Args:
        markup: paragraph markup made by :mod:`taiwa.export.markup` and the templates.
        style_name: one of the styles above.
        source: the raw text, to decide the line-breaking mode (default: the markup).
    """
    text = markup if source is None else source
    if has_cjk(text):
        return JisParagraph(markup, _cjk_style(style_name))
    return Paragraph(markup, _styles()[style_name])


class OutlineDocTemplate(SimpleDocTemplate):  # type: ignore[misc]
    """A SimpleDocTemplate with one set of margins, and an outline (bookmark) entry for every
    flowable marked by :func:`outlined`, on the page where it is drawn (reportlab's
    table-of-contents recipe)."""

    def build(self, flowables: list[Flowable], canvasmaker: type[Canvas] = Canvas) -> None:
        # reportlab's frame pads its content by 6 pt on every side: the text then sat inside
        # the margin the header and footer use, and tables sized to the margins ran 12 pt past
        # the right one. Without the padding, body, tables, header and footer share the margins.
        self._calc()
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="normal",
        )
        # SimpleDocTemplate moves from "First" to "Later" after page 1; both are the same here.
        self.addPageTemplates(
            [
                PageTemplate(id="First", frames=[frame], pagesize=self.pagesize),
                PageTemplate(id="Later", frames=[frame], pagesize=self.pagesize),
            ]
        )
        BaseDocTemplate.build(self, flowables, canvasmaker=canvasmaker)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's API
        entry = getattr(flowable, "_taiwa_outline", None)
        if entry is None:
            return
        title, level = entry
        key = f"o{next(_outline_keys)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


_outline_keys = itertools.count(1)


def outlined(flowable: Flowable, title: str, level: int) -> Flowable:
    """``flowable`` marked to get an outline entry ``title`` at ``level`` (0: a section)."""
    # Plain text only: printable() maps what the font lacks, and readers show the rest.
    flowable._taiwa_outline = (title.replace("\n", " "), level)
    return flowable


def anchor(title: str, level: int) -> Flowable:
    """A zero-size flowable carrying an outline entry, kept with what follows it."""
    mark = Spacer(0, 0)
    mark.keepWithNext = 1
    return outlined(mark, title, level)


@dataclass(frozen=True, slots=True)
class PageDecor:
    """What goes around every page: header (from page 2), footer with "page / pages"."""

    lang: Lang
    header_left: str
    header_right: str
    footer_left: str
    #: The audience mark (every page, the first included).
    footer_right: str = ""
    #: Draw the mark in the confidential colour (the manager-only variant).
    footer_alert: bool = False


def _fit(text: str, size: float, width: float) -> str:
    if stringWidth(text, FONT_NAME, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT_NAME, size) > width:
        text = text[:-1]
    return text + "…"


def make_canvas_class(decor: PageDecor, page_label: str) -> type[Canvas]:
    """A Canvas class that decorates every page once the page count is known.

    Args:
        decor: the header and footer texts (plain text, mapped to printable glyphs here).
        page_label: a ``{page} / {pages}`` template.
    """
    left = printable(decor.header_left, decor.lang)
    right = printable(decor.header_right, decor.lang)
    foot_left = printable(decor.footer_left, decor.lang)
    foot_right = printable(decor.footer_right, decor.lang)

    class DecoratedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page starts in (non-embedded) Helvetica.
            kwargs["initialFontName"] = FONT_NAME
            super().__init__(*args, **kwargs)
            self.showOutline()  # open the reader's bookmarks pane
            self._saved_pages: list[dict[str, Any]] = []
            self._marks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 - reportlab's API
            # A bookmark points at the page being written, which this canvas only hands to
            # the document in save(): note it with the page and make it there.
            self._marks.append((key, kwargs))

        def showPage(self) -> None:  # noqa: N802 - reportlab's API
            self._saved_pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                for key, kwargs in self._marks:
                    Canvas.bookmarkPage(self, key, **kwargs)
                self._decorate(self._pageNumber, total)
                super().showPage()
            super().save()

        def _decorate(self, page: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT_NAME, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            inner = width - 2 * MARGIN_X
            if page > 1:
                y = height - MARGIN_TOP + 6 * mm
                right_w = stringWidth(right, FONT_NAME, 8)
                self.drawString(MARGIN_X, y, _fit(left, 8, inner - right_w - 8 * mm))
                self.drawRightString(width - MARGIN_X, y, right)
                self.line(MARGIN_X, y - 2 * mm, width - MARGIN_X, y - 2 * mm)
            y = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, y + 4 * mm, width - MARGIN_X, y + 4 * mm)
            self.drawString(MARGIN_X, y, foot_left)
            self.drawCentredString(width / 2, y, page_label.format(page=page, pages=total))
            if foot_right:
                self.setFillColor(PRIVATE_EDGE if decor.footer_alert else ACCENT)
                self.drawRightString(width - MARGIN_X, y, foot_right)
            self.restoreState()

    return DecoratedCanvas
