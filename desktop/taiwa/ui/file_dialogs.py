"""File choosers that leave no trace outside the vault folder.

Every file dialog of the app comes from here, one helper per need (calendar files to import, a
PDF to save, a backup to open or write, the recovery code to save). Why not the platform's own
dialog, and why not ``QFileDialog`` as it comes:

- The GTK dialog (Qt's native one on GNOME) adds every chosen file to
  ``~/.local/share/recently-used.xbel``, where any other program sees that a file called
  ``Suzuki-1on1-2026.pdf`` was exported. So the dialogs are always Qt's own
  (``DontUseNativeDialog``).
- Qt's own dialog saves its state when it is *destroyed*, to ``QSettings(UserScope,
  "QtProject")`` — ``~/.config/QtProject.conf`` on Linux, the registry on Windows, a plist on
  macOS: ``history`` (the folders visited) and ``lastVisited``. Qt has no option to turn that
  off (``QFileDialogPrivate::saveSettings`` runs unconditionally in ``~QFileDialog``).
  Taiwa keeps no ``QSettings`` of its own (its preferences are :mod:`taiwa.prefs`), so the
  user-scope settings path is pointed, for the whole process, below ``os.devnull``: a folder
  that can never be created, so Qt's write fails quietly and nothing reaches the disk. Where
  ``setPath`` does not apply (the native format on Windows and macOS), the dialog's
  ``history``/``lastVisited`` are put back as they were once the dialog is gone.

Save dialogs ask before replacing an existing file with Taiwa's own (translated) question, so
the caller knows the user agreed (an export then passes ``overwrite=True``).

The dialogs are window-modal and opened with ``open()``: nothing here blocks a lock, which
closes them like any other dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

# The settings Qt's file dialog writes that name folders and files.
_TRACE_KEYS = ("FileDialog/history", "FileDialog/lastVisited")
# A path under a device file: no folder can ever be made there, so no settings file either.
_NOWHERE = os.path.join(os.devnull, "taiwa-keeps-no-qt-settings")


def keep_qt_settings_nowhere() -> None:
    """Point Qt's user-scope settings where nothing can be written (for the whole process)."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, _NOWHERE)


class _TraceGuard:
    """Puts Qt's file-dialog history back as it was before the dialog (see the docstring)."""

    def __init__(self) -> None:
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        self._before = {key: settings.value(key) for key in _TRACE_KEYS}

    def restore(self) -> None:
        settings = QSettings(QSettings.Scope.UserScope, "QtProject")
        changed = False
        for key, before in self._before.items():
            if settings.value(key) == before:
                continue
            changed = True
            if before is None:
                settings.remove(key)
            else:
                settings.setValue(key, before)
        if changed:
            settings.sync()


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


def private_file_dialog(
    parent: QWidget | None,
    caption: str,
    *,
    save: bool = False,
    multiple: bool = False,
    name_filters: list[str] | None = None,
    default_suffix: str = "",
    start: Path | None = None,
) -> QFileDialog:
    """A Qt (never native) file dialog that records no recent file and no history.

    It deletes itself when closed; the caller connects ``fileSelected``/``filesSelected`` (or
    uses one of the helpers below) and calls ``open()``.
    """
    keep_qt_settings_nowhere()
    guard = _TraceGuard()
    dialog = QFileDialog(parent, caption)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # Replacing a file is asked by confirm_replace() in Taiwa's words, after the choice.
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setHistory([])
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        mode = QFileDialog.FileMode.ExistingFiles if multiple else QFileDialog.FileMode.ExistingFile
        dialog.setFileMode(mode)
    if name_filters:
        dialog.setNameFilters(name_filters)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    if start is not None:
        if start.is_dir():
            dialog.setDirectory(str(start))
        else:
            dialog.setDirectory(str(start.parent))
            dialog.selectFile(str(start))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # ``destroyed`` comes after ~QFileDialog has saved its state: undo that where it landed.
    # (A lambda: PySide holds it, where a bound method of a plain object is held weakly.)
    dialog.destroyed.connect(lambda *_: guard.restore())
    return dialog


def confirm_replace(parent: QWidget | None, path: Path, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask whether to replace the existing ``path``; ``on_yes`` runs only if the user agrees."""
    box = QMessageBox(parent)
    box.setObjectName("confirmReplace")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Replace the file?"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("{name} already exists. Replace it?").format(name=path.name))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def _save(
    parent: QWidget | None,
    caption: str,
    filters: list[str],
    suffix: str,
    start: Path | None,
    on_chosen: Callable[[Path, bool], Any],
    *,
    confirm: bool = True,
) -> QFileDialog:
    dialog = private_file_dialog(
        parent, caption, save=True, name_filters=filters, default_suffix=suffix, start=start
    )

    def chosen(name: str) -> None:
        path = Path(name)
        if confirm and path.exists():
            # The dialog is closing: ask over its parent.
            confirm_replace(parent, path, lambda: on_chosen(path, True))
        else:
            on_chosen(path, False)

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def open_calendar_files(
    parent: QWidget | None, on_chosen: Callable[[list[Path]], Any]
) -> QFileDialog:
    """Choose one or more .ics files to import."""
    dialog = private_file_dialog(
        parent,
        _tr("Import calendar files"),
        multiple=True,
        name_filters=[_tr("Calendar files (*.ics)"), _tr("All files (*)")],
        start=Path.home(),
    )
    dialog.filesSelected.connect(lambda files: on_chosen([Path(f) for f in files]))
    dialog.open()
    return dialog


def save_pdf(
    parent: QWidget | None, start: Path | None, on_chosen: Callable[[Path, bool], Any]
) -> QFileDialog:
    """Choose where to save a PDF; ``on_chosen(path, replace_confirmed)``.

    An existing file is offered for replacement only after the user said yes
    (``replace_confirmed`` is then True).
    """
    return _save(parent, _tr("Save PDF as"), [_tr("PDF files (*.pdf)")], "pdf", start, on_chosen)


def save_backup(
    parent: QWidget | None, start: Path | None, on_chosen: Callable[[Path, bool], Any]
) -> QFileDialog:
    """Choose where to write a backup; ``on_chosen(path, False)``.

    Nothing is asked about an existing file: a backup never replaces one (the service refuses
    it with its own message).
    """
    dialog = _save(
        parent,
        _tr("Back up the vault"),
        [_tr("Taiwa backups (*.taiwa-backup)")],
        "taiwa-backup",
        start,
        on_chosen,
        confirm=False,
    )
    dialog.setObjectName("backupFileDialog")
    return dialog


def open_backup(parent: QWidget | None, on_chosen: Callable[[Path], Any]) -> QFileDialog:
    """Choose a backup file to restore."""
    dialog = private_file_dialog(
        parent,
        _tr("Choose a backup"),
        name_filters=[_tr("Taiwa backups (*.taiwa-backup)"), _tr("All files (*)")],
        start=Path.home(),
    )
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.open()
    return dialog


def save_text(
    parent: QWidget | None, start: Path | None, on_chosen: Callable[[Path, bool], Any]
) -> QFileDialog:
    """Choose where to save the recovery code sheet (a .txt file)."""
    return _save(
        parent, _tr("Save the recovery code"), [_tr("Text files (*.txt)")], "txt", start, on_chosen
    )


def open_rollups(parent: QWidget | None, on_chosen: Callable[[list[Path]], Any]) -> QFileDialog:
    """Choose one or more roll-up files to read."""
    dialog = private_file_dialog(
        parent,
        _tr("Open roll-up files"),
        multiple=True,
        name_filters=[_tr("Taiwa roll-ups (*.json)"), _tr("All files (*)")],
        start=Path.home(),
    )
    dialog.filesSelected.connect(lambda files: on_chosen([Path(f) for f in files]))
    dialog.open()
    return dialog


def save_rollup(
    parent: QWidget | None, start: Path | None, on_chosen: Callable[[Path, bool], Any]
) -> QFileDialog:
    """Choose where to write a roll-up file; ``on_chosen(path, replace_confirmed)``."""
    return _save(
        parent,
        _tr("Save the roll-up as"),
        [_tr("Taiwa roll-ups (*.json)")],
        "json",
        start,
        on_chosen,
    )


def save_csv(
    parent: QWidget | None, start: Path | None, on_chosen: Callable[[Path, bool], Any]
) -> QFileDialog:
    """Choose where to write a CSV file; ``on_chosen(path, replace_confirmed)``."""
    return _save(parent, _tr("Save CSV as"), [_tr("CSV files (*.csv)")], "csv", start, on_chosen)
