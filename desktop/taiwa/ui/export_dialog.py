"""The PDF export dialog: what to export, a preview of what is included, and the export itself.

Opened by the main window (``events.export_requested``) from the person page and the meeting
editor. Private notes are out unless "Include private notes" is ticked for this export, which
shows a warning; the shared summary never has them (nor mood, nor signals). The preview and the
export run off the GUI thread through :class:`~taiwa.ui.ops.Op`; the export reports progress and
can be cancelled, and a cancelled or failed export leaves no file.

Cancel while exporting cancels the export's :class:`~taiwa.cancel.CancelToken` and shows
"Cancelling…"; the worker stops within a second (it checks the token for every paragraph,
flowable and page, and last before the rename) and the dialog is usable again, saying that no
file was written. Esc, the title bar's close, a lock or quitting close the dialog at once and
cancel the same way.
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.cancel import CancelToken
from taiwa.errors import TaiwaError
from taiwa.export import service, writer
from taiwa.export.model import Audience, DocKind, ExportOptions
from taiwa.export.service import ExportPreview, ExportRequest, ExportResult
from taiwa.i18n import current_language, normalize
from taiwa.ui import i18n as ui_i18n
from taiwa.ui import theme, window_size
from taiwa.ui.context import AppContext
from taiwa.ui.file_dialogs import confirm_replace, save_pdf
from taiwa.ui.ops import Op, error_text
from taiwa.ui.widgets.chips import themed_style
from taiwa.ui.widgets.dates import DateField

# Range presets of the person summary: (key, months back; None = all meetings, -1 = custom).
_PRESETS: tuple[tuple[str, int | None], ...] = (
    ("6m", 6),
    ("12m", 12),
    ("all", None),
    ("custom", -1),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _months_back(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day where it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class ExportDialog(QDialog):
    """Choose and make a PDF summary of a meeting or of a person over a period."""

    exported = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        meeting_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.person_id = person_id
        self._op: Op[Any] | None = None
        self._preview_op: Op[Any] | None = None
        self._preview_serial = 0
        self.last_result: ExportResult | None = None
        # The existing file the user agreed to replace in the save dialog (see _on_export).
        self._replace_confirmed: Path | None = None
        self.setObjectName("exportDialog")
        # A neutral title: no person's name on screen-sharing thumbnails or task switchers.
        self.setWindowTitle(self.tr("Export PDF"))
        self.setMinimumWidth(560)
        self._build()
        # Again now that the button is in the dialog: Qt ignored it while it had no parent.
        self.export_button.setDefault(True)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self._run_preview)
        self._load_paper()
        self._on_options_changed()
        # Room for the body and a preview of about ten lines, within the screen.
        hint = self._body.sizeHint()
        lines = 10 * self.fontMetrics().lineSpacing() if not self.preview.text() else 0
        window_size.fit_and_remember(
            self,
            QSize(max(560, hint.width() + 30), hint.height() + lines + 110),
            name="pdfExport",
            prefs=self.ctx.prefs,
        )

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        # The choices and the preview scroll when taller than the screen (a laptop at a large
        # text zoom); progress, status and the buttons stay in view below them.
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, 0, 0)
        body_lay.addWidget(self._build_what())
        body_lay.addWidget(self._build_privacy())
        body_lay.addWidget(self._build_output())

        self.preview = QLabel()
        self.preview.setObjectName("exportPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        box = QGroupBox(self.tr("What the PDF will include"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.preview)
        body_lay.addWidget(box)
        body_lay.addStretch(1)  # spare height below the preview, not inside the boxes
        self._body = body
        lay.addWidget(window_size.scrolling(body), 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        lay.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.hide()
        lay.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self._on_export)
        self.cancel_button.clicked.connect(self._on_cancel)
        lay.addWidget(self.buttons)

    def _build_what(self) -> QWidget:
        box = QGroupBox(self.tr("Document"))
        form = QFormLayout(box)
        self.kind_meeting = QRadioButton(self.tr("Summary of this &meeting"))
        self.kind_person = QRadioButton(self.tr("Summary of the person &over a period"))
        self.kind_meeting.setObjectName("kindMeeting")
        self.kind_person.setObjectName("kindPerson")
        kinds = QButtonGroup(self)
        kinds.addButton(self.kind_meeting)
        kinds.addButton(self.kind_person)
        self.kind_meeting.setEnabled(self.meeting_id is not None)
        self.kind_person.setEnabled(self.person_id is not None)
        (self.kind_meeting if self.meeting_id is not None else self.kind_person).setChecked(True)
        form.addRow(self.kind_meeting)
        form.addRow(self.kind_person)

        self.period = QComboBox()
        self.period.setObjectName("periodCombo")
        names = {
            "6m": self.tr("Last 6 months"),
            "12m": self.tr("Last 12 months"),
            "all": self.tr("All meetings"),
            "custom": self.tr("Custom period"),
        }
        for key, _months in _PRESETS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(1)
        today = date.today()
        self.start_edit = DateField(_qdate(_months_back(today, 12)))
        self.end_edit = DateField(_qdate(today))
        for edit, name in ((self.start_edit, "startDate"), (self.end_edit, "endDate")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        form.addRow(self.tr("Pe&riod:"), self.period)
        form.addRow("", dates)

        # Who the PDF is for: decides what is left out and is marked on every page.
        self.audience = QComboBox()
        self.audience.setObjectName("audienceCombo")
        for audience, label, tip in (
            (
                Audience.SHARED,
                self.tr("Shared with the person"),
                self.tr("Only what both of you saw: no private notes, no mood, no signals."),
            ),
            (Audience.HR, self.tr("For HR"), self.tr("No private notes and no mood.")),
            (
                Audience.MANAGER,
                self.tr("Manager only, confidential"),
                self.tr("Mood and signals; private notes only if ticked below."),
            ),
            (
                Audience.HANDOVER,
                self.tr("Hand-over to the next manager"),
                self.tr("No private notes, no mood, no signals."),
            ),
        ):
            self.audience.addItem(label, audience.value)
            self.audience.setItemData(self.audience.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        form.addRow(self.tr("&For:"), self.audience)

        for signal in (
            self.kind_meeting.toggled,
            self.period.currentIndexChanged,
            self.start_edit.dateChanged,
            self.end_edit.dateChanged,
            self.audience.currentIndexChanged,
        ):
            signal.connect(self._on_options_changed)
        return box

    def _build_privacy(self) -> QWidget:
        box = QGroupBox(self.tr("Privacy"))
        lay = QVBoxLayout(box)
        self.include_private = QCheckBox(self.tr("Include private &notes"))
        self.include_private.setObjectName("includePrivate")
        lay.addWidget(self.include_private)
        self.private_warning = QLabel(
            self.tr(
                "Warning: the PDF will contain your private notes. Anyone who gets the file "
                "can read them. Protect it with a password and never hand it to the report."
            )
        )
        self.private_warning.setObjectName("privateWarning")
        self.private_warning.setWordWrap(True)
        self.private_warning.setTextFormat(Qt.TextFormat.PlainText)
        themed_style(
            self.private_warning,
            lambda: f"color: {theme.readable(theme.COLORS['private_text'], 'window').name()};",
        )
        self.private_warning.hide()
        lay.addWidget(self.private_warning)
        self.privacy_hint = QLabel(self.tr("Turn privacy mode off to include private notes."))
        self.privacy_hint.setObjectName("hint")
        self.privacy_hint.setWordWrap(True)
        self.privacy_hint.setVisible(self.ctx.privacy_mode)
        lay.addWidget(self.privacy_hint)

        self.use_password = QCheckBox(self.tr("Protect the PDF with a pass&word (AES-256)"))
        self.use_password.setObjectName("usePassword")
        lay.addWidget(self.use_password)
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setPlaceholderText(self.tr("Password"))
        self.password_again = QLineEdit()
        self.password_again.setObjectName("passwordAgain")
        self.password_again.setPlaceholderText(self.tr("Repeat the password"))
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(False)
            edit.textChanged.connect(self._update_buttons)
            row.addWidget(edit)
        lay.addLayout(row)
        self.include_private.toggled.connect(self._on_private_toggled)
        self.use_password.toggled.connect(self._on_password_toggled)
        return box

    def _build_output(self) -> QWidget:
        box = QGroupBox(self.tr("Output"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("pdfLanguage")
        for code, name in ui_i18n.LANG_NAMES.items():
            self.language.addItem(name, code)
        # The language the window speaks (a --lang start, the settings or the OS), by default.
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        form.addRow(self.tr("&Language of the PDF:"), self.language)
        self.paper = QComboBox()
        self.paper.setObjectName("paperCombo")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        form.addRow(self.tr("P&aper:"), self.paper)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(self._default_path()))
        self.path_edit.setObjectName("pathEdit")
        browse = QPushButton(self.tr("C&hoose…"))
        browse.setAutoDefault(False)  # Enter exports; it never opens the file chooser
        browse.clicked.connect(self._on_browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        save_as = QLabel(self.tr("&Save as:"))
        save_as.setBuddy(self.path_edit)  # a row layout gets no buddy from addRow
        form.addRow(save_as, row)
        self.path_edit.textChanged.connect(self._update_buttons)
        return box

    # -- state --------------------------------------------------------------------------------

    def _default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return base / writer.default_filename(date.today())

    def _load_paper(self) -> None:
        try:
            paper = service.default_paper(self.ctx.store)
        except TaiwaError:  # locked meanwhile: the default paper will do
            paper = "a4"
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))

    def kind(self) -> DocKind:
        return DocKind.MEETING if self.kind_meeting.isChecked() else DocKind.PERSON

    def _range(self) -> tuple[date | None, date | None]:
        key = self.period.currentData()
        months = dict(_PRESETS)[key]
        if months == -1:
            return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        if months is None:
            return None, None
        today = date.today()
        return _months_back(today, months), today

    def options(self, *, with_password: bool = False) -> ExportOptions:
        """The options as chosen (the password only when asked: it never goes to a preview)."""
        password = None
        if with_password and self.use_password.isChecked():
            password = self.password.text()
        return ExportOptions(
            lang=normalize(self.language.currentData()),
            include_private=self.include_private.isChecked(),
            audience=self.chosen_audience(),
            paper="letter" if self.paper.currentData() == "letter" else "a4",
            password=password,
        )

    def request(self, *, with_password: bool = False) -> ExportRequest:
        options = self.options(with_password=with_password)
        if self.kind() is DocKind.MEETING and self.meeting_id is not None:
            return ExportRequest(DocKind.MEETING, self.meeting_id, options)
        start, end = self._range()
        assert self.person_id is not None
        return ExportRequest(DocKind.PERSON, self.person_id, options, start, end)

    def _on_options_changed(self, *_args: object) -> None:
        person = self.kind() is DocKind.PERSON
        custom = self.period.currentData() == "custom"
        self.period.setEnabled(person)
        self.start_edit.setEnabled(person and custom)
        self.end_edit.setEnabled(person and custom)
        manager = self.chosen_audience() is Audience.MANAGER
        if not manager or self.ctx.privacy_mode:
            # Only the manager's copy has private notes; privacy mode keeps them off too.
            self.include_private.blockSignals(True)
            self.include_private.setChecked(False)
            self.include_private.blockSignals(False)
        self.include_private.setEnabled(not self.ctx.privacy_mode)
        self.private_warning.setVisible(self.include_private.isChecked())
        self._update_buttons()
        self._preview_timer.start()

    def chosen_audience(self) -> Audience:
        return Audience(self.audience.currentData())

    def _on_private_toggled(self, on: bool) -> None:
        # Private notes exist only in the manager's copy: ticking them chooses it.
        if on and self.chosen_audience() is not Audience.MANAGER:
            self.audience.setCurrentIndex(self.audience.findData(Audience.MANAGER.value))
        else:
            self._on_options_changed()

    def _on_password_toggled(self, on: bool) -> None:
        for edit in (self.password, self.password_again):
            edit.setEnabled(on)
            if not on:
                edit.clear()
        self._update_buttons()

    def _period_ok(self) -> bool:
        if self.kind() is not DocKind.PERSON:
            return True
        start, end = self._range()
        return not (start and end and end < start)

    def _problem(self) -> str:
        """Why Export is not possible right now ('' when it is)."""
        if self.meeting_id is None and self.person_id is None:
            return self.tr("Open a person or a meeting first: a PDF is about one of them.")
        if not self._period_ok():
            return self.tr("The period ends before it starts.")
        if self.use_password.isChecked():
            if not self.password.text():
                return self.tr("Enter a password, or untick password protection.")
            if self.password.text() != self.password_again.text():
                return self.tr("The two passwords differ.")
        path = self.path_edit.text().strip()
        if not path.lower().endswith(".pdf"):
            return self.tr("The file name must end in .pdf.")
        if not Path(path).expanduser().parent.is_dir():
            return self.tr("The folder does not exist.")
        return ""

    def _update_buttons(self, *_args: object) -> None:
        busy = self._op is not None and not self._op.done
        problem = self._problem()
        self.export_button.setEnabled(not busy and not problem)
        if problem and not busy:
            self._show_status(problem)
        elif not busy:
            self.status.hide()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # -- preview ------------------------------------------------------------------------------

    def _run_preview(self) -> None:
        if not self.ctx.is_unlocked:
            return
        if not self._period_ok() or (self.meeting_id is None and self.person_id is None):
            self.preview.setText("")
            return
        request = self.request()
        store = self.ctx.store
        self._preview_serial += 1
        serial = self._preview_serial
        self._preview_op = (
            Op(self, lambda: service.preview(store, request))
            .success(lambda p: self._on_preview(serial, p))
            .failure(lambda exc: self._on_preview_failed(serial, exc))
            .run()
        )

    def _on_preview(self, serial: int, preview: ExportPreview) -> None:
        if serial != self._preview_serial:
            return  # an older preview; the options changed since
        self.preview.setText("\n".join(self.preview_lines(preview)))

    def _on_preview_failed(self, serial: int, exc: BaseException) -> None:
        if serial == self._preview_serial:
            self.preview.setText(error_text(exc))

    def preview_lines(self, p: ExportPreview) -> list[str]:
        """The preview as lines of plain text (counts only, never note text)."""
        lines: list[str] = []
        if p.kind is DocKind.MEETING:
            lines.append(self.tr("• One meeting with {name}").format(name=p.person_name))
        else:
            lines.append(self.tr("• Person: {name}").format(name=p.person_name))
            if p.start and p.end:
                lines.append(
                    self.tr("• Meetings: {count} ({start} – {end})").format(
                        count=p.meetings, start=p.start.isoformat(), end=p.end.isoformat()
                    )
                )
            else:
                lines.append(self.tr("• Meetings: {count}").format(count=p.meetings))
            lines.append(self.tr("• Profile, role history and career goals"))
        lines.append(
            self.tr("• Agenda topics: {topics} · Agreed actions: {actions}").format(
                topics=p.topics, actions=p.actions
            )
        )
        lines.append(self.tr("• Meetings with shared notes: {count}").format(count=p.shared_notes))
        if p.private_included:
            lines.append(
                self.tr("• PRIVATE NOTES INCLUDED — meetings with private notes: {count}").format(
                    count=p.private_notes
                )
            )
        else:
            lines.append(
                self.tr(
                    "• Private notes: not included (meetings with private notes: {count})"
                ).format(count=p.private_notes)
            )
        if p.kind is DocKind.PERSON:
            lines.append(
                self.tr("• Mood trend chart: included")
                if p.mood_included
                else self.tr("• Mood: not included")
            )
            lines.append(
                self.tr("• Signals for the manager: {count}").format(count=p.signals)
                if p.signals_included
                else self.tr("• Signals: not included")
            )
        if p.missing_chars:
            # Only the characters themselves, never the text around them.
            chars = " ".join(p.missing_chars[:30])
            lines.append(
                self.tr(
                    "• Warning: these characters cannot be shown and print as 〓 or ?: {chars}"
                ).format(chars=chars)
            )
        return lines

    # -- export -------------------------------------------------------------------------------

    def _on_browse(self) -> None:
        # Qt's own dialog, recording no recent file and no history (see file_dialogs).
        start = Path(self.path_edit.text().strip() or str(self._default_path())).expanduser()
        save_pdf(self, start, self._on_pdf_chosen)

    def _on_pdf_chosen(self, path: Path, replace_confirmed: bool) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.path_edit.setText(str(path))
        # The user has already agreed to replace this very file: Export will not ask again.
        self._replace_confirmed = path if replace_confirmed else None

    def _on_export(self) -> None:
        if self._problem() or not self.ctx.is_unlocked:
            return
        target = Path(self.path_edit.text().strip()).expanduser()
        if target.exists() and target != self._replace_confirmed:
            # Never replaced without a yes (the service refuses it without overwrite=True).
            confirm_replace(self, target, lambda: self._start_export(target, overwrite=True))
            return
        self._start_export(target, overwrite=target.exists())

    def _start_export(self, target: Path, *, overwrite: bool) -> None:
        if self._problem() or not self.ctx.is_unlocked or self.is_running():
            return
        self._replace_confirmed = None
        request = self.request(with_password=True)
        store = self.ctx.store
        self.progress.setRange(0, 0)
        self.progress.show()
        self._show_status(self.tr("Making the PDF…"))
        self.export_button.setEnabled(False)
        token = CancelToken()

        def work(report: Any) -> ExportResult:
            return service.export(
                store,
                request,
                target,
                progress=report,
                overwrite=overwrite,
                cancel=token.raise_if_cancelled,
            )

        self._op = (
            Op(self, work, token=token)
            .progress(self._on_progress)
            .success(self._on_exported)
            .failure(self._on_failed)
            .cancelled(self._on_cancelled)
        )
        self._op.run()
        # The password leaves the widgets as soon as the export has it.
        self.password.clear()
        self.password_again.clear()
        self.use_password.setChecked(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _on_exported(self, result: ExportResult) -> None:
        self.last_result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = self.tr("Saved to {path}").format(path=str(result.path))
        if result.encrypted:
            text += "\n" + self.tr("The PDF is protected with your password (AES-256).")
        self._show_status(text)
        self.cancel_button.setText(self.tr("Close"))
        self.export_button.setEnabled(True)
        self.exported.emit(str(result.path))

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._show_status(error_text(exc))
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self.progress.hide()
        self._show_status(self.tr("Export cancelled. No file was written."))
        self._update_buttons()

    def is_running(self) -> bool:
        """Whether an export has been started and has not come back yet."""
        return self._op is not None and not self._op.done

    def _on_cancel(self) -> None:
        if not self.is_running():
            self.reject()
            return
        assert self._op is not None
        if self._op.is_cancelled:
            self.reject()  # a second Cancel: close now, the export stops on its own
            return
        self._op.cancel()
        self._show_status(self.tr("Cancelling…"))

    def done(self, result: int) -> None:
        """Every way of closing (Cancel, Esc, lock, quit) cancels a running export."""
        if self.is_running():
            assert self._op is not None
            self._op.cancel()
        self.password.clear()
        self.password_again.clear()
        super().done(result)
