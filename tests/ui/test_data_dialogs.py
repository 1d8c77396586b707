"""File → Export data… / Import data…: private-parts warning, preview, errors per row, all or
nothing, off the GUI thread."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from taiwa.domain.models import MeetingStatus

SECRET = "DATA-DIALOG-PRIVATE-3141"


@pytest.fixture
def seeded(app_ctx: Any) -> Any:
    store = app_ctx.store
    person = store.people.add("高橋 美咲", emails=["misaki@example.com"])
    store.meetings.create(
        person.id,
        datetime.now(UTC) - timedelta(days=3),
        status=MeetingStatus.HELD,
        mood=3,
        shared_notes="DATA-DIALOG-SHARED",
        private_notes=SECRET,
    )
    return app_ctx


def test_export_dialog_warns_about_private_parts_and_writes_a_new_folder(
    qtbot: Any, seeded: Any, tmp_path: Path
) -> None:
    from taiwa.ui.data_dialogs import ExportDataDialog

    dialog = ExportDataDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.export_button.isEnabled()  # no folder yet
    qtbot.waitUntil(lambda: dialog.counts.rowCount() == 3, timeout=5000)
    assert dialog.counts.item(1, 1).text() == "1"
    assert dialog.private_warning.isHidden()
    dialog.include_private.setChecked(True)
    assert not dialog.private_warning.isHidden()
    dialog.include_private.setChecked(False)
    dialog.set_folder(tmp_path)
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    folder = dialog.target()
    assert folder is not None and (folder / "taiwa.json").is_file()
    data = (folder / "taiwa.json").read_text()
    assert "DATA-DIALOG-SHARED" in data and SECRET not in data
    assert str(folder) in dialog.status.text()


def test_import_dialog_lists_bad_rows_and_writes_nothing_then_imports(
    qtbot: Any, seeded: Any, tmp_path: Path
) -> None:
    from taiwa.ui.import_data_dialog import ImportDataDialog

    path = tmp_path / "people.csv"
    path.write_text("name,email\nJiro,jiro@example.com\nBad,SECRET-NOT-MAIL\n")
    dialog = ImportDataDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "row 3: email is not valid."
    ]
    assert not dialog.problems.isHidden()
    assert not dialog.import_button.isEnabled()
    path.write_text("name,email\nJiro,jiro@example.com\nMisaki,MISAKI@example.com\n")
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    assert dialog.problems.isHidden()
    rows = [
        [dialog.table.item(r, c).text() for c in range(2)] for r in range(dialog.table.rowCount())
    ]
    assert rows == [["Jiro", "new"], ["Misaki", "already there"]]
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert "New people: 1," in dialog.status.text()
    assert not dialog.import_button.isEnabled()  # once
    assert seeded.store.people.count() == 2


def test_newer_format_is_a_message_not_a_crash(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    from taiwa.ui.import_data_dialog import ImportDataDialog

    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": "taiwa", "schema_version": 7}))
    dialog = ImportDataDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: "version 7" in dialog.status.text(), timeout=5000)
    assert not dialog.import_button.isEnabled()


def test_file_menu_opens_both_dialogs(qtbot: Any, main_window: Any) -> None:
    from taiwa.ui.data_dialogs import ExportDataDialog
    from taiwa.ui.handover_dialog import HandoverDialog
    from taiwa.ui.import_data_dialog import ImportDataDialog

    texts = [a.text() for a in main_window._menus[0].actions()]
    assert {"Export &data…", "I&mport data…", "&Hand-over…"} <= set(texts)
    for action, kind in (
        (main_window.act_export_data, ExportDataDialog),
        (main_window.act_import_data, ImportDataDialog),
        (main_window.act_handover, HandoverDialog),
    ):
        action.trigger()
        dialog = main_window.findChild(kind)
        assert dialog is not None and dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=3000)


@pytest.mark.parametrize("suffix", ["md", "pdf"])
def test_handover_dialog_writes_the_shared_history_only(
    qtbot: Any, seeded: Any, tmp_path: Path, suffix: str
) -> None:
    from taiwa.ui.handover_dialog import HandoverDialog

    person = seeded.store.people.resolve("高橋")
    dialog = HandoverDialog(seeded, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person.currentData() == person.id
    target = tmp_path / f"handover.{suffix}"
    with qtbot.waitSignal(dialog.written, timeout=30000):
        dialog.write(target)
    data = target.read_bytes()
    assert SECRET.encode() not in data
    if suffix == "md":
        assert b"DATA-DIALOG-SHARED" in data
    else:
        assert data.startswith(b"%PDF")
    dialog.write(target)  # exists: refused with a message, not replaced
    qtbot.waitUntil(lambda: "already exists" in dialog.status.text(), timeout=30000)
    assert target.read_bytes() == data
