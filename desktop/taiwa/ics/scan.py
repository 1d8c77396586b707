"""A fast first pass over an .ics file's text, before any full parse.

icalendar parses every property of every component, which takes seconds for a busy calendar
while most events are not 1on1s. This pass only finds the component boundaries and a few
properties per event (UID, SUMMARY, attendees, RRULE), so the expensive parse can be limited to
candidate events with their overrides and time zones. It is also where file-level limits are
enforced: the event cap, per-event size, nesting depth, unmatched END lines, unterminated events
and truncated files.

Everything here is linear in the file's size, whatever the file holds: one regex pass finds
every BEGIN and END line (of any component), the stack of open components never grows past
:data:`MAX_DEPTH` (so closing one searches a handful of entries), and no pattern searches ahead
for an END that may never come (70 000 unclosed VALARMs made such a pattern quadratic).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from taiwa.cancel import Cancel, checked
from taiwa.ics import errors
from taiwa.ics.errors import Problem

#: Event cap: a busy manager's five-year Outlook export holds 60 000 VEVENT components
#: (tests/support/outlook_ics.py generates one); two and a half times that is still one person's
#: calendar, a million tiny events is not.
MAX_EVENTS = 150_000
#: A single event bigger than this (usually one enormous DESCRIPTION line) is reported.
MAX_EVENT_CHARS = 1024 * 1024
#: Deepest nesting of components. Real files need 3 (VCALENDAR > VEVENT > VALARM, or
#: VCALENDAR > VTIMEZONE > STANDARD), RFC 9074 one more (VALARM > VLOCATION).
MAX_DEPTH = 8

# Every component's boundaries: the stack must see VALARMs and X- components to bound nesting.
# The whole-file patterns start with a newline, not "^": a literal first character lets the
# regex engine skip ahead (four times faster over an 80 MB export); see _lines() for line 1.
_MARKER = re.compile(r"(?:\n|\A)(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$", re.MULTILINE | re.I)
_MARKER_NL = re.compile(r"\n(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$", re.MULTILINE | re.I)
_UNFOLD = re.compile(r"\n[ \t]")
# A line holding only (part of) a property name, folded before its ";" or ":" ("UID" then
# " :value"): valid iCalendar that the whole-file patterns below, which read a name and its
# separator on one line, would not see. Rare: looked for only in events found without a UID
# or DTSTART, and then undone in the whole file (see scan()).
_NAME_FOLD = re.compile(r"\n[A-Za-z0-9-]+(?:\n[ \t][A-Za-z0-9-]*)*\n[ \t]")
_FIELDS = re.compile(
    r"(?:\n|\A)(UID|SUMMARY|RECURRENCE-ID|RRULE|DTSTART)([;:][^\n]*(?:\n[ \t][^\n]*)*)",
    re.IGNORECASE,
)
_FIELDS_NL = re.compile(
    r"\n(UID|SUMMARY|RECURRENCE-ID|RRULE|DTSTART)([;:][^\n]*(?:\n[ \t][^\n]*)*)",
    re.IGNORECASE,
)
_MAILTO = re.compile(r"mailto:([^\s;,\"<>]+)", re.IGNORECASE)
_PEOPLE = re.compile(r"^(?:ATTENDEE|ORGANIZER)[;:][^\n]*$", re.MULTILINE | re.IGNORECASE)
_LONG_LINE = re.compile(r"[^\n]{1024,}")
_X_WR_TZ = re.compile(r"^X-WR-TIMEZONE([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_TZID_LINE = re.compile(r"^TZID([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)


def _lines(head: re.Pattern[str], rest: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of a whole-file pattern: ``head`` (``\\A`` or newline) on line 1, then
    ``rest`` (newline first) from there on. A match's line starts at ``match.start(1)``."""
    first = head.match(text)
    if first is not None:
        yield first
    yield from rest.finditer(text, first.end() if first is not None else 0)


def unfold(text: str) -> str:
    """Undo RFC 5545 line folding (a line break followed by one space or tab)."""
    return _UNFOLD.sub("", text)


# Parameters may hold quoted colons (CN="Doe: Jane"); the value starts after the first colon
# outside quotes.
_PARAMS = re.compile(r'(?:[^":]|"[^"]*")*:')


def join_folded_names(text: str) -> str:
    """``text`` with the folds inside property names undone (see :data:`_NAME_FOLD`).

    Returns the same string object when there are none (the usual case: no copy is made).
    """
    if _NAME_FOLD.search(text) is None:
        return text
    return _NAME_FOLD.sub(lambda m: _UNFOLD.sub("", m.group(0)), text)


def has_folded_name(text: str, begin: int, end: int) -> bool:
    """Whether ``text[begin:end]`` has a property name folded across lines (see
    :data:`_NAME_FOLD`): then only its unfolded text says which properties its lines are."""
    return _NAME_FOLD.search(text, begin, end) is not None


def value_of(rest: str) -> str:
    """The value of a content line given what follows its name (``;params:value``)."""
    if rest.startswith(":"):
        return rest[1:]
    params = _PARAMS.match(rest)
    return rest[params.end() :] if params else ""


def _trie_pattern(words: list[str]) -> str:
    """One regex matching any of ``words``, common prefixes factored out: an alternation of
    twenty addresses that all start "report" is tried at every character of the file, a trie
    fails after one character almost everywhere."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) if ch else "" for ch, child in node.items()]
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"

    return build(tree)


def own_text(text: str) -> str:
    """A component's text (unfolded, BEGIN to END) without the components nested in it.

    An e-mail alarm's ATTENDEE is not a guest and an alarm's SUMMARY is not the title. Linear:
    one pass over the BEGIN/END lines; a nested component left open hides the rest.
    """
    if text.upper().count("BEGIN:") <= 1:
        return text  # nothing nested (most events): the loop below would return it whole
    parts: list[str] = []
    depth = 0
    pos = 0
    for match in _MARKER.finditer(text):
        if match.group(1).upper() == "BEGIN":
            depth += 1
            if depth == 2:
                parts.append(text[pos : match.start(1)])
        else:
            depth -= 1
            if depth == 1:
                pos = match.end() + 1
            elif depth == 0:
                parts.append(text[pos:])
                return "".join(parts)
    if depth == 1:
        parts.append(text[pos:])
    return "".join(parts)


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
    broken: bool = False  # a component inside it was never closed
    _text: str | None = None
    _emails: tuple[str, ...] | None = None

    @property
    def emails(self) -> tuple[str, ...]:
        """Attendee and organizer addresses (casefolded), read on first use."""
        if self._emails is None:
            body = own_text(self.text)  # an e-mail alarm's ATTENDEE is not a guest
            found = (_MAILTO.findall(line) for line in _PEOPLE.findall(body))
            self._emails = tuple(f[-1].casefold() for f in found if f)
        return self._emails

    @property
    def text(self) -> str:
        """The component, BEGIN to END, unfolded.

        Made again on each use, not kept: 20 000 candidates of a five-year export would keep
        another 30-60 MB of copies of the file alive for the whole import (unfolding one
        event takes microseconds).
        """
        if self._text is not None:
            return self._text
        return unfold(self.source[self.offset : self.end])


@dataclass(slots=True)
class ScannedFile:
    """A file after the pre-scan: events, time zone definitions and problems found so far."""

    name: str
    text: str
    events: list[RawEvent] = field(default_factory=list)
    timezones: dict[str, str] = field(default_factory=dict)  # TZID → VTIMEZONE text
    x_wr_timezone: str = ""
    problems: list[Problem] = field(default_factory=list)
    # Where line_of() last counted to: problems come in file order, so counting on from there
    # keeps a file with 100 000 reported events linear.
    _line_at: tuple[int, int] = (0, 1)

    def mentioning(self, emails: Iterable[str], cancel: Cancel | None = None) -> set[int]:
        """Positions in :attr:`events` of the events whose text mentions any of ``emails``.

        One regex pass over the whole file instead of reading every event's attendees: a
        superset (a mention in a description counts) is fine for choosing what to parse.
        """
        wanted = sorted({e for e in emails if e}, key=len, reverse=True)
        if not wanted or not self.events:
            return set()
        pattern = re.compile(_trie_pattern([e.casefold() for e in wanted]), re.IGNORECASE)
        starts = [e.offset for e in self.events]
        found: set[int] = set()
        for match in checked(pattern.finditer(self.text), cancel, 1024):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and match.start() < self.events[i].end:
                found.add(i)
        return found

    def line_of(self, offset: int) -> int:
        """1-based line number of a text offset (computed only for reported problems)."""
        pos, line = self._line_at if offset >= self._line_at[0] else (0, 1)
        line += self.text.count("\n", pos, offset)
        self._line_at = (offset, line)
        return line

    def problem(self, code: str, event: RawEvent | None = None, **params: int) -> Problem:
        """A located problem for ``event`` (or the whole file)."""
        if event is None:
            return Problem(self.name, code, params=dict(params))
        return Problem(
            self.name,
            code,
            line=self.line_of(event.offset),
            event=event.index,
            params=dict(params),
            start=_start_of(event.dtstart),
        )


_START = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")


def _start_of(dtstart: str) -> str:
    """A DTSTART value in ISO form for a problem report, or '' when it is not a plain one."""
    found = _START.fullmatch(dtstart.strip())
    if found is None:
        return ""
    y, mo, d, h, mi, sec, utc = found.groups()
    return f"{y}-{mo}-{d}" + (f"T{h}:{mi}:{sec}{utc}" if h is not None else "")


def _fill(events: list[RawEvent], text: str, cancel: Cancel | None = None) -> None:
    # One regex pass over the whole text (C speed), each hit assigned to the event it falls in.
    # The first value wins: a VALARM, usually after the event's own properties, has its own
    # SUMMARY.
    ev_i = 0
    seen: set[str] = set()
    for match in checked(_lines(_FIELDS, _FIELDS_NL, text), cancel, 1024):
        pos = match.start(1)
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


def scan(  # noqa: PLR0912, PLR0915 - one state machine
    text: str, name: str, cancel: Cancel | None = None, *, _folded: bool = False
) -> ScannedFile:
    """Find every VEVENT and VTIMEZONE in ``text`` (see the module's notes).

    ``cancel`` (optional) is called every thousand components or fields and may raise to stop.

    Raises:
        IcsTooManyEventsError: more events than :data:`MAX_EVENTS`.
        IcsTooDeepError: components nested deeper than :data:`MAX_DEPTH`.
        IcsUnmatchedEndError: an END line with no open component of its name.
    """
    # One newline convention: exports mix CRLF and LF (and old Macs wrote CR alone).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = ScannedFile(name=name, text=text)
    # (component, where its BEGIN line starts, event number for a VEVENT); never deeper than
    # MAX_DEPTH, so every search below looks at a handful of entries.
    stack: list[tuple[str, int, int]] = []
    count = 0
    calendar_closed = False
    calendar_seen = False
    for match in checked(_lines(_MARKER, _MARKER_NL, text), cancel, 1024):
        kind = match.group(1).upper()
        comp = match.group(2).upper()
        if kind == "BEGIN":
            if comp == "VEVENT":
                count += 1
                if count > MAX_EVENTS:
                    line = result.line_of(match.start(1))
                    raise errors.IcsTooManyEventsError(
                        file=name, limit=MAX_EVENTS, event=count, line=line
                    )
                open_event = _find(stack, "VEVENT")
                if open_event >= 0:
                    # A new event inside an open one: the open one never ended.
                    _, begin, index = stack[open_event]
                    del stack[open_event:]
                    result.problems.append(_unterminated(result, begin, index))
            elif comp == "VCALENDAR":
                calendar_seen = True
            if len(stack) >= MAX_DEPTH:
                line = result.line_of(match.start(1))
                raise errors.IcsTooDeepError(file=name, line=line, limit=MAX_DEPTH)
            stack.append((comp, match.start(1), count if comp == "VEVENT" else 0))
            continue
        # END: close the innermost matching component; anything opened inside it and never
        # closed is dropped with it (an event holding one is reported when it is parsed).
        depth = _find(stack, comp)
        if depth < 0:
            raise errors.IcsUnmatchedEndError(file=name, line=result.line_of(match.start(1)))
        _, begin, index = stack[depth]
        unclosed = depth < len(stack) - 1
        del stack[depth:]
        if comp == "VEVENT":
            _add_event(result, begin, match.end(), index, broken=unclosed)
        elif comp == "VTIMEZONE" and match.end() - begin <= MAX_EVENT_CHARS:
            # A bigger one is not a time zone; its events are reported as of an unknown zone.
            block = unfold(text[begin : match.end()])
            tzid = _TZID_LINE.search(block)
            if tzid:
                # Outlook 2007 escapes the comma where it defines the zone ("Kuala Lumpur\,
                # Singapore") and not where it uses it (TZID="Kuala Lumpur, Singapore").
                name_of_zone = unescape(value_of(tzid.group(1)).strip())
                result.timezones.setdefault(name_of_zone, block)
        elif comp == "VCALENDAR":
            calendar_closed = True
    for comp, begin, index in stack:
        if comp == "VEVENT":
            result.problems.append(_unterminated(result, begin, index))
    if calendar_seen and not calendar_closed:
        result.problems.append(result.problem("truncated"))
    _fill(result.events, text, cancel)
    if not _folded and any(
        (not e.uid or not e.dtstart) and _NAME_FOLD.search(text, e.offset, e.end)
        for e in result.events
    ):
        return scan(join_folded_names(text), name, cancel, _folded=True)
    head = text[: result.events[0].offset] if result.events else text[:65536]
    x_wr = _X_WR_TZ.search(head)
    if x_wr:
        # "X-WR-TIMEZONE;VALUE=TEXT:US/Pacific" (Apple) has parameters before its value.
        result.x_wr_timezone = unescape(value_of(x_wr.group(1)).strip())
    return result


def _find(stack: list[tuple[str, int, int]], comp: str) -> int:
    """Index of the innermost open ``comp`` in ``stack``, or -1."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == comp:
            return depth
    return -1


def _unterminated(result: ScannedFile, begin: int, index: int) -> Problem:
    return Problem(result.name, "unterminated_event", line=result.line_of(begin), event=index)


def _add_event(result: ScannedFile, begin: int, end: int, index: int, *, broken: bool) -> None:
    if end - begin > MAX_EVENT_CHARS:
        # Only lines of 1 KB or more can matter here; found without splitting the event into
        # lines (a folded megabyte is a million of them).
        longest = max(
            (m.end() - m.start() for m in _LONG_LINE.finditer(result.text, begin, end)),
            default=0,
        )
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
    result.events.append(
        RawEvent(index=index, offset=begin, end=end, source=result.text, broken=broken)
    )
