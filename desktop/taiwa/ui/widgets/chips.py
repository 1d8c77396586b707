"""Chips (small rounded labels), section headers, cards and the painted lock icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from taiwa.ui import theme

_SCHEME_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


class _Restyle(QObject):
    """Sets a widget's style sheet from the current theme now and after every scheme change."""

    def __init__(self, widget: QWidget, style: Callable[[], str]) -> None:
        super().__init__(widget)
        self._style = style
        widget.installEventFilter(self)
        self.restyle(widget)

    def restyle(self, widget: QWidget) -> None:
        sheet = self._style()
        if widget.styleSheet() != sheet:  # setting it changes the palette: no loop
            widget.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _SCHEME_EVENTS and isinstance(watched, QWidget):
            self.restyle(watched)
        return False


def themed_style(widget: QWidget, style: Callable[[], str]) -> None:
    """Style ``widget`` with ``style()`` (which reads :data:`theme.COLORS`) and again whenever
    the light/dark/high-contrast scheme changes: a colour fixed at build stays light in the
    dark scheme."""
    restyle = widget.findChild(_Restyle, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if restyle is not None:
        restyle._style = style
        restyle.restyle(widget)
    else:
        _Restyle(widget, style)


class Chip(QLabel):
    """A small rounded tag ("carried", a status, a theme). Plain text only."""

    def __init__(self, text: str = "", color: str = "#8C8C8C", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_chip(text, color)

    def set_chip(self, text: str, color: str) -> None:
        self.setText(text)
        themed_style(self, lambda: self._sheet(color))

    @staticmethod
    def background(color: str) -> str:
        """The chip's tint (``color`` at 36/255) over the current surface, as ``#RRGGBB``."""
        c, under = QColor(color), QColor(theme.COLORS["surface"])
        a = 36 / 255

        def mix(x: int, y: int) -> int:
            return round(x * a + y * (1 - a))

        return QColor(
            mix(c.red(), under.red()), mix(c.green(), under.green()), mix(c.blue(), under.blue())
        ).name()

    @staticmethod
    def _sheet(color: str) -> str:
        """The tint of ``color`` behind it as text, made readable on the current surface."""
        c = QColor(color)
        ink = theme.readable_hex(c.name(), Chip.background(color))
        return (
            "QLabel { border-radius: 9px; padding: 1px 8px;"
            f" color: {ink}; background: rgba({c.red()},{c.green()},{c.blue()},36);"
            f" border: 1px solid rgba({c.red()},{c.green()},{c.blue()},90); }}"
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
