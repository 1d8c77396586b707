"""Back up and restore from the GUI (helper V's vault service, always off the GUI thread).

A backup is one encrypted file keyed from the recovery secret. Restoring never deletes
anything: the vault currently in the folder (working or broken) is moved aside to
``<folder>-replaced-<time>`` and the backup becomes the vault in the original folder.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.ui.context import AppContext
from taiwa.ui.file_dialogs import open_backup, save_backup
from taiwa.ui.ops import Op, error_text


def default_backup_name() -> str:
    return f"taiwa-backup-{datetime.now(UTC).strftime('%Y%m%d-%H%M')}.taiwa-backup"


def _info(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def start_backup(ctx: AppContext, parent: QWidget) -> None:
    """Ask where to write the backup, then write it off the GUI thread."""
    # Qt's own dialog, recording no recent file and no history (see file_dialogs).
    save_backup(
        parent,
        Path.home() / default_backup_name(),
        lambda path, _replace: run_backup(ctx, parent, path),
    )


def run_backup(ctx: AppContext, parent: QWidget, target: Path) -> Op[Any]:
    """Write the backup to ``target``; tells the user when done."""
    from taiwa.vault.service import backup_vault

    db = ctx.db

    def done(_result: object) -> None:
        _info(
            parent,
            QCoreApplication.translate("Backup", "Backup written"),
            QCoreApplication.translate(
                "Backup",
                "The backup was written to {path}. It is encrypted and opens with your recovery "
                "code (or passphrase) alone — keep it on another disk.",
            ).format(path=str(target)),
        )

    return Op(parent, lambda: backup_vault(db, target)).success(done).run()


class RestoreDialog(QDialog):
    """Choose a backup and type its recovery secret; emits :attr:`restore_requested`."""

    restore_requested = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Restore from backup"))
        title.setObjectName("dialogTitle")
        lay.addWidget(title)
        text = QLabel(
            self.tr(
                "The backup becomes your vault. The vault now in {folder} is not deleted: it is "
                "moved aside to a folder next to it, named “…-replaced-” and the time."
            ).format(folder=str(ctx.vault_dir))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(text)
        row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setObjectName("backupFile")
        self.file.setPlaceholderText(self.tr("Backup file"))
        self.file.textChanged.connect(self._validate)
        row.addWidget(self.file, 1)
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._on_browse)
        row.addWidget(browse)
        lay.addLayout(row)
        self.secret = QLineEdit()
        self.secret.setObjectName("restoreSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Recovery code or passphrase of the backup"))
        self.secret.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.secret.textChanged.connect(self._validate)
        lay.addWidget(self.secret)
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Check and restore"))
        self.ok.setObjectName("primary")
        self.buttons.accepted.connect(self._on_check)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        self.ok.setEnabled(bool(self.file.text().strip() and self.secret.text().strip()))

    def _on_browse(self) -> None:
        open_backup(self, lambda path: self.file.setText(str(path)))

    def _on_check(self) -> None:
        """Check the secret against the backup before anything is moved."""
        from taiwa.vault.service import read_backup_info

        path, secret = Path(self.file.text().strip()), self.secret.text()
        self.ok.setEnabled(False)
        self.error.hide()

        def failed(exc: BaseException) -> None:
            self.error.setText(error_text(exc))
            self.error.show()
            self._validate()

        def ok(_info: object) -> None:
            self.accept()
            self.restore_requested.emit(str(path), secret)
            self.secret.clear()

        Op(self, lambda: read_backup_info(path, secret)).success(ok).failure(failed).run()

    def clear(self) -> None:
        self.secret.clear()


def move_aside(folder: Path) -> Path | None:
    """Rename the vault folder out of the way (never delete); None when there is none."""
    if not folder.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = folder.with_name(f"{folder.name}-replaced-{stamp}")
    folder.rename(aside)
    return aside


def restore_into(folder: Path, backup: Path, secret: str) -> Any:
    """Move the current vault aside and restore ``backup`` in its place (worker thread)."""
    from taiwa.vault.service import restore_vault

    aside = move_aside(folder)
    try:
        return restore_vault(backup, folder, secret)
    except BaseException:
        if aside is not None and not folder.exists():
            with contextlib.suppress(OSError):
                aside.rename(folder)
        raise


def start_restore(ctx: AppContext, window: QWidget) -> None:
    """Open the restore dialog; on confirmation lock (if open), restore, and open the result."""
    dialog = RestoreDialog(ctx, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def go(backup: str, secret: str) -> None:
        lock = getattr(window, "lock", None)
        if ctx.is_unlocked and callable(lock):
            lock("manual")
        if ctx.is_unlocked:  # could not close the vault: do not touch its folder
            return
        folder = ctx.vault_dir

        def opened(db: Any) -> None:
            on_opened = getattr(window, "_on_vault_opened", None)
            if callable(on_opened):
                on_opened(db)
            ctx.events.data_changed.emit()
            _info(
                window,
                QCoreApplication.translate("Backup", "Vault restored"),
                QCoreApplication.translate("Backup", "The backup was restored and opened."),
            )

        Op(window, lambda: restore_into(folder, Path(backup), secret)).success(opened).run()

    dialog.restore_requested.connect(go)
    dialog.open()
