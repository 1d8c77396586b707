"""The centred card of the screens shown before the vault is open (first run, unlock)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget


def centered_card(screen: QWidget, min_width: int, max_width: int) -> QVBoxLayout:
    """Lay ``screen`` out as one card, centred a little above the middle; return its layout."""
    outer = QVBoxLayout(screen)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = QFrame(screen)
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
