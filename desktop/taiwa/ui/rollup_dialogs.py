"""The roll-up in the app: export this vault's figures, and read several managers' together.

* :class:`RollupExportDialog` shows, field by field and row by row, exactly what the file will
  hold before anything is written (the same bytes are then written).
* :class:`RollupViewer` opens roll-up files (and those kept in this vault), verifies their
  signatures, and shows per team and overall against a target, with the monthly trend; it
  keeps files in the vault and exports the view as CSV or PDF.

The work (counting, signing, verifying, writing) runs in :class:`~taiwa.ui.ops.Op`; every
refusal is a translated message naming the file, never its content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa.rollup import document, report_files
from taiwa.rollup.document import SignedRollup
from taiwa.rollup.model import FIELDS, Rollup
from taiwa.rollup.view import DEFAULT_MIN_GROUP, DEFAULT_TARGET, RollupView, build
from taiwa.ui import file_dialogs, window_size
from taiwa.ui.context import AppContext
from taiwa.ui.ops import Op
from taiwa.ui.rollup_chart import TrendChart
from taiwa.ui.widgets.dates import DateField
from taiwa.ui.widgets.tables import tab_leaves


def last_quarter(today: date) -> tuple[date, date]:
    """The last complete calendar quarter before ``today``."""
    first_this = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_this - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    tab_leaves(table)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c > 0 and value[:1].isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


@dataclass(frozen=True)
class _Prepared:
    rollup: Rollup
    data: bytes
    key_id: str


class RollupExportDialog(QDialog):
    """Export this vault's roll-up for a period, after showing exactly what leaves."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._prepared: _Prepared | None = None
        self._op: Op[_Prepared] | None = None
        self.setWindowTitle(self.tr("Export roll-up"))
        self.setObjectName("rollupExportDialog")
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A roll-up holds numbers only — no titles, notes, mood or signals — for your "
                "skip-level manager or HR. It is signed so that they can tell it was not edited."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        start, end = last_quarter(date.today())
        self.start_edit = DateField(_qdate(start))
        self.end_edit = DateField(_qdate(end))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        period = QLabel(self.tr("&Period:"))
        period.setBuddy(self.start_edit)
        form.addRow(period, dates)
        self.manager = QLineEdit()
        self.manager.setMaxLength(80)
        self.manager.setPlaceholderText(self.tr("e.g. your team's name (optional)"))
        label = QLabel(self.tr("&Label:"))
        label.setBuddy(self.manager)
        form.addRow(label, self.manager)
        self.names = QCheckBox(self.tr("&Name the reports (instead of pseudonyms)"))
        form.addRow("", self.names)
        lay.addLayout(form)
        self.names_warning = QLabel(
            self.tr(
                "The file will hold your reports' names. Choose this only if the reader may see them."
            )
        )
        self.names_warning.setObjectName("privateWarning")
        self.names_warning.setWordWrap(True)
        self.names_warning.hide()
        lay.addWidget(self.names_warning)
        what = QLabel(self.tr("What leaves this laptop, &field by field:"))
        lay.addWidget(what)
        # Two columns: the whole list stays visible on a 720-pixel-high screen.
        fields = QGridLayout()
        half = (len(FIELDS) + 1) // 2
        for i, field in enumerate(FIELDS):
            label = QLabel("• " + field.label.text())
            label.setWordWrap(True)
            fields.addWidget(label, i % half, i // half)
        lay.addLayout(fields)
        self.preview = _table(report_files.export_header(None))
        self.preview.setObjectName("rollupPreview")
        what.setBuddy(self.preview)
        lay.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)
        lay.addWidget(buttons)
        for signal in (self.start_edit.dateChanged, self.end_edit.dateChanged):
            signal.connect(self._refresh)
        self.names.toggled.connect(self._refresh)
        self.manager.editingFinished.connect(self._refresh)
        window_size.fit_and_remember(
            self, QSize(760, 560), name="rollupExport", prefs=self.ctx.prefs
        )
        self._refresh()

    def _refresh(self) -> None:
        self.names_warning.setVisible(self.names.isChecked())
        start, end = _day(self.start_edit.date()), _day(self.end_edit.date())
        self._prepared = None
        self.save_button.setEnabled(False)
        if end < start:
            self.status.setText(self.tr("The last day is before the first."))
            self.preview.setRowCount(0)
            return
        if self._op is not None:
            self._op.cancel()
        names, manager = self.names.isChecked(), self.manager.text().strip()
        store = self.ctx.store

        def prepare() -> _Prepared:
            from taiwa.rollup import collect

            rollup = collect.collect(store, start, end, names=names, manager=manager)
            data = document.encode(rollup, store.rollups.seed())
            return _Prepared(rollup, data, document.decode(data, "").key_id)

        self.status.setText(self.tr("Counting…"))
        self._op = Op(self, prepare).success(self._on_prepared).run()

    def _on_prepared(self, prepared: _Prepared) -> None:
        self._prepared = prepared
        _fill(self.preview, [report_files.export_cells(r) for r in prepared.rollup.reports])
        self.status.setText(
            self.tr("%n report(s). Signing key: %1", "", len(prepared.rollup.reports)).replace(
                "%1", prepared.key_id
            )
        )
        self.save_button.setEnabled(True)

    def _on_save(self) -> None:
        if self._prepared is None:
            return
        prepared = self._prepared
        start = (
            Path.home()
            / f"taiwa-rollup-{prepared.rollup.start:%Y%m%d}-{prepared.rollup.end:%Y%m%d}.json"
        )
        file_dialogs.save_rollup(
            self, start, lambda path, replace: self._write(prepared, path, replace)
        )

    def _write(self, prepared: _Prepared, path: Path, replace: bool) -> None:
        from taiwa.rollup import files

        Op(self, lambda: files.write(path, prepared.data, overwrite=replace)).success(
            lambda written: self._on_written(written, prepared)
        ).run()

    def _on_written(self, path: Path, prepared: _Prepared) -> None:
        self.status.setText(
            self.tr("Wrote %1. Tell the reader your key %2 so they can check it.")
            .replace("%1", path.name)
            .replace("%2", prepared.key_id)
        )
        self.save_button.setText(self.tr("&Save again…"))


class RollupViewer(QDialog):
    """Several managers' roll-ups, per team and overall, against a target."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._files: list[SignedRollup] = []
        self._kept: list[SignedRollup] = []
        self._view: RollupView | None = None
        self.setWindowTitle(self.tr("Roll-ups"))
        self.setObjectName("rollupViewer")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open files…"))
        self.open_button.clicked.connect(self._on_open)
        top.addWidget(self.open_button)
        self.show_kept = QCheckBox(self.tr("Include &kept roll-ups"))
        self.show_kept.toggled.connect(self._on_show_kept)
        top.addWidget(self.show_kept)
        self.keep_button = QPushButton(self.tr("K&eep in this vault"))
        self.keep_button.setEnabled(False)
        self.keep_button.clicked.connect(self._on_keep)
        top.addWidget(self.keep_button)
        top.addStretch(1)
        self.target = QSpinBox()
        self.target.setRange(1, 100)
        self.target.setValue(int(DEFAULT_TARGET))
        self.target.setSuffix(" %")
        target_label = QLabel(self.tr("&Target:"))
        target_label.setBuddy(self.target)
        top.addWidget(target_label)
        top.addWidget(self.target)
        self.min_group = QSpinBox()
        self.min_group.setRange(1, 100)
        self.min_group.setValue(DEFAULT_MIN_GROUP)
        group_label = QLabel(self.tr("Smallest &group:"))
        group_label.setBuddy(self.min_group)
        top.addWidget(group_label)
        top.addWidget(self.min_group)
        lay.addLayout(top)
        self.sources = QLabel(self.tr("Open the roll-up files your managers sent you."))
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.sources)
        self.table = _table(report_files.header(None))
        self.table.setObjectName("rollupTable")
        lay.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setObjectName("rollupNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay.addWidget(self.notes)
        self.chart = TrendChart()
        lay.addWidget(self.chart, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button.clicked.connect(lambda: self._on_export("csv"))
        self.pdf_button.clicked.connect(lambda: self._on_export("pdf"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.target.valueChanged.connect(self._rebuild)
        self.min_group.valueChanged.connect(self._rebuild)
        window_size.fit_and_remember(
            self, QSize(980, 640), name="rollupViewer", prefs=self.ctx.prefs
        )

    # -- files --------------------------------------------------------------------------------

    def _on_open(self) -> None:
        file_dialogs.open_rollups(self, self.open_files)

    def open_files(self, paths: list[Path]) -> None:
        """Read and verify ``paths``; all of them or none (the first refusal is shown)."""
        from taiwa.rollup import files

        Op(self, lambda: [files.read(p) for p in paths]).success(self._on_read).run()

    def _on_read(self, signed: list[SignedRollup]) -> None:
        known = {(s.key_id, s.rollup.start, s.rollup.end) for s in self._files}
        self._files += [s for s in signed if (s.key_id, s.rollup.start, s.rollup.end) not in known]
        self.keep_button.setEnabled(bool(self._files))
        self._rebuild()

    def _on_show_kept(self, on: bool) -> None:
        if not on:
            self._kept = []
            self._rebuild()
            return
        store = self.ctx.store

        def read() -> list[SignedRollup]:
            return [document.decode(k.document, f"#{k.id}") for k in store.rollups.kept()]

        Op(self, read).success(self._on_kept).run()

    def _on_kept(self, kept: list[SignedRollup]) -> None:
        self._kept = kept
        self._rebuild()

    def _on_keep(self) -> None:
        store = self.ctx.store
        files = list(self._files)

        def keep() -> int:
            for s in files:
                store.rollups.keep(s.key_id, s.rollup.start, s.rollup.end, s.raw)
            return len(files)

        Op(self, keep).success(
            lambda n: self._set_notes(
                [self.tr("Kept %n roll-up(s) in this vault, encrypted.", "", n)]
            )
        ).run()

    # -- the view -----------------------------------------------------------------------------

    def _all(self) -> list[SignedRollup]:
        seen = {(s.key_id, s.rollup.start, s.rollup.end) for s in self._files}
        return self._files + [
            s for s in self._kept if (s.key_id, s.rollup.start, s.rollup.end) not in seen
        ]

    def _rebuild(self) -> None:
        files = self._all()
        if not files:
            self._view = None
            self.table.setRowCount(0)
            self.chart.set_data([], float(self.target.value()))
            self.csv_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return
        view = build(files, target=float(self.target.value()), min_group=self.min_group.value())
        self._view = view
        self.sources.setText("\n".join(report_files.source_lines(view, None)))
        _fill(self.table, [report_files.cells(g, None) for g in report_files.rows(view)])
        self._set_notes(report_files.notes(view, None))
        self.chart.set_data(view.months, view.target)
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def _set_notes(self, sentences: list[str]) -> None:
        # A word-wrapped label in a layout with a stretching table gets one line's height;
        # reserve a line per sentence so none is drawn over another.
        self.notes.setText("\n".join(sentences))
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * len(sentences) + 4)

    def _on_export(self, kind: str) -> None:
        view = self._view
        if view is None:
            return
        start = Path.home() / f"taiwa-rollup-view.{kind}"

        def chosen(path: Path, replace: bool) -> None:
            from taiwa import i18n

            lang = i18n.current_language()
            write = report_files.write_csv if kind == "csv" else report_files.write_pdf
            Op(self, lambda: write(view, path, lang=lang, overwrite=replace)).success(
                lambda written: self._set_notes([self.tr("Wrote %1.").replace("%1", written.name)])
            ).run()

        if kind == "csv":
            file_dialogs.save_csv(self, start, chosen)
        else:
            file_dialogs.save_pdf(self, start, chosen)
