"""What a PDF is made from: plain data gathered from the store, and the export options.

The document layer only sees these dataclasses (built from :mod:`taiwa.domain.models`), so it
can be tested and benchmarked without a vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from taiwa.domain.models import Action, Meeting, Person
from taiwa.i18n import Lang

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")

#: Called with (done, total) while a document is laid out; total is an estimate.
Progress = Callable[[int, int], None]


class DocKind(StrEnum):
    MEETING = "meeting"
    PERSON = "person"


class Audience(StrEnum):
    """Who a PDF is for; it decides what is left out and is marked on every page.

    ========  ==========================================  =====  ======  ============
    audience  mark                                        mood   signals private notes
    ========  ==========================================  =====  ======  ============
    shared    本人と共有 / Shared with {name} (default)    no     no      no
    hr        人事提出 / For HR                             no     yes     no
    manager   上長のみ・社外秘 / Manager only, confidential  yes    yes     if asked
    handover  次の上長への引き継ぎ / Hand-over               no     no      no
    ========  ==========================================  =====  ======  ============
    """

    SHARED = "shared"
    HR = "hr"
    MANAGER = "manager"
    HANDOVER = "handover"


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to export: language, audience, privacy, paper, password.

    ``audience`` decides what is shown (see :class:`Audience`). Left at None it follows the
    older switches: ``shared_only`` is the shared variant, ``include_private`` alone the
    manager's, and neither the shared one, the default. Private notes appear only in the
    manager's variant and only with ``include_private``.
    """

    lang: Lang = "en"
    include_private: bool = False
    shared_only: bool = False
    audience: Audience | None = None
    paper: Paper = "a4"
    # Kept out of repr so a password never lands in a log line or a traceback.
    password: str | None = field(default=None, repr=False)
    #: The zone dates are shown in (None: the machine's local zone).
    zone: tzinfo | None = None
    #: "Created" date printed in the footer (None: today in ``zone``).
    today: date | None = None

    @property
    def target(self) -> Audience:
        """The audience in effect."""
        if self.audience is not None:
            return self.audience
        if self.shared_only:
            return Audience.SHARED
        return Audience.MANAGER if self.include_private else Audience.SHARED

    @property
    def show_private(self) -> bool:
        return self.include_private and self.target is Audience.MANAGER

    @property
    def show_mood(self) -> bool:
        return self.target is Audience.MANAGER

    @property
    def show_signals(self) -> bool:
        return self.target in (Audience.MANAGER, Audience.HR)


@dataclass(frozen=True, slots=True)
class ExecutionFigures:
    """Meetings held against meetings planned in the document's range."""

    held: int
    planned: int

    @property
    def rate(self) -> float | None:
        return self.held / self.planned if self.planned else None


@dataclass(frozen=True, slots=True)
class MeetingDoc:
    """A meeting summary: the meeting (with topics and actions), its person, what comes next."""

    person: Person
    meeting: Meeting
    next_meeting: Meeting | None = None


@dataclass(frozen=True, slots=True)
class PersonDoc:
    """A person summary over ``start``..``end`` (inclusive dates; None = open-ended)."""

    person: Person
    start: date | None
    end: date | None
    meetings: tuple[Meeting, ...]  # oldest first, with topics and actions
    actions: tuple[Action, ...] = ()  # agreed in the range (defaults to the meetings' actions)
    execution: ExecutionFigures | None = None
    #: Signals for the manager, already worded in the document's language.
    signals: tuple[str, ...] = ()

    def all_actions(self) -> tuple[Action, ...]:
        if self.actions:
            return self.actions
        return tuple(a for m in self.meetings for a in m.actions)


def local_zone(options: ExportOptions) -> tzinfo:
    """The zone to show times in: the option, else the machine's local zone."""
    if options.zone is not None:
        return options.zone
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def meeting_local(meeting: Meeting, options: ExportOptions) -> datetime:
    """The meeting's start in the zone it was planned in, else in the local zone."""
    if meeting.zone:
        try:
            return meeting.starts_at.astimezone(ZoneInfo(meeting.zone))
        except (ValueError, KeyError):  # an unknown zone name: fall back, do not fail
            pass
    return meeting.starts_at.astimezone(local_zone(options))
