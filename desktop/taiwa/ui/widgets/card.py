"""The centred card of the screens shown before the vault is open (first run, unlock)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from taiwa.ui import theme
from taiwa.ui.window_size import scrolling


class _Card(QFrame):
    """A card whose width range follows the text zoom, also when it changes while shown."""

    def __init__(self, parent: QWidget, min_width: int, max_width: int) -> None:
        super().__init__(parent)
        self._widths = (min_width, max_width)
        self._fit()

    def _fit(self) -> None:
        scale = theme.zoom() / 100
        self.setMinimumWidth(int(self._widths[0] * scale))
        self.setMaximumWidth(int(self._widths[1] * scale))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the zoom sets a new application font
            self._fit()


def centered_card(screen: QWidget, min_width: int, max_width: int) -> QVBoxLayout:
    """Lay ``screen`` out as one card, centred a little above the middle; return its layout.

    The widths are at 100 % text zoom and grow with it (a larger text wraps into as few
    lines), and the card scrolls when it is taller than the window (a laptop, a large zoom).
    """
    holder = QVBoxLayout(screen)
    holder.setContentsMargins(0, 0, 0, 0)
    inner = QWidget(screen)
    holder.addWidget(scrolling(inner))
    outer = QVBoxLayout(inner)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = _Card(inner, min_width, max_width)
    card.setObjectName("lockCard")  # styled by the theme's stylesheet
    card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(36, 32, 36, 32)
    return layout
