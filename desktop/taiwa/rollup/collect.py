"""A manager's roll-up for a period, counted from their vault.

The execution rate is the one of :mod:`taiwa.domain.stats` (the dashboard's), so a roll-up's
figures equal what the manager sees in their own vault for the same period.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from itertools import pairwise

from taiwa.domain import stats
from taiwa.domain.errors import BadPeriodError
from taiwa.domain.facts import MeetingFact, PersonFact
from taiwa.domain.models import MeetingStatus, Theme
from taiwa.rollup import signing
from taiwa.rollup.model import MonthFigure, ReportLine, Rollup
from taiwa.store import Store
from taiwa.store.rollups import PeriodFacts

#: A cadence is kept when no gap between 1on1s (nor from the period's start to the first, nor
#: from the last to the period's end) is longer than this many cadences.
CADENCE_SLACK = 1.5


def months_of(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months of ``[start, end]``, cut to the period."""
    out = []
    first = start
    while first <= end:
        nxt = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        out.append((first, min(end, nxt - timedelta(days=1))))
        first = nxt
    return out


def longest_gap(first: date, last: date, held: list[date]) -> int:
    """The longest stretch of days in ``[first, last]`` without a held 1on1."""
    points = [first, *sorted(d for d in set(held) if first <= d <= last), last]
    return max((b - a).days for a, b in pairwise(points))


def _line(
    person: PersonFact,
    own: list[MeetingFact],
    facts: PeriodFacts,
    ref: str,
    months: list[tuple[date, date]],
) -> ReportLine:
    start, end, now, today = facts.start, facts.end, facts.now, facts.today
    rate = stats.execution_rate(person, own, start=start, end=end, now=now, today=today)
    counted = [m for m in own if start <= m.day <= min(end, today) and m.starts_at <= now]
    statuses = [m.status for m in counted]
    first = max(start, person.active_from) if person.active_from else start
    last_day = min(end, today)
    held_days = [m.day for m in counted if m.held]
    gap = longest_gap(first, last_day, held_days) if first <= last_day else None
    limit = math.ceil(person.cadence_days * CADENCE_SLACK)
    last_held = facts.last_held.get(person.id)
    themes = facts.themes.get(person.id, {})
    figures = []
    for m_start, m_end in months:
        month_rate = stats.execution_rate(
            person, own, start=m_start, end=m_end, now=now, today=today
        )
        figures.append(MonthFigure(m_start.strftime("%Y-%m"), month_rate.planned, month_rate.held))
    return ReportLine(
        ref=ref,
        team=facts.teams.get(person.id, "").strip(),
        planned=rate.planned,
        held=rate.held,
        cancelled=statuses.count(MeetingStatus.CANCELLED),
        skipped=statuses.count(MeetingStatus.SKIPPED),
        cadence_days=person.cadence_days,
        cadence_kept=gap is not None and gap <= limit,
        longest_gap_days=gap,
        days_since_last=None if last_held is None else max(0, (last_day - last_held).days),
        short_term=themes.get(Theme.WORK, 0),
        mid_term=themes.get(Theme.GROWTH, 0),
        long_term=themes.get(Theme.CAREER, 0),
        open_actions=facts.open_actions.get(person.id, 0),
        overdue_actions=facts.overdue_actions.get(person.id, 0),
        months=tuple(figures),
    )


def collect(
    store: Store,
    start: date,
    end: date,
    *,
    names: bool = False,
    manager: str = "",
    now: datetime | None = None,
) -> Rollup:
    """The roll-up of ``[start, end]`` from ``store``: pseudonyms unless ``names``.

    Raises:
        BadPeriodError: ``end`` is before ``start``.
    """
    if end < start:
        raise BadPeriodError()
    facts = store.rollups.period_facts(start, end, now)
    seed = store.rollups.seed()
    by_person: dict[int, list[MeetingFact]] = {}
    for m in facts.meetings:
        by_person.setdefault(m.person_id, []).append(m)
    months = months_of(start, end)
    lines = [
        _line(
            p,
            by_person.get(p.id, []),
            facts,
            p.name if names else signing.pseudonym(seed, p.id),
            months,
        )
        for p in facts.people
    ]
    lines.sort(key=lambda line: (line.team, line.ref))
    return Rollup(
        manager=manager.strip(),
        start=start,
        end=end,
        created_on=facts.today,
        names=names,
        reports=tuple(lines),
    )
