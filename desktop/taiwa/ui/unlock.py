"""The unlock screen: open the vault from the keyring, or with the recovery code/passphrase.

At start-up it opens straight from the keyring (off the GUI thread: a keychain may prompt or
hang). After a lock it waits for the user to press Unlock (Enter). When opening fails it names
the failure in plain words with what to do about it, and offers the recovery code. It never
offers to create a new vault: the folder holds one, and only the user's recovery secret or a
backup may bring it back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.errors import TaiwaError
from taiwa.startup import Opened
from taiwa.ui.context import AppContext
from taiwa.ui.ops import Op, error_text
from taiwa.ui.widgets.card import centered_card

# Failures the recovery code can get past (the key is gone or unreachable, not the data).
RECOVERABLE_WITH_CODE = frozenset(
    {"keyring_unavailable", "keyring_locked", "keyring_entry_missing", "wrong_key"}
)
# Failures only a backup can fix.
NEEDS_BACKUP = frozenset(
    {"database_empty", "database_corrupt", "not_encrypted", "database_missing", "header_corrupt"}
)


def explain(code: str) -> tuple[str, str]:
    """(What happened, what to do) for a VaultError code, translated."""
    table = {
        "keyring_unavailable": (
            QCoreApplication.translate(
                "UnlockScreen",
                "No system keyring could be reached on this computer, so Taiwa cannot fetch the vault's key.",
            ),
            QCoreApplication.translate(
                "UnlockScreen", "Unlock with your recovery code below. Your notes are intact."
            ),
        ),
        "keyring_locked": (
            QCoreApplication.translate(
                "UnlockScreen",
                "The system keyring is locked, so Taiwa cannot fetch the vault's key.",
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "Unlock your keyring (log in to your desktop session) and press Try again, or use your recovery code.",
            ),
        ),
        "keyring_entry_missing": (
            QCoreApplication.translate(
                "UnlockScreen",
                "The keyring has no key for this vault. It may have been reset, or this is a new computer.",
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "Enter your recovery code: Taiwa opens the vault and puts the key back into the keyring.",
            ),
        ),
        "wrong_key": (
            QCoreApplication.translate(
                "UnlockScreen", "The key stored in the keyring does not open this vault."
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "Enter your recovery code: Taiwa opens the vault and stores the right key again.",
            ),
        ),
        "wrong_recovery_secret": (
            QCoreApplication.translate(
                "UnlockScreen", "That recovery code or passphrase is not right."
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "Check it and type it again (dashes and spaces do not matter). Nothing was changed.",
            ),
        ),
        "recovery_required": (
            QCoreApplication.translate(
                "UnlockScreen",
                "This vault keeps no key in the keyring: it opens with its passphrase.",
            ),
            QCoreApplication.translate(
                "UnlockScreen", "Type the vault's passphrase (or recovery code) below."
            ),
        ),
        "vault_in_use": (
            QCoreApplication.translate(
                "UnlockScreen", "The vault is already open in another Taiwa window or process."
            ),
            QCoreApplication.translate(
                "UnlockScreen", "Close the other one, then press Try again."
            ),
        ),
        "database_empty": (
            QCoreApplication.translate(
                "UnlockScreen", "The vault's database file is empty (0 bytes)."
            ),
            QCoreApplication.translate(
                "UnlockScreen", "It was left untouched. Restore your vault from a backup."
            ),
        ),
        "database_corrupt": (
            QCoreApplication.translate(
                "UnlockScreen",
                "The vault's database file is damaged, or the key does not match it.",
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "It was left untouched. Try your recovery code; if that fails too, restore from a backup.",
            ),
        ),
        "not_encrypted": (
            QCoreApplication.translate(
                "UnlockScreen",
                "The vault's database file is an unencrypted SQLite file, not a Taiwa vault.",
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "It was left untouched. Move it away and restore your vault from a backup.",
            ),
        ),
        "database_missing": (
            QCoreApplication.translate(
                "UnlockScreen", "The vault folder has its header but no database file."
            ),
            QCoreApplication.translate("UnlockScreen", "Restore your vault from a backup."),
        ),
        "header_corrupt": (
            QCoreApplication.translate(
                "UnlockScreen", "The vault's header file (vault.json) is damaged or unreadable."
            ),
            QCoreApplication.translate(
                "UnlockScreen", "It was left untouched. Restore your vault from a backup."
            ),
        ),
        "vault_not_writable": (
            QCoreApplication.translate("UnlockScreen", "The vault folder cannot be written to."),
            QCoreApplication.translate(
                "UnlockScreen",
                "Check the folder's permissions and the free disk space, then press Try again.",
            ),
        ),
        "disk_full": (
            QCoreApplication.translate("UnlockScreen", "The disk is full."),
            QCoreApplication.translate("UnlockScreen", "Free some space, then press Try again."),
        ),
        "unsupported_cipher": (
            QCoreApplication.translate(
                "UnlockScreen",
                "This copy of Taiwa was built with an SQLCipher that is not version 4.",
            ),
            QCoreApplication.translate(
                "UnlockScreen", "Reinstall Taiwa from its official package."
            ),
        ),
        "vault_too_new": (
            QCoreApplication.translate(
                "UnlockScreen", "This vault was written by a newer version of Taiwa."
            ),
            QCoreApplication.translate(
                "UnlockScreen", "Update Taiwa to open it. The vault was left untouched."
            ),
        ),
        "vault_not_found": (
            QCoreApplication.translate(
                "UnlockScreen", "There is no vault in this folder any more."
            ),
            QCoreApplication.translate(
                "UnlockScreen",
                "Restore your vault from a backup, or check that the vault's drive is connected.",
            ),
        ),
    }
    return table.get(
        code,
        (
            QCoreApplication.translate("UnlockScreen", "The vault could not be opened."),
            QCoreApplication.translate(
                "UnlockScreen", "Press Try again, or use your recovery code."
            ),
        ),
    )


class UnlockScreen(QWidget):
    """Centered card: status, the failure with its remedy, Unlock / recovery code."""

    # The vault is open (the :class:`~taiwa.vault.service.VaultDatabase`).
    vault_opened = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("unlockScreen")
        self._busy = False
        self._uses_keyring = True
        self._op: Op[Any] | None = None
        self.last_error_code = ""
        # The deferred check found damage: later opens check before use.
        self.integrity_failed = False

        lay = centered_card(self, 500, 580)
        lay.setSpacing(12)
        self.title = QLabel(self.tr("Taiwa is locked"))
        self.title.setObjectName("dialogTitle")
        lay.addWidget(self.title)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.status)

        self.busy = QProgressBar()
        self.busy.setObjectName("unlockBusy")
        self.busy.setRange(0, 0)  # indeterminate: the keyring and the integrity check take a moment
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        lay.addWidget(self.busy)

        self.problem = QLabel()
        self.problem.setObjectName("errorBanner")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        lay.addWidget(self.problem)

        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        buttons.addWidget(self.unlock_button)
        self.recovery_button = QPushButton(self.tr("Use &recovery code…"))
        self.recovery_button.clicked.connect(self._on_show_recovery)
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        self.secret_box = QFrame(self)
        box = QVBoxLayout(self.secret_box)
        box.setContentsMargins(0, 8, 0, 0)
        self.secret_label = QLabel(self.tr("Recovery code or passphrase"))
        self.secret_label.setObjectName("sectionTitle")
        box.addWidget(self.secret_label)
        self.secret = QLineEdit()
        self.secret.setObjectName("recoverySecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.secret.setPlaceholderText(self.tr("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"))
        self.secret.returnPressed.connect(self._on_secret_submitted)
        show = QAction(self.tr("Show"), self.secret)
        show.setCheckable(True)
        show.toggled.connect(
            lambda on: self.secret.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.secret.addAction(show, QLineEdit.ActionPosition.TrailingPosition)
        self.secret_label.setBuddy(self.secret)
        box.addWidget(self.secret)
        self.secret_hint = QLabel(
            self.tr(
                "The code you saved or printed when the vault was created. Dashes and spaces do not matter."
            )
        )
        self.secret_hint.setObjectName("hint")
        self.secret_hint.setWordWrap(True)
        box.addWidget(self.secret_hint)
        self.secret_button = QPushButton(self.tr("Unlock with this code"))
        self.secret_button.clicked.connect(self._on_secret_submitted)
        box.addWidget(self.secret_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.secret_box.hide()
        lay.addWidget(self.secret_box)

        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self._on_restore)
        self.restore_button.hide()
        lay.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.where = QLabel()
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.where)

    # -- flow ---------------------------------------------------------------------------------

    def start(self, *, auto: bool, reason: str = "") -> None:
        """Show the screen; with ``auto`` try the keyring right away (start-up)."""
        self.problem.hide()
        self.restore_button.hide()
        self.secret.clear()
        self.where.setText(self.tr("Vault: {folder}").format(folder=str(self.ctx.vault_dir)))
        self._uses_keyring = self._read_uses_keyring()
        if not self._uses_keyring:
            self.title.setText(self.tr("Enter your passphrase"))
            self.status.setText(
                self.tr(
                    "This vault keeps no key in the keyring. Type its passphrase (or recovery code) to open it."
                )
            )
            self.secret_label.setText(self.tr("Passphrase or recovery code"))
            self.secret_box.show()
            self.unlock_button.hide()
            self.recovery_button.hide()
            self.secret_button.setObjectName("primary")
            self.secret.setFocus()
            return
        self.secret_box.hide()
        self.unlock_button.show()
        self.recovery_button.show()
        self.title.setText(self.tr("Taiwa is locked"))
        reasons = {
            "idle": self.tr("Locked after a few minutes without activity. Your notes were saved."),
            "suspend": self.tr("Locked because the computer went to sleep. Your notes were saved."),
            "screen_locked": self.tr("Locked together with your screen. Your notes were saved."),
            "manual": self.tr("Locked. Your notes were saved."),
        }
        self.status.setText(
            reasons.get(
                reason,
                self.tr(
                    "Press Unlock (Enter) to open your vault with the key in your system keyring."
                ),
            )
        )
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setFocus()
        if auto:
            self.title.setText(self.tr("Opening your vault…"))
            self.status.setText(self.tr("Fetching the key from your system keyring."))
            self.try_keyring()

    def _read_uses_keyring(self) -> bool:
        try:
            from taiwa.vault.header import read_header

            return read_header(self.ctx.vault_dir).uses_keyring
        except TaiwaError:
            return True  # the open attempt will name what is wrong with the header

    def try_keyring(self) -> None:
        """Open with the key from the keyring (off the GUI thread)."""
        prefetched = self.ctx.prefetched_open
        if prefetched is not None and not self._busy:
            self.ctx.prefetched_open = None
            self._set_busy(True)
            prefetched.adopt(self._on_prefetched, self._on_failed, self._on_prefetch_skipped)
            return
        folder = self.ctx.vault_dir
        # The full-file quick_check runs beside the first screen (see MainWindow), unless it
        # already found damage in this session: then the open itself must refuse.
        defer = not self.integrity_failed
        from taiwa.vault.service import open_vault

        self._run(lambda: open_vault(folder, check_integrity=not defer))

    def try_secret(self, secret: str) -> None:
        """Open with the recovery code / passphrase (and put the key back into the keyring)."""
        from taiwa.vault.service import open_vault, unlock_with_recovery

        folder = self.ctx.vault_dir
        uses_keyring = self._uses_keyring

        def work() -> Any:
            if not uses_keyring:
                return open_vault(folder, recovery_secret=secret)
            from taiwa.vault.errors import KeyringLockedError, KeyringUnavailableError

            try:
                return unlock_with_recovery(folder, secret)
            except (KeyringUnavailableError, KeyringLockedError):
                # The keyring cannot take the key back right now: open for this session only.
                return open_vault(folder, recovery_secret=secret)

        self._run(work)

    def _run(self, fn: Any) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self._op = Op(self, fn).success(self._on_opened).failure(self._on_failed).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for widget in (self.unlock_button, self.recovery_button, self.secret_button, self.secret):
            widget.setEnabled(not busy)

    def _on_opened(self, db: Any) -> None:
        self._set_busy(False)
        self.secret.clear()
        self.problem.hide()
        self.last_error_code = ""
        self.vault_opened.emit(db)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.title.setText(
            self.tr("Taiwa is locked") if self._uses_keyring else self.tr("Enter your passphrase")
        )
        code = getattr(exc, "code", "") if isinstance(exc, TaiwaError) else ""
        self.last_error_code = code
        if code:
            what, todo = explain(code)
            self.problem.setText(f"{what}\n{todo}")
        else:
            self.problem.setText(error_text(exc))
        self.problem.show()
        self.status.setText(self.tr("The vault is still closed; nothing was changed."))
        self.unlock_button.setText(self.tr("Try again"))
        self.restore_button.setVisible(code in NEEDS_BACKUP or code == "vault_not_found")
        if code in RECOVERABLE_WITH_CODE or code in (
            "wrong_recovery_secret",
            "recovery_required",
            "database_corrupt",
        ):
            self._on_show_recovery()
            if code == "wrong_recovery_secret":
                self.secret.selectAll()

    def _on_prefetched(self, opened: Opened) -> None:
        if self.ctx.is_unlocked:
            # Opened another way meanwhile (File › Restore): one connection to the vault is enough.
            opened.db.close()
            self._set_busy(False)
            return
        self.ctx.offer_startup_dashboard(opened.db, opened.dashboard)
        self._on_opened(opened.db)

    def _on_prefetch_skipped(self) -> None:
        self._set_busy(False)
        self.try_keyring()

    def show_failure(self, exc: BaseException) -> None:
        """Show why the vault is closed (used when the deferred integrity check failed)."""
        self._on_failed(exc)

    def _on_unlock_clicked(self) -> None:
        self.try_keyring()

    def _on_show_recovery(self) -> None:
        self.secret_box.show()
        self.secret.setFocus()

    def _on_secret_submitted(self) -> None:
        secret = self.secret.text()
        if not secret.strip():
            self.secret.setFocus()
            return
        self.try_secret(secret)

    def _on_restore(self) -> None:
        from taiwa.ui.backup import start_restore

        start_restore(self.ctx, self.window())

    def clear(self) -> None:
        self.secret.clear()
