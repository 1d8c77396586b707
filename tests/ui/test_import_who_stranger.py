"""'Who is this?' in the import preview for a series whose unknown attendee has an e-mail:
link to a person (by keyboard here), create one, or ignore the series."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from tests.unit.ics.test_who_stranger import CALENDAR, OWNER, UID


def _dialog(qtbot: Any, ctx: Any, tmp_path: Path) -> Any:
    from taiwa.ics import service
    from taiwa.store import calendar as repo
    from taiwa.ui.import_dialog import ImportDialog

    with ctx.db.transaction():
        repo.set_setting(ctx.db, service.OWNER_KEY, OWNER)
    path = tmp_path / "mika.ics"
    path.write_text(CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    dialog = ImportDialog(ctx, [path])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.show()
    dialog.from_edit.setDate(QDate(2026, 1, 1))
    dialog.to_edit.setDate(QDate(2026, 2, 28))
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.update_button.click()
    return dialog


def test_an_unknown_attendee_is_linked_by_keyboard(
    qtbot: Any, app_ctx: Any, tmp_path: Path
) -> None:
    from taiwa.store import calendar as repo

    hanako = app_ctx.store.people.add("Hanako Suzuki", emails=["hanako@example.com"])
    dialog = _dialog(qtbot, app_ctx, tmp_path)
    assert dialog.who_box.isVisible()
    combo, name = dialog.who_box.rows[UID]
    assert combo.currentText() == "As ticked in the list"
    assert name.text() == "Mika Ito" and not name.isEnabled()
    assert dialog.summary.text().startswith("Will add 0,")
    combo.setFocus()
    # Down past "Ignore this series" and "A new person named…" to the first person.
    for _ in range(3):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Hanako Suzuki"
    assert dialog.summary.text().startswith("Will add 3,")
    assert repo.series_choices(app_ctx.db) == {}
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert app_ctx.store.people.get(hanako.id).emails == ("hanako@example.com", "mika@example.com")
    assert repo.series_choices(app_ctx.db) == {UID: ("link", hanako.id)}


def test_ignore_and_new_person_choices(qtbot: Any, app_ctx: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, app_ctx, tmp_path)
    combo, name = dialog.who_box.rows[UID]
    combo.setCurrentIndex(combo.findText("A new person named…"))
    assert name.isEnabled()
    assert dialog.summary.text().startswith("Will add 3,")
    combo.setCurrentIndex(combo.findText("Ignore this series"))
    assert dialog.summary.text().startswith("Will add 0,")
    # Ticking the proposed person in the list does not override the series' answer.
    top = dialog.tree.topLevelItem(0)
    top.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.summary.text().startswith("Will add 0,")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_render_the_preview(qtbot: Any, app_ctx: Any, tmp_path: Path, lang: str) -> None:
    folder = os.environ.get("TAIWA_WHO_SHOTS")
    if not folder:
        pytest.skip("set TAIWA_WHO_SHOTS to a folder to render the preview")
    from taiwa.ui import i18n as ui_i18n

    ui_i18n.install(lang)
    try:
        app_ctx.store.people.add("Hanako Suzuki", emails=["hanako@example.com"])
        dialog = _dialog(qtbot, app_ctx, tmp_path)
        dialog.resize(900, 700)
        qtbot.wait(100)
        dialog.grab().save(str(Path(folder) / f"who-stranger-{lang}.png"))
    finally:
        ui_i18n.install("en")
