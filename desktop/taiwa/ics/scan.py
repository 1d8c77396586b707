"""A fast first pass over an .ics file's text, before any full parse.

icalendar parses every property of every component, which takes seconds for a busy calendar
while most events are not 1on1s. This pass only finds the component boundaries and a few
properties per event (UID, SUMMARY, attendees, RRULE), so the expensive parse can be limited to
candidate events with their overrides and time zones. It is also where file-level limits are
enforced: the event cap, per-event size, unterminated events and truncated files.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from taiwa.cancel import Cancel, checked
from taiwa.ics import errors
from taiwa.ics.errors import Problem

#: Event cap: the 5 000-event benchmark calendar holds about 11 000 VEVENT components.
MAX_EVENTS = 30_000
#: A single event bigger than this (usually one enormous DESCRIPTION line) is reported.
MAX_EVENT_CHARS = 1024 * 1024

# Only the components the import reads; a VALARM inside an event is part of the event's text.
_MARKER = re.compile(r"^(BEGIN|END):(VEVENT|VTIMEZONE|VCALENDAR)[ \t]*$", re.MULTILINE | re.I)
_UNFOLD = re.compile(r"\n[ \t]")
_FIELDS = re.compile(
    r"^(UID|SUMMARY|RECURRENCE-ID|RRULE|DTSTART)([;:][^\n]*(?:\n[ \t][^\n]*)*)",
    re.MULTILINE | re.IGNORECASE,
)
_MAILTO = re.compile(r"mailto:([^\s;,\"<>]+)", re.IGNORECASE)
_PEOPLE = re.compile(r"^(?:ATTENDEE|ORGANIZER)[;:][^\n]*$", re.MULTILINE | re.IGNORECASE)
_ALARM = re.compile(r"^BEGIN:VALARM$.*?^END:VALARM$", re.MULTILINE | re.DOTALL | re.IGNORECASE)
_X_WR_TZ = re.compile(r"^X-WR-TIMEZONE[;:]([^\n]*)$", re.MULTILINE | re.IGNORECASE)
_TZID_LINE = re.compile(r"^TZID[;:]([^\n]*)$", re.MULTILINE | re.IGNORECASE)


def unfold(text: str) -> str:
    """Undo RFC 5545 line folding (a line break followed by one space or tab)."""
    return _UNFOLD.sub("", text)


def value_of(rest: str) -> str:
    """The value of a content line given what follows its name (``;params:value``)."""
    if rest.startswith(":"):
        return rest[1:]
    # Parameters may hold quoted colons (CN="Doe: Jane"); the value starts after the first
    # colon outside quotes.
    quoted = False
    for i, ch in enumerate(rest):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return rest[i + 1 :]
    return ""


def unescape(value: str) -> str:
    """Undo iCalendar TEXT escaping (``\\,`` ``\\;`` ``\\n`` ``\\\\``)."""
    if "\\" not in value:
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@dataclass(slots=True)
class RawEvent:
    """One VEVENT as found in the text, with the few fields the pre-scan needs.

    Only candidates are ever unfolded and parsed: :attr:`text` is computed on first use.
    """

    index: int  # 1-based number of the event in the file
    offset: int  # where BEGIN:VEVENT starts in the file's text
    end: int  # where its END:VEVENT line ends
    source: str  # the whole file's text (shared, not copied)
    uid: str = ""
    summary: str = ""
    has_recurrence_id: bool = False
    rrule: str = ""
    dtstart: str = ""
    _text: str | None = None
    _emails: tuple[str, ...] | None = None

    @property
    def emails(self) -> tuple[str, ...]:
        """Attendee and organizer addresses (casefolded), read on first use."""
        if self._emails is None:
            body = _ALARM.sub("", self.text)  # an e-mail alarm's ATTENDEE is not a guest
            found = (_MAILTO.findall(line) for line in _PEOPLE.findall(body))
            self._emails = tuple(f[-1].casefold() for f in found if f)
        return self._emails

    @property
    def text(self) -> str:
        """The component, BEGIN to END, unfolded."""
        if self._text is None:
            self._text = unfold(self.source[self.offset : self.end])
        return self._text


@dataclass(slots=True)
class ScannedFile:
    """A file after the pre-scan: events, time zone definitions and problems found so far."""

    name: str
    text: str
    events: list[RawEvent] = field(default_factory=list)
    timezones: dict[str, str] = field(default_factory=dict)  # TZID → VTIMEZONE text
    x_wr_timezone: str = ""
    problems: list[Problem] = field(default_factory=list)

    def mentioning(self, emails: Iterable[str], cancel: Cancel | None = None) -> set[int]:
        """Positions in :attr:`events` of the events whose text mentions any of ``emails``.

        One regex pass over the whole file instead of reading every event's attendees: a
        superset (a mention in a description counts) is fine for choosing what to parse.
        """
        wanted = sorted({e for e in emails if e}, key=len, reverse=True)
        if not wanted or not self.events:
            return set()
        pattern = re.compile("|".join(re.escape(e) for e in wanted), re.IGNORECASE)
        starts = [e.offset for e in self.events]
        found: set[int] = set()
        for match in checked(pattern.finditer(self.text), cancel, 1024):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and match.start() < self.events[i].end:
                found.add(i)
        return found

    def line_of(self, offset: int) -> int:
        """1-based line number of a text offset (computed only for reported problems)."""
        return self.text.count("\n", 0, offset) + 1

    def problem(self, code: str, event: RawEvent | None = None, **params: int) -> Problem:
        """A located problem for ``event`` (or the whole file)."""
        if event is None:
            return Problem(self.name, code, params=dict(params))
        return Problem(
            self.name, code, line=self.line_of(event.offset), event=event.index, params=dict(params)
        )


def _fill(events: list[RawEvent], text: str, cancel: Cancel | None = None) -> None:
    # One regex pass over the whole text (C speed), each hit assigned to the event it falls in.
    # The first value wins: a VALARM, usually after the event's own properties, has its own
    # SUMMARY.
    ev_i = 0
    seen: set[str] = set()
    for match in checked(_FIELDS.finditer(text), cancel, 1024):
        pos = match.start()
        if ev_i < len(events) and events[ev_i].end <= pos:
            while ev_i < len(events) and events[ev_i].end <= pos:
                ev_i += 1
            seen = set()
        if ev_i == len(events):
            break
        event = events[ev_i]
        if pos < event.offset:
            continue
        key = match.group(1).upper()
        if key in seen:
            continue
        seen.add(key)
        rest = match.group(2)
        if "\n" in rest:
            rest = unfold(rest)
        if key == "UID":
            event.uid = value_of(rest).strip()
        elif key == "SUMMARY":
            event.summary = unescape(value_of(rest))
        elif key == "RECURRENCE-ID":
            event.has_recurrence_id = True
        elif key == "RRULE":
            event.rrule = value_of(rest).upper()
        elif key == "DTSTART":
            event.dtstart = value_of(rest).strip()


def scan(  # noqa: PLR0912 - one state machine
    text: str, name: str, cancel: Cancel | None = None
) -> ScannedFile:
    """Find every VEVENT and VTIMEZONE in ``text`` (see the module's notes).

    ``cancel`` (optional) is called every thousand components or fields and may raise to stop.

    Raises:
        IcsTooManyEventsError: more events than :data:`MAX_EVENTS`.
    """
    # One newline convention: exports mix CRLF and LF (and old Macs wrote CR alone).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = ScannedFile(name=name, text=text)
    stack: list[tuple[str, int]] = []
    count = 0
    calendar_closed = False
    calendar_seen = False
    for match in checked(_MARKER.finditer(text), cancel, 1024):
        kind = match.group(1).upper()
        comp = match.group(2).upper()
        if kind == "BEGIN":
            if comp == "VEVENT":
                count += 1
                if count > MAX_EVENTS:
                    raise errors.IcsTooManyEventsError(file=name, limit=MAX_EVENTS)
                if stack and stack[-1][0] == "VEVENT":
                    # A new event inside an open one: the open one never ended.
                    _, begin = stack.pop()
                    result.problems.append(_unterminated(result, begin, count - 1))
            elif comp == "VCALENDAR":
                calendar_seen = True
            stack.append((comp, match.start()))
            continue
        # END: close the innermost matching component; anything opened inside it and never
        # closed is dropped with it (icalendar will judge the event when it is parsed).
        depth = len(stack) - 1
        while depth >= 0 and stack[depth][0] != comp:
            depth -= 1
        if depth < 0:
            continue
        _, begin = stack[depth]
        del stack[depth:]
        if comp == "VEVENT":
            _add_event(result, begin, match.end(), count)
        elif comp == "VTIMEZONE":
            block = unfold(text[begin : match.end()])
            tzid = _TZID_LINE.search(block)
            if tzid:
                result.timezones.setdefault(value_of(":" + tzid.group(1)).strip(), block)
        elif comp == "VCALENDAR":
            calendar_closed = True
    for comp, begin in stack:
        if comp == "VEVENT":
            result.problems.append(_unterminated(result, begin, count))
    if calendar_seen and not calendar_closed:
        result.problems.append(result.problem("truncated"))
    _fill(result.events, text, cancel)
    head = text[: result.events[0].offset] if result.events else text[:65536]
    x_wr = _X_WR_TZ.search(head)
    if x_wr:
        result.x_wr_timezone = x_wr.group(1).strip()
    return result


def _unterminated(result: ScannedFile, begin: int, index: int) -> Problem:
    return Problem(result.name, "unterminated_event", line=result.line_of(begin), event=index)


def _add_event(result: ScannedFile, begin: int, end: int, index: int) -> None:
    if end - begin > MAX_EVENT_CHARS:
        block = result.text[begin:end]
        longest = max(len(line) for line in block.split("\n"))
        event = RawEvent(index=index, offset=begin, end=end, source="")
        result.problems.append(
            result.problem(
                "event_too_large",
                event,
                limit_kb=MAX_EVENT_CHARS // 1024,
                line_kb=longest // 1024,
            )
        )
        return
    result.events.append(RawEvent(index=index, offset=begin, end=end, source=result.text))
