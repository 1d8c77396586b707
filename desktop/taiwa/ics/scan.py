"""A fast first pass over an .ics file's text, before any full parse.

icalendar parses every property of every component, which takes seconds for a busy calendar
while most events are not 1on1s. This pass only finds the component boundaries and a few
properties per event (UID, SUMMARY, attendees, RRULE), so the expensive parse can be limited to
candidate events with their overrides and time zones. It is also where file-level limits are
enforced: the event cap, per-event size, unterminated events and truncated files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from taiwa.ics import errors
from taiwa.ics.errors import Problem

#: Event cap: the 5 000-event benchmark calendar holds about 11 000 VEVENT components.
MAX_EVENTS = 30_000
#: A single event bigger than this (usually one enormous DESCRIPTION line) is reported.
MAX_EVENT_CHARS = 1024 * 1024

_MARKER = re.compile(r"^(BEGIN|END):([A-Za-z][A-Za-z0-9-]*)[ \t]*$", re.MULTILINE)
_UNFOLD = re.compile(r"\n[ \t]")
_FIELDS = re.compile(
    r"^(UID|SUMMARY|ATTENDEE|ORGANIZER|RECURRENCE-ID|RRULE|DTSTART|STATUS)([;:][^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_MAILTO = re.compile(r"mailto:([^\s;,\"<>]+)", re.IGNORECASE)
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
    """One VEVENT as found in the text (unfolded), with the few fields the pre-scan needs."""

    index: int  # 1-based number of the event in the file
    offset: int  # where BEGIN:VEVENT starts in the file's text
    text: str  # the unfolded component, BEGIN to END
    uid: str = ""
    summary: str = ""
    emails: tuple[str, ...] = ()
    has_recurrence_id: bool = False
    rrule: str = ""
    dtstart: str = ""
    status: str = ""


@dataclass(slots=True)
class ScannedFile:
    """A file after the pre-scan: events, time zone definitions and problems found so far."""

    name: str
    text: str
    events: list[RawEvent] = field(default_factory=list)
    timezones: dict[str, str] = field(default_factory=dict)  # TZID → VTIMEZONE text
    x_wr_timezone: str = ""
    problems: list[Problem] = field(default_factory=list)

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


def _fill(event: RawEvent) -> None:
    emails: list[str] = []
    for name, rest in _FIELDS.findall(event.text):
        key = name.upper()
        if key in ("ATTENDEE", "ORGANIZER"):
            found = _MAILTO.findall(rest)
            if found:
                emails.append(found[-1].casefold())
        elif key == "UID":
            event.uid = value_of(rest).strip()
        elif key == "SUMMARY":
            event.summary = unescape(value_of(rest))
        elif key == "RECURRENCE-ID":
            event.has_recurrence_id = True
        elif key == "RRULE":
            event.rrule = value_of(rest).upper()
        elif key == "DTSTART":
            event.dtstart = value_of(rest).strip()
        elif key == "STATUS":
            event.status = value_of(rest).strip().upper()
    event.emails = tuple(emails)


def scan(text: str, name: str) -> ScannedFile:  # noqa: PLR0912 - one state machine
    """Find every VEVENT and VTIMEZONE in ``text`` (see the module's notes).

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
    for match in _MARKER.finditer(text):
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
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == comp), None)
        if depth is None:
            continue
        _, begin = stack[depth]
        del stack[depth:]
        if comp == "VEVENT":
            _add_event(result, text[begin : match.end()], begin, count)
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
    head = text[: result.events[0].offset] if result.events else text[:65536]
    x_wr = _X_WR_TZ.search(head)
    if x_wr:
        result.x_wr_timezone = x_wr.group(1).strip()
    return result


def _unterminated(result: ScannedFile, begin: int, index: int) -> Problem:
    return Problem(result.name, "unterminated_event", line=result.line_of(begin), event=index)


def _add_event(result: ScannedFile, block: str, begin: int, index: int) -> None:
    if len(block) > MAX_EVENT_CHARS:
        longest = max(len(line) for line in block.split("\n"))
        event = RawEvent(index=index, offset=begin, text="")
        result.problems.append(
            result.problem(
                "event_too_large",
                event,
                limit_kb=MAX_EVENT_CHARS // 1024,
                line_kb=longest // 1024,
            )
        )
        return
    event = RawEvent(index=index, offset=begin, text=unfold(block))
    _fill(event)
    result.events.append(event)
