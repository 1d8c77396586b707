"""File → Hand-over…: one person's shared history for their next manager, as Markdown or PDF.

Never private notes, mood or signals (:mod:`taiwa.portable.handover`); the file is chosen with
:mod:`taiwa.ui.file_dialogs` under a neutral name (no person's name in a file list).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from taiwa.i18n import current_language
from taiwa.portable import handover
from taiwa.ui import window_size
from taiwa.ui.context import AppContext
from taiwa.ui.data_dialogs import wrapped_label
from taiwa.ui.file_dialogs import confirm_replace, private_file_dialog
from taiwa.ui.ops import Op, error_text


class HandoverDialog(QDialog):
    """One person's shared history for their next manager, as Markdown or PDF.

    Never private notes, mood or signals (see :mod:`taiwa.portable.handover`).
    """

    written = Signal(str)

    def __init__(
        self, ctx: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand-over"))
        self._op: Op[Any] | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(
            wrapped_label(
                self.tr(
                    "The shared history of one person for their next manager: profile, career"
                    " goals, meetings with their topics and shared notes, and action items."
                    " Never private notes, mood or signals."
                )
            )
        )
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setObjectName("handoverPerson")
        for person in ctx.store.people.list(include_archived=True):
            self.person.addItem(person.name, person.id)
        if person_id:
            self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        person_label = QLabel(self.tr("&Person:"))
        person_label.setBuddy(self.person)
        form.addRow(person_label, self.person)
        self.kind = QComboBox()
        self.kind.setObjectName("handoverFormat")
        self.kind.addItem(self.tr("Markdown (.md)"), "md")
        self.kind.addItem(self.tr("PDF"), "pdf")
        kind_label = QLabel(self.tr("&Format:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        lay.addLayout(form)
        self.status = wrapped_label(name="handoverStatus")
        lay.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save as…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setEnabled(self.person.count() > 0)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.reject)
        lay.addWidget(buttons)
        window_size.fit_and_remember(self, QSize(520, 240), name="handover", prefs=self.ctx.prefs)

    def _on_save_clicked(self) -> None:
        suffix = str(self.kind.currentData())
        pattern = (
            self.tr("Markdown files (*.md)") if suffix == "md" else self.tr("PDF files (*.pdf)")
        )
        dialog = private_file_dialog(
            self,
            self.tr("Save the hand-over as"),
            save=True,
            name_filters=[pattern],
            default_suffix=suffix,
            # A neutral name: no person's name on the desktop or in a file list.
            start=Path.home() / f"1on1-handover-{date.today().isoformat()}.{suffix}",
        )

        def chosen(name: str) -> None:
            path = Path(name)
            if path.exists():
                confirm_replace(self, path, lambda: self.write(path, overwrite=True))
            else:
                self.write(path, overwrite=False)

        dialog.fileSelected.connect(chosen)
        dialog.open()

    def write(self, path: Path, *, overwrite: bool = False) -> None:
        """Write the hand-over of the chosen person to ``path`` (.md or .pdf), off the GUI thread."""
        value = self.person.currentData()
        if not value or not self.ctx.is_unlocked or (self._op is not None and not self._op.done):
            return
        person_id = int(value)
        db = self.ctx.db
        store = self.ctx.store
        lang = current_language()  # the language the window speaks
        self.status.setText(self.tr("Writing…"))
        self.save_button.setEnabled(False)

        def work() -> Path:
            if path.suffix.lower() == ".pdf":
                return handover.write_pdf(store, person_id, path, lang=lang, overwrite=overwrite)
            return handover.write_markdown(db, person_id, path, lang=lang, overwrite=overwrite)

        self._op = Op(self, work).success(self._on_written).failure(self._on_failed)
        self._op.run()

    def _on_written(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        self.save_button.setEnabled(True)
        self.written.emit(str(path))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        self.save_button.setEnabled(True)
