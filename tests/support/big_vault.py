"""A person with hundreds of past meetings, for tests of long PDF exports (deterministic)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bench.pdf_data import sample_meetings, sample_person
from taiwa.domain.models import ActionDraft, MeetingStatus, TopicDraft


def fill_person(store: Any, count: int) -> int:
    """Add a person with ``count`` meetings every 14 days up to last week; returns their id.

    One transaction for all of it: a commit per meeting (an fsync each) would take seconds.
    """
    sample = sample_person()
    start = datetime.now(UTC) - timedelta(days=14 * count + 7)
    with store.db.transaction():
        person = store.people.add(
            sample.name,
            emails=sample.emails,
            role=sample.role,
            team=sample.team,
            started_on=sample.started_on,
            career_goals=sample.career_goals,
        )
        for m in sample_meetings(count, start=start):
            store.meetings.create(
                person.id,
                m.starts_at,
                status=MeetingStatus.HELD,
                carry_over=False,
                topics=[TopicDraft(t.theme, t.text, t.raised_by, t.state) for t in m.topics],
                actions=[ActionDraft(a.owner, a.text, a.due_on) for a in m.actions],
                purpose=m.purpose,
                wanted_response=m.wanted_response,
                mood=m.mood,
                shared_notes=m.shared_notes,
                private_notes=m.private_notes,
                zone=m.zone,
            )
    return int(person.id)
