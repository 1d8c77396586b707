"""Painting search snippets segment by segment (never as HTML or rich text).

A search hit's snippet is a sequence of ``(text, highlighted)`` pieces. The delegate draws each
piece with QPainter: highlighted pieces get a marker background and bold weight. User text is
never handed to a rich-text engine, so typed ``<b>`` or ``<img src=…>`` stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from taiwa.ui import theme
from taiwa.ui.models import HEADING_ROLE, SEGMENTS_ROLE, as_pairs

Segments = Sequence[tuple[str, bool]]

ICON_COLUMN = 26  # the kind marker (lock, dot) sits in its own column, left of both lines


def _elide_runs(
    pairs: list[tuple[str, bool]], fm: QFontMetricsF, width: float
) -> list[tuple[str, bool]]:
    """Cut the run list to ``width`` (…), keeping whole runs where they fit."""
    out: list[tuple[str, bool]] = []
    used = 0.0
    ellipsis = "…"
    for text, hl in pairs:
        w = fm.horizontalAdvance(text)
        if used + w <= width:
            out.append((text, hl))
            used += w
            continue
        rest = width - used - fm.horizontalAdvance(ellipsis)
        cut = ""
        for ch in text:
            if fm.horizontalAdvance(cut + ch) > rest:
                break
            cut += ch
        out.append((cut + ellipsis, hl))
        break
    return out


class SnippetDelegate(QStyledItemDelegate):
    """Two lines per hit: a muted heading and the snippet with highlighted matches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = QFontMetricsF(option.font)
        # Width 1: the list never scrolls sideways; the painter elides to the row's width.
        return QSize(1, int(fm.height() * 2 + 18))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # we draw the text ourselves
        icon = QIcon(opt.icon)  # a copy: the option's own icon is cleared below
        opt.icon = QIcon()  # ... and the icon, in a column of its own (it used to cover the text)
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        # Secondary text in the theme's muted colour (4.5:1), not the text colour made see-through.
        muted = text_color if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        fm = QFontMetricsF(opt.font)
        rect = QRectF(opt.rect).adjusted(10 + ICON_COLUMN, 6, -10, -6)

        painter.save()
        painter.setClipRect(opt.rect)
        if not icon.isNull():
            side = 16
            top = rect.top() + (fm.height() - side) / 2
            icon.paint(painter, QRect(int(opt.rect.left() + 10), int(top), side, side))
        heading = str(index.data(HEADING_ROLE) or "")
        painter.setFont(opt.font)
        painter.setPen(muted)
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(heading, Qt.TextElideMode.ElideRight, rect.width()),
        )
        y = rect.top() + fm.height() + 4
        bold = QFont(opt.font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_fm = QFontMetricsF(bold)
        pairs = as_pairs(index.data(SEGMENTS_ROLE) or [])
        x = rect.left()
        # Elide with the wider (bold) metrics so highlighted runs never overflow.
        for text, hl in _elide_runs(pairs, bold_fm, rect.width()):
            if not text:
                continue
            font, metrics = (bold, bold_fm) if hl else (opt.font, fm)
            w = metrics.horizontalAdvance(text)
            box = QRectF(x, y, w, fm.height())
            painter.setFont(font)
            if hl:
                painter.fillRect(box.adjusted(-1, 0, 1, 0), theme.qcolor("highlight_bg"))
                painter.setPen(theme.qcolor("highlight_fg"))
            else:
                painter.setPen(text_color)
            # drawText with a plain QString: no rich-text interpretation happens here.
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += w
        # A hairline between hits keeps a long list readable.
        sep = QColor(pal.color(QPalette.ColorRole.Text))
        sep.setAlpha(28)
        painter.setPen(sep)
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()
