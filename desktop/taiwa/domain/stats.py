"""Execution rate (実施率) and its companions, for any period, per person and overall.

Execution rate = held ÷ planned over a period ``[start, end]`` (local days, both inclusive),
counted only up to today (the future is not yet planned-and-missed):

* **Planned** has two parts that never overlap:

  1. *Occurrences*: every meeting row of the person on a day in the period whose start is not
     after ``now`` — calendar occurrences (source ``calendar``) and meetings entered by hand,
     whatever their status, **including cancelled and skipped ones** (they were planned).
  2. *Empty cadence slots*: the person's active part of the period (from ``max(start,
     active_from)`` to ``min(end, today)``) is cut into consecutive slots of ``cadence_days``
     days. A *complete* slot in which the person has no meeting row at all counts as one
     planned meeting that was not held. A slot that holds a row is already counted by the rows
     (so a weekly calendar series with a 14-day cadence is not counted twice), and the last,
     incomplete slot counts only through its rows (it is not due yet). Archived people get no
     cadence slots (we do not know when they left), only their rows.

* **Held**: the rows that are held — status ``held``, or still ``planned`` but with shared or
  private notes or action items agreed in them (see :func:`taiwa.domain.facts.is_held`).

* **To confirm**: a calendar occurrence that has started, is still ``planned`` and has nothing
  written in it (:func:`awaits_confirmation`) is in neither part: an import cannot know whether
  it took place, and counting it as missed made a fresh import of 90 past days read 11-20 %.
  The rate says how many wait (``Rate.to_confirm``); its slot is not empty, and the person is
  not overdue because of it. Derived, not stored: marking it held, cancelled or skipped
  decides it.

So held ≤ planned always, and the rate is None when nothing was planned. The overall rate is
the sum of held over the sum of planned across people (not an average of rates), shown against
the 90 % target (:data:`~taiwa.domain.models.EXECUTION_RATE_TARGET`).

Companions, over the same period:

* average interval: the mean number of days between consecutive held meetings of a person
  (overall: the mean over every such gap of every person);
* action completion: of the action items agreed in the period, the share done (by today);
* theme balance: how many topics of each theme were raised (carried copies are not counted
  again).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from taiwa.domain.facts import ActionFact, MeetingFact, PersonFact, TopicFact
from taiwa.domain.models import (
    MeetingSource,
    MeetingStatus,
    PersonStats,
    Rate,
    StatsReport,
    Theme,
)


def awaits_confirmation(meeting: MeetingFact, now: datetime | None) -> bool:
    """A past calendar occurrence nobody decided on yet (held, cancelled or skipped).

    ``now`` may be None when the caller passes only meetings that have started.
    """
    return (
        meeting.status is MeetingStatus.PLANNED
        and meeting.source is MeetingSource.CALENDAR
        and not meeting.has_content
        and (now is None or meeting.starts_at <= now)
    )


def execution_rate(
    person: PersonFact,
    meetings: Iterable[MeetingFact],
    *,
    start: date,
    end: date,
    now: datetime,
    today: date,
) -> Rate:
    """Held ÷ planned for one person over ``[start, end]`` (see the module docstring).

    Args:
        person: the person (cadence, active-from day, archived flag).
        meetings: the person's meetings (any days; others are ignored).
        start: first day of the period.
        end: last day of the period.
        now: the current time (rows starting later are not counted yet).
        today: the current local day.
    """
    last = min(end, today)
    if last < start:
        return Rate(held=0, planned=0)
    in_period = [m for m in meetings if start <= m.day <= last]
    started = [m for m in in_period if m.starts_at <= now]
    counted = [m for m in started if not awaits_confirmation(m, now)]
    held = sum(1 for m in counted if m.held)
    planned = len(counted)
    if not person.archived:
        planned += empty_slots(
            person.cadence_days,
            first=max(start, person.active_from) if person.active_from else start,
            last=last,
            busy_days={m.day for m in in_period},
        )
    return Rate(held=held, planned=planned, to_confirm=len(started) - len(counted))


def empty_slots(cadence_days: int, *, first: date, last: date, busy_days: set[date]) -> int:
    """How many complete cadence slots between ``first`` and ``last`` hold no meeting."""
    days = sorted(busy_days)
    empty = 0
    slot = first
    step = timedelta(days=cadence_days)
    while slot + step - timedelta(days=1) <= last:
        slot_end = slot + step
        i = bisect.bisect_left(days, slot)
        if i == len(days) or days[i] >= slot_end:
            empty += 1
        slot = slot_end
    return empty


def intervals(held_days: Iterable[date]) -> list[int]:
    """Days between consecutive held meetings (same-day duplicates count as one meeting)."""
    days = sorted(set(held_days))
    return [(b - a).days for a, b in itertools.pairwise(days)]


def average(values: Sequence[int]) -> float | None:
    return None if not values else sum(values) / len(values)


def theme_balance(topics: Iterable[TopicFact], *, start: date, end: date) -> dict[Theme, int]:
    """Topics per theme raised in ``[start, end]`` (every theme present, carried copies not
    counted again)."""
    counts = Counter(t.theme for t in topics if not t.carried and start <= t.day <= end)
    return {theme: counts.get(theme, 0) for theme in Theme}


def action_counts(
    actions: Iterable[ActionFact], *, start: date, end: date, today: date
) -> dict[int, tuple[int, int]]:
    """Per person: (done by today, total) of the action items agreed in ``[start, end]``."""
    counts: dict[int, tuple[int, int]] = {}
    for a in actions:
        if start <= a.origin_day <= end:
            done, total = counts.get(a.person_id, (0, 0))
            finished = a.done_on is not None and a.done_on <= today
            counts[a.person_id] = (done + int(finished), total + 1)
    return counts


def _by_person(meetings: Iterable[MeetingFact]) -> dict[int, list[MeetingFact]]:
    by_person: dict[int, list[MeetingFact]] = defaultdict(list)
    for m in meetings:
        by_person[m.person_id].append(m)
    return by_person


def overall_rate(
    people: Sequence[PersonFact],
    meetings: Iterable[MeetingFact],
    *,
    start: date,
    end: date,
    now: datetime,
    today: date,
) -> Rate:
    """:func:`stats_report`'s ``overall`` alone: the sum of each person's
    :func:`execution_rate` (what the dashboard's gauges show; no intervals, no action items)."""
    by_person = _by_person(meetings)
    held = planned = waiting = 0
    for person in people:
        rate = execution_rate(
            person, by_person.get(person.id, []), start=start, end=end, now=now, today=today
        )
        held += rate.held
        planned += rate.planned
        waiting += rate.to_confirm
    return Rate(held=held, planned=planned, to_confirm=waiting)


def stats_report(
    people: Sequence[PersonFact],
    meetings: Iterable[MeetingFact],
    actions: Mapping[int, tuple[int, int]],
    *,
    start: date,
    end: date,
    now: datetime,
    today: date,
) -> StatsReport:
    """Execution rate, average interval and action completion per person and overall.

    Args:
        people: who is in the report.
        meetings: their meetings (any days; outside the period they are ignored).
        actions: per person, (done, total) action items agreed in the period
            (see :func:`action_counts`).
        start: first day of the period.
        end: last day of the period.
        now: the current time.
        today: the current local day.
    """
    by_person = _by_person(meetings)
    lines: list[PersonStats] = []
    all_gaps: list[int] = []
    held_sum = planned_sum = done_sum = total_sum = waiting_sum = 0
    for person in people:
        own = by_person.get(person.id, [])
        rate = execution_rate(person, own, start=start, end=end, now=now, today=today)
        gaps = intervals(
            m.day
            for m in own
            if m.held and start <= m.day <= min(end, today) and m.starts_at <= now
        )
        all_gaps.extend(gaps)
        held_sum += rate.held
        planned_sum += rate.planned
        waiting_sum += rate.to_confirm
        done, total = actions.get(person.id, (0, 0))
        done_sum += done
        total_sum += total
        lines.append(
            PersonStats(
                person_id=person.id,
                person_name=person.name,
                execution=rate,
                average_interval_days=average(gaps),
                actions_done=done,
                actions_total=total,
            )
        )
    return StatsReport(
        start=start,
        end=end,
        overall=Rate(held=held_sum, planned=planned_sum, to_confirm=waiting_sum),
        average_interval_days=average(all_gaps),
        actions_done=done_sum,
        actions_total=total_sum,
        people=tuple(lines),
    )
