"""Part B in the GUI: "who is this?" in the import preview, why a preview is short, and the
dashboard's past 1on1s to confirm (keys H, C, S; a whole series at once)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt

from tests.unit.ics.test_who_and_reasons import OWN_CALENDAR

UID = "weekly-1on1@example.com"


def _dialog(qtbot: Any, ctx: Any, tmp_path: Path) -> Any:
    from taiwa.ui.import_dialog import ImportDialog

    path = tmp_path / "own.ics"
    path.write_text(OWN_CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    dialog = ImportDialog(ctx, [path])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.show()
    dialog.from_edit.setDate(QDate(2026, 1, 1))
    dialog.to_edit.setDate(QDate(2026, 2, 28))
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.update_button.click()
    return dialog


def test_who_is_this_then_import_then_confirm_on_the_dashboard(
    qtbot: Any, app_ctx: Any, tmp_path: Path
) -> None:
    from taiwa.store import calendar as repo
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.dashboard import DashboardPage

    ui_i18n.install("en")  # English plural forms, whichever test ran before
    page = DashboardPage(app_ctx)
    qtbot.addWidget(page)
    app_ctx.store.people.add("Hanako Suzuki", emails=["hanako@example.com"])
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    assert not page.to_confirm_card.isVisible()

    dialog = _dialog(qtbot, app_ctx, tmp_path)
    assert dialog.why.text() == "Not in this preview: 1 event outside the period, 2 not 1on1s."
    assert "Dentist" not in dialog.why.text()
    assert dialog.who_box.isVisible()
    assert dialog.tree.topLevelItem(0).text(0) == "Who is this? Weekly 1:1s"
    assert dialog.summary.text().startswith("Will add 0,")
    combo, name = dialog.who_box.rows[UID]
    combo.setCurrentIndex(combo.findText("Hanako Suzuki"))
    assert not name.isEnabled()
    assert dialog.summary.text().startswith("Will add 4,")
    assert repo.series_choices(app_ctx.db) == {}  # a preview remembers nothing
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert list(repo.series_choices(app_ctx.db)) == [UID]

    # The open dashboard refreshes by itself: four past occurrences wait.
    card = page.to_confirm_card
    qtbot.waitUntil(lambda: card.tree.topLevelItemCount() == 1, timeout=5000)
    assert card.isVisible() and card.title.text() == "To confirm (4)"
    assert "4 past 1on1s from the calendar wait" in page.waiting_hint.text()
    series = card.tree.topLevelItem(0)
    card.tree.setCurrentItem(series.child(0))
    card.tree.setFocus()
    qtbot.keyClick(card.tree, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: card.title.text() == "To confirm (3)", timeout=5000)
    # The whole series at once: select its row, then S.
    card.tree.setCurrentItem(card.tree.topLevelItem(0))
    qtbot.keyClick(card.tree, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=5000)
    statuses = [r[0] for r in app_ctx.db.query("SELECT status FROM meeting ORDER BY starts_at")]
    assert statuses == ["held", "skipped", "skipped", "skipped"]


def test_a_typed_owner_is_not_called_remembered(qtbot: Any, app_ctx: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, app_ctx, tmp_path)
    dialog.owner_edit.setText("me@example.com")
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.update_button.click()
    assert dialog.owner_hint.text() == "As entered; remembered once you import."


def test_every_open_view_refreshes_after_an_import(
    qtbot: Any, app_ctx: Any, main_window: Any, tmp_path: Path
) -> None:
    hanako = app_ctx.store.people.add("Hanako Suzuki", emails=["hanako@example.com"])
    dashboard = main_window.show_page("dashboard")
    people = main_window.show_page("people")
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    app_ctx.events.open_person.emit(hanako.id)
    person = main_window.page("person")
    qtbot.waitUntil(person.isVisible, timeout=5000)
    assert person.history.rowCount() == 0
    dialog = _dialog(qtbot, app_ctx, tmp_path)
    combo, _name = dialog.who_box.rows[UID]
    combo.setCurrentIndex(combo.findText("Hanako Suzuki"))
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    # The page on screen at once; the others when they are shown again.
    qtbot.waitUntil(lambda: person.history.rowCount() == 4, timeout=5000)
    main_window.show_page("dashboard")
    qtbot.waitUntil(dashboard.to_confirm_card.isVisible, timeout=5000)
    assert dashboard.to_confirm_card.title.text() == "To confirm (4)"


def test_enter_on_a_date_opens_the_meeting(qtbot: Any, app_ctx: Any) -> None:
    from taiwa.store import calendar as repo
    from taiwa.ui.to_confirm import ToConfirmCard

    card = ToConfirmCard(app_ctx)
    qtbot.addWidget(card)
    first = repo.ToConfirm(7, 1, "Hanako Suzuki", datetime(2026, 1, 5, 1, tzinfo=UTC), UID, "1:1")
    card.set_rows([first])
    card.show()
    child = card.tree.topLevelItem(0).child(0)
    with qtbot.waitSignal(app_ctx.events.open_meeting) as opened:
        card.tree.itemActivated.emit(child, 0)
    assert opened.args == [7]
