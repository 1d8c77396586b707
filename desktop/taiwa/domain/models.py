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
    #: When the person was archived (UTC); the retention rule counts from it.
    archived_at: datetime | None = None


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
    def own_actions(self) -> tuple[Action, ...]:
        """Action items agreed in this meeting (not the open ones carried in from before)."""
        return tuple(a for a in self.actions if a.meeting_id == self.id)

    @property
    def carried_actions(self) -> tuple[Action, ...]:
        """Action items from earlier meetings that were still open when this one took place."""
        return tuple(a for a in self.actions if a.meeting_id != self.id)

    @property
    def has_content(self) -> bool:
        """Whether the manager wrote anything for this meeting (so it must never be deleted).

        Topics and actions that carry-over brought in do not count: the manager did not write
        them here, and deleting the meeting gives them back to the next one.
        """
        return bool(
            self.shared_notes.strip()
            or self.private_notes.strip()
            or self.purpose.strip()
            or self.mood is not None
            or any(t.carried_from is None or t.state is TopicState.DISCUSSED for t in self.topics)
            or self.own_actions
        )


@dataclass(frozen=True, slots=True)
class TopicDraft:
    """A topic to add with a new meeting."""

    theme: Theme
    text: str
    raised_by: Owner = Owner.REPORT
    state: TopicState = TopicState.OPEN


@dataclass(frozen=True, slots=True)
class ActionDraft:
    """An action item to add with a new meeting."""

    owner: Owner
    text: str
    due_on: date | None = None


# -- what the services report ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One row of a person's meeting list (no topics or actions loaded)."""

    id: int
    person_id: int
    starts_at: datetime
    status: MeetingStatus
    source: MeetingSource
    mood: int | None
    purpose: str
    topic_count: int
    action_count: int
    held: bool


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a search snippet; ``highlighted`` pieces matched the query."""

    text: str
    highlighted: bool


class HitKind(StrEnum):
    SHARED_NOTES = "shared_notes"
    PRIVATE_NOTES = "private_notes"
    TOPIC = "topic"
    ACTION = "action"
    PURPOSE = "purpose"
    CAREER_GOALS = "career_goals"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: what matched, where to open it, and a plain-text snippet."""

    kind: HitKind
    source_id: int  # meeting, topic, action or person id depending on ``kind``
    person_id: int
    person_name: str
    meeting_id: int | None  # None for career goals and actions without a meeting
    starts_at: datetime | None  # the meeting's start (UTC), when there is a meeting
    snippet: tuple[Segment, ...]
    rank: float = 0.0

    @property
    def snippet_text(self) -> str:
        return "".join(s.text for s in self.snippet)


@dataclass(frozen=True, slots=True)
class PersonStatus:
    """A person's line on the dashboard."""

    person: Person
    last_held: date | None
    next_due: date
    days_overdue: int  # 0 when not overdue
    next_planned: datetime | None
    open_actions: int
    open_manager_actions: int
    overdue_actions: int

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True, slots=True)
class Rate:
    """Held ÷ planned with the parts, so a reader can check the sum.

    ``to_confirm`` counts the past calendar occurrences nobody marked yet: they are in neither
    part until the manager says held, cancelled or skipped (see :mod:`taiwa.domain.stats`).
    """

    held: int
    planned: int
    to_confirm: int = 0

    @property
    def value(self) -> float | None:
        return None if self.planned == 0 else self.held / self.planned

    @property
    def meets_target(self) -> bool | None:
        value = self.value
        return None if value is None else value >= EXECUTION_RATE_TARGET


@dataclass(frozen=True, slots=True)
class PersonStats:
    person_id: int
    person_name: str
    execution: Rate
    average_interval_days: float | None
    actions_done: int
    actions_total: int

    @property
    def action_completion(self) -> float | None:
        return None if self.actions_total == 0 else self.actions_done / self.actions_total


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Execution rate and companions for a period (``start`` and ``end`` inclusive)."""

    start: date
    end: date
    overall: Rate
    average_interval_days: float | None
    actions_done: int
    actions_total: int
    people: tuple[PersonStats, ...]
    target: float = EXECUTION_RATE_TARGET

    @property
    def action_completion(self) -> float | None:
        return None if self.actions_total == 0 else self.actions_done / self.actions_total


class SignalKind(StrEnum):
    MOOD_FALLING = "mood_falling"
    SKIPPED_TWICE = "skipped_twice"
    OVERDUE = "overdue"
    MANAGER_ACTIONS_OVERDUE = "manager_actions_overdue"
    NO_CAREER_TOPIC = "no_career_topic"


class UpcomingKind(StrEnum):
    MEETING = "meeting"  # a planned meeting row (manual or from the calendar)
    CADENCE = "cadence"  # a slot the cadence asks for, with nothing booked


@dataclass(frozen=True, slots=True)
class UpcomingItem:
    kind: UpcomingKind
    person_id: int
    person_name: str
    starts_at: datetime | None  # planned meetings: their start (UTC)
    due_on: date  # the day it falls on (cadence slots: the due day)
    meeting_id: int | None = None
    source: MeetingSource | None = None
    overdue: bool = False
