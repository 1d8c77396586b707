"""What a calendar import would do, as data: the preview that :mod:`taiwa.ics.service` plans
and then applies (the period, each occurrence's action, proposals, "who is this?" answers and
why the preview is short). No I/O here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from taiwa.ics import errors
from taiwa.ics.errors import Problem
from taiwa.ics.expand import Occurrence
from taiwa.ics.match import Match

DAYS_BACK = 90
DAYS_AHEAD = 365
MAX_WINDOW_DAYS = 3 * 366

ADD, UPDATE, CANCEL, SKIP = "add", "update", "cancel", "skip"

#: Answers to "who is this?" for a 1on1 series with nobody (known) to hold it with.
LINK, NEW, IGNORE = "link", "new", "ignore"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Window:
    """The period whose occurrences are imported: ``start`` ≤ start < ``end`` (aware)."""

    start: datetime
    end: datetime

    @classmethod
    def around(cls, now: datetime) -> Window:
        """The default: 90 days back to 365 days ahead."""
        return cls(now - timedelta(days=DAYS_BACK), now + timedelta(days=DAYS_AHEAD))

    def check(self) -> Window:
        """Raises IcsWindowError unless start < end and the span is bounded."""
        if not self.start < self.end or self.end - self.start > timedelta(days=MAX_WINDOW_DAYS):
            raise errors.IcsWindowError(max_days=MAX_WINDOW_DAYS)
        return self


@dataclass(slots=True)
class PlannedItem:
    """What the import does with one 1on1 occurrence.

    Attributes:
        action: add / update / cancel / skip.
        reason: why it is skipped ("unchanged", "older", "has_notes", "decided", ...) or ''.
        meeting_id: the existing meeting it updates or cancels.
        person_id: the known person, or None for a proposed new person (``match.email``).
    """

    occurrence: Occurrence
    match: Match
    action: str
    reason: str = ""
    meeting_id: int | None = None

    @property
    def person_id(self) -> int | None:
        return self.match.person_id

    @property
    def proposed(self) -> bool:
        return self.match.person_id is None


@dataclass(frozen=True, slots=True)
class Who:
    """The user's answer for a series nobody in it identifies ("who is this?").

    Attributes:
        kind: LINK (an existing person), NEW (create a person named ``name``) or IGNORE.
    """

    kind: str
    person_id: int | None = None
    name: str = ""

    @classmethod
    def link(cls, person_id: int) -> Who:
        return cls(LINK, person_id)

    @classmethod
    def new(cls, name: str) -> Who:
        return cls(NEW, None, name.strip())

    @classmethod
    def ignore(cls) -> Who:
        return cls(IGNORE)

    @property
    def imports(self) -> bool:
        return self.kind == LINK or (self.kind == NEW and bool(self.name))


@dataclass(slots=True)
class Vanished:
    """A planned meeting whose occurrence is no longer in the calendar: it is cancelled."""

    meeting_id: int
    person_id: int
    uid: str
    recurrence_id: str
    starts_at: datetime


@dataclass(slots=True)
class ImportPlan:
    """A preview of an import: nothing has been written yet."""

    files: list[str]
    window: Window
    owner: str | None
    owner_guessed: bool
    owner_given: bool
    items: list[PlannedItem] = field(default_factory=list)
    vanished: list[Vanished] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    proposals: dict[str, str] = field(default_factory=dict)  # e-mail → proposed name
    people: dict[int, str] = field(default_factory=dict)  # person id → name (known people)
    #: Series UID → its title, for the 1on1 series that nobody in them identifies.
    unknown: dict[str, str] = field(default_factory=dict)
    #: Series UID → (e-mail, title), for the 1on1 series whose attendee is unknown but has an
    #: e-mail: besides ticking the proposed person, "who is this?" links, creates or ignores.
    strangers: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Why the preview is short: events (series count once) outside the period, not 1on1s,
    #: and series the user chose to ignore in an earlier import. Unreadable ones are problems.
    outside: int = 0
    not_1on1: int = 0
    ignored: int = 0

    def effective(
        self, item: PlannedItem, accepted: Iterable[str] = (), who: Mapping[str, Who] = {}
    ) -> str:
        """The item's action once the user accepted (or not) the proposed people."""
        if item.match.rule == "unknown":
            answer = who.get(item.occurrence.uid)
            return item.action if answer is not None and answer.imports else SKIP
        answer = who.get(item.occurrence.uid) if item.occurrence.uid in self.strangers else None
        if item.proposed and answer is not None:
            # An answer for the series beats the tick on its proposed person.
            return item.action if answer.imports else SKIP
        if item.proposed and (item.match.email or "") not in set(accepted):
            return SKIP
        return item.action

    def kind(
        self, item: PlannedItem, accepted: Iterable[str] = (), who: Mapping[str, Who] = {}
    ) -> str:
        """What the user sees happen: add / update / cancel / skip.

        A cancelled occurrence the vault does not know yet is recorded as a cancelled
        meeting (it counts for the "cancelled twice in a row" signal): a cancellation.
        """
        action = self.effective(item, accepted, who)
        if action == ADD and item.occurrence.status == "cancelled":
            return CANCEL
        return action

    def counts(self, accepted: Iterable[str] = (), who: Mapping[str, Who] = {}) -> dict[str, int]:
        """added / updated / cancelled / skipped, as applying with ``accepted`` would do."""
        chosen = set(accepted)
        result = {"added": 0, "updated": 0, "cancelled": 0, "skipped": 0}
        names = {ADD: "added", UPDATE: "updated", CANCEL: "cancelled", SKIP: "skipped"}
        for item in self.items:
            result[names[self.kind(item, chosen, who)]] += 1
        result["cancelled"] += len(self.vanished)
        return result

    def person_name(
        self, item: PlannedItem, accepted: Iterable[str] = (), who: Mapping[str, Who] = {}
    ) -> str | None:
        """The person's name as the JSON shows it (None for a proposal not accepted)."""
        if item.person_id is not None:
            return self.people.get(item.person_id, item.match.name)
        answer = who.get(item.occurrence.uid)
        if answer is not None and (
            item.match.rule == "unknown" or item.occurrence.uid in self.strangers
        ):
            if answer.kind == LINK:
                return self.people.get(answer.person_id or 0)
            return answer.name if answer.kind == NEW and answer.name else None
        if item.match.rule == "unknown":
            return None
        email = item.match.email or ""
        return self.proposals.get(email, item.match.name) if email in set(accepted) else None

    def to_json(self, accepted: Iterable[str] = (), who: Mapping[str, Who] = {}) -> dict[str, Any]:
        """The import-ics JSON document (see the README)."""
        chosen = set(accepted)
        occurrences = [
            {
                "uid": item.occurrence.uid,
                "recurrence_id": item.occurrence.recurrence_id or None,
                "start": item.occurrence.start.isoformat(),
                "end": item.occurrence.end.isoformat() if item.occurrence.end else None,
                "summary": item.occurrence.summary,
                "person": self.person_name(item, chosen, who),
                "email": item.match.email,
                "status": item.occurrence.status,
                "unknown": item.match.rule == "unknown",
            }
            for item in self.items
        ]
        return {
            "occurrences": occurrences,
            **self.counts(chosen, who),
            "outside_period": self.outside,
            "not_1on1": self.not_1on1,
            "ignored_series": self.ignored,
            "unknown_series": sorted(self.unknown),
            "unknown_attendee_series": {
                uid: email for uid, (email, _title) in sorted(self.strangers.items())
            },
            "errors": [p.to_json() for p in self.problems],
        }

    def series(self) -> list[tuple[str, list[PlannedItem]]]:
        """Items grouped per person (one series per person), for the preview."""
        groups: dict[str, list[PlannedItem]] = {}
        for item in self.items:
            if item.person_id is not None:
                key = self.people.get(item.person_id, item.match.name)
            elif item.match.rule == "unknown":
                # One group per series: each gets its own "who is this?".
                key = "\uffff" + item.occurrence.uid
            else:
                key = item.match.email or item.match.name
            groups.setdefault(key, []).append(item)
        return sorted(groups.items(), key=lambda kv: kv[0].casefold())


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    cancelled: int
    skipped: int
    people_added: int
