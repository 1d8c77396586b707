"""A past meeting can be changed in every field and deleted from the editor (after a yes)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from taiwa.domain.models import MeetingStatus, WantedResponse
from taiwa.errors import TaiwaError
from tests.ui.pages_support import seed


def _editor(main_window: Any, meeting_id: int) -> Any:
    main_window._on_open_meeting(meeting_id)
    editor = main_window.page("meeting")
    assert editor.meeting_id == meeting_id
    return editor


def test_a_past_meeting_changes_in_every_field(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    store = main_window.ctx.store
    editor = _editor(main_window, sample.first.id)

    editor.when.setDateTime(QDateTime(QDate(2025, 3, 4), QTime(9, 30)))
    editor._on_when_edited()
    editor.status.setCurrentIndex(list(MeetingStatus).index(MeetingStatus.CANCELLED))
    editor._on_status_activated(editor.status.currentIndex())
    editor.wanted.buttons()[WantedResponse.JUST_LISTEN].click()
    editor.mood.buttons()[2].click()
    editor.purpose.setText("Changed afterwards")
    editor._on_text_edited()
    editor.shared.set_text("Shared, corrected")
    editor._on_text_edited()
    editor.private.set_text("Private, corrected")
    editor._on_text_edited()
    editor.flush()

    m = store.meetings.get(sample.first.id)
    local = m.starts_at.astimezone()
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2025, 3, 4, 9, 30)
    assert MeetingStatus(m.status) is MeetingStatus.CANCELLED
    assert WantedResponse(m.wanted_response) is WantedResponse.JUST_LISTEN
    assert m.mood == 2
    assert (m.purpose, m.shared_notes, m.private_notes) == (
        "Changed afterwards",
        "Shared, corrected",
        "Private, corrected",
    )
    assert m.starts_at.tzinfo is not None and m.starts_at < datetime.now(UTC)


@pytest.mark.parametrize("answer", [False, True])
def test_delete_from_the_editor_asks_first(
    qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    from taiwa.ui import lifecycle, ops

    asked: list[str] = []

    def confirm(_parent: Any, _ctx: Any, title: str, _text: str) -> bool:
        asked.append(title)
        return answer

    monkeypatch.setattr(lifecycle, "confirm_erase", confirm)
    sample = seed(main_window.ctx.store)
    store = main_window.ctx.store
    editor = _editor(main_window, sample.second.id)
    editor.history_view.setFocus()
    qtbot.keyClick(editor.history_view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    ops.wait_for_pending(10_000)
    qtbot.wait(50)
    assert asked, "Shift+Del in the meeting list asks"
    if not answer:
        assert store.meetings.get(sample.second.id).id == sample.second.id
        assert editor.meeting_id == sample.second.id
        return
    with pytest.raises(TaiwaError):
        store.meetings.get(sample.second.id)
    # Back on the person's page; the editor holds nothing of the deleted meeting.
    qtbot.waitUntil(lambda: main_window.current_page_key() == "person", timeout=3000)
    assert editor.meeting_id is None


def test_the_delete_button_deletes_the_open_meeting(
    qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui import lifecycle, ops

    monkeypatch.setattr(lifecycle, "confirm_erase", lambda *_a: True)
    sample = seed(main_window.ctx.store)
    editor = _editor(main_window, sample.first.id)
    editor.delete_button.click()
    ops.wait_for_pending(10_000)
    qtbot.waitUntil(lambda: main_window.current_page_key() == "person", timeout=3000)
    remaining = [m.id for m in main_window.ctx.store.meetings.list_for_person(sample.alice.id)]
    assert sample.first.id not in remaining and sample.second.id in remaining
