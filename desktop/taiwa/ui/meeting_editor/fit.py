"""How the meeting editor fits its window at any text size (issue 17: 200 % zoom, Japanese).

The open meeting sits in a scroll area. Its header rows wrap (``taiwa.ui.widgets.flow``); its
body keeps a height that follows the text size, and goes from side by side to one above the
other when the window is narrow for the text; the list of meetings is as wide as its button
and its dates. Below that the editor scrolls, and the focus is followed into view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.models import MeetingHistoryModel


class FitPart(EditorBase):
    """Builds the scroll area of the open meeting and keeps its sizes in step with the font."""

    body: QSplitter
    content: QWidget
    empty_label: QLabel
    new_button: QPushButton
    _sheet_layout: QVBoxLayout
    _content_layout: QVBoxLayout

    def _build_sheet(self) -> QWidget:
        """The scroll area (``scroll_area``) and the sheet inside it, returned."""
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop itself: the focus goes to the controls, and follows them into view.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        main = _Sheet(self._sheet_height, self._on_sheet_resized, self.scroll_area)
        self.main_widget = main
        return main

    def _start_fitting(self) -> None:
        """Once the page is built: the first sizes, and the focus followed into view."""
        self._fit_to_font()
        # A widget reached by Tab or a mnemonic is scrolled into view (QScrollArea does it
        # only for Tab presses it handles itself).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _fit_to_font(self) -> None:
        """Sizes that follow the text size (the desktop's font and the app's zoom)."""
        line = self.fontMetrics().lineSpacing()
        # Narrower than about 100 characters (at 200 % zoom), the notes go under the agenda
        # and the action items instead of beside them, so each keeps a readable width.
        stacked = self.main_widget.width() < self.fontMetrics().averageCharWidth() * 100
        orientation = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if self.body.orientation() != orientation:
            self.body.setOrientation(orientation)
        # The agenda, the action items and the notes each keep a few lines: below that the
        # editor scrolls rather than squeezing them.
        self.body.setMinimumHeight(line * (32 if stacked else 18))
        side = self.new_button.parentWidget()
        side_layout = side.layout() if side is not None else None
        if side is not None and side_layout is not None:
            margins = side_layout.contentsMargins()
            # As wide as its button and its dates (the list elides them otherwise).
            view = self.history_view
            dates = (
                view.sizeHintForColumn(MeetingHistoryModel.DATE)
                + 2 * view.frameWidth()
                + view.verticalScrollBar().sizeHint().width()
            )
            wanted = max(self.new_button.sizeHint().width(), dates)
            side.setMinimumWidth(max(200, wanted + margins.left() + margins.right()))

    def _sheet_height(self, width: int) -> int:
        """The least height the meeting needs at ``width``: its wrapped header rows, and the
        body at its minimum (QBoxLayout would ask for the body's preferred height, and the
        scroll area would then scroll at 100 % zoom too)."""
        margins = self._sheet_layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        height = margins.top() + margins.bottom()
        if self.content.isHidden():
            empty = self.empty_label
            return height + (
                empty.heightForWidth(inner)
                if empty.hasHeightForWidth()
                else empty.sizeHint().height()
            )
        layout = self._content_layout
        items = [layout.itemAt(i) for i in range(layout.count())]
        shown = [w for item in items if item is not None and (w := item.widget()) is not None]
        shown = [w for w in shown if not w.isHidden()]
        for w in shown:
            if w.hasHeightForWidth():
                height += w.heightForWidth(inner)
            else:
                height += w.minimumSizeHint().expandedTo(w.minimumSize()).height()
        return height + layout.spacing() * max(len(shown) - 1, 0)

    def _on_sheet_resized(self) -> None:
        if hasattr(self, "body"):
            self._fit_to_font()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(
            self, "body"
        ):
            self._fit_to_font()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        main = self.scroll_area.widget()
        if new is not None and main is not None and main.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 8, 8)


class _Sheet(QWidget):
    """The scrolled meeting: as tall as its rows need at the width it gets, no taller."""

    def __init__(
        self,
        min_height: Callable[[int], int],
        resized: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._min_height = min_height
        self._resized = resized

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resized()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._min_height(width)
