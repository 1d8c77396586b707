"""Small, flat records the rules work on (the store builds them with one query each).

They hold days in the manager's local zone: "held on Monday" must mean the local Monday.

Named tuples rather than frozen dataclasses: a dashboard reads thousands of them, and a named
tuple is about 3× quicker to make (a frozen dataclass sets each field through
``object.__setattr__``) and its class about 6× quicker to define (at every start).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from taiwa.domain.models import MeetingSource, MeetingStatus, Owner, Theme


def is_held(status: MeetingStatus, has_content: bool) -> bool:
    """A meeting counts as held when marked held, or when it is still marked planned but the
    manager wrote notes or agreed action items in it. Cancelled and skipped ones never count."""
    if status is MeetingStatus.HELD:
        return True
    return status is MeetingStatus.PLANNED and has_content


class MeetingFact(NamedTuple):
    """What the rules need to know about one meeting."""

    id: int
    person_id: int
    starts_at: datetime  # aware
    day: date  # local day of the start
    status: MeetingStatus
    source: MeetingSource
    # Shared or private notes, or action items agreed in it. Only read for planned meetings
    # (see is_held), so the store may leave it False for the others.
    has_content: bool
    mood: int | None = None

    @property
    def held(self) -> bool:
        return is_held(self.status, self.has_content)


class PersonFact(NamedTuple):
    """A person as the rules see them."""

    id: int
    name: str
    cadence_days: int
    active_from: date | None  # started_on, else when they were added or first met
    archived: bool = False


class ActionFact(NamedTuple):
    person_id: int
    owner: Owner
    origin_day: date  # day of the meeting it was agreed in (or when it was added)
    due_on: date | None
    done_on: date | None


class TopicFact(NamedTuple):
    person_id: int
    day: date  # day of the meeting it is on
    theme: Theme
    carried: bool  # a carried copy (not counted again in balances)
