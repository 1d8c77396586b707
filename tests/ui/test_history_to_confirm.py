"""The person's meeting list says "To confirm" for a past calendar 1on1 nobody marked yet,
by the dashboard's rule (taiwa.domain.stats.awaits_confirmation)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

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
