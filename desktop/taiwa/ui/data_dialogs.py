"""File → Export data…: records out of the vault (issue 18 part B), and the helpers its siblings
share (:mod:`taiwa.ui.import_data_dialog`, :mod:`taiwa.ui.handover_dialog`).

The dialogs are thin over :mod:`taiwa.portable` (the services ``taiwa export-data``,
``import-data`` and ``handover`` use) and run the work through :class:`~taiwa.ui.ops.Op`, off
the GUI thread. Export writes into a new folder named ``taiwa-export-<day>`` inside the folder
chosen, so it never mixes with files already there; the private-parts box shows its warning.
File choices go through :mod:`taiwa.ui.file_dialogs` (no recent-files trace).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa.cancel import CancelToken
from taiwa.portable import export_data
from taiwa.portable.export_data import ExportSummary
from taiwa.store.transfer import Transfer
from taiwa.ui import window_size
from taiwa.ui.context import AppContext
from taiwa.ui.file_dialogs import private_file_dialog
from taiwa.ui.ops import Op, error_text

WARNING_STYLE = "color: #8a4b00;"


def wrapped_label(text: str = "", *, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def path_field(text: str, name: str) -> QLabel:
    """A path on one line: a path broken at a hyphen reads as two names."""
    label = wrapped_label(text, name=name)
    label.setWordWrap(False)
    # Ignored: a long path is clipped instead of widening the dialog; the tooltip has it all.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def set_path(label: QLabel, path: Path) -> None:
    label.setText(str(path))
    label.setToolTip(str(path))


def choose_folder(parent: QWidget, caption: str, on_chosen: Any) -> QFileDialog:
    dialog = private_file_dialog(parent, caption, start=Path.home())
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.open()
    return dialog


class ExportDataDialog(QDialog):
    """Export the vault or one person as JSON, CSV and Markdown into a new folder."""

    exported = Signal(str)

    def __init__(
        self, ctx: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exportDataDialog")
        self.setWindowTitle(self.tr("Export data"))
        self._op: Op[Any] | None = None
        self._base: Path | None = None
        self.last_summary: ExportSummary | None = None

        lay = QVBoxLayout(self)
        intro = wrapped_label(
            self.tr(
                "Writes taiwa.json (everything, for importing into Taiwa again), actions.csv"
                " and one Markdown note per meeting, readable without Taiwa. Signals are"
                " never exported."
            )
        )
        lay.addWidget(intro)
        form = QFormLayout()
        self.scope = QComboBox()
        self.scope.setObjectName("exportScope")
        self.scope.addItem(self.tr("The whole vault"), 0)
        for person in ctx.store.people.list(include_archived=True):
            self.scope.addItem(person.name, person.id)
        if person_id:
            index = self.scope.findData(person_id)
            self.scope.setCurrentIndex(max(0, index))
        scope_label = QLabel(self.tr("&What:"))
        scope_label.setBuddy(self.scope)
        form.addRow(scope_label, self.scope)
        row = QHBoxLayout()
        self.folder = path_field(self.tr("(no folder chosen)"), "exportFolder")
        self.choose = QPushButton(self.tr("&Choose folder…"))
        self.choose.clicked.connect(self._on_choose_clicked)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        where = QLabel(self.tr("Into:"))
        form.addRow(where, row)
        lay.addLayout(form)

        self.counts = QTableWidget(0, 2)
        self.counts.setObjectName("exportCounts")
        self.counts.setHorizontalHeaderLabels([self.tr("What"), self.tr("How many")])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.setMaximumHeight(150)
        lay.addWidget(self.counts)

        self.include_private = QCheckBox(self.tr("Include &private notes and mood"))
        self.include_private.setObjectName("includePrivate")
        self.include_private.toggled.connect(self._on_private_toggled)
        lay.addWidget(self.include_private)
        self.private_warning = wrapped_label(
            self.tr(
                "Warning: the files will hold your private notes and mood, unencrypted."
                " Keep them to yourself and delete them when done."
            ),
            name="privateWarning",
        )
        self.private_warning.setStyleSheet(WARNING_STYLE)
        self.private_warning.hide()
        lay.addWidget(self.private_warning)
        self.progress = QProgressBar()
        self.progress.hide()
        lay.addWidget(self.progress)
        self.status = wrapped_label(name="exportStatus")
        lay.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        lay.addWidget(buttons)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        window_size.fit_and_remember(self, QSize(560, 460), name="dataExport", prefs=self.ctx.prefs)
        self._update()
        self._on_scope_changed()

    def person_id(self) -> int | None:
        value = self.scope.currentData()
        return int(value) if value else None

    def target(self) -> Path | None:
        """The new folder the export goes to (inside the chosen one)."""
        if self._base is None:
            return None
        return self._base / f"taiwa-export-{date.today().isoformat()}"

    def set_folder(self, base: Path) -> None:
        self._base = base
        target = self.target()
        assert target is not None
        set_path(self.folder, target)
        self._update()

    def _update(self) -> None:
        running = self._op is not None and not self._op.done
        self.export_button.setEnabled(self._base is not None and not running)

    def _on_choose_clicked(self) -> None:
        choose_folder(self, self.tr("Export data into"), self.set_folder)

    def _on_private_toggled(self, on: bool) -> None:
        self.private_warning.setVisible(on)
        self._on_scope_changed()

    def _on_scope_changed(self, *_: Any) -> None:
        db = self.ctx.db
        person_id = self.person_id()
        Op(self, lambda: Transfer(db).counts(person_id)).success(self._show_counts).run()

    def _show_counts(self, counts: tuple[int, int, int]) -> None:
        people, meetings, actions = counts
        rows = [
            (self.tr("People"), people),
            (self.tr("Meetings (one Markdown note each)"), meetings),
            (self.tr("Action items"), actions),
        ]
        self.counts.setRowCount(len(rows))
        for i, (what, count) in enumerate(rows):
            self.counts.setItem(i, 0, QTableWidgetItem(what))
            item = QTableWidgetItem(str(count))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(i, 1, item)

    def _on_export_clicked(self) -> None:
        target = self.target()
        if target is None or not self.ctx.is_unlocked:
            return
        db = self.ctx.db
        person_id = self.person_id()
        private = self.include_private.isChecked()
        token = CancelToken()
        self.status.setText(self.tr("Exporting…"))

        def work(report: Any) -> ExportSummary:
            return export_data.export(
                db,
                target,
                person_id=person_id,
                include_private=private,
                cancel=token.raise_if_cancelled,
                progress=report,
            )

        self.progress.setRange(0, 0)
        self.progress.show()
        self._op = (
            Op(self, work, token=token)
            .progress(self._on_progress)
            .success(self._on_exported)
            .failure(self._on_failed)
            .cancelled(self._on_cancelled)
        )
        self._op.run()
        self._update()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _on_close_clicked(self) -> None:
        if self._op is not None and not self._op.done:
            self._op.cancel()  # the export stops and removes what it wrote
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _on_exported(self, summary: ExportSummary) -> None:
        self.progress.hide()
        self.last_summary = summary
        self.status.setText(self.tr("Saved to {path}").format(path=str(summary.folder)))
        self.close_button.setText(self.tr("Close"))
        self._update()
        self.exported.emit(str(summary.folder))

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.status.setText(error_text(exc))
        self._update()

    def _on_cancelled(self) -> None:
        self.progress.hide()
        self.status.setText(self.tr("Export cancelled. No file was left behind."))
        self._update()

    def done(self, result: int) -> None:
        """Every way of closing (Cancel, Esc, lock, quit) cancels a running export."""
        if self._op is not None and not self._op.done:
            self._op.cancel()
        super().done(result)
