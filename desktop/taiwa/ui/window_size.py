"""Window sizes taken from the screen, and remembered per window and screen size.

A fixed size (the main window used to open at 1200x800) is taller than a 1366x768 laptop's
usable area. Every window opens at its preferred size shrunk to the screen's *available*
geometry (without panels and docks), or at the size the user last left it at on a screen of
the same size — a laptop screen and an external monitor each keep their own. Sizes live in
the preferences file (two numbers per window and screen size: nothing personal).
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room left for the window frame and title bar, which resize() does not include.
FRAME_MARGIN = QSize(16, 40)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget`` is on (the primary one before it is shown)."""
    screen = widget.screen()
    return screen if screen is not None else QGuiApplication.primaryScreen()


# The usable client size to assume instead of the screen's (``taiwa screenshots`` renders for a
# 1366x768 laptop whatever screen the offscreen platform reports).
assumed_room: QSize | None = None


def available(widget: QWidget) -> QSize:
    """The largest client size that fits the widget's screen with its frame."""
    if assumed_room is not None:
        return QSize(assumed_room)
    screen = screen_of(widget)
    if screen is None:
        return QSize(1366, 720)
    room = screen.availableGeometry().size() - FRAME_MARGIN
    return QSize(max(room.width(), 320), max(room.height(), 240))


def _screen_key(widget: QWidget) -> tuple[int, int]:
    screen = screen_of(widget)
    size = screen.size() if screen is not None else QSize(0, 0)
    return size.width(), size.height()


def fit(widget: QWidget, preferred: QSize, *, name: str = "", prefs: Any = None) -> QSize:
    """Resize ``widget`` to its remembered or ``preferred`` size, shrunk to fit its screen.

    Args:
        widget: a top-level window or dialog.
        preferred: the size it is designed for.
        name: the key it is remembered under (nothing is remembered without one).
        prefs: the :class:`~taiwa.prefs.Prefs` holding remembered sizes.
    """
    size = QSize(preferred)
    if name and prefs is not None:
        saved = prefs.window_size(name, _screen_key(widget))
        if saved is not None:
            size = QSize(*saved)
    size = size.boundedTo(available(widget)).expandedTo(widget.minimumSize())
    widget.resize(size)
    return size


def remember(widget: QWidget, name: str, prefs: Any) -> None:
    """Remember ``widget``'s current size for its screen size (saved with the preferences)."""
    if prefs is None or not name or widget.isMaximized() or widget.isFullScreen():
        return
    size = widget.size()
    prefs.remember_window_size(name, _screen_key(widget), (size.width(), size.height()))


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: at a large text zoom it scrolls instead of clipping.

    For tab pages and dialog bodies whose content can outgrow a laptop screen.
    """
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class _Remember(QObject):
    """Remembers its window's size (and saves the preferences) each time the window hides."""

    def __init__(self, widget: QWidget, name: str, prefs: Any) -> None:
        super().__init__(widget)
        self._name, self._prefs = name, prefs
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the window is being destroyed Qt may still deliver its Hide to this filter
        # after Python has cleared the wrapper's attributes (seen on CPython 3.11): then there
        # is nothing left to remember.
        name, prefs = getattr(self, "_name", None), getattr(self, "_prefs", None)
        if name is None or prefs is None:
            return False
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget):
            remember(watched, name, prefs)
            # A size is not worth an error message; the next close tries again.
            with contextlib.suppress(OSError):
                prefs.save()
        return False


def fit_and_remember(widget: QWidget, preferred: QSize, *, name: str, prefs: Any) -> QSize:
    """:func:`fit`, then remember the size the user leaves the window at (per screen size)."""
    size = fit(widget, preferred, name=name, prefs=prefs)
    if prefs is not None:
        _Remember(widget, name, prefs)
    return size
