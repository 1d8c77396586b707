"""The recovery sheet: its text, its 0600 file, its printed page, and the keyring's plain name.

First run, the settings dialog and the new-recovery dialog all show or describe the recovery
secret. They share these helpers from here, a module that imports none of them, so the three
dialogs no longer import each other in a circle.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF
from PySide6.QtGui import QFont, QPageLayout, QPainter, QTextOption

from taiwa.atomic import write_atomic
from taiwa.vault.recovery import MIN_PASSPHRASE_LEN

# The dialogs check the length as the vault service does, so the two can never disagree.
MIN_PASSPHRASE = MIN_PASSPHRASE_LEN


def recovery_sheet_text(code: str, folder: Path) -> str:
    """The text of the saved/printed recovery sheet (no names, no notes: just the code)."""
    return "\n".join(
        [
            QCoreApplication.translate("RecoverySheet", "Taiwa — recovery code"),
            "",
            code,
            "",
            QCoreApplication.translate("RecoverySheet", "Vault folder: {folder}").format(
                folder=str(folder)
            ),
            QCoreApplication.translate("RecoverySheet", "Created: {day}").format(
                day=date.today().isoformat()
            ),
            "",
            QCoreApplication.translate(
                "RecoverySheet",
                "With this code you can open your vault if the system keyring loses its key, "
                "or restore a backup on a new computer. Anyone holding it and your vault or a "
                "backup can read your notes: keep it somewhere safe, away from the laptop.",
            ),
        ]
    )


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by the user only (0600), even when it existed.

    Atomically, through :func:`taiwa.atomic.write_atomic`: an existing file (the save dialog has
    asked) is replaced by a new 0600 one, never rewritten in place with its old mode.
    """
    write_atomic(path, text.encode("utf-8"), mode=0o600)


def paint_sheet(printer: Any, text: str, base_font: QFont) -> bool:
    """Paint ``text`` on one page of ``printer``; False when the printer cannot be opened."""
    printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        font = QFont(base_font)
        font.setPointSize(12)
        painter.setFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        painter.drawText(QRectF(painter.viewport()), text, option)
    finally:
        painter.end()
    return True


def friendly_keyring_name(where: str) -> str:
    """A readable name for the keyring backend (keyring's names are technical)."""
    lowered = where.lower()
    if "macos" in lowered or "keychain" in lowered:
        return "macOS Keychain"
    if "windows" in lowered or "wincred" in lowered:
        return "Windows Credential Locker"
    if "secretservice" in lowered or "secret service" in lowered or "libsecret" in lowered:
        return "Secret Service (GNOME Keyring)"
    if "kwallet" in lowered:
        return "KWallet"
    return where
