"""The roll-up's monthly trend: execution rate per month as bars against the target line.

Painted with QPainter like the other small charts (ui/widgets/charts.py): labelled axes, a
legend, and colours told apart with any colour vision (blue bars, an orange dashed target).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from taiwa.rollup.view import MonthRow

# Okabe–Ito blue and orange: distinct for every common colour-vision deficiency.
BAR = QColor("#0072B2")
TARGET = QColor("#E69F00")


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: list[MonthRow] = []
        self._target = 90.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)
        self.setAccessibleName(self.tr("Execution rate by month"))

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def set_data(self, months: list[MonthRow], target: float) -> None:
        self._months = list(months)
        self._target = target
        self.setAccessibleDescription(
            "; ".join(f"{m.month}: {'—' if m.rate is None else f'{m.rate:.0f} %'}" for m in months)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        fm = QFontMetrics(self.font())
        if not self._months:
            p.setPen(text)
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No month has enough reports to show."),
            )
            return
        legend_h = fm.height() + 6
        left = fm.horizontalAdvance("100 %") + 10
        bottom = fm.height() * 2 + 8
        # Room above the plot for the legend and for the value over a 100 % bar.
        top = legend_h + fm.height() + 6
        plot = QRectF(left, top, self.width() - left - 8, self.height() - bottom - top)
        # Axes and grid: 0, 25, 50, 75, 100 %.
        grid = QColor(text)
        grid.setAlpha(50)
        for step in range(0, 101, 25):
            y = plot.bottom() - plot.height() * step / 100
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(
                QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{step} %",
            )
        n = len(self._months)
        slot = plot.width() / n
        every = max(1, int((fm.horizontalAdvance("2026-00") + 8) // max(slot, 1)) + 1)
        p.setPen(Qt.PenStyle.NoPen)
        for i, m in enumerate(self._months):
            rate = m.rate or 0.0
            h = plot.height() * rate / 100
            width = min(slot * 0.7, 56.0)
            x = plot.left() + i * slot + (slot - width) / 2
            p.setBrush(BAR)
            p.drawRect(QRectF(x, plot.bottom() - h, width, max(h, 1.0)))
            label = "—" if m.rate is None else f"{m.rate:.0f} %"
            if fm.horizontalAdvance(label) <= slot:
                # The value above its bar: a 0 % month must not look like a missing one.
                p.setPen(text)
                p.drawText(
                    QRectF(x - 20, plot.bottom() - h - fm.height() - 1, width + 40, fm.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
                p.setPen(Qt.PenStyle.NoPen)
            if i % every == 0:
                p.setPen(text)
                p.drawText(
                    QRectF(plot.left() + i * slot - 30, plot.bottom() + 2, slot + 60, fm.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    m.month,
                )
                p.setPen(Qt.PenStyle.NoPen)
        y = plot.bottom() - plot.height() * self._target / 100
        p.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        # Axis title under the months, legend above the plot.
        p.setPen(text)
        p.drawText(
            QRectF(plot.left(), plot.bottom() + fm.height() + 4, plot.width(), fm.height()),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("Month"),
        )
        x = plot.left()
        for color, label, dashed in (
            (BAR, self.tr("Execution rate"), False),
            (TARGET, self.tr("Target %1 %").replace("%1", f"{self._target:.0f}"), True),
        ):
            mid = legend_h / 2
            if dashed:
                p.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x, mid), QPointF(x + 18, mid))
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(color)
                p.drawRect(QRectF(x, mid - 5, 18, 10))
            p.setPen(text)
            p.drawText(QRectF(x + 24, 0, 400, legend_h), Qt.AlignmentFlag.AlignVCenter, label)
            x += 24 + fm.horizontalAdvance(label) + 20
