"""The person's meeting list says "To confirm" for a past calendar 1on1 nobody marked yet,
by the dashboard's rule (taiwa.domain.stats.awaits_confirmation)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from taiwa.domain.models import MeetingSource, MeetingStatus, MeetingSummary

NOW = datetime.now(UTC)


def _row(meeting_id: int, **changes: Any) -> MeetingSummary:
    base = MeetingSummary(
        id=meeting_id,
        person_id=1,
        starts_at=NOW - timedelta(days=3),
        status=MeetingStatus.PLANNED,
        source=MeetingSource.CALENDAR,
        mood=None,
        purpose="",
        topic_count=0,
        action_count=0,
        held=False,
    )
    return replace(base, **changes)


def test_past_imported_planned_meetings_say_to_confirm(qapp: Any) -> None:
    from taiwa.ui.models import MeetingHistoryModel

    rows = [
        _row(1),  # past, imported, nothing written: to confirm
        _row(2, starts_at=NOW + timedelta(days=3)),  # still ahead
        _row(3, source=MeetingSource.MANUAL),  # typed in by hand
        _row(4, purpose="Career"),  # written in: counts as held, not waiting
        _row(5, status=MeetingStatus.HELD, held=True),
    ]
    for compact in (False, True):
        model = MeetingHistoryModel(compact=compact)
        model.set_source(lambda offset, limit: rows[offset : offset + limit], len(rows))
        shown = {
            model.object_at(r).id: model.index(r, model.STATUS).data() for r in range(len(rows))
        }
        assert shown == {1: "To confirm", 2: "Planned", 3: "Planned", 4: "Planned", 5: "Held"}
    first = next(r for r in range(len(rows)) if model.object_at(r).id == 1)
    # The editor's compact list shows the status as a dot with a tooltip.
    assert model.index(first, model.DATE).data(Qt.ItemDataRole.ToolTipRole) == "To confirm"


def test_the_person_page_confirms_with_a_key(qtbot: Any, app_ctx: Any) -> None:
    from taiwa.store import calendar as repo
    from taiwa.ui.person_page import PersonPage

    person = app_ctx.store.people.add("Mika Ito")
    when = NOW.replace(microsecond=0) - timedelta(days=2)
    change = repo.Change(
        "add", None, person.id, "uid-1", "", 0, when, None, "UTC", "confirmed", "1on1", None
    )
    with app_ctx.db.transaction():
        repo.apply_changes(app_ctx.db, [change], [], NOW)
    page = PersonPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_person(person.id)
    view = page.history_view
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=5000)
    assert page.history.index(0, page.history.STATUS).data() == "To confirm"
    view.setFocus()
    view.setCurrentIndex(page.history.index(0, 0))
    assert [a.text() for a in view.actions()][-3:] == [
        "Mark held",
        "Mark cancelled",
        "Mark skipped",
    ]
    page.activateWindow()
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: repo.awaiting_confirmation(app_ctx.db, NOW) == [], timeout=5000)
    qtbot.waitUntil(
        lambda: page.history.index(0, page.history.STATUS).data() == "Held", timeout=5000
    )
    assert repo.awaiting_confirmation(app_ctx.db, NOW) == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_render_the_person_page(qtbot: Any, app_ctx: Any, lang: str) -> None:
    folder = os.environ.get("TAIWA_WHO_SHOTS")
    if not folder:
        pytest.skip("set TAIWA_WHO_SHOTS to a folder to render the person page")
    from taiwa.store import calendar as repo
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.person_page import PersonPage

    ui_i18n.install(lang)
    try:
        person = app_ctx.store.people.add("Mika Ito")
        changes = [
            repo.Change(
                "add",
                None,
                person.id,
                f"u{d}",
                "",
                0,
                NOW - timedelta(days=d),
                None,
                "UTC",
                "confirmed",
                "1on1",
                None,
            )
            for d in (-5, 2, 9)
        ]
        with app_ctx.db.transaction():
            repo.apply_changes(app_ctx.db, changes, [], NOW)
        page = PersonPage(app_ctx)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        page.show_person(person.id)
        qtbot.waitUntil(lambda: page.history.rowCount() == 3, timeout=5000)
        qtbot.wait(100)
        page.grab().save(str(Path(folder) / f"person-to-confirm-{lang}.png"))
    finally:
        ui_i18n.install("en")
