"""What is coming up: planned meetings (manual and calendar) and the slots the cadence asks for.

For each active person, walking forward from the due day (:func:`taiwa.domain.cadence.next_due`):
a planned meeting on or before ``due + cadence/2`` covers that due day, and the next one falls a
cadence after that meeting; a due day nothing covers becomes a *cadence slot* (overdue when it
is already past), and the next one falls a cadence after it (or after today, when overdue).
Every planned meeting inside the window is listed as it is. So a booked series never shows extra
slots, and a person nobody booked shows one slot per cadence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from taiwa.domain import cadence
from taiwa.domain.facts import PersonFact
from taiwa.domain.models import MeetingSource, UpcomingItem, UpcomingKind


def person_upcoming(
    person: PersonFact,
    *,
    last_held: date | None,
    planned: Sequence[tuple[int, datetime, date, MeetingSource]],
    today: date,
    now: datetime,
    until: datetime,
    until_day: date,
) -> list[UpcomingItem]:
    """Upcoming items of one person between ``now`` and ``until``.

    Args:
        person: the person.
        last_held: the day of their last held meeting — or of a later past calendar
            occurrence still waiting for confirmation (:func:`taiwa.domain.stats.
            awaits_confirmation`): it was not missed, so it covers the cadence.
        planned: their planned meetings from ``now`` on as (id, start, local day, source),
            oldest first.
        today: the local day.
        now: the current time.
        until: the end of the window.
        until_day: the local day of ``until``.
    """
    items = [
        UpcomingItem(
            kind=UpcomingKind.MEETING,
            person_id=person.id,
            person_name=person.name,
            starts_at=start,
            due_on=day,
            meeting_id=meeting_id,
            source=source,
        )
        for meeting_id, start, day, source in planned
        if now <= start <= until
    ]
    if person.archived:
        return items
    step = timedelta(days=person.cadence_days)
    half = timedelta(days=person.cadence_days // 2)
    expected = cadence.next_due(
        last_held, person.cadence_days, active_from=person.active_from, today=today
    )
    days = [day for _, _, day, _ in planned]
    i = 0
    while expected <= until_day:
        if i < len(days) and days[i] <= expected + half:
            expected = days[i] + step
            i += 1
            continue
        items.append(
            UpcomingItem(
                kind=UpcomingKind.CADENCE,
                person_id=person.id,
                person_name=person.name,
                starts_at=None,
                due_on=expected,
                overdue=expected < today,
            )
        )
        expected = max(expected, today) + step
    return items


def within(items: Sequence[UpcomingItem], until: datetime, until_day: date) -> list[UpcomingItem]:
    """The items of a longer window that fall in the shorter one ending at ``until``.

    Equal to :func:`person_upcoming` over the shorter window, in the same order: the walk is
    the same and only stops earlier (meetings up to ``until``, cadence slots up to
    ``until_day``). The dashboard reads 60 days for one card and shows 14 in another.
    """
    return [
        it
        for it in items
        if (it.due_on <= until_day if it.starts_at is None else it.starts_at <= until)
    ]


def sort_items(items: Sequence[UpcomingItem]) -> list[UpcomingItem]:
    """Overdue first, then by day, planned meetings before cadence slots on the same day."""
    return sorted(
        items,
        key=lambda it: (
            not it.overdue,
            it.due_on,
            it.kind is UpcomingKind.CADENCE,
            it.starts_at.timestamp() if it.starts_at is not None else 0.0,
            it.person_name,
        ),
    )
