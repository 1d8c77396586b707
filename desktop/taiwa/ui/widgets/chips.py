"""Chips (small rounded labels), section headers, cards and the painted lock icon."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Chip(QLabel):
    """A small rounded tag ("carried", a status, a theme). Plain text only."""

    def __init__(self, text: str = "", color: str = "#8C8C8C", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_chip(text, color)

    def set_chip(self, text: str, color: str) -> None:
        self.setText(text)
        c = QColor(color)
        bg = QColor(c)
        bg.setAlpha(36)
        self.setStyleSheet(
            "QLabel { border-radius: 9px; padding: 1px 8px;"
            f" color: {c.darker(125).name()}; background: rgba({bg.red()},{bg.green()},"
            f"{bg.blue()},{bg.alpha()}); border: 1px solid rgba({c.red()},{c.green()},"
            f"{c.blue()},90); }}"
        )


class SectionTitle(QLabel):
    """A section heading inside a page (semi-bold, slightly larger)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("sectionTitle")  # styled by the app theme


class PageTitle(QLabel):
    """The big title at the top of a page."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("pageTitle")  # styled by the app theme


class MutedLabel(QLabel):
    """Secondary text (captions, hints), plain text only, word-wrapped."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setObjectName("muted")
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)


class Card(QFrame):
    """A calm panel with a title: the building block of the dashboard and person page."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 14)
        self._layout.setSpacing(8)
        self.title = SectionTitle(title, self)
        self._layout.addWidget(self.title)

    def body(self) -> QVBoxLayout:
        return self._layout


def lock_pixmap(size: int = 16, color: str = "#B7791F") -> QPixmap:
    """A padlock drawn with QPainter, so no icon file or theme is needed."""
    pm = QPixmap(size * 2, size * 2)  # drawn at 2x for crisp high-dpi rendering
    pm.fill(Qt.GlobalColor.transparent)
    pm.setDevicePixelRatio(2.0)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(color)
    s = float(size)
    p.setPen(QPen(c, s * 0.12))
    shackle = QPainterPath()
    shackle.moveTo(QPointF(s * 0.3, s * 0.48))
    shackle.lineTo(QPointF(s * 0.3, s * 0.32))
    shackle.arcTo(QRectF(s * 0.3, s * 0.1, s * 0.4, s * 0.42), 180, -180)
    shackle.lineTo(QPointF(s * 0.7, s * 0.48))
    p.drawPath(shackle)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)
    p.drawRoundedRect(QRectF(s * 0.16, s * 0.45, s * 0.68, s * 0.47), s * 0.08, s * 0.08)
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(s * 0.5, s * 0.66), s * 0.07, s * 0.07)
    p.end()
    return pm


def lock_icon(color: str = "#B7791F") -> QIcon:
    return QIcon(lock_pixmap(16, color))


_DOTS: dict[tuple[str, int], QPixmap] = {}


def dot_pixmap(color: str, size: int = 10) -> QPixmap:
    """A coloured dot (theme or status marker in lists); cached, views ask on every paint."""
    cached = _DOTS.get((color, size))
    if cached is not None:
        return cached
    pm = QPixmap(size * 2, size * 2)
    pm.fill(Qt.GlobalColor.transparent)
    pm.setDevicePixelRatio(2.0)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.end()
    _DOTS[(color, size)] = pm
    return pm
