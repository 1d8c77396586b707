"""The app's record-lifecycle actions: edit, archive and delete a person from the Person menu
and the people list, move a meeting, delete an action item, the retention setting and notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from taiwa.domain import errors
from taiwa.ui import lifecycle, ops
from taiwa.ui.main_window import MainWindow
from tests.ui.pages_support import process


@pytest.fixture
def people(main_window: MainWindow) -> dict[str, Any]:
    store = main_window.ctx.store
    aiko = store.people.add("Aiko Tanaka", emails=["aiko@example.com"], role="Engineer")
    ken = store.people.add("Ken Ito", role="Designer")
    meeting = store.meetings.create(
        aiko.id,
        datetime.now(UTC) - timedelta(days=3),
        status="held",
        shared_notes="shared words",
    )
    item = store.actions.add(aiko.id, "manager", "Book the training", meeting_id=meeting.id)
    main_window.ctx.events.data_changed.emit()
    return {"aiko": aiko, "ken": ken, "meeting": meeting, "item": item}


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The user's answers to the confirmation and the person choice (recorded when asked)."""
    given: dict[str, Any] = {"erase": True, "item": None, "asked": []}

    def confirm(parent: Any, ctx: Any, title: str, text: str) -> bool:
        given["asked"].append((title, text, lifecycle.backups_text(ctx.db)))
        return bool(given["erase"])

    def get_item(parent: Any, title: str, label: str, items: list[str], *a: Any) -> Any:
        given["asked"].append((title, label, items))
        return (given["item"] or items[0], True)

    monkeypatch.setattr(lifecycle, "confirm_erase", confirm)
    monkeypatch.setattr(lifecycle.QInputDialog, "getItem", staticmethod(get_item))
    return given


def _settle() -> None:
    assert ops.wait_for_pending(10_000)
    process(50)


def test_the_person_menu_archives_and_brings_back(
    main_window: MainWindow, people: dict[str, Any]
) -> None:
    aiko = people["aiko"]
    main_window.ctx.events.open_person.emit(aiko.id)
    process(50)
    menu = main_window._person_menu
    menu.update()
    assert menu.archive.isEnabled() and menu.delete.isEnabled() and menu.edit.isEnabled()
    assert not menu.move.isEnabled()  # no meeting open
    menu.archive.trigger()
    _settle()
    assert main_window.ctx.store.people.get(aiko.id).archived
    person_page = main_window.page("person")
    assert person_page is not None
    person_page.show_person(aiko.id, force=True)
    assert person_page.facts.text().startswith("Archived")
    assert main_window.current_page_key() == "people"
    listed = main_window.page("people")
    assert listed is not None
    names = [listed.model.index(r, 0).data() for r in range(listed.model.rowCount())]
    assert "Aiko Tanaka" not in names and "Ken Ito" in names
    dialog = lifecycle.ArchivedPeopleDialog(main_window.ctx, main_window)
    assert [dialog.list.item(r).text().split()[0] for r in range(dialog.list.count())] == ["Aiko"]
    dialog._on_unarchive()
    _settle()
    assert not main_window.ctx.store.people.get(aiko.id).archived
    assert dialog.list.item(0).text() == "Nobody is archived."
    assert not dialog.unarchive_button.isEnabled()
    dialog.close()


def test_delete_from_the_people_list_asks_first_and_names_the_backups(
    main_window: MainWindow, people: dict[str, Any], answer: dict[str, Any]
) -> None:
    backups = main_window.ctx.db.folder / "backups"
    backups.mkdir(mode=0o700, exist_ok=True)
    (backups / "taiwa-v3-20260101T000000Z.db").write_bytes(b"old copy")
    page = main_window.show_page("people")
    process(50)
    assert page is not None
    page._select(people["aiko"].id)
    keys = {a.shortcut().toString(): a for a in page.view.actions()}
    assert {"F2", "Shift+Del"} <= set(keys)
    answer["erase"] = False
    keys["Shift+Del"].trigger()
    _settle()
    _title, text, backups_said = answer["asked"][-1]
    assert "Aiko Tanaka" in text and "1 meetings" in text
    assert "taiwa-v3-20260101T000000Z.db" in backups_said
    assert "Earlier backups still hold this data" in backups_said
    assert main_window.ctx.store.people.get(people["aiko"].id)
    answer["erase"] = True
    keys["Shift+Del"].trigger()
    _settle()
    with pytest.raises(errors.UnknownPersonError):
        main_window.ctx.store.people.get(people["aiko"].id)
    assert not main_window.ctx.store.search.search("shared words")


def test_a_meeting_moves_to_the_person_chosen(
    main_window: MainWindow, people: dict[str, Any], answer: dict[str, Any]
) -> None:
    main_window.ctx.events.open_meeting.emit(people["meeting"].id)
    process(50)
    menu = main_window._person_menu
    menu.update()
    assert menu.move.isEnabled()
    answer["item"] = "Ken Ito"
    menu.move.trigger()
    _settle()
    _title, _label, items = answer["asked"][-1]
    assert items == ["Ken Ito"]  # not the person it belongs to
    store = main_window.ctx.store
    assert store.meetings.get(people["meeting"].id).person_id == people["ken"].id
    assert [a.text for a in store.actions.list_for_person(people["ken"].id)] == [
        "Book the training"
    ]


def test_an_action_item_is_deleted_from_the_person_page(
    main_window: MainWindow, people: dict[str, Any], answer: dict[str, Any]
) -> None:
    main_window.ctx.events.open_person.emit(people["aiko"].id)
    process(50)
    page = main_window.page("person")
    assert page is not None
    page.action_view.setCurrentIndex(page.actions_model.index(0, 0))
    delete = next(a for a in page.action_view.actions() if a.shortcut().toString() == "Shift+Del")
    delete.trigger()
    _settle()
    assert answer["asked"][-1][0] == "Delete action item"
    with pytest.raises(errors.ActionNotFoundError):
        main_window.ctx.store.actions.get(people["item"].id)


def test_the_retention_setting_is_saved_and_the_notice_shown(
    main_window: MainWindow, qtbot: Any
) -> None:
    from taiwa.ui.settings_dialog import SettingsDialog
    from taiwa.vault.service import NOTICE_RETENTION_ERASED

    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    _settle()
    assert dialog.retention.value() == 0
    assert dialog.retention.text() == "Never"
    dialog.retention.setValue(7)
    dialog._on_ok()
    _settle()
    assert main_window.ctx.store.retention.years() == 7

    from types import SimpleNamespace

    opened = SimpleNamespace(notices=[NOTICE_RETENTION_ERASED], retention_erased=2)
    lifecycle.announce_vault_notices(main_window, opened)
    process(50)
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "retentionNotice"
    ]
    assert boxes and "erased 2 archived people" in boxes[0].text()
    for box in boxes:
        box.close()
