"""Cadence: how often a person should have a 1on1, when the next one is due, and overdue.

* The next 1on1 is due ``cadence_days`` after the last held one. A person never met is due on
  the day they became active (start date, or when they were added), or today if unknown.
* A person is overdue when today is past the due day; ``days_overdue`` counts the days past it.
"""

from __future__ import annotations

from datetime import date, timedelta


def next_due(
    last_held: date | None, cadence_days: int, *, active_from: date | None, today: date
) -> date:
    """The day the next 1on1 is due.

    Args:
        last_held: the day of the last held meeting, if any.
        cadence_days: the person's cadence.
        active_from: when the person became a report (used when never met).
        today: the local day.
    """
    if last_held is not None:
        return last_held + timedelta(days=cadence_days)
    return active_from if active_from is not None else today


def days_overdue(due: date, today: date) -> int:
    """Days past the due day (0 when not overdue)."""
    return max(0, (today - due).days)


def days_since(last_held: date | None, *, active_from: date | None, today: date) -> int | None:
    """Days since the last held meeting (or since the person became active; None if unknown)."""
    anchor = last_held if last_held is not None else active_from
    return None if anchor is None else (today - anchor).days
