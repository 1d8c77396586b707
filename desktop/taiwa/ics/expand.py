"""Full parse and recurrence expansion of the candidate events of one scanned file.

Each UID's components (the series master and its RECURRENCE-ID overrides) are parsed as a small
calendar of their own, with only the time zones they use. That keeps the expensive icalendar
parse to the candidates, and isolates a malformed event: icalendar rejects a whole calendar for
one bad line, so parsing events apart lets the good ones through and reports the bad one.

Time zones are rewritten before icalendar sees them:

* a TZID that names a known zone (IANA, a Windows id or display name, a "globally unique"
  /vendor/Area/City id) becomes that IANA name, and the file's VTIMEZONE for it is not used;
* any other TZID defined by a VTIMEZONE in the file is renamed after its definition.
  icalendar caches custom zones process-wide by TZID, so without this a second file with its
  own "Customized Time Zone" would silently get the first file's offsets;
* a TZID that is neither is reported ("unknown_timezone"), never read as floating time.

Only what the import reads reaches icalendar: the event's own UID, dates, rules, title, status,
sequence, organizer and attendees (:func:`_slim`); an Outlook event's other twenty lines and its
alarm cost parsing and mean nothing here. Events that do not repeat and start outside the window
are not parsed at all.

Expansion is bounded before it starts. A rule is read here first (:func:`_read_rule`) and
refused when no meeting series looks like it: an INTERVAL below 1, a second RRULE, a frequency
below a day, BYxxx lists that make more than :data:`MAX_PER_PERIOD` instances per period, more
than :data:`MAX_RULE_STEPS` instances between DTSTART and the window's end, more than
:data:`MAX_OCCURRENCES` inside the window, more than :data:`MAX_DATES` RDATE or EXDATE values.
What it lets through is clamped: its UNTIL never lies past the window (dateutil otherwise
searches up to the year 9999 for a rule that never matches: 8 s for one daily rule), and a
COUNT the window cannot reach is dropped. On top of that each file has a budget of occurrences
(:data:`MAX_FILE_OCCURRENCES`) and of work (:data:`MAX_FILE_WORK`, counted before each series
is parsed; one series may cost at most :data:`MAX_SERIES_WORK`), so no number of acceptable
series adds up to minutes or gigabytes.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from taiwa.cancel import Cancel, check, checked
from taiwa.ics import errors, zones
from taiwa.ics.errors import Problem
from taiwa.ics.match import Participant, split_cancelled
from taiwa.ics.scan import (
    RawEvent,
    ScannedFile,
    has_folded_name,
    own_text,
    unescape,
    value_of,
)

#: Occurrences of one series inside the window; more is not a meeting series anyone keeps.
#: Also the most components (a master and its changed occurrences) one UID may have.
MAX_OCCURRENCES = 2_000
#: Instances a rule may compute from its DTSTART to the end of the window (a daily rule
#: started 500 years ago); dateutil computes each of them, in or before the window.
MAX_RULE_STEPS = 200_000
#: Instances one period of a rule may hold (BYHOUR x BYMINUTE x BYSECOND x days): a 1on1
#: series needs one, a daily stand-up five a week; 24 x 60 x 60 a day is an attack.
MAX_PER_PERIOD = 1_000
#: RDATE values, and EXDATE values, one component may list (five years of a daily series).
MAX_DATES = 5_000
#: Occurrences of all the candidate events of one file inside the window. Each costs ~2 KB
#: until it is matched; the 60 000-event five-year export yields 10 000 in 15 months.
MAX_FILE_OCCURRENCES = 50_000
#: Work one file may cost, in units of about a microsecond on a 2-core CI machine (see
#: :func:`_work`): with decoding, scanning and the interpreter's start, the hostile calendars
#: of tests/unit/ics/test_limits.py stop within 5 s on that machine (half the 10 s budget,
#: for slower ones). A busy manager's 60 000-event five-year export costs 6.9 million over
#: the default 15 months (20 reports in the roster); a longer period is refused with advice.
MAX_FILE_WORK = 8_000_000
#: Work one series may cost: a daily rule that two BYxxx filters may make impossible walks to
#: the year 9999 (4 million units, see _Rule.barren); it is reported, the rest is imported.
MAX_SERIES_WORK = 1_000_000

_TZID_PARAM = re.compile(r';TZID=("[^"\n]*"|[^;:\n]*)', re.IGNORECASE)
_TZID_PROP = re.compile(r"^TZID([;:])[^\n]*$", re.MULTILINE | re.IGNORECASE)
_RULE_LINE = re.compile(r"^RRULE([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_RULE_LINE_END = re.compile(r"^RRULE[;:][^\n]*\n?", re.MULTILINE | re.IGNORECASE)
_DATES_LINE = re.compile(r"^(RDATE|EXDATE)([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_DTSTART_LINE = re.compile(r"^DTSTART([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_DAY = re.compile(r"\s*(\d{4})(\d{2})(\d{2})")
_STEP_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 28, "YEARLY": 365}
_FILTERS = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYSETPOS")
_SUB_DAILY = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
_RID_LINE = re.compile(r"^RECURRENCE-ID([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_RANGE = re.compile(r"^RECURRENCE-ID;[^\n]*RANGE=", re.MULTILINE | re.IGNORECASE)
_PLAIN_WEEKDAY = re.compile(r"^\+?(MO|TU|WE|TH|FR|SA|SU)$")
#: Margin around the window for times read in a zone (UTC offsets reach 14 hours) and for
#: all-day and floating events (read in the laptop's zone).
_MARGIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence of a calendar event inside the import window.

    Attributes:
        recurrence_id: '' for a single event, else the occurrence's original start (UTC
            ``YYYY-MM-DDTHH:MM:SSZ``, or ``YYYY-MM-DD`` for all-day series).
        start, end: aware datetimes; floating and all-day times are read in the laptop's zone.
        zone: the IANA zone the event was planned in ('' when unknown, floating or custom).
        summary: the title, NFKC-normalised, without Outlook's cancellation prefix.
        status: "confirmed" or "cancelled" (STATUS:CANCELLED or a cancellation prefix).
    """

    file: str
    event: int
    uid: str
    recurrence_id: str
    sequence: int
    start: datetime
    end: datetime | None
    zone: str
    summary: str
    status: str
    participants: tuple[Participant, ...]


@dataclass(slots=True)
class _TzPlan:
    rename: dict[str, str]  # original TZID → what icalendar will see
    blocks: dict[str, str]  # new TZID → VTIMEZONE text (renamed)
    unknown: set[str]


def _tzids(text: str) -> set[str]:
    return {m.group(1).strip('"').strip() for m in _TZID_PARAM.finditer(text)}


def _plan_zones(
    scanned: ScannedFile, events: Iterable[RawEvent], cancel: Cancel | None = None
) -> _TzPlan:
    plan = _TzPlan({}, {}, set())
    wanted: set[str] = set()
    for event in checked(events, cancel):
        wanted |= _tzids(event.text)
    for tzid in sorted(wanted):
        iana = zones.resolve(tzid)
        if iana is not None and iana != tzid and iana.casefold() == tzid.casefold():
            # "Europe/lisbon" defined by the file as CET (Google wrote that): its own
            # definition, not the IANA zone its name resembles, says what it means.
            iana = None if tzid in scanned.timezones else iana
        if iana is not None:
            plan.rename[tzid] = iana
        elif tzid in scanned.timezones:
            # Named after the definition itself: two files' "Customized Time Zone" with other
            # rules get different names, identical definitions share one cache entry (so the
            # process-wide cache grows with distinct zones, not with imports).
            rules = _TZID_PROP.sub("", scanned.timezones[tzid], count=1)
            new = "Taiwa-" + hashlib.sha256(rules.encode("utf-8")).hexdigest()[:20]
            plan.rename[tzid] = new
            plan.blocks[new] = _TZID_PROP.sub(f"TZID:{new}", scanned.timezones[tzid], count=1)
        else:
            plan.unknown.add(tzid)
    return plan


def _rewrite(text: str, plan: _TzPlan) -> str:
    def sub(match: re.Match[str]) -> str:
        tzid = match.group(1).strip('"').strip()
        return f";TZID={plan.rename.get(tzid, tzid)}"

    return _TZID_PARAM.sub(sub, text)


class _RefusedError(Exception):
    """A component's recurrence is refused before expansion: ``code`` names the problem."""

    def __init__(self, code: str, **params: int) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class _Rule:
    """What expanding one component's recurrence may cost, read before icalendar sees it."""

    steps: int  # instances dateutil computes from DTSTART to the window's end
    in_window: int  # most occurrences it can have inside the window
    line: str  # the RRULE line to parse instead of the file's (clamped); '' for none
    outside: bool = False  # it starts after the window or its UNTIL is before it
    # Days dateutil may walk without finding an instance: it checks UNTIL only against
    # instances it found, so a rule two BYxxx filters make impossible (the 15th as a first
    # Monday) walks on to the year 9999 — 1-6 s, whatever its UNTIL says (see _may_be_empty).
    barren: int = 0
    # BYMONTH and BYMONTHDAY name no day at all (February 30th): the rule adds nothing to
    # DTSTART, and is left out of the text icalendar parses (no walk to the year 9999).
    impossible: bool = False


_NO_RULE = _Rule(0, 0, "")


def _day(value: str) -> date | None:
    found = _DAY.match(value)
    if not found:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        key = key.strip().upper()
        if not sep or not key or key in parts:
            raise _RefusedError("bad_dates")  # icalendar would refuse it too, or read it two ways
        parts[key] = value.strip()
    return parts


def _count(parts: dict[str, str], key: str) -> int:
    value = parts.get(key)
    return len(value.split(",")) if value else 0


def _per_period(freq: str, parts: dict[str, str]) -> int:
    """Most instances one period of the rule can hold (RFC 5545's BYxxx table, rounded up)."""
    times = max(1, _count(parts, "BYHOUR")) * max(1, _count(parts, "BYMINUTE"))
    times *= max(1, _count(parts, "BYSECOND"))
    by_day = [d.strip() for d in parts.get("BYDAY", "").upper().split(",") if d.strip()]
    plain = sum(1 for d in by_day if _PLAIN_WEEKDAY.match(d))  # every Monday, not the 2nd
    numbered = len(by_day) - plain
    months = _count(parts, "BYMONTH") or 12
    days = 1
    if freq == "WEEKLY":
        days = len(by_day) or 1
    elif freq == "MONTHLY":
        days = _count(parts, "BYMONTHDAY") or (numbered + 5 * plain) or 1
    elif freq == "YEARLY":
        if _count(parts, "BYYEARDAY"):
            days = _count(parts, "BYYEARDAY")
        elif _count(parts, "BYWEEKNO"):
            days = _count(parts, "BYWEEKNO") * (len(by_day) or 7)
        elif _count(parts, "BYMONTHDAY"):
            days = _count(parts, "BYMONTHDAY") * months
        elif by_day:
            days = numbered + plain * (5 * months if "BYMONTH" in parts else 53)
        else:
            days = _count(parts, "BYMONTH") or 1
        days = min(days, 366)
    per_period = times * days
    if _count(parts, "BYSETPOS"):
        per_period = min(per_period, _count(parts, "BYSETPOS"))
    return per_period


def _until_value(dtstart: str, params: str, limit: date) -> str:
    # UNTIL has DTSTART's value type (RFC 5545): a date, UTC for a zoned start, else floating.
    if len(dtstart.strip()) == 8:
        return limit.strftime("%Y%m%d")
    zoned = dtstart.strip().upper().endswith("Z") or "TZID=" in params.upper()
    return limit.strftime("%Y%m%dT000000") + ("Z" if zoned else "")


def _read_rule(own: str, start: datetime, end: datetime) -> _Rule:
    """Check a component's recurrence (``own``: its text) against the limits, clamp its RRULE.

    Raises:
        _RefusedError: the recurrence is not one a meeting series has (see the module's notes).
    """
    dates = {"RDATE": 0, "EXDATE": 0}
    for kind, rest in _DATES_LINE.findall(own):
        # Several lines add up; each holds a comma-separated list.
        dates[kind.upper()] += value_of(rest).count(",") + 1
    if max(dates.values()) > MAX_DATES:
        raise _RefusedError("too_many_dates", limit=MAX_DATES)
    rules = _RULE_LINE.findall(own)
    if not rules:
        return _NO_RULE
    if len(rules) > 1:
        raise _RefusedError("several_rules")
    parts = _parts(value_of(rules[0]))
    freq = parts.get("FREQ", "").upper()
    if freq in _SUB_DAILY:
        raise _RefusedError("too_frequent")
    if freq not in _STEP_DAYS:
        raise _RefusedError("bad_dates")
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        raise _RefusedError("bad_interval") from None
    if interval < 1:
        raise _RefusedError("bad_interval")
    per_period = _per_period(freq, parts)
    if per_period > MAX_PER_PERIOD:
        raise _RefusedError("too_dense", limit=MAX_PER_PERIOD)
    dtstart = _DTSTART_LINE.search(own)
    first = _day(value_of(dtstart.group(1))) if dtstart else None
    if dtstart is None or first is None:
        raise _RefusedError("bad_dates")  # a rule must start on a day we can count from
    period = _STEP_DAYS[freq] * interval
    last = (end + _MARGIN).date()
    until = _day(parts["UNTIL"]) if "UNTIL" in parts else None
    if "UNTIL" in parts and until is None:
        raise _RefusedError("bad_dates")
    stop = min(last, until) if until is not None else last
    steps = (max(0, (stop - first).days) // period + 1) * per_period
    since = max(first, (start - _MARGIN).date())
    in_window = (max(0, (stop - since).days) // period + 2) * per_period
    if steps > MAX_RULE_STEPS or in_window > MAX_OCCURRENCES:
        raise _RefusedError("too_many_occurrences", limit=MAX_OCCURRENCES)
    outside = first > last or (until is not None and until < (start - _MARGIN).date())
    line = _clamped(parts, dtstart.group(1), last, steps)
    impossible = _impossible(parts)
    barren = (date.max - first).days if _may_be_empty(parts) and not impossible else 0
    return _Rule(steps, min(in_window, MAX_OCCURRENCES), line, outside, barren, impossible)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_WEEKDAY_IN_MONTH = re.compile(r"^[+-]?[1-4]?(MO|TU|WE|TH|FR|SA|SU)$", re.IGNORECASE)


def _may_be_empty(parts: dict[str, str]) -> bool:
    """Whether two BYxxx filters might together never match (then dateutil walks to 9999).

    Any month holds the first to fourth (and the last four) of each weekday, and any day of the
    month falls on each weekday within a few years; BYMONTH with BYMONTHDAY is decided exactly
    by :func:`_impossible`. Any other combination may be empty (the 15th as a first Monday).
    """
    used = {key for key in _FILTERS if key in parts}
    if len(used) < 2 or used == {"BYMONTH", "BYMONTHDAY"}:
        return len(used) >= 2 and _impossible(parts)
    days = [d.strip() for d in parts.get("BYDAY", "").split(",") if d.strip()]
    if used == {"BYMONTH", "BYDAY"}:
        return not all(_WEEKDAY_IN_MONTH.match(d) for d in days)
    plain = all(_PLAIN_WEEKDAY.match(d.upper()) for d in days)
    if used == {"BYMONTHDAY", "BYDAY"}:
        return not plain
    if used in ({"BYDAY", "BYSETPOS"}, {"BYMONTH", "BYDAY", "BYSETPOS"}):
        # "The last weekday of the month": each plain weekday is in any month four times.
        monthly = parts.get("FREQ", "").upper() in ("MONTHLY", "YEARLY")
        return not (monthly and plain and _small_positions(parts.get("BYSETPOS", "")))
    return True


def _small_positions(value: str) -> bool:
    try:
        return all(1 <= abs(int(p)) <= 4 for p in value.split(","))
    except ValueError:
        return False


def _impossible(parts: dict[str, str]) -> bool:
    """Whether BYMONTH and BYMONTHDAY together name no day of any year (February 30th)."""
    months, days = parts.get("BYMONTH"), parts.get("BYMONTHDAY")
    if not months or not days:
        return False
    try:
        month_list = [int(m) for m in months.split(",")]
        day_list = [int(d) for d in days.split(",")]
    except ValueError:
        return False  # icalendar judges a value it cannot read
    if not all(1 <= m <= 12 for m in month_list) or 0 in day_list:
        return False
    return all(abs(d) > _MONTH_DAYS[m - 1] for m in month_list for d in day_list)


def _clamped(parts: dict[str, str], dtstart: str, last: date, steps: int) -> str:
    """The RRULE line to parse: ``parts`` with UNTIL at most ``last`` and no useless COUNT."""
    # Clamp: an UNTIL past the window (or none) ends with the window. A COUNT the window cannot
    # reach changes nothing inside it and goes; a smaller one stays beside the UNTIL (dateutil
    # stops at whichever comes first: the same occurrences inside the window).
    until = _day(parts["UNTIL"]) if "UNTIL" in parts else None
    if until is not None and until > last:
        del parts["UNTIL"]
    if "UNTIL" not in parts:
        parts["UNTIL"] = _until_value(value_of(dtstart), dtstart, last)
    if "COUNT" in parts:
        try:
            if int(parts["COUNT"]) > steps:
                del parts["COUNT"]
        except ValueError:
            raise _RefusedError("bad_dates") from None
    return "RRULE:" + ";".join(f"{key}={value}" for key, value in parts.items())


_DATE_PROPS = re.compile(
    r"^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE
)
_DATES_ONLY = re.compile(r"\d{8}(?:,\d{8})*")
_DATE_TIME = re.compile(r"(\d{8})T\d{6}Z?")


_EXDATE_LINE = re.compile(r"^EXDATE([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)


def _detached_not_excluded(owns: list[str]) -> list[str]:
    """The series with no EXDATE hiding one of its own changed occurrences.

    Apple iCal (and others) detach a changed occurrence: the master excludes its date with
    EXDATE and a component with that RECURRENCE-ID holds the change. The references show the
    change; recurring-ical-events would drop it with the excluded date.
    """
    if len(owns) < 2:
        return owns
    moved = {
        value_of(rid.group(1)).strip() for own in owns if (rid := _RID_LINE.search(own)) is not None
    }
    if not moved:
        return owns

    def keep(match: re.Match[str]) -> str:
        value = value_of(match.group(1))
        values = [v for v in value.split(",") if v.strip() not in moved]
        if len(values) == len(value.split(",")):
            return match.group(0)
        if not values:
            return ""
        return match.group(0)[: len(match.group(0)) - len(value)] + ",".join(values)

    return [own if _RID_LINE.search(own) else _EXDATE_LINE.sub(keep, own) for own in owns]


_DTEND_LINE = re.compile(r"^DTEND([;:][^\n]*)$\n?", re.MULTILINE | re.IGNORECASE)


def _end_not_before_start(own: str) -> str:
    """``own`` without its DTEND when that ends before DTSTART begins (same zone written).

    A moved instance whose end precedes its start (seen in real exports) keeps its start, as
    the references keep it; recurring-ical-events would move the start to the end instead.
    """
    end = _DTEND_LINE.search(own)
    begin = _DTSTART_LINE.search(own) if end is not None else None
    if end is None or begin is None:
        return own
    end_value, start_value = value_of(end.group(1)).strip(), value_of(begin.group(1)).strip()
    same_form = len(end_value) == len(start_value) and (
        end.group(1)[: -len(end_value) or None] == begin.group(1)[: -len(start_value) or None]
    )
    if same_form and end_value < start_value:
        return own[: end.start()] + own[end.end() :]
    return own


def _dates_as_dates(owns: list[str]) -> list[str]:
    """The components of one series with their dates read as the references read them.

    * ``DTSTART;VALUE=DATE;TZID=Europe/Berlin:20260105`` (invalid, but common) is a date: the
      TZID goes, instead of making a timed event at midnight Berlin.
    * In an all-day series (the master's DTSTART a date), Exchange writes the moved instance's
      RECURRENCE-ID as a time in an offset zone (``RECURRENCE-ID;TZID=UTC+01:20260226T000000``);
      the references match it to the series by its date, and so do we.
    """
    owns = _detached_not_excluded([_end_not_before_start(own) for own in owns])
    if not any(_TZID_PARAM.search(own) for own in owns):
        return owns  # both cases need a TZID; most one-off meetings have none to look at
    all_day = any(
        (start := _DTSTART_LINE.search(own)) is not None
        and _DATES_ONLY.fullmatch(value_of(start.group(1)).strip()) is not None
        and _RID_LINE.search(own) is None
        for own in owns
    )

    def fix(match: re.Match[str]) -> str:
        name, rest = match.group(1), match.group(2)
        value = value_of(rest).strip()
        if _DATES_ONLY.fullmatch(value) and "TZID" in rest.upper():
            return f"{name};VALUE=DATE:{value}"  # a date's other parameters mean nothing
        moved = _DATE_TIME.fullmatch(value)
        if all_day and name.upper() == "RECURRENCE-ID" and moved and "RANGE=" not in rest.upper():
            return f"{name};VALUE=DATE:{moved.group(1)}"
        return match.group(0)

    return [_DATE_PROPS.sub(fix, own) for own in owns]


def _moved_outside(own: str, start: datetime, end: datetime) -> bool:
    """Whether ``own`` changes one occurrence (not a range) and both its original and its new
    start surely lie outside the window."""
    rid = _RID_LINE.search(own)
    if rid is None or _RANGE.search(own):
        return False
    day = _day(value_of(rid.group(1)))
    if day is None or (start - _MARGIN).date() <= day <= (end + _MARGIN).date():
        return False
    return _outside(own, start, end)


def _outside(own: str, start: datetime, end: datetime) -> bool:
    """Whether a component without recurrence surely starts outside the window."""
    dtstart = _DTSTART_LINE.search(own)
    day = _day(value_of(dtstart.group(1))) if dtstart else None
    if day is None:
        return False  # parsed, so that a broken start is reported
    return day < (start - _MARGIN).date() or day > (end + _MARGIN).date()


# What _surely_outside() looks for in an event's raw text, each line found by its newline (a
# literal first character lets the regex engine skip ahead: "^" with MULTILINE is five times
# slower over 20 000 events): a line that could make it recur or stand for a range (in its own
# text or a nested component's, a superset), its first DTSTART, a nested component, and a
# property name folded across lines (then only the unfolded text says what the lines are).
_RECURRENCE_LINE = re.compile(r"\n(?:RRULE|RDATE|EXDATE|RECURRENCE-ID)[;:]", re.IGNORECASE)
_DTSTART_NAME = re.compile(r"\nDTSTART[;:]", re.IGNORECASE)
_NESTED = re.compile(r"\nBEGIN:", re.IGNORECASE)


def _surely_outside(event: RawEvent, start: datetime, end: datetime) -> bool:
    """Whether a lone event that does not recur surely starts outside the window, read from
    the scan's DTSTART and the raw text: what :func:`_series` decides for it after unfolding it
    and reading its rules, at a fraction of the cost (three in four candidates of a five-year
    export are such meetings). False whenever unsure (then the usual way decides)."""
    if event.broken or event.rrule or event.has_recurrence_id:
        return False
    day = _day(event.dtstart)
    if day is None or (start - _MARGIN).date() <= day <= (end + _MARGIN).date():
        return False
    text, begin, stop = event.source, event.offset, event.end
    if _RECURRENCE_LINE.search(text, begin, stop) or has_folded_name(text, begin, stop):
        return False
    # The scan's DTSTART is the first in the event's text: it must be the event's own, not
    # one inside a nested component (which _series would not read).
    first = _DTSTART_NAME.search(text, begin, stop)
    nested = _NESTED.search(text, begin, stop)
    return first is not None and (nested is None or first.start() < nested.start())


# The laptop's zone for floating times, read once per expand() (it asks the OS each time:
# 4 µs, for every occurrence of a five-year export). Concurrent imports read the same value.
_local: tzinfo | None = None


def _local_zone() -> tzinfo:
    return _local or datetime.now().astimezone().tzinfo or UTC


def _aware(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_local_zone())
    return datetime.combine(value, time(0), tzinfo=_local_zone())


def _zone_name(value: Any) -> str:
    tz = getattr(value, "tzinfo", None)
    if isinstance(tz, ZoneInfo):
        return tz.key
    if tz is UTC:
        return "UTC"
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    if isinstance(key, str) and zones.is_known(key):
        return key
    return ""


def _rid(value: date | datetime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            # Floating: keep it zone-less so a laptop that changed zones re-imports the same key.
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


_PERSON = re.compile(r"^(ATTENDEE|ORGANIZER)([;:][^\n]*)$", re.MULTILINE | re.IGNORECASE)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^;:"]*)')
_CARET = re.compile(r"\^[n'^]")
_CARETS = {"^n": "\n", "^'": '"', "^^": "^"}
#: Names the parse marks each component with, so an occurrence finds its own people.
_INDEX = "X-TAIWA-COMPONENT"


def _param(value: str) -> str:
    # Quotes go; RFC 6868 escapes (^n ^' ^^) are undone, as icalendar does.
    value = value.strip('"')
    return _CARET.sub(lambda m: _CARETS[m.group(0)], value) if "^" in value else value


def _participants(own: str) -> tuple[Participant, ...]:
    """A component's attendees, then its organizer, read from its text (``own``).

    Attendee lines are most of an invitation's lines and the costliest for icalendar (every
    parameter is split and unescaped); read here, they never reach it.
    """
    attendees: list[Participant] = []
    organizer: Participant | None = None
    for name, rest in _PERSON.findall(own):
        is_organizer = name.upper() == "ORGANIZER"
        if len(rest) <= _CACHED_LINE:
            person = _known_line(rest, is_organizer=is_organizer)
        else:
            person = _person(rest, is_organizer=is_organizer)
        if not is_organizer:
            attendees.append(person)
        elif organizer is None:
            organizer = person
    return (*attendees, organizer) if organizer is not None else tuple(attendees)


def _person(rest: str, *, is_organizer: bool) -> Participant:
    """The participant an ATTENDEE or ORGANIZER line names (``rest``: after its name)."""
    params: dict[str, str] = {}
    pos = 0
    while (param := _PARAM.match(rest, pos)) is not None:
        params.setdefault(param.group(1).upper(), _param(param.group(2)))
        pos = param.end()
    raw = (rest[pos + 1 :] if rest.startswith(":", pos) else value_of(rest)).strip()
    email = raw[7:] if raw.lower().startswith("mailto:") else (raw if "@" in raw else "")
    return Participant(
        email=email.strip().casefold(),
        name=params.get("CN", "").strip().strip('"'),
        cutype=params.get("CUTYPE", "INDIVIDUAL"),
        partstat="" if is_organizer else params.get("PARTSTAT", ""),
    )


# A calendar names the same people on the same lines over and over (a series' master and its
# changed occurrences, a team's every meeting): each distinct line is read once. A Participant
# depends on its line alone; the lines kept are few and short (at most 4096 x 1 KB).
_CACHED_LINE = 1024
_known_line = lru_cache(maxsize=4096)(_person)


@dataclass(frozen=True, slots=True)
class _Source:
    """What every occurrence of one component shares, read from it once."""

    uid: str
    rid: Any  # the component's RECURRENCE-ID value, None for a master
    summary: str
    cancelled: bool
    sequence: int
    participants: tuple[Participant, ...]


def _source(component: Any, first: RawEvent, people: list[tuple[Participant, ...]]) -> _Source:
    rid_prop = component.get("RECURRENCE-ID")
    title, prefixed = split_cancelled(str(component.get("SUMMARY", "")))
    status = str(component.get("STATUS", "")).upper()
    try:
        sequence = int(str(component.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    return _Source(
        uid=str(component.get("UID", first.uid)),
        rid=rid_prop.dt if rid_prop is not None else None,
        summary=title,
        cancelled=status == "CANCELLED" or prefixed,
        sequence=sequence,
        participants=people[int(str(component.get(_INDEX, 0)))],
    )


def _occurrences(
    scanned: ScannedFile,
    first: RawEvent,
    found: Iterable[_Found],
    recurring: bool,
    people: list[tuple[Participant, ...]],
) -> list[Occurrence]:
    sources: dict[int, _Source] = {}  # by id() of the component: a series has a few
    result = []
    for each in found:
        source = sources.get(id(each.source))
        if source is None:
            source = sources[id(each.source)] = _source(each.source, first, people)
        rid = ""
        if recurring:
            # A changed occurrence keeps the instance it replaces; others are named by start.
            rid = _rid(source.rid if source.rid is not None else each.start)
        result.append(
            Occurrence(
                file=scanned.name,
                event=first.index,
                uid=source.uid,
                recurrence_id=rid,
                sequence=each.sequence if each.sequence >= 0 else source.sequence,
                start=_aware(each.start),
                end=_aware(each.end) if each.end is not None else None,
                zone=_zone_name(each.start),
                summary=source.summary,
                status="cancelled" if source.cancelled else "confirmed",
                participants=source.participants,
            )
        )
    return result


# A content line of any other name. Lines that are not content lines at all stay: icalendar
# must see them to report the event as malformed.
_UNUSED = re.compile(
    r"^(?!(?:BEGIN|END|UID|DTSTART|DTEND|DURATION|RRULE|RDATE|EXDATE|RECURRENCE-ID|SEQUENCE"
    r"|SUMMARY|STATUS)[;:])[A-Za-z0-9-]+[;:][^\n]*\n?",
    re.MULTILINE | re.IGNORECASE,
)


def _slim(own: str, rule: _Rule, index: int) -> str:
    # What icalendar must read of an event (see the module's notes); its alarms are already
    # gone (``own`` is the event without its nested components) and its people are read by
    # _participants(). A clamped rule replaces the file's; the index names the component.
    text = _UNUSED.sub("", own)
    if rule.impossible:
        text = _RULE_LINE_END.sub("", text, count=1)
    elif rule.line:
        text = _RULE_LINE.sub(lambda _: rule.line, text, count=1)
    head, newline, rest = text.partition("\n")
    return f"{head}{newline}{_INDEX}:{index}\n{rest}"


def _calendar_text(blocks: Iterable[str], zone_blocks: Iterable[str], x_wr: str) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Taiwa//import//EN"]
    if x_wr:
        head.append(f"X-WR-TIMEZONE:{x_wr}")
    return "\n".join([*head, *zone_blocks, *blocks, "END:VCALENDAR", ""])


_NEEDED = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


def _check_values(component: Any) -> None:
    # icalendar keeps going past what it cannot parse and notes it in .errors. A line that is
    # not a content line at all makes the event malformed; a bad value in a property we compute
    # with makes it untrustworthy; a bad value elsewhere (say DTSTAMP) does not matter here.
    for name, _ in getattr(component, "errors", ()) or ():
        if name is None:
            raise _MalformedError
        if str(name).upper() in _NEEDED:
            raise _BadDatesError


def expand(
    scanned: ScannedFile,
    events: list[RawEvent],
    start: datetime,
    end: datetime,
    progress: Callable[[int, int], None] | None = None,
    *,
    cancel: Cancel | None = None,
) -> tuple[list[Occurrence], list[Problem]]:
    """Parse ``events`` (candidates and their overrides) and list their occurrences.

    ``start``/``end`` bound the window (aware). Problems name the event, never its content.
    ``progress(done, total)`` is called after each series (it may raise to cancel).
    ``cancel`` (optional, see :mod:`taiwa.cancel`) is called before, between and after the
    parse and expansion of each series, and every few dozen occurrences; it raises to stop
    (never reported as a bad event).
    """
    try:
        return _expand(scanned, events, start, end, progress, cancel=cancel)
    finally:
        # The attendee lines read (see _known_line) are not kept past the import.
        _known_line.cache_clear()


def _expand(  # noqa: PLR0912, PLR0915 - one branch per way a series ends
    scanned: ScannedFile,
    events: list[RawEvent],
    start: datetime,
    end: datetime,
    progress: Callable[[int, int], None] | None,
    *,
    cancel: Cancel | None,
) -> tuple[list[Occurrence], list[Problem]]:
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    global _local  # noqa: PLW0603 - see _local
    _local = None
    _local = _local_zone()
    groups: dict[str, list[RawEvent]] = {}
    for event in events:
        groups.setdefault(event.uid, []).append(event)
    # Lone meetings that surely start outside the window (three in four candidates of a
    # five-year export) are set aside before anything reads them, their time zones included.
    aside = {
        uid
        for uid, group in checked(groups.items(), cancel, 1024)
        if len(group) == 1 and _surely_outside(group[0], start, end)
    }
    plan = _plan_zones(scanned, (e for e in events if e.uid not in aside), cancel)
    x_wr = ""
    if scanned.x_wr_timezone:
        # Google's calendar-wide zone; an unknown one is ignored like Google itself would.
        x_wr = zones.resolve(scanned.x_wr_timezone) or ""
    occurrences: list[Occurrence] = []
    problems: list[Problem] = []
    work = 0
    for done, (uid, group) in enumerate(groups.items()):
        if progress is not None:
            progress(done, len(groups))
        check(cancel)
        first = group[0]
        if not uid:
            problems.extend(scanned.problem("no_uid", e) for e in group)
            continue
        try:
            series = None if uid in aside else _series(group, plan, x_wr, start, end)
        except _RefusedError as refused:
            problems.append(scanned.problem(refused.code, first, **refused.params))
            continue
        work += _WORK_PER_CANDIDATE
        if series is None:
            cost = 0  # a one-off meeting before or after the window: nothing to parse
        else:
            text, recurring, people, cost = series
        if cost > MAX_SERIES_WORK:
            problems.append(scanned.problem("too_costly", first))
            continue
        work += cost
        if work > MAX_FILE_WORK:
            raise errors.IcsTooMuchWorkError(
                file=scanned.name, event=first.index, line=scanned.line_of(first.offset)
            )
        if series is None:
            continue
        if isinstance(text, _OneOff):
            # A one-off meeting read without icalendar (see _one_off): the same Occurrence.
            if start <= text.start < end:
                occurrences.append(_from_one_off(scanned, first, text, people[0]))
            _check_total(scanned, first, occurrences)
            continue
        try:
            found = _expand_group(
                text,
                start,
                end,
                icalendar=icalendar,
                rie=recurring_ical_events,
                xwr=x_wr_timezone,
                cancel=cancel,
            )
            converted = _occurrences(scanned, first, checked(found, cancel, 64), recurring, people)
        except _TooManyError:
            problems.append(scanned.problem("too_many_occurrences", first, limit=MAX_OCCURRENCES))
            continue
        except _NoStartError:
            problems.append(scanned.problem("no_start", first))
            continue
        except _BadDatesError:
            problems.append(scanned.problem("bad_dates", first))
            continue
        except Exception:  # library errors quote content: report the event, never re-raise
            problems.append(scanned.problem("malformed_event", first))
            continue
        occurrences.extend(converted)
        _check_total(scanned, first, occurrences)
    return occurrences, problems


def _check_total(scanned: ScannedFile, event: RawEvent, occurrences: list[Occurrence]) -> None:
    if len(occurrences) > MAX_FILE_OCCURRENCES:
        raise errors.IcsTooManyOccurrencesError(
            file=scanned.name,
            event=event.index,
            line=scanned.line_of(event.offset),
            limit=MAX_FILE_OCCURRENCES,
        )


def _series(
    group: list[RawEvent], plan: _TzPlan, x_wr: str, start: datetime, end: datetime
) -> tuple[str | _OneOff, bool, list[tuple[Participant, ...]], int] | None:
    """The calendar text to parse for one UID, whether it recurs, each component's people and
    the work it will cost; None when it surely has no occurrence in the window.

    Raises:
        _RefusedError: the series is refused before it is parsed.
    """
    if len(group) > MAX_OCCURRENCES:
        raise _RefusedError("too_many_changes", limit=MAX_OCCURRENCES)
    if any(e.broken for e in group):
        raise _RefusedError("malformed_event")
    owns = _dates_as_dates([own_text(e.text) for e in group])
    refused: _RefusedError | None = None
    try:
        rules = [_read_rule(own, start, end) for own in owns]
    except _RefusedError as error:
        refused, rules = error, [_NO_RULE] * len(owns)
    dates = any(_DATES_LINE.search(own) for own in owns)
    if (
        refused is None
        and not dates
        and all(
            rule.outside if rule.line else _outside(own, start, end)
            for own, rule in zip(owns, rules, strict=True)
        )
        and not any(_RANGE.search(own) for own in owns)
    ):
        return None  # cheap first: most of a five-year export lies outside the window
    if len(owns) > 1 and refused is None and not dates:
        # A changed occurrence moved from outside the window to outside it changes nothing
        # inside it: a five-year series' hundred changes are not parsed for one year.
        keep = [i for i, own in enumerate(owns) if not _moved_outside(own, start, end)]
        owns, rules = [owns[i] for i in keep], [rules[i] for i in keep]
    used = set().union(*(_tzids(own) for own in owns))
    if used & plan.unknown:
        raise _RefusedError("unknown_timezone")
    if refused is not None:
        raise refused
    people = [_participants(own) for own in owns]
    recurring = any(r.line for r in rules) or any(e.has_recurrence_id for e in group) or dates
    if not recurring and len(owns) == 1 and not x_wr:
        fast = _one_off(owns[0], plan)
        if fast is not None:
            return fast, False, people, _WORK_PER_ONE_OFF
    zone_blocks = [
        plan.blocks[plan.rename[t]] for t in sorted(used) if plan.rename.get(t) in plan.blocks
    ]
    text = _calendar_text(
        (
            _rewrite(_slim(own, rule, i), plan)
            for i, (own, rule) in enumerate(zip(owns, rules, strict=True))
        ),
        zone_blocks,
        x_wr,
    )
    return text, recurring, people, _work(len(text), rules, len(group))


@dataclass(frozen=True, slots=True)
class _OneOff:
    uid: str
    start: datetime
    end: datetime
    zone: str
    summary: str
    status: str
    sequence: int


_CONTENT_LINE = re.compile(r"[A-Za-z0-9-]+[;:]")
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?")


def _when(  # noqa: PLR0911 - one return per form of the value
    line: str, plan: _TzPlan
) -> tuple[date | datetime, str] | None:
    """A DTSTART/DTEND value as icalendar reads it, and its zone name; None if unsure."""
    params, _, value = line.partition(":")
    tzid = ""
    for param in params.split(";")[1:]:
        key, _, val = param.partition("=")
        if key.upper() == "TZID":
            tzid = val.strip('"')
        elif key.upper() != "VALUE":
            return None
    found = _STAMP.fullmatch(value.strip())
    if found is None:
        return None
    y, mo, d, h, mi, sec, utc = found.groups()
    if h is not None and utc:
        tzid = "UTC" if not tzid else "\n"  # a zone and a Z: leave it to icalendar
    try:
        if h is None:
            return (date(int(y), int(mo), int(d)), "") if not tzid else None
        naive = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec))
    except ValueError:
        return None
    if not tzid:
        return naive, ""
    iana = "UTC" if tzid == "UTC" and utc else plan.rename.get(tzid, "")
    if not zones.is_known(iana):
        return None  # a zone only the file's VTIMEZONE defines: icalendar reads it
    zone = ZoneInfo(iana)
    return naive.replace(tzinfo=zone), zone.key


def _one_off(own: str, plan: _TzPlan) -> _OneOff | None:
    """A one-off event (one component, no recurrence) read without icalendar, or None.

    Two thirds of a busy calendar's candidates are such meetings, and icalendar's parse and
    recurring-ical-events' query cost a millisecond each (ten seconds for a five-year export).
    Anything this does not read exactly as they do (a DURATION, an unusual parameter, a zone
    defined only in the file, a line that is not a content line) goes the usual way.
    """
    values: dict[str, str] = {}
    for line in own.rstrip("\n").split("\n")[1:-1]:
        name = _CONTENT_LINE.match(line)
        if name is None:
            return None  # icalendar must see it, to report the event as malformed
        key = name.group(0)[:-1].upper()
        if key in ("DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"):
            return None
        if key in ("UID", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE"):
            if key in values:
                return None
            values[key] = line[len(key) :]
    if "DTSTART" not in values:
        return None
    begin = _when(values["DTSTART"], plan)
    finish = _when(values["DTEND"], plan) if "DTEND" in values else None
    if begin is None or ("DTEND" in values and finish is None):
        return None
    start = _aware(begin[0])
    # Without a DTEND, recurring-ical-events ends the occurrence at its start (a day later for
    # an all-day event), and so the usual way does.
    if finish is not None:
        end = _aware(finish[0])
    else:
        end = start if isinstance(begin[0], datetime) else start + timedelta(days=1)
    try:
        sequence = int(value_of(values.get("SEQUENCE", ":0")))
    except ValueError:
        sequence = 0
    return _OneOff(
        uid=unescape(value_of(values.get("UID", ":"))),
        start=start,
        end=end,
        zone=begin[1],
        summary=unescape(value_of(values.get("SUMMARY", ":"))),
        status=value_of(values.get("STATUS", ":")).upper(),
        sequence=sequence,
    )


def _from_one_off(
    scanned: ScannedFile, first: RawEvent, one: _OneOff, people: tuple[Participant, ...]
) -> Occurrence:
    title, prefixed = split_cancelled(one.summary)
    return Occurrence(
        file=scanned.name,
        event=first.index,
        uid=one.uid or first.uid,
        recurrence_id="",
        sequence=one.sequence,
        start=one.start,
        end=one.end,
        zone=one.zone,
        summary=title,
        status="cancelled" if one.status == "CANCELLED" or prefixed else "confirmed",
        participants=people,
    )


# Costs of the parts of a series' expansion, in units of about a microsecond (measured with
# the 60 000-event export and the hostile corpus; see tests/unit/ics/test_limits.py).
_WORK_PER_CHAR = 3  # icalendar's parse of the (slimmed) text, per character
_WORK_PER_STEP = 5  # dateutil's computation of one instance of a rule
_WORK_PER_BARREN = 2  # one day dateutil walks without an instance (measured: 2-10 µs)
_WORK_PER_OCCURRENCE = 130  # recurring-ical-events computing one, and our Occurrence (measured)
_WORK_PER_SERIES = 1_000  # a calendar, a query and a time zone conversion per series
_WORK_PER_ONE_OFF = 250  # a one-off event read without icalendar (measured: 0.1-0.2 ms)
_WORK_PER_CANDIDATE = 60  # reading any candidate's rules, even one outside the window


def _work(chars: int, rules: list[_Rule], components: int) -> int:
    """The work one series will cost at most (see :data:`MAX_FILE_WORK`)."""
    steps = sum(r.steps for r in rules)
    barren = sum(r.barren for r in rules)
    occurrences = sum(r.in_window for r in rules) + components
    return (
        _WORK_PER_SERIES
        + chars * _WORK_PER_CHAR
        + steps * _WORK_PER_STEP
        + int(barren * _WORK_PER_BARREN)
        + occurrences * _WORK_PER_OCCURRENCE
    )


class _MalformedError(Exception):
    pass


class _TooManyError(Exception):
    pass


class _NoStartError(Exception):
    pass


class _BadDatesError(Exception):
    pass


def _expand_group(
    text: str,
    start: datetime,
    end: datetime,
    *,
    icalendar: Any,
    rie: Any,
    xwr: Any,
    cancel: Cancel | None = None,
) -> list[_Found]:
    # ``cancel`` raises Cancelled, a BaseException: the caller's ``except Exception`` lets it by.
    check(cancel)
    with warnings.catch_warnings():
        # The libraries warn about guessed zones and odd values; we report what matters.
        warnings.simplefilter("ignore")
        calendar = icalendar.Calendar.from_ical(text)
        check(cancel)
        for component in calendar.walk("VEVENT"):
            if component.get("DTSTART") is None:
                raise _NoStartError
            _check_values(component)
        if calendar.get("X-WR-TIMEZONE"):
            calendar = xwr.to_standard(calendar)
        check(cancel)
        # One between() over the bounded window: after() re-queries in growing steps and
        # costs several times more. Rules that could yield unbounded counts inside the window
        # (sub-daily frequencies) were refused before this point.
        found = _between(rie.of(calendar), start, end)
        if len(found) > MAX_OCCURRENCES:
            raise _TooManyError
        return [f for f in found if start <= _aware(f.start) < end]


@dataclass(frozen=True, slots=True)
class _Found:
    """One occurrence as recurring-ical-events computed it, and the component it comes from
    (the series' master, or the changed occurrence that replaces an instance)."""

    start: date | datetime
    end: date | datetime | None
    sequence: int  # below 0: the component's own SEQUENCE
    source: Any


def _between(query: Any, start: datetime, end: datetime) -> list[_Found]:
    # CalendarQuery.between() returns a copy of the component for each occurrence, with the
    # occurrence's DTSTART, DTEND and RECURRENCE-ID set: 60 % of an import's time, for values
    # the occurrence itself holds. Its private _occurrences_between() and each occurrence's
    # source component give the same answer without the copies (recurring-ical-events is
    # pinned; tests/unit/ics/test_rie_contract.py compares both on the corpus).
    return [
        _Found(o.start, o.end, o.sequence, o._adapter._component)
        for o in query._occurrences_between(query.to_datetime(start), query.to_datetime(end))
    ]
