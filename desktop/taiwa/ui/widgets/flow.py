"""A row of control groups that wraps onto more lines when the row gets too narrow.

At 200 % text zoom, or in Japanese, a row of labelled controls that fits a 1366 px window at
100 % no longer does. Instead of clipping (QBoxLayout squeezes every item below its size hint),
the row breaks between groups, like words in a paragraph: a label stays with its control
because both are one group. A group may stretch to the end of its line (a text field).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right at their size hint, wrapping to a new line when one does not fit.

    Items whose horizontal size policy expands share what is left of their line. The height
    follows the width (``heightForWidth``), so a parent layout or scroll area gives the row
    the lines it needs.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, line_gap: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.right_aligned: set[QWidget] = set()  # pushed to the end of their line
        self._gap = spacing
        self._line_gap = line_gap
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest item alone on a line (the row cannot get narrower without clipping)."""
        shown = self._shown()
        width = max((i.sizeHint().width() for i in shown), default=0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if lines[-1] and used + self._gap + w > width:
                lines.append([])
                used = 0
            used += (self._gap if lines[-1] else 0) + w
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        y = area.y()
        for n, line in enumerate(self._lines(area.width())):
            if n:
                y += self._line_gap
            height = max(i.sizeHint().height() for i in line)
            growing = [i for i in line if i.expandingDirections() & Qt.Orientation.Horizontal]
            used = sum(i.sizeHint().width() for i in line) + self._gap * (len(line) - 1)
            extra = max(area.width() - used, 0) // max(len(growing), 1)
            x = area.x()
            if not growing and any(i.widget() in self.right_aligned for i in line):
                x += max(area.width() - used, 0)
            for item in line:
                w = item.sizeHint().width() + (extra if item in growing else 0)
                w = min(w, area.right() + 1 - x)
                h = item.sizeHint().height()
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + self._gap
            y += height
        return y - area.y() + m.top() + m.bottom()


class FlowRow(QWidget):
    """A widget holding groups of controls in a :class:`FlowLayout`."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=spacing)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add_group(
        self, *widgets: QWidget, stretch: bool = False, right: bool = False, spacing: int = 8
    ) -> QWidget:
        """One group: ``widgets`` side by side, never split across lines.

        ``stretch``: the group takes the rest of its line (its last widget grows);
        ``right``: on a line of its own, the group sits at the line's end (buttons).
        """
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(spacing)
        for w in widgets:
            row.addWidget(w, 1 if stretch and w is widgets[-1] else 0)
        horizontal = QSizePolicy.Policy.Expanding if stretch else QSizePolicy.Policy.Fixed
        group.setSizePolicy(horizontal, QSizePolicy.Policy.Fixed)
        self.flow.addWidget(group)
        if right:
            self.flow.right_aligned.add(group)
        return group
