"""First run: create the vault, then show the recovery code until the user says it is kept.

Two steps on one screen. (1) Where the key is kept and why, in two sentences, and the stricter
passphrase-only choice. (2) The recovery code, with Save… (a 0600 text file) and Print…, and an
"I have kept it" confirmation before the app opens. The code is shown once and dropped from
memory (and from the widgets) when the user continues.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui.context import AppContext
from taiwa.ui.file_dialogs import save_text
from taiwa.ui.ops import Op
from taiwa.ui.recovery_sheet import (
    MIN_PASSPHRASE,
    friendly_keyring_name,
    paint_sheet,
    recovery_sheet_text,
    write_private_file,
)
from taiwa.ui.widgets.card import centered_card


class FirstRunScreen(QWidget):
    """Create a vault; emits :attr:`vault_created` with the open database once the code is kept."""

    vault_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRunScreen")
        self._db: Any = None
        self._code = ""
        self._keyring_name = ""

        card_layout = centered_card(self, 560, 640)  # scrolls and widens with the zoom
        self.steps = QStackedWidget(self)
        card_layout.addWidget(self.steps)
        self.steps.addWidget(self._build_create_step())
        self.steps.addWidget(self._build_code_step())
        self._probe_keyring()

    # -- step 1 ------------------------------------------------------------------------------

    def _build_create_step(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        title = QLabel(self.tr("Welcome to Taiwa"))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.explain)
        self._set_explanation("")

        self.passphrase_only = QCheckBox(self.tr("&Passphrase only"))
        self.passphrase_only.toggled.connect(self._on_passphrase_only_toggled)
        lay.addWidget(self.passphrase_only)
        strict = QLabel(
            self.tr("Stricter: keep no key in the keyring and ask for a passphrase at every start.")
        )
        strict.setObjectName("hint")
        strict.setWordWrap(True)
        strict.setContentsMargins(24, 0, 0, 0)
        lay.addWidget(strict)
        self.pass_box = QFrame()
        pass_lay = QVBoxLayout(self.pass_box)
        pass_lay.setContentsMargins(24, 0, 0, 0)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setPlaceholderText(
            self.tr("Passphrase (at least {n} characters)").format(n=MIN_PASSPHRASE)
        )
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setPlaceholderText(self.tr("The same passphrase again"))
        for field in (self.pass1, self.pass2):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
            field.textChanged.connect(self._validate)
            field.returnPressed.connect(self._on_create)
            pass_lay.addWidget(field)
        self.pass_hint = QLabel(
            self.tr(
                "This passphrase is also your recovery secret: without it the notes cannot be opened by anyone, including you."
            )
        )
        self.pass_hint.setObjectName("hint")
        self.pass_hint.setWordWrap(True)
        pass_lay.addWidget(self.pass_hint)
        self.pass_box.hide()
        lay.addWidget(self.pass_box)

        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        lay.addWidget(self.error)
        folder = QLabel(self.tr("Vault folder: {folder}").format(folder=str(self.ctx.vault_dir)))
        folder.setObjectName("hint")
        folder.setWordWrap(True)
        folder.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(folder)
        buttons = QHBoxLayout()
        # A new laptop: the vault comes back from a backup and its recovery code.
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.restore_button.clicked.connect(self._on_restore)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        self.create_button = QPushButton(self.tr("Create my vault"))
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create)
        buttons.addWidget(self.create_button)
        lay.addLayout(buttons)
        return page

    def _set_explanation(self, keyring_name: str) -> None:
        where = keyring_name or self.tr("your system keyring")
        self.explain.setText(
            self.tr(
                "Your notes are kept in an encrypted vault on this computer, and its key is kept "
                "in {where} so Taiwa opens without a password while you are logged in. The key "
                "never goes into a file, so a copied vault folder or a lost backup cannot be read "
                "without your login or your recovery code."
            ).format(where=where)
        )

    def _probe_keyring(self) -> None:
        """Ask which keyring is in use, off the GUI thread (a keychain may be slow to answer)."""
        from taiwa.vault.keystore import Keystore

        def work() -> str:
            store = Keystore()
            return store.where() if store.available() else ""

        Op(self, work).success(self._on_keyring_probed).failure(
            lambda _exc: self._on_keyring_probed("")
        ).run()

    def _on_keyring_probed(self, name: str) -> None:
        self._keyring_name = name
        if name:
            friendly = friendly_keyring_name(name)
            # keyring's technical class names mean nothing to a user: name only known stores.
            self._set_explanation(friendly if friendly != name else "")
            return
        self.explain.setText(
            self.tr(
                "Your notes are kept in an encrypted vault on this computer. No system keyring "
                "is available here, so the vault will open with a passphrase you choose; it is "
                "never stored anywhere."
            )
        )
        self.passphrase_only.setChecked(True)
        self.passphrase_only.setEnabled(False)

    def _on_restore(self) -> None:
        from taiwa.ui.backup import start_restore

        start_restore(self.ctx, self.window())

    def _on_passphrase_only_toggled(self, on: bool) -> None:
        self.pass_box.setVisible(on)
        if on:
            self.pass1.setFocus()
        self._validate()

    def _validate(self) -> bool:
        ok = True
        if self.passphrase_only.isChecked():
            ok = len(self.pass1.text()) >= MIN_PASSPHRASE and self.pass1.text() == self.pass2.text()
        self.create_button.setEnabled(ok)
        return ok

    def _on_create(self) -> None:
        if not self._validate() or not self.create_button.isEnabled():
            return
        from taiwa.vault.service import create_vault

        folder = self.ctx.vault_dir
        use_keyring = not self.passphrase_only.isChecked()
        passphrase = None if use_keyring else self.pass1.text()
        self.create_button.setEnabled(False)
        self.error.hide()
        Op(
            self,
            lambda: create_vault(folder, use_keyring=use_keyring, recovery_passphrase=passphrase),
        ).success(self._on_created).failure(self._on_create_failed).run()

    def _on_create_failed(self, exc: BaseException) -> None:
        from taiwa.ui.ops import error_text

        self.error.setText(error_text(exc))
        self.error.show()
        self.create_button.setEnabled(True)

    def _on_created(self, created: Any) -> None:
        self.pass1.clear()
        self.pass2.clear()
        self._db = created.database
        if created.recovery_code is None:
            # Passphrase-only: the passphrase is the recovery secret; nothing more to show.
            self._finish()
            return
        self._code = str(created.recovery_code)
        self.code_label.setText(self._code)
        self.steps.setCurrentIndex(1)
        self.kept.setFocus()

    # -- step 2 ------------------------------------------------------------------------------

    def _build_code_step(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        title = QLabel(self.tr("Your recovery code"))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        text = QLabel(
            self.tr(
                "With this code — and only with it — you can open your vault if the keyring "
                "loses its key, or restore a backup on a new computer. Save or print it now and "
                "keep it away from this laptop; Taiwa will not show it again."
            )
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.code_label)
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.clicked.connect(self._on_save)
        actions.addWidget(self.save_button)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self._on_print)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("hint")
        self.saved_note.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_note.setWordWrap(True)
        lay.addWidget(self.saved_note)
        self.kept = QCheckBox(self.tr("I have &kept my recovery code somewhere safe"))
        lay.addWidget(self.kept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.continue_button = QPushButton(self.tr("&Open Taiwa"))
        self.continue_button.setObjectName("primary")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._finish)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        buttons.addWidget(self.continue_button)
        lay.addLayout(buttons)
        return page

    def _on_save(self) -> None:
        # Qt's own dialog, recording no recent file and no history; asks before replacing.
        save_text(
            self, Path.home() / "taiwa-recovery-code.txt", lambda path, _ok: self.save_code_to(path)
        )

    def save_code_to(self, path: Path) -> None:
        """Write the recovery sheet to ``path`` (0600)."""
        try:
            write_private_file(path, recovery_sheet_text(self._code, self.ctx.vault_dir) + "\n")
        except OSError:
            self.saved_note.setText(self.tr("The file could not be written. Choose another place."))
            return
        self.saved_note.setText(
            self.tr("Saved to {path} (readable only by you).").format(path=str(path))
        )

    def _on_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_code(self._printer))
        dialog.show()

    def print_code(self, printer: Any) -> None:
        """Paint the recovery sheet onto ``printer`` (any QPagedPaintDevice)."""
        text = recovery_sheet_text(self._code, self.ctx.vault_dir)
        if paint_sheet(printer, text, self.font()):
            self.saved_note.setText(self.tr("Sent to the printer."))
        else:
            self.saved_note.setText(self.tr("Printing failed. Save the code to a file instead."))

    def _finish(self) -> None:
        db, self._db = self._db, None
        self._code = ""
        self.code_label.clear()
        self.kept.setChecked(False)
        self.steps.setCurrentIndex(0)
        if db is not None:
            self.vault_created.emit(db)

    def clear(self) -> None:
        self.pass1.clear()
        self.pass2.clear()
