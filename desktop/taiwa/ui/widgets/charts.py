"""Small painted charts: the mood trend, the theme balance and the execution-rate gauge.

Painted with QPainter (no chart library): they are tiny, must render identically offscreen for
screenshots, and show nothing but numbers the page already holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from taiwa.domain.models import EXECUTION_RATE_TARGET, Theme
from taiwa.ui.theme import readable
from taiwa.ui.widgets import labels


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


class MoodChart(QWidget):
    """A small line chart of mood (1–5) over the person's meetings, oldest left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[date, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        self.setAccessibleName(self.tr("Mood trend"))

    def sizeHint(self) -> QSize:
        return QSize(280, 110)

    def set_points(self, points: Iterable[tuple[date | datetime, int]]) -> None:
        """Set the series; the last 24 points are shown (about a year of biweekly 1on1s)."""
        cleaned: list[tuple[date, int]] = []
        for when, mood in points:
            day = when.date() if isinstance(when, datetime) else when
            if mood is not None and 1 <= int(mood) <= 5:
                cleaned.append((day, int(mood)))
        cleaned.sort()
        self._points = cleaned[-24:]
        self.update()

    def points(self) -> list[tuple[date, int]]:
        return list(self._points)

    def clear(self) -> None:
        self._points = []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.PlaceholderText)
        grid = _mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), 0.12)
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("5") + 8
        area = QRectF(left, 6, self.width() - left - 8, self.height() - 12)
        # Horizontal guides at 1, 3 and 5 with their labels.
        for level in (1, 3, 5):
            y = area.bottom() - (level - 1) / 4 * area.height()
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(text_color)
            p.drawText(
                QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(level),
            )
        if not self._points:
            p.setPen(text_color)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No mood recorded yet"))
            return
        n = len(self._points)
        step = area.width() / max(n - 1, 1)
        pts = [
            QPointF(
                area.left() + (i * step if n > 1 else area.width() / 2),
                area.bottom() - (mood - 1) / 4 * area.height(),
            )
            for i, (_, mood) in enumerate(self._points)
        ]
        accent = pal.color(QPalette.ColorRole.Highlight)
        if n > 1:
            fill = QPainterPath(QPointF(pts[0].x(), area.bottom()))
            for pt in pts:
                fill.lineTo(pt)
            fill.lineTo(QPointF(pts[-1].x(), area.bottom()))
            fill.closeSubpath()
            shade = QColor(accent)
            shade.setAlpha(40)
            p.fillPath(fill, shade)
            line = QPainterPath(pts[0])
            for pt in pts[1:]:
                line.lineTo(pt)
            p.setPen(QPen(accent, 2))
            p.drawPath(line)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        for pt in pts:
            p.drawEllipse(pt, 3, 3)


class ThemeBalanceBars(QWidget):
    """Horizontal bars: how many topics of each theme in the period (balance at a glance)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[Theme, int] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Theme balance"))
        self._update_height()

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def _update_height(self) -> None:
        self.setFixedHeight(self._row_height() * len(Theme) + 4)

    def sizeHint(self) -> QSize:
        return QSize(280, self._row_height() * len(Theme) + 4)

    def set_counts(self, counts: dict[Theme, int] | dict[str, int]) -> None:
        self._counts = {Theme(str(k)): int(v) for k, v in counts.items()}
        self.update()

    def counts(self) -> dict[Theme, int]:
        return dict(self._counts)

    def clear(self) -> None:
        self._counts = {}
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self._update_height()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        names = {t: labels.theme_name(t) for t in Theme}
        label_w = max(fm.horizontalAdvance(n) for n in names.values()) + 12
        count_w = fm.horizontalAdvance("0000") + 8
        total = max(self._counts.values(), default=0)
        rh = self._row_height()
        track = _mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), 0.08)
        for i, theme in enumerate(Theme):
            y = 2 + i * rh
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawText(QRectF(0, y, label_w, rh), Qt.AlignmentFlag.AlignVCenter, names[theme])
            bar = QRectF(label_w, y + rh * 0.3, self.width() - label_w - count_w, rh * 0.4)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(bar, 3, 3)
            count = self._counts.get(theme, 0)
            if total and count:
                filled = QRectF(
                    bar.left(), bar.top(), max(bar.width() * count / total, 4), bar.height()
                )
                p.setBrush(labels.theme_color(theme))
                p.drawRoundedRect(filled, 3, 3)
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(
                QRectF(self.width() - count_w, y, count_w, rh),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(count),
            )


class RateGauge(QWidget):
    """The execution rate as a big number over a bar with the 90 % target marked.

    Its texts are painted, so no label's size hint protects them: the gauge sizes itself from
    its font metrics (at any text zoom) and wraps the caption onto more lines when it is
    narrower than the caption (its height then follows its width).
    """

    _WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    _BAR = 8  # the bar's height; the target line reaches 3 px above and below it

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._rate: float | None = None
        self._held = 0
        self._planned = 0
        self.target = EXECUTION_RATE_TARGET
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_height()

    def _big_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(self.font().pointSizeF(), 9) * 2.0)
        f.setWeight(QFont.Weight.DemiBold)
        return f

    def _number(self) -> str:
        return "—" if self._rate is None else f"{self._rate * 100:.0f} %"

    def text_rects(self, width: int | None = None) -> list[tuple[str, QRectF, QFont, int]]:
        """Where each text is painted at ``width`` (default: the gauge's): text, rect, font
        and drawText flags. The paint event and the tests use the same geometry."""
        width = self.width() if width is None else width
        fm = QFontMetrics(self.font())
        big_font = self._big_font()
        big = QFontMetrics(big_font)
        top = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title = QRectF(0, 0, width, fm.height())
        number = QRectF(0, title.bottom() + 2, width, big.height())
        caption_top = number.bottom() + 4 + 14
        wrapped = fm.boundingRect(0, 0, max(width, 1), 100_000, int(self._WRAP), self.caption())
        caption = QRectF(0, caption_top, width, max(wrapped.height(), fm.height()))
        return [
            (self._title, title, self.font(), top),
            (self._number(), number, big_font, top),
            (self.caption(), caption, self.font(), int(self._WRAP)),
        ]

    def _height_for(self, width: int) -> int:
        return int(self.text_rects(width)[-1][1].bottom()) + 4

    def _update_height(self) -> None:
        width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        height = self._height_for(max(width, self.minimumSizeHint().width()))
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if hasattr(self, "_title") and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._update_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_height()

    def minimumSizeHint(self) -> QSize:
        """As wide as the title, the number and the longest word of the caption."""
        fm = QFontMetrics(self.font())
        widest = max(
            fm.horizontalAdvance(self._title),
            QFontMetrics(self._big_font()).horizontalAdvance("100 %"),
            *(fm.horizontalAdvance(word) for word in self.caption().split()),
        )
        return QSize(widest + 1, self.height())

    def sizeHint(self) -> QSize:
        """Wide enough for the caption on one line."""
        fm = QFontMetrics(self.font())
        width = max(self.minimumSizeHint().width(), fm.horizontalAdvance(self.caption()) + 1)
        return QSize(max(width, 240), self.height())

    def set_title(self, title: str) -> None:
        self._title = title
        self._update_height()
        self.update()

    def set_rate(self, rate: float | None, held: int = 0, planned: int = 0) -> None:
        self._rate = rate
        self._held = held
        self._planned = planned
        self.setAccessibleDescription(self.caption())
        self._update_height()
        self.update()

    def rate(self) -> float | None:
        return self._rate

    def caption(self) -> str:
        if self._rate is None:
            return self.tr("No 1on1s planned in this period")
        target = str(round(self.target * 100))
        text = (
            self.tr("%1 of %2 held · target %3 %")
            .replace("%1", str(self._held))
            .replace("%2", str(self._planned))
            .replace("%3", target)
        )
        # A wrapped caption never leaves "%" alone at the start of a line.
        return text.replace(f"{target} %", f"{target}\u00a0%")

    def clear(self) -> None:
        self.set_rate(None)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        (title, title_rect, _, flags), number, caption = self.text_rects()
        p.setPen(muted)
        p.drawText(title_rect, flags, title)
        if self._rate is None:
            color = muted
        else:
            ok = self._rate >= self.target
            # Text: darkened or lightened to 4.5:1 on the card in the scheme in use.
            color = readable(
                labels.GOOD if ok else (labels.WARN if self._rate >= 0.7 else labels.BAD)
            )
        p.setFont(number[2])
        p.setPen(color)
        p.drawText(number[1], number[3], number[0])
        p.setFont(self.font())
        bar = QRectF(0, number[1].bottom() + 4, self.width() - 1, self._BAR)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(
            _mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), 0.1)
        )
        p.drawRoundedRect(bar, 4, 4)
        if self._rate is not None:
            p.setBrush(color)
            p.drawRoundedRect(
                QRectF(bar.left(), bar.top(), bar.width() * min(self._rate, 1.0), bar.height()),
                4,
                4,
            )
        # The target line, slightly taller than the bar so it reads as a marker.
        tx = bar.left() + bar.width() * self.target
        p.setPen(QPen(pal.color(QPalette.ColorRole.Text), 2))
        p.drawLine(QPointF(tx, bar.top() - 3), QPointF(tx, bar.bottom() + 3))
        p.setPen(muted)
        p.drawText(caption[1], caption[3], caption[0])
