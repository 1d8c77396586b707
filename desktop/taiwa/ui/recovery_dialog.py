"""Settings → "New recovery code…" / "Use a passphrase instead…" (vault service's change_recovery).

The new code is shown once, with Save… and Print…, like at first run. The old code stops
opening the vault at once (backups made before keep their old code).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui.context import AppContext
from taiwa.ui.file_dialogs import save_text
from taiwa.ui.ops import Op, error_text
from taiwa.ui.recovery_sheet import (
    MIN_PASSPHRASE,
    paint_sheet,
    recovery_sheet_text,
    write_private_file,
)


class NewRecoveryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, passphrase: bool) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._passphrase_mode = passphrase
        self._code = ""
        self.setObjectName("newRecoveryDialog")
        self.setWindowTitle(self.tr("New recovery secret"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        title = QLabel(
            self.tr("Choose a recovery passphrase") if passphrase else self.tr("New recovery code")
        )
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        self.text = QLabel(
            self.tr(
                "The current recovery code or passphrase stops opening this vault. Backups made "
                "before keep opening with the old one."
            )
        )
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        self.pass1 = QLineEdit()
        self.pass2 = QLineEdit()
        self.pass1.setPlaceholderText(
            self.tr("Passphrase (at least {n} characters)").format(n=MIN_PASSPHRASE)
        )
        self.pass2.setPlaceholderText(self.tr("The same passphrase again"))
        for field in (self.pass1, self.pass2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
            field.setVisible(passphrase)
            field.textChanged.connect(self._validate)
            lay.addWidget(field)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.hide()
        lay.addWidget(self.code_label)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.clicked.connect(self._on_save)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self._on_print)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.save_button.hide()
        self.print_button.hide()
        lay.addLayout(row)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.note)
        self.kept = QCheckBox(self.tr("I have &kept my recovery code somewhere safe"))
        self.kept.hide()
        lay.addWidget(self.kept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.go_button = QPushButton(
            self.tr("Set &passphrase") if passphrase else self.tr("&Make a new code")
        )
        self.go_button.setObjectName("primary")
        self.go_button.clicked.connect(self._on_go)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.go_button)
        lay.addLayout(buttons)
        if passphrase:
            self.pass1.setFocus()  # the dialog opens typing, so the field needs no Alt+letter
        self._validate()

    def _validate(self) -> None:
        if self._passphrase_mode and not self._code:
            ok = len(self.pass1.text()) >= MIN_PASSPHRASE and self.pass1.text() == self.pass2.text()
            self.go_button.setEnabled(ok)

    def _on_go(self) -> None:
        if self.kept.isVisible():
            self.accept()
            return
        from taiwa.vault.service import change_recovery

        db = self.ctx.db
        passphrase = self.pass1.text() if self._passphrase_mode else None
        self.go_button.setEnabled(False)
        Op(self, lambda: change_recovery(db, passphrase)).success(self._on_changed).failure(
            self._on_failed
        ).run()

    def _on_failed(self, exc: BaseException) -> None:
        self.note.setText(error_text(exc))
        self._validate()
        if not self._passphrase_mode:
            self.go_button.setEnabled(True)

    def _on_changed(self, code: Any) -> None:
        self.pass1.clear()
        self.pass2.clear()
        self.cancel_button.hide()
        if code is None:
            self.note.setText(self.tr("The recovery passphrase was changed."))
            self.go_button.setText(self.tr("Close"))
            self.go_button.setEnabled(True)
            self.kept.setChecked(True)
            self.kept.show()
            self.kept.hide()
            self.go_button.clicked.disconnect()
            self.go_button.clicked.connect(self.accept)
            return
        self._code = str(code)
        self.code_label.setText(self._code)
        self.code_label.show()
        self.save_button.show()
        self.print_button.show()
        self.kept.show()
        self.go_button.setText(self.tr("Done"))
        self.go_button.setEnabled(False)
        self.kept.toggled.connect(self.go_button.setEnabled)

    def _on_save(self) -> None:
        # Qt's own dialog, recording no recent file and no history; asks before replacing.
        save_text(
            self, Path.home() / "taiwa-recovery-code.txt", lambda path, _ok: self._save_to(path)
        )

    def _save_to(self, path: Path) -> None:
        try:
            write_private_file(path, recovery_sheet_text(self._code, self.ctx.vault_dir) + "\n")
        except OSError:
            self.note.setText(self.tr("The file could not be written. Choose another place."))
            return
        self.note.setText(self.tr("Saved to {path} (readable only by you).").format(path=str(path)))

    def _on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._print_now)
        dialog.show()

    def _print_now(self) -> None:
        text = recovery_sheet_text(self._code, self.ctx.vault_dir)
        ok = paint_sheet(self._printer, text, self.font())
        self.note.setText(self.tr("Sent to the printer.") if ok else self.tr("Printing failed."))

    def done(self, result: int) -> None:
        self._code = ""
        self.code_label.clear()
        super().done(result)
