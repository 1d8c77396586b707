"""File → Export roll-up… and View → Roll-ups…: what leaves is shown before it is written, the
viewer verifies files and applies the group-size rule, both in English and Japanese."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from taiwa.domain.models import MeetingStatus
from taiwa.rollup import document, files, report_files
from taiwa.ui.rollup_dialogs import last_quarter

NOTE = "ROLLUP-UI-NOTE-2718"


@pytest.fixture
def seeded(app_ctx: Any) -> Any:
    store = app_ctx.store
    start, _end = last_quarter(date.today())
    for i in range(6):
        person = store.people.add(f"Person {i}", team="Platform" if i < 5 else "Solo")
        store.meetings.create(
            person.id,
            datetime(start.year, start.month, 10, 9, tzinfo=UTC),
            status=MeetingStatus.HELD,
            shared_notes=NOTE,
            private_notes=NOTE,
            mood=2,
        )
    return app_ctx


def _texts(widget: Any) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel)]
    for table in widget.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                parts.append(item.text() if item else "")
    return "\n".join(parts)


def test_export_dialog_previews_the_file_then_writes_it(
    qtbot: Any, seeded: Any, tmp_path: Path
) -> None:
    from taiwa.ui.rollup_dialogs import RollupExportDialog

    dialog = RollupExportDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert dialog.preview.rowCount() == 6
    shown = _texts(dialog)
    assert NOTE not in shown and "Person 0" not in shown  # pseudonyms by default
    assert "Execution rate" in shown and "R-" in shown
    assert dialog.names_warning.isHidden()
    dialog.names.setChecked(True)
    assert not dialog.names_warning.isHidden()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert "Person 0" in _texts(dialog)
    dialog.names.setChecked(False)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    prepared = dialog._prepared
    target = tmp_path / "q.json"
    dialog._write(prepared, target, False)
    qtbot.waitUntil(target.exists, timeout=10_000)
    # What was previewed is what was written, byte for byte.
    assert target.read_bytes() == prepared.data
    signed = files.read(target)
    assert [line.ref for line in signed.rollup.reports] == [
        dialog.preview.item(r, 0).text() for r in range(dialog.preview.rowCount())
    ]
    assert NOTE not in target.read_text()


def test_export_dialog_refuses_a_reversed_period(qtbot: Any, seeded: Any) -> None:
    from taiwa.ui.rollup_dialogs import RollupExportDialog

    dialog = RollupExportDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    assert not dialog.save_button.isEnabled()
    assert "before" in dialog.status.text()


def _export(ctx: Any, path: Path) -> Path:
    from taiwa.rollup import collect

    start, end = last_quarter(date.today())
    rollup = collect.collect(ctx.store, start, end)
    path.write_bytes(document.encode(rollup, ctx.store.rollups.seed()))
    return path


def test_viewer_reads_keeps_and_refuses_a_tampered_file(
    qtbot: Any, seeded: Any, tmp_path: Path
) -> None:
    from taiwa.ui.rollup_dialogs import RollupViewer

    good = _export(seeded, tmp_path / "good.json")
    viewer = RollupViewer(seeded)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.open_files([good])
    qtbot.waitUntil(lambda: viewer.table.rowCount() == 2, timeout=10_000)  # Platform + overall
    assert viewer.table.item(0, 0).text() == "Platform"
    assert "Solo" not in _texts(viewer)  # a team of one is never shown on its own
    assert "counted only in the overall" in viewer.notes.text()
    viewer.min_group.setValue(7)
    assert viewer.table.rowCount() == 0 and "nothing is shown" in viewer.notes.text()
    viewer.min_group.setValue(5)
    viewer.keep_button.click()
    qtbot.waitUntil(lambda: len(seeded.store.rollups.kept()) == 1, timeout=10_000)
    # A tampered file: a message names the file; the view keeps what it had.
    doc = json.loads(good.read_text())
    doc["payload"]["reports"][0]["held"] = 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    from taiwa.ui import ops

    shown: list[str] = []
    original = ops.show_error
    ops.show_error = lambda parent, exc: shown.append(exc.localized())  # type: ignore[assignment]
    try:
        viewer.open_files([bad])
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    finally:
        ops.show_error = original
    assert "bad.json" in shown[0] and "signature" in shown[0]
    assert viewer.table.rowCount() == 2
    csv_path = tmp_path / "view.csv"
    assert viewer._view is not None
    report_files.write_csv(viewer._view, csv_path)
    assert "Platform" in csv_path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_rollup_screens_render(qtbot: Any, seeded: Any, tmp_path: Path, lang: str) -> None:
    """Both dialogs in each language, saved as PNG for a look (TAIWA_SHOTS=folder keeps them)."""
    import os

    from taiwa import i18n
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.rollup_dialogs import RollupExportDialog, RollupViewer

    ui_i18n.install(lang)
    i18n.set_language(lang)
    out = Path(os.environ.get("TAIWA_SHOTS", tmp_path))
    dialog = RollupExportDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    assert dialog.grab().save(str(out / f"rollup-export-{lang}.png"))
    viewer = RollupViewer(seeded)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.open_files([_export(seeded, tmp_path / "r.json")])
    qtbot.waitUntil(lambda: viewer.table.rowCount() == 2, timeout=10_000)
    assert viewer.grab().save(str(out / f"rollup-view-{lang}.png"))
    if lang == "ja":
        assert "全体" in _texts(viewer)
