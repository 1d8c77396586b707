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
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from taiwa.cancel import Cancel, check, checked
from taiwa.ics import zones
from taiwa.ics.errors import Problem
from taiwa.ics.match import Participant, split_cancelled
from taiwa.ics.scan import RawEvent, ScannedFile

#: Occurrences of one series inside the window; more is not a meeting series anyone keeps.
MAX_OCCURRENCES = 2_000
#: Steps a recurrence rule may need from its DTSTART to the end of the window.
MAX_RULE_STEPS = 200_000

_TZID_PARAM = re.compile(r';TZID=("[^"\n]*"|[^;:\n]*)', re.IGNORECASE)
_TZID_PROP = re.compile(r"^TZID([;:])[^\n]*$", re.MULTILINE | re.IGNORECASE)
_FREQ = re.compile(r"FREQ=([A-Z]+)")
_INTERVAL = re.compile(r"INTERVAL=(\d+)")
_YEAR = re.compile(r"(\d{4})\d{4}")
_STEP_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 28, "YEARLY": 365}


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


def _rule_steps(event: RawEvent, window_end: datetime) -> int:
    freq = _FREQ.search(event.rrule)
    if not freq:
        return 0
    step = _STEP_DAYS.get(freq.group(1))
    if step is None:
        return -1  # SECONDLY / MINUTELY / HOURLY
    interval = _INTERVAL.search(event.rrule)
    step *= max(1, int(interval.group(1))) if interval else 1
    year = _YEAR.search(event.dtstart)
    first = int(year.group(1)) if year else window_end.year
    return max(0, (window_end.year - first + 1) * 366 // step)


def _local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo or UTC


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


def _participants(component: Any) -> tuple[Participant, ...]:
    out: list[Participant] = []
    found = component.get("ATTENDEE")
    attendees = found if isinstance(found, list) else ([found] if found is not None else [])
    organizer = component.get("ORGANIZER")
    for address, is_organizer in [(a, False) for a in attendees] + (
        [(organizer, True)] if organizer is not None else []
    ):
        raw = str(address).strip()
        email = raw[7:] if raw.lower().startswith("mailto:") else (raw if "@" in raw else "")
        params = getattr(address, "params", {})
        out.append(
            Participant(
                email=email.strip().casefold(),
                name=str(params.get("CN", "")).strip().strip('"'),
                cutype=str(params.get("CUTYPE", "INDIVIDUAL")),
                partstat="" if is_organizer else str(params.get("PARTSTAT", "")),
            )
        )
    return tuple(out)


def _occurrence(
    scanned: ScannedFile, first: RawEvent, component: Any, recurring: bool
) -> Occurrence:
    start_value = component["DTSTART"].dt
    start = _aware(start_value)
    end: datetime | None = None
    if component.get("DTEND") is not None:
        end = _aware(component["DTEND"].dt)
    elif component.get("DURATION") is not None:
        end = start + component["DURATION"].dt
    elif not isinstance(start_value, datetime):
        end = start + timedelta(days=1)
    rid_prop = component.get("RECURRENCE-ID")
    rid = _rid(rid_prop.dt) if rid_prop is not None and recurring else ""
    title, prefixed = split_cancelled(str(component.get("SUMMARY", "")))
    status = str(component.get("STATUS", "")).upper()
    try:
        sequence = int(str(component.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    return Occurrence(
        file=scanned.name,
        event=first.index,
        uid=str(component.get("UID", first.uid)),
        recurrence_id=rid,
        sequence=sequence,
        start=start,
        end=end,
        zone=_zone_name(start_value),
        summary=title,
        status="cancelled" if status == "CANCELLED" or prefixed else "confirmed",
        participants=_participants(component),
    )


_ALARM = re.compile(r"^BEGIN:VALARM$.*?^END:VALARM$\n?", re.MULTILINE | re.DOTALL | re.IGNORECASE)
_UNUSED = re.compile(
    r"^(?:DESCRIPTION|X-ALT-DESC|ATTACH|COMMENT)[;:][^\n]*\n?", re.MULTILINE | re.IGNORECASE
)


def _slim(text: str) -> str:
    # Alarms, descriptions and attachments are most of an event's bytes and none of its
    # meaning here; leaving them out halves the parse (and their content is never read).
    return _UNUSED.sub("", _ALARM.sub("", text))


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
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    plan = _plan_zones(scanned, events, cancel)
    x_wr = ""
    if scanned.x_wr_timezone:
        # Google's calendar-wide zone; an unknown one is ignored like Google itself would.
        x_wr = zones.resolve(scanned.x_wr_timezone) or ""
    groups: dict[str, list[RawEvent]] = {}
    for event in events:
        groups.setdefault(event.uid, []).append(event)
    occurrences: list[Occurrence] = []
    problems: list[Problem] = []
    for done, (uid, group) in enumerate(groups.items()):
        if progress is not None:
            progress(done, len(groups))
        first = group[0]
        if not uid:
            problems.extend(scanned.problem("no_uid", e) for e in group)
            continue
        used = set().union(*(_tzids(e.text) for e in group))
        if used & plan.unknown:
            problems.append(scanned.problem("unknown_timezone", first))
            continue
        masters = [e for e in group if not e.has_recurrence_id]
        steps = max((_rule_steps(e, end) for e in masters), default=0)
        if steps < 0:
            problems.append(scanned.problem("too_frequent", first))
            continue
        if steps > MAX_RULE_STEPS:
            problems.append(scanned.problem("too_many_occurrences", first, limit=MAX_OCCURRENCES))
            continue
        zone_blocks = [
            plan.blocks[plan.rename[t]] for t in sorted(used) if plan.rename.get(t) in plan.blocks
        ]
        text = _calendar_text((_rewrite(_slim(e.text), plan) for e in group), zone_blocks, x_wr)
        recurring = (
            any(e.rrule for e in masters)
            or any(e.has_recurrence_id for e in group)
            or (any("RDATE" in e.text.upper() for e in masters))
        )
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
            converted = [
                _occurrence(scanned, first, c, recurring) for c in checked(found, cancel, 64)
            ]
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
    return occurrences, problems


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
) -> list[Any]:
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
        found = rie.of(calendar).between(start, end)
        if len(found) > MAX_OCCURRENCES:
            raise _TooManyError
        return [c for c in found if start <= _aware(c["DTSTART"].dt) < end]
