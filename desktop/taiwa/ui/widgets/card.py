"""The centred card of the screens shown before the vault is open (first run, unlock)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget


def centered_card(screen: QWidget, min_width: int, max_width: int) -> QVBoxLayout:
    """Lay ``screen`` out as one card, centred a little above the middle; return its layout.

    The widths are at 100 % text zoom and grow with it (a larger text wraps into as few
    lines), and the card scrolls when it is taller than the window (a laptop, a large zoom).
    """
    from taiwa.ui import theme
    from taiwa.ui.window_size import scrolling

    scale = theme.zoom() / 100
    min_width, max_width = int(min_width * scale), int(max_width * scale)
    holder = QVBoxLayout(screen)
    holder.setContentsMargins(0, 0, 0, 0)
    inner = QWidget(screen)
    holder.addWidget(scrolling(inner))
    outer = QVBoxLayout(inner)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = QFrame(inner)
    card.setObjectName("lockCard")  # styled by the theme's stylesheet
    card.setMinimumWidth(min_width)
    card.setMaximumWidth(max_width)
    card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(36, 32, 36, 32)
    return layout
