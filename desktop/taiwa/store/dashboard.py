"""What the dashboard shows, read in one go (no Qt here).

The app computes it on the vault worker — and at start-up, right after opening the vault and
before the window exists (see :mod:`taiwa.startup`), so the first screen arrives filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from taiwa.domain.models import Action, Owner, PersonStatus, Rate, UpcomingItem
from taiwa.store.calendar import ToConfirm, awaiting_confirmation

if TYPE_CHECKING:
    from taiwa.domain.signals import Signal
    from taiwa.prep.reminders import DueBeforeNext
    from taiwa.store import Store

UPCOMING_DAYS = 14


@dataclass
class DashboardData:
    """Everything the dashboard shows."""

    #: The execution rates the gauges show (:meth:`Reports.overall_rate`).
    month: Rate
    quarter: Rate
    upcoming: list[UpcomingItem]
    overview: list[PersonStatus]
    mine: list[Action]
    theirs: list[Action]
    signals: list[Signal]
    names: dict[int, str]
    #: Past calendar occurrences nobody marked held, cancelled or skipped (oldest first).
    to_confirm: list[ToConfirm] = field(default_factory=list)
    #: Open action items due before each person's next 1on1 (the "Due before" card).
    due: list[DueBeforeNext] = field(default_factory=list)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def load_dashboard(store: Store, now: datetime | None = None) -> DashboardData:
    """Read the dashboard's numbers (on a worker thread: it reads the whole team's history)."""
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    reports = store.reports.reading()
    # The quarter first: the month's meetings are then taken from the quarter's.
    quarter = reports.overall_rate(quarter_start(today), today, now=now)
    month = reports.overall_rate(today.replace(day=1), today, now=now)
    overview = reports.overview(now)
    names = {st.person.id: st.person.name for st in overview}
    every_open = store.actions.open_actions()
    open_items = [a for a in every_open if a.person_id in names]
    # The "Due before the next 1on1" card from the same open items (and the reading's people
    # and last 1on1s): one read for the whole first screen, not a second worker round trip.
    from taiwa.prep.reminders import DUE_DAYS, due_from

    # One walk over the longer window serves both cards (the shorter is its beginning).
    later = reports.upcoming(now, max(DUE_DAYS, UPCOMING_DAYS))
    return DashboardData(
        month=month,
        quarter=quarter,
        upcoming=reports.upcoming_within(later, now, UPCOMING_DAYS),
        overview=overview,
        mine=[a for a in open_items if a.owner is Owner.MANAGER],
        theirs=[a for a in open_items if a.owner is Owner.REPORT],
        signals=reports.signals(now),
        names=names,
        to_confirm=awaiting_confirmation(store.db, now),
        due=due_from(reports.upcoming_within(later, now, DUE_DAYS), every_open),
    )
