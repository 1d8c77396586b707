"""Help menu: the keyboard shortcuts and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa import __version__
from taiwa.ui import window_size


def shortcut_rows() -> list[tuple[str, str]]:
    """(What it does, keys) for every documented shortcut (the README has the same table)."""
    native = QKeySequence.SequenceFormat.NativeText

    def keys(*seqs: str | QKeySequence.StandardKey) -> str:
        return " / ".join(QKeySequence(s).toString(native) for s in seqs)

    return [
        (
            QCoreApplication.translate("Shortcuts", "New meeting"),
            keys(QKeySequence.StandardKey.New),
        ),
        (
            QCoreApplication.translate("Shortcuts", "Search (focus the search field)"),
            keys(QKeySequence.StandardKey.Find),
        ),
        (QCoreApplication.translate("Shortcuts", "Privacy mode on/off"), keys("Ctrl+Shift+P")),
        (QCoreApplication.translate("Shortcuts", "Lock now"), keys("Ctrl+L")),
        (QCoreApplication.translate("Shortcuts", "Dashboard"), keys("Ctrl+1")),
        (QCoreApplication.translate("Shortcuts", "People"), keys("Ctrl+2")),
        (QCoreApplication.translate("Shortcuts", "Search page"), keys("Ctrl+3")),
        (QCoreApplication.translate("Shortcuts", "Back"), keys("Alt+Left")),
        (QCoreApplication.translate("Shortcuts", "Import calendar (.ics)"), keys("Ctrl+I")),
        (QCoreApplication.translate("Shortcuts", "Export PDF"), keys("Ctrl+E")),
        (QCoreApplication.translate("Shortcuts", "Settings"), keys("Ctrl+,")),
        (QCoreApplication.translate("Shortcuts", "Keyboard shortcuts"), keys("F1", "Ctrl+/")),
        (
            QCoreApplication.translate("Shortcuts", "Undo / redo in a text field"),
            keys(QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo),
        ),
        (
            QCoreApplication.translate("Shortcuts", "Next / previous field"),
            keys("Tab", "Shift+Tab"),
        ),
        (QCoreApplication.translate("Shortcuts", "Open the selected item"), "Enter"),
        (QCoreApplication.translate("Shortcuts", "Close a dialog"), keys("Esc")),
        (QCoreApplication.translate("Shortcuts", "Quit"), keys("Ctrl+Q")),
    ]


def _page_rows() -> list[tuple[str, str]]:
    """The pages' own shortcuts (the meeting editor module lists them)."""
    try:
        from taiwa.ui.meeting_editor import page_shortcut_rows
    except ImportError:
        return []
    return list(page_shortcut_rows())


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Keyboard shortcuts"))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        rows = shortcut_rows() + _page_rows()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        # Tall enough to show every row without scrolling where the screen allows; on a laptop
        # (1366x768) it fits the screen and the table scrolls.
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        wanted = rows_height + table.horizontalHeader().height() + 6 + 110
        window_size.fit(self, QSize(max(560, table.sizeHint().width()), wanted))


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Taiwa"))
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Taiwa {version}").format(version=__version__))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        body = QLabel(
            self.tr(
                "Confidential 1on1 notes for managers, encrypted on this laptop. No server, no "
                "account, no telemetry: nothing leaves this computer unless you export it.\n\n"
                "Japanese text is shown with IPAex Gothic (IPA Font License v1.0)."
            )
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(440)
