"""The shell driving the real pages: lock during an unsaved edit, privacy mode on real data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from taiwa.ui.main_window import MainWindow
from tests.ui.shell_support import ime_type, visible_texts

PRIVATE = "PRIVATE-SENTINEL 転職を考えている"
OTHER = "Zed Otherperson"


@pytest.fixture
def people(main_window: MainWindow) -> dict[str, Any]:
    store = main_window.ctx.store
    aiko = store.people.add("Aiko Tanaka", role="Engineer", team="Platform", cadence_days=7)
    other = store.people.add(OTHER, role="Designer", team="Apps", cadence_days=7)
    past = datetime.now(UTC) - timedelta(days=40)
    meeting = store.meetings.create(
        aiko.id,
        past,
        status="held",
        mood=2,
        shared_notes="shared words",
        private_notes=PRIVATE,
    )
    store.meetings.create(other.id, past, status="held", private_notes="OTHER-PRIVATE")
    main_window.ctx.events.data_changed.emit()
    return {"aiko": aiko, "other": other, "meeting": meeting}


def _editor(window: MainWindow, name: str) -> QPlainTextEdit:
    page = window.page("meeting")
    assert page is not None
    edit = page.findChild(QPlainTextEdit, name)
    assert edit is not None, name
    return edit


def test_idle_lock_during_an_unsaved_edit_keeps_the_text(
    qtbot: Any, main_window: MainWindow, people: dict[str, Any]
) -> None:
    ctx = main_window.ctx
    meeting_id = people["meeting"].id
    ctx.events.open_meeting.emit(meeting_id)
    shared = _editor(main_window, "sharedNotesEdit")
    qtbot.waitUntil(lambda: shared.toPlainText() == "shared words", timeout=15_000)
    shared.setFocus()
    shared.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(shared, " typed just now ")
    ime_type(shared, "ちょくぜんのにゅうりょく", "直前の入力")
    assert shared.toPlainText().endswith("typed just now 直前の入力")
    # Locks well before the editor's own autosave debounce (500 ms) would fire.
    main_window.watcher.set_idle_interval_ms(30)
    qtbot.waitUntil(lambda: not ctx.is_unlocked, timeout=15_000)
    assert main_window._lock_reason == "idle"
    assert shared.toPlainText() == ""  # the editor was cleared
    assert shared.document().isUndoAvailable() is False
    main_window.watcher.set_idle_interval_ms(0)
    main_window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    saved = ctx.store.meetings.get(meeting_id).shared_notes
    assert saved == "shared words typed just now 直前の入力"
    # …and the user is back where they were.
    qtbot.waitUntil(lambda: _editor(main_window, "sharedNotesEdit").toPlainText() == saved)


def test_privacy_mode_hides_private_text_and_other_people(
    qtbot: Any, main_window: MainWindow, people: dict[str, Any]
) -> None:
    ctx = main_window.ctx
    ctx.events.open_meeting.emit(people["meeting"].id)
    qtbot.waitUntil(lambda: PRIVATE in visible_texts(main_window), timeout=15_000)

    main_window.act_privacy.trigger()
    qtbot.wait(50)
    text = visible_texts(main_window)
    assert PRIVATE not in text
    assert OTHER not in text
    assert "Aiko Tanaka" in text  # the meeting on screen stays usable

    for key in ("dashboard", "people", "search"):
        main_window.show_page(key)
        qtbot.wait(300)
        text = visible_texts(main_window)
        assert PRIVATE not in text, key
        assert "OTHER-PRIVATE" not in text, key
    assert main_window.windowTitle() == "Taiwa"

    main_window.act_privacy.trigger()
    ctx.events.open_meeting.emit(people["meeting"].id)
    qtbot.waitUntil(lambda: PRIVATE in visible_texts(main_window), timeout=15_000)


def test_new_meeting_shortcut_asks_for_the_person_then_opens_the_editor(
    qtbot: Any, main_window: MainWindow, people: dict[str, Any]
) -> None:
    from taiwa.ui.person_picker import PersonPicker

    main_window.show_page("dashboard")
    main_window.act_new_meeting.trigger()
    picker = main_window.findChild(PersonPicker)
    assert picker is not None
    qtbot.waitUntil(lambda: picker.list.count() == 2, timeout=15_000)
    qtbot.keyClicks(picker.filter, "aiko")
    assert picker.chosen_id() == people["aiko"].id
    count = main_window.ctx.store.meetings.count_for_person(people["aiko"].id)
    picker.accept()
    qtbot.waitUntil(lambda: main_window.current_page_key() == "meeting", timeout=15_000)
    assert main_window.ctx.store.meetings.count_for_person(people["aiko"].id) == count + 1
    # Alt+Left goes back.
    main_window.go_back()
    assert main_window.current_page_key() == "dashboard"


def test_import_and_export_dialogs_open_from_the_shell(
    qtbot: Any, main_window: MainWindow, people: dict[str, Any], tmp_path: Any
) -> None:
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.import_dialog import ImportDialog

    ics = tmp_path / "team.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:a@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261201T010000Z\r\n"
        "DTEND:20261201T013000Z\r\nSUMMARY:1on1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    dialog = main_window.open_import([ics])
    assert isinstance(dialog, ImportDialog)
    assert dialog.isVisible()
    dialog.reject()

    main_window.ctx.events.open_person.emit(people["aiko"].id)
    main_window.act_export.trigger()  # Ctrl+E
    export = main_window.findChild(ExportDialog)
    assert export is not None and export.isVisible()
    export.reject()
    main_window.lock()  # a lock with dialogs gone or open never fails
    assert main_window.is_locked()


def test_unlock_returns_to_the_meeting_the_editor_moved_to(
    qtbot: Any, main_window: MainWindow, people: dict[str, Any]
) -> None:
    from datetime import UTC, datetime, timedelta

    ctx = main_window.ctx
    later = ctx.store.meetings.create(
        people["aiko"].id, datetime.now(UTC) - timedelta(days=1), shared_notes="the later one"
    )
    ctx.events.open_meeting.emit(people["meeting"].id)
    editor = main_window.page("meeting")
    assert editor is not None
    editor.show_meeting(later.id)  # moved inside the editor (e.g. Ctrl+PgUp), not via the window
    main_window.lock()
    main_window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=15_000)
    qtbot.waitUntil(
        lambda: _editor(main_window, "sharedNotesEdit").toPlainText() == "the later one"
    )
