"""File → Import data…: a Taiwa JSON file, a people CSV or a notes folder, after a preview.

The preview shows who is new, who is already in the vault and what each gets, and each bad row
by its number; Import writes only when there is no problem, everything in one transaction, off
the GUI thread (:class:`~taiwa.ui.ops.Op`), and can be cancelled (the transaction rolls back).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa.cancel import CancelToken
from taiwa.portable import import_data
from taiwa.portable.import_data import Plan
from taiwa.store.transfer import Written
from taiwa.ui import window_size
from taiwa.ui.context import AppContext
from taiwa.ui.data_dialogs import (
    WARNING_STYLE,
    choose_folder,
    path_field,
    set_path,
    wrapped_label,
)
from taiwa.ui.file_dialogs import private_file_dialog
from taiwa.ui.ops import Op, error_text


class ImportDataDialog(QDialog):
    """Import a Taiwa JSON file, a people CSV or a folder of Markdown notes, after a preview."""

    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDataDialog")
        self.setWindowTitle(self.tr("Import data"))
        self._op: Op[Any] | None = None
        self.plan: Plan | None = None
        self.written: Written | None = None

        lay = QVBoxLayout(self)
        lay.addWidget(
            wrapped_label(
                self.tr(
                    "Import a Taiwa JSON file (taiwa.json or an export folder), a CSV of people"
                    " (name, email, role, team, start date) or a folder of Markdown notes with"
                    " front matter (Obsidian). Nothing is written until you press Import, and"
                    " then everything or nothing. People already in the vault (same e-mail,"
                    " else same name) are matched, not duplicated."
                )
            )
        )
        row = QHBoxLayout()
        self.path_label = path_field(self.tr("(nothing chosen)"), "importPath")
        self.choose_file = QPushButton(self.tr("Choose &file…"))
        self.choose_folder = QPushButton(self.tr("Choose f&older…"))
        self.choose_file.clicked.connect(self._on_choose_file_clicked)
        self.choose_folder.clicked.connect(self._on_choose_folder_clicked)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.choose_file)
        row.addWidget(self.choose_folder)
        lay.addLayout(row)
        self.summary = wrapped_label(name="importSummary")
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("importPreview")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("In the vault"), self.tr("Meetings"), self.tr("Actions")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 2)
        self.problems_label = wrapped_label(self.tr("Problems (nothing will be imported):"))
        self.problems_label.setStyleSheet(WARNING_STYLE)
        self.problems_label.hide()
        lay.addWidget(self.problems_label)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.hide()
        lay.addWidget(self.problems, 1)
        self.private_note = wrapped_label(
            self.tr("This input holds private notes or mood; they are imported as private."),
            name="importPrivate",
        )
        self.private_note.setStyleSheet(WARNING_STYLE)
        self.private_note.hide()
        lay.addWidget(self.private_note)
        self.progress = QProgressBar()
        self.progress.hide()
        lay.addWidget(self.progress)
        self.status = wrapped_label(name="importStatus")
        lay.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        lay.addWidget(buttons)
        window_size.fit_and_remember(self, QSize(640, 520), name="dataImport", prefs=self.ctx.prefs)
        self._update()

    def _update(self) -> None:
        running = self._op is not None and not self._op.done
        plan = self.plan
        can = (
            plan is not None
            and plan.preview.ok
            and self.written is None
            and (plan.preview.people_new + plan.preview.meetings_new + plan.preview.actions_new) > 0
        )
        self.import_button.setEnabled(bool(can) and not running)
        self.choose_file.setEnabled(not running)
        self.choose_folder.setEnabled(not running)

    def _on_choose_file_clicked(self) -> None:
        dialog = private_file_dialog(
            self,
            self.tr("Import data from"),
            name_filters=[
                self.tr("Taiwa JSON or people CSV (*.json *.csv)"),
                self.tr("All files (*)"),
            ],
            start=Path.home(),
        )
        dialog.fileSelected.connect(lambda name: self.load(Path(name)))
        dialog.open()

    def _on_choose_folder_clicked(self) -> None:
        choose_folder(self, self.tr("Import data from"), self.load)

    def load(self, path: Path) -> None:
        """Read ``path`` and show the preview (nothing is written)."""
        if not self.ctx.is_unlocked:
            return
        self.plan = None
        self.written = None
        set_path(self.path_label, path)
        self.status.setText(self.tr("Reading…"))
        db = self.ctx.db
        self._op = (
            Op(self, lambda: import_data.prepare(db, path))
            .success(self._show_plan)
            .failure(self._on_failed)
        )
        self._op.run()
        self._update()

    def _show_plan(self, plan: Plan) -> None:
        self.plan = plan
        p = plan.preview
        self.status.clear()
        self.summary.setText(
            self.tr(
                "New people: {people_new}, already in the vault: {people_matched}."
                " Meetings: {meetings_new} new, {meetings_skipped} already there."
                " Topics: {topics_new}. Action items: {actions_new} new,"
                " {actions_skipped} already there."
            ).format(
                people_new=p.people_new,
                people_matched=p.people_matched,
                meetings_new=p.meetings_new,
                meetings_skipped=p.meetings_skipped,
                topics_new=p.topics_new,
                actions_new=p.actions_new,
                actions_skipped=p.actions_skipped,
            )
        )
        self.table.setRowCount(len(p.people))
        for i, person in enumerate(p.people):
            state = self.tr("new") if person.new else self.tr("already there")
            cells = [person.name, state, str(person.meetings), str(person.actions)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        self.problems.clear()
        self.problems.addItems([problem.text() for problem in p.problems])
        self.problems.setVisible(bool(p.problems))
        self.problems_label.setVisible(bool(p.problems))
        self.private_note.setVisible(p.private_parts)
        self._update()

    def _on_import_clicked(self) -> None:
        plan = self.plan
        if plan is None or not plan.preview.ok or not self.ctx.is_unlocked:
            return
        db = self.ctx.db
        self.status.setText(self.tr("Importing…"))
        token = CancelToken()
        self.progress.setRange(0, 0)
        self.progress.show()

        def work(report: Any) -> Written:
            return import_data.apply(db, plan, token.raise_if_cancelled, report)

        self._op = (
            Op(self, work, token=token)
            .progress(self._on_progress)
            .success(self._on_imported)
            .failure(self._on_failed)
            .cancelled(self._on_cancelled)
        )
        self._op.run()
        self._update()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _on_close_clicked(self) -> None:
        if self._op is not None and not self._op.done and self._op.cancellable:
            self._op.cancel()  # the transaction rolls back: nothing is written
            self.status.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _on_cancelled(self) -> None:
        self.progress.hide()
        self.status.setText(self.tr("Import cancelled. Nothing was written."))
        self._update()

    def done(self, result: int) -> None:
        """Every way of closing (Cancel, Esc, lock, quit) cancels a running import."""
        if self._op is not None and not self._op.done and self._op.cancellable:
            self._op.cancel()
        super().done(result)

    def _on_imported(self, written: Written) -> None:
        self.progress.hide()
        self.written = written
        self.status.setText(
            self.tr(
                "Imported. New people: {people}, meetings: {meetings}, topics: {topics},"
                " action items: {actions}."
            ).format(
                people=written.people,
                meetings=written.meetings,
                topics=written.topics,
                actions=written.actions,
            )
        )
        self.close_button.setText(self.tr("Close"))
        self._update()
        self.ctx.events.data_changed.emit()
        self.imported.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.status.setText(error_text(exc))
        self._update()
