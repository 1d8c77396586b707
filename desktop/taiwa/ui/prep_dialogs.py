"""Before and after a 1on1 (:mod:`taiwa.prep`): the prep view with the sheet for the report,
the returned answer read in after a preview, and the recap of a meeting.

Reachable from the person page ("Prepare 1on1…") and the main window's action (also from a
meeting, where it offers that meeting's recap). Every file goes through
:func:`~taiwa.ui.file_dialogs.private_file_dialog` (no recent-files trace) and
:func:`taiwa.atomic.write_atomic`; nothing private is ever in a sheet or a recap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from taiwa import i18n
from taiwa.atomic import write_atomic
from taiwa.errors import TaiwaError
from taiwa.ui import window_size
from taiwa.ui.file_dialogs import confirm_replace, private_file_dialog


def doc_language(ctx: Any) -> str:
    """The language of sheets and recaps: the UI's."""
    chosen = getattr(getattr(ctx, "prefs", None), "language", None)
    return i18n.normalize(chosen) if chosen else i18n.current_language()


def _show_error(parent: QWidget, title: str, exc: BaseException) -> None:
    text = exc.localized() if isinstance(exc, TaiwaError) else type(exc).__name__
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _save_file(
    parent: QWidget, caption: str, filters: list[str], suffix: str, name: str, data: bytes
) -> QDialog:
    """Ask where to save ``data`` (replacing a file only after the user agreed), write it."""
    dialog = private_file_dialog(
        parent, caption, save=True, name_filters=filters, default_suffix=suffix,
        start=Path.home() / name,
    )  # fmt: skip

    def write(path: Path) -> None:
        try:
            write_atomic(path, data)
        except OSError as exc:
            _show_error(parent, caption, exc)

    def chosen(value: str) -> None:
        path = Path(value)
        if path.exists():
            confirm_replace(parent, path, lambda: write(path))
        else:
            write(path)

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


class _AnswerEdit(QPlainTextEdit):
    """The paste box; a file dropped on it (a saved mail, the downloaded answer) is read."""

    file_dropped = Signal(str)

    def _local_file(self, event: Any) -> str:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return urls[0].toLocalFile() if len(urls) == 1 and urls[0].isLocalFile() else ""

    def dragEnterEvent(self, event: Any) -> None:
        if self._local_file(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if self._local_file(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:
        path = self._local_file(event)
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)
        else:
            super().dropEvent(event)


class AnswerDialog(QDialog):
    """Paste a returned answer (or open a file), see what it adds, then add all of it."""

    def __init__(self, ctx: Any, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.plan: Any = None
        self.added: Any = None
        self.setObjectName("prepAnswerDialog")
        self.setWindowTitle(self.tr("Read the report's answer"))
        lay = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Paste the mail or message that holds the answer block, or open or drop the file"
                " the report sent. Nothing is added until you confirm."
            ),
            self,
        )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.paste = _AnswerEdit(self)
        self.paste.setObjectName("answerPaste")
        self.paste.file_dropped.connect(self.load_file)
        self.paste.setAccessibleName(self.tr("Answer text"))
        self.paste.textChanged.connect(self._on_text_changed)
        lay.addWidget(self.paste, 2)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.status)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("answerPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What will be added"))
        lay.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("&Open file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self._on_open_file)
        self.add_button = buttons.addButton(
            self.tr("&Add to the agenda"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._on_add)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        lay.addWidget(buttons)
        window_size.fit_and_remember(self, QSize(620, 520), name="prepAnswer", prefs=self.ctx.prefs)

    def _on_open_file(self) -> None:
        dialog = private_file_dialog(
            self,
            self.tr("Open the answer"),
            name_filters=[self.tr("Text files (*.txt *.eml)"), self.tr("All files (*)")],
            start=Path.home(),
        )
        dialog.fileSelected.connect(self.load_file)
        dialog.open()

    def load_file(self, name: str) -> None:
        from taiwa.prep import answers

        try:
            with open(name, "rb") as handle:
                data = handle.read(answers.MAX_BYTES + 1)
            self.paste.setPlainText(answers.decode(data))
        except (OSError, TaiwaError) as exc:
            self.status.setText(
                exc.localized() if isinstance(exc, TaiwaError) else self.tr("Cannot read the file.")
            )

    def _on_text_changed(self) -> None:
        from taiwa.prep import answers, sheet, texts

        self.plan = None
        self.preview.clear()
        self.add_button.setEnabled(False)
        text = self.paste.toPlainText()
        if not text.strip():
            self.status.setText("")
            return
        try:
            parsed = answers.parse(text)
            self.plan = answers.plan(self.ctx.store, self.person_id, parsed)
        except TaiwaError as exc:
            self.status.setText(exc.localized())
            return
        lang = doc_language(self.ctx)
        when = sheet.when_text(self.plan.when)
        count = len(parsed.items)
        if self.plan.meeting is None:
            self.status.setText(
                self.tr("%n item(s) for a new planned 1on1 on {when}:", "", count).format(when=when)
            )
        else:
            self.status.setText(
                self.tr("%n item(s) for the next 1on1 on {when}:", "", count).format(when=when)
            )
        self.preview.setPlainText(
            "\n".join(f"- {texts.theme(i.theme, lang)}: {i.text}" for i in parsed.items)
        )
        self.add_button.setEnabled(True)

    def _on_add(self) -> None:
        from taiwa.prep import answers

        if self.plan is None:
            return
        try:
            self.added = answers.apply(self.ctx.store, self.plan)
        except TaiwaError as exc:
            self.status.setText(exc.localized())
            return
        self.ctx.events.data_changed.emit()
        self.accept()


class PrepDialog(QDialog):
    """The prep view for a person's next 1on1, and the recap of ``meeting_id`` (or of the last
    held meeting)."""

    def __init__(
        self, ctx: Any, person_id: int, meeting_id: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from taiwa.prep import facts

        self.ctx = ctx
        self.person_id = person_id
        self.lang = doc_language(ctx)
        self.facts = facts.build(ctx.store, person_id, self.lang)
        last = self.facts.last_meeting
        self.meeting_id = meeting_id or (last.id if last is not None else 0)
        self.setObjectName("prepDialog")
        self.setWindowTitle(self.tr("Prepare 1on1 — {name}").format(name=self.facts.person.name))
        self._build()
        self._fill()
        window_size.fit_and_remember(self, QSize(720, 640), name="prep", prefs=self.ctx.prefs)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        self.balance = QLabel("", self)
        self.balance.setObjectName("prepBalance")
        self.balance.setWordWrap(True)
        self.balance.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.balance)
        self.view = QTextBrowser(self)
        self.view.setObjectName("prepView")
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("The prep sheet for the report"))
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy sheet"), self)
        self.copy_button.setToolTip(self.tr("Copy the sheet as text for a mail or chat"))
        self.copy_button.clicked.connect(self._on_copy)
        self.save_button = QPushButton(self.tr("&Save HTML sheet…"), self)
        self.save_button.setToolTip(self.tr("One offline page with a form the report fills in"))
        self.save_button.clicked.connect(self._on_save_html)
        self.answer_button = QPushButton(self.tr("Read &answer…"), self)
        self.answer_button.clicked.connect(self._on_answer)
        self.recap_button = QPushButton(self.tr("&Recap…"), self)
        self.recap_button.setToolTip(self.tr("The shared notes and agreed actions of a meeting"))
        self.recap_button.setEnabled(bool(self.meeting_id))
        self.recap_button.clicked.connect(self._on_recap)
        for button in (self.copy_button, self.save_button, self.answer_button, self.recap_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.copied = QLabel("", self)
        lay.addWidget(self.copied)

    def _fill(self) -> None:
        from taiwa.prep import sheet, texts

        f = self.facts
        counts = " · ".join(f"{texts.theme(t, self.lang)} {n}" for t, n in f.balance.items())
        thin = ", ".join(texts.theme(t, self.lang) for t in f.thin) or self.tr("none")
        self.balance.setText(
            self.tr("Themes over the last year: {counts}. Thin: {thin}.").format(
                counts=counts, thin=thin
            )
        )
        self.markdown = sheet.markdown(f)
        self.view.setMarkdown(self.markdown)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown)
        self.copied.setText(self.tr("The sheet was copied."))

    def _on_save_html(self) -> None:
        from taiwa.prep import sheet

        page = sheet.html(self.facts).encode("utf-8")
        name = f"1on1-prep-{self.facts.today.isoformat()}.html"
        _save_file(
            self, self.tr("Save the prep sheet"), [self.tr("Web pages (*.html)")], "html", name,
            page,
        )  # fmt: skip

    def _on_answer(self) -> None:
        dialog = AnswerDialog(self.ctx, self.person_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_answer_added)
        dialog.open()

    def _on_answer_added(self) -> None:
        from taiwa.prep import facts

        self.facts = facts.build(self.ctx.store, self.person_id, self.lang)
        self._fill()

    def _on_recap(self) -> None:
        try:
            dialog = RecapDialog(self.ctx, self.meeting_id, self)
        except TaiwaError as exc:
            _show_error(self, self.tr("Recap"), exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


class RecapDialog(QDialog):
    """The recap of a meeting: copy it as text, save the next 1on1 as an .ics."""

    def __init__(self, ctx: Any, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from taiwa.prep import recap

        self.ctx = ctx
        self.recap = recap.build(ctx.store, meeting_id, doc_language(ctx))
        self.text = recap.markdown(self.recap)
        self.setObjectName("recapDialog")
        self.setWindowTitle(self.tr("Recap — {name}").format(name=self.recap.person.name))
        lay = QVBoxLayout(self)
        self.view = QTextBrowser(self)
        self.view.setObjectName("recapView")
        self.view.setMarkdown(self.text)
        self.view.setAccessibleName(self.tr("Recap"))
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy text"), self)
        self.copy_button.clicked.connect(self._on_copy)
        self.ics_button = QPushButton(self.tr("Save next 1on1 as .&ics…"), self)
        self.ics_button.clicked.connect(self._on_save_ics)
        row.addWidget(self.copy_button)
        row.addWidget(self.ics_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        lay.addLayout(row)
        self.copied = QLabel("", self)
        lay.addWidget(self.copied)
        window_size.fit_and_remember(self, QSize(640, 520), name="prepRecap", prefs=self.ctx.prefs)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copied.setText(self.tr("The recap was copied."))

    def _on_save_ics(self) -> None:
        from taiwa.prep import recap

        data = recap.ics(self.recap).encode("utf-8")
        name = f"1on1-{self.recap.next_at.date().isoformat()}.ics"
        _save_file(
            self, self.tr("Save the next 1on1"), [self.tr("Calendar files (*.ics)")], "ics", name,
            data,
        )  # fmt: skip


def open_prep(ctx: Any, person_id: int, meeting_id: int, parent: QWidget) -> PrepDialog | None:
    """Open the prep view (window-modal, deletes itself); None when nobody is chosen."""
    if not ctx.is_unlocked:
        return None
    if not person_id:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("PrepDialog", "Prepare 1on1"),
            QCoreApplication.translate(
                "PrepDialog", "Open a person or a meeting first, then prepare the 1on1."
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    try:
        dialog = PrepDialog(ctx, person_id, meeting_id, parent)
    except TaiwaError as exc:
        _show_error(parent, QCoreApplication.translate("PrepDialog", "Prepare 1on1"), exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
