"""The 1on1 log's vocabulary: plain, immutable dataclasses shared by every layer.

No Qt, no SQL, no I/O. Times are timezone-aware UTC datetimes; dates are ``datetime.date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

DEFAULT_CADENCE_DAYS = 14
EXECUTION_RATE_TARGET = 0.9


class Theme(StrEnum):
    """What a topic is about: the 1on1's time horizons plus condition and feedback."""

    WORK = "work"  # short term: work improvement
    GROWTH = "growth"  # mid term: growth
    CAREER = "career"  # long term: career
    WELLBEING = "wellbeing"
    FEEDBACK = "feedback"
    OTHER = "other"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"


class WantedResponse(StrEnum):
    """What the report wants from the manager in this meeting."""

    ADVISE = "advise"
    THINK_TOGETHER = "think_together"
    JUST_LISTEN = "just_listen"


class Owner(StrEnum):
    """Who owns an action item, or who raised a topic."""

    MANAGER = "manager"
    REPORT = "report"


class TopicState(StrEnum):
    OPEN = "open"
    DISCUSSED = "discussed"
    CARRIED = "carried"


class MeetingSource(StrEnum):
    MANUAL = "manual"
    CALENDAR = "calendar"


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    emails: tuple[str, ...] = ()
    role: str = ""
    team: str = ""
    started_on: date | None = None
    cadence_days: int = DEFAULT_CADENCE_DAYS
    career_goals: str = ""
    archived: bool = False


@dataclass(frozen=True, slots=True)
class Topic:
    id: int
    meeting_id: int
    theme: Theme
    text: str
    raised_by: Owner = Owner.REPORT
    state: TopicState = TopicState.OPEN
    position: int = 0
    carried_from: int | None = None

    @property
    def is_carried(self) -> bool:
        return self.carried_from is not None or self.state is TopicState.CARRIED


@dataclass(frozen=True, slots=True)
class Action:
    id: int
    person_id: int
    meeting_id: int | None
    owner: Owner
    text: str
    due_on: date | None = None
    done_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    person_id: int
    starts_at: datetime  # aware, UTC
    status: MeetingStatus = MeetingStatus.PLANNED
    ends_at: datetime | None = None
    zone: str = ""  # IANA zone the meeting was planned in ('' = the machine's local zone)
    purpose: str = ""
    wanted_response: WantedResponse | None = None
    mood: int | None = None
    shared_notes: str = ""
    private_notes: str = ""
    role: str = ""  # the person's role and team at the time of the meeting
    team: str = ""
    source: MeetingSource = MeetingSource.MANUAL
    ics_uid: str | None = None
    ics_recurrence_id: str | None = None
    ics_sequence: int | None = None
    topics: tuple[Topic, ...] = field(default=())
    actions: tuple[Action, ...] = field(default=())

    @property
    def has_content(self) -> bool:
        """Whether the manager wrote anything for this meeting (so it must never be deleted)."""
        return bool(
            self.shared_notes.strip()
            or self.private_notes.strip()
            or self.purpose.strip()
            or self.mood is not None
            or self.topics
            or self.actions
        )
