"""The calendar import dialog: off-thread preview grouped per person, proposals, problems."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"


@pytest.fixture
def people(app_ctx: Any) -> Any:
    app_ctx.store.people.add("Taro Yamada", emails=["taro.yamada@example.com"])
    app_ctx.store.people.add("Hanako Suzuki", emails=["hanako@example.com"])
    return app_ctx


def make(qtbot: Any, ctx: Any, tmp_path: Path, *names: str) -> Any:
    from taiwa.ui.import_dialog import ImportDialog

    paths = []
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
        paths.append(tmp_path / name)
    dialog = ImportDialog(ctx, paths)
    qtbot.addWidget(dialog)
    # The fixtures are in January and February 2026.
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.show()
    dialog.from_edit.setDate(QDate(2026, 1, 1))
    dialog.to_edit.setDate(QDate(2026, 2, 28))
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.update_button.click()
    return dialog


def tops(dialog: Any) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]


def meetings(ctx: Any) -> list[tuple[str, str]]:
    rows = ctx.db.query(
        "SELECT p.name, m.status FROM meeting m JOIN person p ON p.id = m.person_id"
        " WHERE m.source = 'calendar' ORDER BY m.starts_at"
    )
    return [(r[0], r[1]) for r in rows]


def test_preview_per_person_then_import_with_a_proposed_person(
    qtbot: Any, people: Any, tmp_path: Path
) -> None:
    dialog = make(qtbot, people, tmp_path, "google_export.ics")
    assert tops(dialog) == [
        "Hanako Suzuki",
        "New person: Jiro Sato <jiro@example.com>",
        "Taro Yamada",
    ]
    taro = dialog.tree.topLevelItem(2)
    assert taro.text(1) == "5 to add, 0 to update, 1 to cancel"
    actions = [taro.child(i).text(3) for i in range(taro.childCount())]
    assert actions == ["add", "add", "add", "cancel", "add", "add"]
    assert taro.child(0).text(1) == "Weekly sync"
    assert not dialog.problems.isVisible() and dialog.import_button.isEnabled()
    assert dialog.owner_edit.text() == "manager@example.com"
    assert dialog.summary.text() == "Will add 6, update 0, cancel 1, leave 1 unchanged."
    jiro = dialog.tree.topLevelItem(1)
    assert jiro.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert jiro.text(1) == "0 to add, 0 to update, 0 to cancel"
    assert jiro.child(0).text(3) == "unchanged"
    jiro.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.accepted_people() == ["jiro@example.com"]
    assert jiro.text(1) == "1 to add, 0 to update, 0 to cancel"
    assert jiro.child(0).text(3) == "add"
    assert "Will add 7," in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert people.store.people.find_by_email("jiro@example.com") is not None
    found = meetings(people)
    assert ("Jiro Sato", "planned") in found and ("Taro Yamada", "cancelled") in found
    assert len(found) == 8


def test_problems_need_consent_and_quote_nothing(qtbot: Any, people: Any, tmp_path: Path) -> None:
    dialog = make(qtbot, people, tmp_path, "bad_mixed.ics")
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert texts == [
        "bad_mixed.ics, event 2 (line 18): the event's start, end or recurrence cannot be read",
        # Its start could be read: named (digits only) so the user finds the event.
        "bad_mixed.ics, event 3 (line 26), DTSTART 2026-01-14 01:00:00Z: the event has lines"
        " that are not valid iCalendar",
    ]
    assert all("SENTINEL" not in t for t in texts)
    assert not dialog.import_button.isEnabled()
    dialog.accept_partial.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert meetings(people) == [("Taro Yamada", "planned"), ("Hanako Suzuki", "planned")]


def test_privacy_mode_hides_names_and_titles(qtbot: Any, people: Any, tmp_path: Path) -> None:
    people.set_privacy_mode(True)
    dialog = make(qtbot, people, tmp_path, "google_export.ics")
    assert dialog.privacy_hint.isVisible()
    assert tops(dialog) == ["Series 1", "Series 2", "Series 3"]
    assert all(dialog.tree.topLevelItem(i).childCount() == 0 for i in range(3))


def test_unreadable_file_shows_a_message_and_writes_nothing(
    qtbot: Any, people: Any, tmp_path: Path
) -> None:
    from taiwa.ui.import_dialog import ImportDialog

    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    dialog = ImportDialog(people, [empty])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "empty" in dialog.status.text(), timeout=20000)
    assert dialog.status.text() == "empty.ics: the file is empty."
    assert not dialog.import_button.isEnabled()
    assert meetings(people) == []
    assert date.today()  # the dialog's default period is around today


def test_locking_closes_the_preview(qtbot: Any, people: Any, tmp_path: Path) -> None:
    dialog = make(qtbot, people, tmp_path, "google_export.ics")
    assert dialog.tree.topLevelItemCount() == 3
    people.events.locked.emit()
    assert not dialog.isVisible()
    assert dialog.tree.topLevelItemCount() == 0 and dialog.plan is None
