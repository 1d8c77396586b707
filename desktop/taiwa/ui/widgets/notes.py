"""Plain-text note editors: shared notes and the visibly distinct private-notes editor.

Note text is never interpreted as rich text: QPlainTextEdit only, and pasting rich text keeps
the characters, never the markup (QPlainTextEdit drops formatting by itself).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui import theme
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import lock_pixmap, themed_style


class NotesEdit(QPlainTextEdit):
    """A plain-text editor that reports edits made by the user (not by set_text)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on (keyboard-first); the notes are prose
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._loading = False
        self.document().contentsChange.connect(self._on_contents_change)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        """Replace the text without creating an undo step or reporting an edit."""
        self._loading = True
        try:
            self.setPlainText(text)  # resets the document's undo history too
            # Typing continues the notes: the cursor waits at the end, not before the first line.
            self.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False

    def text(self) -> str:
        return self.toPlainText()

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        if not self._loading and (removed or added):
            self.edited.emit()


class PrivateNotesPanel(QFrame):
    """The private-notes editor: tinted background, a lock icon and a label saying so.

    Private notes never appear in privacy mode, in search results in privacy mode, or in an
    export unless the user opts in; the tint makes the difference obvious while typing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privateNotes")
        # The frame's tint and border come from the app theme (object name "privateNotes");
        # the editor inside is transparent so the whole panel reads as one warm block.
        # (A tint set here would stay light in the dark scheme, under light text.)
        self.setStyleSheet(
            "QPlainTextEdit#privateNotesEdit { background: transparent; border: none; }"
        )
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(4)
        head = self._head = QHBoxLayout()
        head.setSpacing(6)
        icon = QLabel(self)
        icon.setPixmap(lock_pixmap(16, labels.PRIVATE_ACCENT))
        icon.setAccessibleName(self.tr("Locked"))
        self.title = QLabel(self.tr("Pr&ivate notes"), self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        themed_style(
            self.title,
            lambda: (
                f"color: {theme.readable(labels.PRIVATE_ACCENT, 'private').name()};"
                " font-weight: 600;"
            ),
        )
        self.hint = QLabel(
            self.tr(
                "Only you see these. Hidden in privacy mode, left out of "
                "exports unless you choose otherwise."
            ),
            self,
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title, 1)
        outer.addLayout(head)
        # Under the title, not beside it: a narrow panel (Japanese, 200 % zoom) would give
        # the hint a column too thin to read, and the lines it wraps into no height.
        outer.addWidget(self.hint)
        self.editor = NotesEdit(self)
        self.editor.setObjectName("privateNotesEdit")
        self.editor.setAccessibleName(self.tr("Private notes"))
        self.editor.setPlaceholderText(self.tr("Your own observations, never shared…"))
        self.title.setBuddy(self.editor)
        outer.addWidget(self.editor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A splitter sizes the panel by its minimum size hint, which does not know that the
        # wrapped hint needs more lines as the panel narrows: ask for them at this width.
        layout = self._outer
        margins = layout.contentsMargins()
        box = self.contentsRect()  # inside the frame's border
        inner = box.width() - margins.left() - margins.right()
        need = (
            self.height()
            - box.height()
            + margins.top()
            + margins.bottom()
            + self._head.minimumSize().height()  # the title row
            + self.hint.heightForWidth(inner)
            + self.editor.minimumSizeHint().expandedTo(self.editor.minimumSize()).height()
            + 2 * layout.spacing()
        )
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)
