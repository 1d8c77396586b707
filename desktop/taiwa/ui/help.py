"""Help menu: the keyboard shortcuts and About."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from taiwa import __version__
from taiwa.errors import TaiwaError
from taiwa.ui import window_size


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


Row = tuple[str, str]  # (what it does, the keys as the platform writes them)


def _keys(*seqs: str | QKeySequence.StandardKey) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(QKeySequence(s).toString(native) for s in seqs)


def keymap() -> list[tuple[str, list[Row]]]:
    """The whole keyboard map, by group: one place that the help, the cheat sheet and the
    shortcut test read (a key bound in the app and missing here fails that test).

    The design: Ctrl+digit goes to a page and lands in its list; arrows move inside a list,
    Tab leaves it; Enter opens or acts (Ctrl+Enter where Enter makes a new line); Esc backs out
    of a dialog; Alt+Left/Right walk the history; Del deletes a row, Shift+Del deletes for good;
    F2 edits the selected row.
    """
    return [
        (
            _t("Go"),
            [
                (_t("Dashboard"), _keys("Ctrl+1")),
                (_t("People"), _keys("Ctrl+2")),
                (_t("Search page"), _keys("Ctrl+3")),
                (_t("Search (focus the search field)"), _keys(QKeySequence.StandardKey.Find)),
                (_t("Back / forward"), _keys("Alt+Left", "Alt+Right")),
                (_t("Back out of a person's or a meeting's list"), _keys("Esc")),
                (_t("Keyboard shortcuts"), _keys("F1", "Ctrl+/")),
            ],
        ),
        (
            _t("Lists and dialogs"),
            [
                (_t("Move in a list"), _keys("Up", "Down")),
                (_t("Next / previous field (leaves a list)"), _keys("Tab", "Shift+Tab")),
                (_t("Open the selected item"), "Enter"),
                (_t("Confirm a dialog (Ctrl+Enter in a text box)"), _keys("Enter", "Ctrl+Enter")),
                (_t("Close a dialog"), _keys("Esc")),
                (_t("People / search: from the field to the list"), _keys("Down")),
                (_t("People: add a person"), _keys("Ctrl+Shift+N")),
                (_t("People: edit / delete the selected person"), _keys("F2", "Shift+Del")),
                (
                    _t("To confirm: mark a past calendar 1on1 held / cancelled / skipped"),
                    _keys("H", "C", "S"),
                ),
            ],
        ),
        (
            _t("Meeting"),
            [
                (_t("New meeting"), _keys(QKeySequence.StandardKey.New)),
                (_t("Meeting: add a topic"), _keys("Ctrl+T")),
                (_t("Meeting: add topics from the question bank"), _keys("Ctrl+Shift+T")),
                (_t("Meeting: add an action item"), _keys("Ctrl+Shift+A")),
                (_t("Meeting: toggle discussed / done"), _keys("Ctrl+D")),
                (_t("Meeting: edit the selected topic or action item"), _keys("F2")),
                (_t("Meeting: delete the selected topic or action item"), _keys("Del")),
                (_t("Meeting: previous / next meeting"), _keys("Ctrl+PgDown", "Ctrl+PgUp")),
                (_t("Meeting: delete the meeting (in its list)"), _keys("Shift+Del")),
                (
                    _t("Meeting: undo / redo a topic, action, mood or status change"),
                    _keys(QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo),
                ),
                (
                    _t("Undo / redo in a text field"),
                    _keys(QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo),
                ),
            ],
        ),
        (
            _t("Vault and files"),
            [
                (_t("Privacy mode on/off"), _keys("Ctrl+Shift+P")),
                (_t("Lock now"), _keys("Ctrl+L")),
                (_t("Import calendar (.ics)"), _keys("Ctrl+I")),
                (_t("Export PDF"), _keys("Ctrl+E")),
                (_t("Settings"), _keys("Ctrl+,")),
                (_t("Quit"), _keys("Ctrl+Q")),
            ],
        ),
        (
            _t("Text size"),
            [
                (_t("Larger / smaller text"), _keys("Ctrl+=", "Ctrl++", "Ctrl+-")),
                (_t("Actual size"), _keys("Ctrl+0")),
            ],
        ),
    ]


def shortcut_rows() -> list[Row]:
    """Every documented shortcut as one flat list (the README has the same table)."""
    return [row for _group, rows in keymap() for row in rows]


def cheat_sheet_rows() -> list[Row]:
    """The dozen keys to learn first, for the cheat sheet."""
    wanted = {
        _t("Dashboard"),
        _t("People"),
        _t("Search (focus the search field)"),
        _t("Back / forward"),
        _t("New meeting"),
        _t("Meeting: add a topic"),
        _t("Meeting: add an action item"),
        _t("Meeting: toggle discussed / done"),
        _t("Next / previous field (leaves a list)"),
        _t("Open the selected item"),
        _t("Privacy mode on/off"),
        _t("Lock now"),
        _t("Export PDF"),
        _t("Keyboard shortcuts"),
    }
    return [row for row in shortcut_rows() if row[0] in wanted]


def cheat_sheet_html() -> str:
    """The cheat sheet as a small two-column HTML table (keys first, as on a printed card)."""
    cells = [
        f"<td nowrap style='padding:4px 10px 4px 0'><b>{html.escape(keys)}</b></td>"
        f"<td style='padding:4px 24px 4px 0'>{html.escape(what)}</td>"
        for what, keys in cheat_sheet_rows()
    ]
    half = (len(cells) + 1) // 2
    rows = [
        "<tr>" + cells[i] + (cells[i + half] if i + half < len(cells) else "") + "</tr>"
        for i in range(half)
    ]
    return "<table width='100%'>" + "".join(rows) + "</table>"


class ShortcutsDialog(QDialog):
    """The keyboard map: every shortcut by group, and the cheat sheet of the first dozen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Keyboard shortcuts"))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs, 1)

        self.cheat_sheet = QLabel(cheat_sheet_html())
        self.cheat_sheet.setObjectName("cheatSheet")
        self.cheat_sheet.setTextFormat(Qt.TextFormat.RichText)
        self.cheat_sheet.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cheat_sheet.setContentsMargins(12, 12, 12, 12)
        big = QFont(self.cheat_sheet.font())
        if big.pointSizeF() > 0:
            big.setPointSizeF(big.pointSizeF() * 1.2)  # a card to read at a glance
            self.cheat_sheet.setFont(big)
        # Scrolls rather than widening the dialog past a laptop screen at a large text zoom.
        self.tabs.addTab(window_size.scrolling(self.cheat_sheet), self.tr("&Cheat sheet"))

        self.table = table = QTableWidget(0, 2, self)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setTabKeyNavigation(False)
        table.setShowGrid(False)
        table.setWordWrap(False)
        bold = QFont(table.font())
        bold.setBold(True)
        for group, rows in keymap():
            # A group starts with its title on a row of its own.
            at = table.rowCount()
            table.insertRow(at)
            head = QTableWidgetItem(group)
            head.setFont(bold)
            table.setItem(at, 0, head)
            table.setItem(at, 1, QTableWidgetItem(""))
            for what, keys in rows:
                at = table.rowCount()
                table.insertRow(at)
                table.setItem(at, 0, QTableWidgetItem("    " + what))
                table.setItem(at, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(table, self.tr("&All shortcuts"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(
            self.tr("&Save cheat sheet as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        # Tall enough to show every row without scrolling where the screen allows; on a laptop
        # (1366x768) it fits the screen and the table scrolls.
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        wanted = rows_height + table.horizontalHeader().height() + 6 + 150
        width = max(560, table.sizeHint().width(), self.cheat_sheet.sizeHint().width() + 60)
        window_size.fit(self, QSize(width, wanted))

    def _on_save_clicked(self) -> None:
        from taiwa.ui import file_dialogs

        file_dialogs.save_pdf(self, None, self.save_cheat_sheet)

    def save_cheat_sheet(self, path: Path, replace_confirmed: bool = False) -> bool:
        """Write the cheat sheet PDF to ``path`` (atomically); False after showing why not."""
        from taiwa.export import writer
        from taiwa.ui import ops

        try:
            writer.write_atomic(path, cheat_sheet_pdf(), overwrite=replace_confirmed)
        except TaiwaError as exc:
            ops.show_error(self, exc)
            return False
        return True


def cheat_sheet_pdf() -> bytes:
    """The cheat sheet as a one-page A4 PDF (in the UI language; keys only, nothing personal)."""
    doc = QTextDocument()
    font = QFont(QApplication.font())
    font.setPointSizeF(11)  # one column of keys per half page, read at a glance
    doc.setDefaultFont(font)
    title = html.escape(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
    doc.setHtml(f"<h2>Taiwa — {title}</h2>" + cheat_sheet_html())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
    doc.print_(writer)
    del writer  # the PDF is complete once its writer is gone
    return bytes(buffer.data().data())


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
        # As tall as the wrapped text needs at this width (a dialog's size hint ignores
        # wrapping, which clipped the text at a large zoom), within the screen.
        line = 60 * self.fontMetrics().averageCharWidth()  # a comfortable line to read
        width = max(self.minimumWidth(), min(self.sizeHint().width(), line))
        window_size.fit(self, QSize(width, lay.totalHeightForWidth(width)))
