"""File dialogs leave no trace outside the vault: no recent files, no Qt dialog history.

The session's HOME is private (tests/conftest.py); after an export and an import chosen through
the app's dialogs, ``~/.local/share/recently-used.xbel`` and ``~/.config/QtProject.conf`` hold
none of the paths (they do not exist, or name no file or folder of the test).
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from taiwa.domain.models import MeetingStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"


def trace_files() -> list[Path]:
    home = Path(os.environ["HOME"])
    return [
        Path(os.environ["XDG_DATA_HOME"]) / "recently-used.xbel",
        home / ".local" / "share" / "recently-used.xbel",
        Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf",
        home / ".config" / "QtProject.conf",
    ]


def assert_no_trace(*needles: str) -> None:
    for path in trace_files():
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in needles:
                assert needle not in text, f"{path.name} names {needle}"


def choose(qtbot: Any, *files: Path) -> None:
    """Pick ``files`` in the open file dialog and accept it; wait until it is destroyed."""
    dialogs = [w for w in QApplication.allWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    # Walk through the folders, as a user would (Qt records visited folders as history).
    dialog.setDirectory(str(files[0].parent))
    if len(files) == 1:
        dialog.selectFile(str(files[0]))
    else:
        dialog.selectFile(" ".join(f'"{f.name}"' for f in files))
    gone: list[bool] = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)


def test_an_export_and_an_import_leave_no_path_behind(
    qtbot: Any, app_ctx: Any, tmp_path: Path
) -> None:
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.file_dialogs import open_calendar_files
    from taiwa.ui.import_dialog import ImportDialog

    person = app_ctx.store.people.add("Taro Yamada", emails=["taro.yamada@example.com"])
    meeting = app_ctx.store.meetings.create(
        person.id, datetime.now(UTC) - timedelta(days=3), status=MeetingStatus.HELD
    )
    out_dir = tmp_path / "pdf-folder-TRACE"
    out_dir.mkdir()
    ics_dir = tmp_path / "ics-folder-TRACE"
    ics_dir.mkdir()
    ics = ics_dir / "google_export.ics"
    shutil.copy(DATA / "google_export.ics", ics)

    # Export: the PDF's place chosen in the save dialog.
    export = ExportDialog(app_ctx, meeting_id=meeting.id)
    qtbot.addWidget(export)
    export.show()
    export._on_browse()
    choose(qtbot, out_dir / "summary-TRACE.pdf")
    assert export.path_edit.text() == str(out_dir / "summary-TRACE.pdf")
    with qtbot.waitSignal(export.exported, timeout=20000):
        export.export_button.click()
    assert (out_dir / "summary-TRACE.pdf").is_file()

    # Import: the .ics chosen in the open dialog, then imported.
    chosen: list[Path] = []
    opened = open_calendar_files(None, chosen.extend)  # noqa: F841 - parentless: keep it alive
    choose(qtbot, ics)
    assert chosen == [ics]
    dialog = ImportDialog(app_ctx, chosen)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.show()
    dialog.from_edit.setDate(QDate(2026, 1, 1))
    dialog.to_edit.setDate(QDate(2026, 2, 28))
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.update_button.click()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()

    assert_no_trace(str(tmp_path), "TRACE", "google_export")
    # Qt's dialog state went nowhere at all (not written, then undone).
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf").exists()
    # Nor in Qt's settings as this process sees them.
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert not settings.value("FileDialog/history")
    assert "TRACE" not in str(settings.value("FileDialog/lastVisited") or "")


def test_replacing_a_pdf_is_asked_and_no_means_no(qtbot: Any, app_ctx: Any, tmp_path: Path) -> None:
    from taiwa.ui.export_dialog import ExportDialog

    person = app_ctx.store.people.add("Hanako Suzuki")
    meeting = app_ctx.store.meetings.create(
        person.id, datetime.now(UTC) - timedelta(days=3), status=MeetingStatus.HELD
    )
    target = tmp_path / "existing.pdf"
    target.write_bytes(b"the user's own file")
    export = ExportDialog(app_ctx, meeting_id=meeting.id)
    qtbot.addWidget(export)
    export.show()
    export.path_edit.setText(str(target))
    qtbot.waitUntil(export.export_button.isEnabled, timeout=5000)

    # Typed path, Export: asked; Cancel leaves the file as it was.
    export.export_button.click()
    box = export.findChild(QMessageBox, "confirmReplace")
    assert box is not None and box.isVisible()
    assert "existing.pdf" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert not export.is_running()
    assert target.read_bytes() == b"the user's own file"

    # Chosen in the save dialog and confirmed there: Export replaces it without asking again.
    export._on_browse()
    choose(qtbot, target)
    box = export.findChild(QMessageBox, "confirmReplace")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: export._replace_confirmed == target, timeout=5000)
    with qtbot.waitSignal(export.exported, timeout=20000):
        export.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_the_dialog_history_is_put_back_where_setpath_does_not_apply(qapp: Any) -> None:
    # On Windows and macOS Qt's native settings ignore setPath: the guard undoes the write.
    from taiwa.ui.file_dialogs import _TraceGuard, keep_qt_settings_nowhere

    keep_qt_settings_nowhere()  # what follows must not reach the session's HOME either
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/history", ["file:///before"])
    settings.remove("FileDialog/lastVisited")
    guard = _TraceGuard()
    settings.setValue("FileDialog/history", ["file:///secret-folder"])
    settings.setValue("FileDialog/lastVisited", "file:///secret-folder")
    guard.restore()
    again = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert again.value("FileDialog/history") == ["file:///before"]
    assert again.value("FileDialog/lastVisited") is None
    again.remove("FileDialog")
