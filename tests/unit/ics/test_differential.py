"""Differential test: Taiwa's occurrences against an iCalendar implementation it does not use.

For every .ics file of ../shared/ics-corpus (realworld/ included) and tests/data/ics, the
occurrences (UID and start instant) of a three-year window are computed by Taiwa's reader
(scan + expand, every event) and by allenporter's ``ical`` package, the oracle — a dev-only
dependency, never imported by the app. A difference fails the test unless the file is listed
below with its reason: a bug or limitation of the oracle (:data:`ORACLE_BUGS`), input whose
meaning the RFC leaves open (:data:`UNDEFINED`), or an event Taiwa refuses and reports by
number (:data:`REPORTED`; never a silent drop). A listed file
that no longer differs fails too, so the tables cannot go stale.

The oracle is strict (pydantic validation): one bad event makes it refuse a whole calendar.
It is therefore given one series at a time (the events of one UID, with every VTIMEZONE of
the file), split by the simple reader below rather than by Taiwa's scanner; a series it
cannot read at all is left out of the comparison and counted. Floating times are read in
UTC (the test sets the process's zone), in the calendar's X-WR-TIMEZONE when it has one.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from taiwa.ics import decode, errors, scan, zones
from taiwa.ics.expand import expand
from tests.unit.ics.conftest import CORPUS, DATA

ical_stream = pytest.importorskip("ical.calendar_stream")

_BIG = {"issue42.ics", "mathBirthdays.ics", "large.ics"}
#: Files that are no calendar at all (refused whole, with their own message).
_NOT_CALENDARS = {"libical/malloc.ics"}


def _files() -> list[Path]:
    found = sorted(CORPUS.glob("**/*.ics")) if CORPUS.is_dir() else []
    return found + sorted(DATA.glob("*.ics"))


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


#: Files where the oracle is wrong, and why (each checked by hand against the file and the
#: RFC or what the exporting client shows).
_SINGLE_OFFSET = "ical reads a single-offset Outlook VTIMEZONE as UTC"
_UNSYNCED = (
    "DTSTART not produced by its RRULE: RFC 5545 leaves it undefined; ical drops the DTSTART"
    " instance, dateutil, libical and the exporting client keep it"
)
_ALL_DAY_MOVE = (
    "ical does not match Exchange's date-time RECURRENCE-ID to an all-day series by date: the"
    " moved day also stays at its old date (node-ical's own test expects it moved)"
)
ORACLE_BUGS: dict[str, str] = {
    "realworld/ical4j__2207678.ics": _SINGLE_OFFSET,
    "ics/custom_tz_berlin.ics": _SINGLE_OFFSET,
    "ics/custom_tz_tokyo.ics": _SINGLE_OFFSET,
    "ics/outlook_sjis.ics": _SINGLE_OFFSET + " (Tokyo Standard Time)",
    "khal/tz_windows_format.ics": (
        "ical ignores the Windows id 'New Zealand Standard Time' (and the file's inconsistent"
        " VTIMEZONE) and reads the time as UTC"
    ),
    "realworld/khal__cal_lots_of_timezones.ics": (
        "ical reads the file's VTIMEZONE 'Europe_Berlin' (with DST rules) as UTC"
    ),
    "khal/event_rrule_recuid_cancelled.ics": (
        "ical does not match RECURRENCE-ID in UTC (Z) to a master in Europe/Berlin: the moved"
        " occurrence appears twice"
    ),
    "realworld/kcalcore__test_recurrenceid.ics": (
        "ical keeps the original instance beside the moved one (RECURRENCE-ID and master"
        " both in UTC)"
    ),
    "node-ical/exchange_whole_day_moved_recurrence.ics": _ALL_DAY_MOVE,
    "realworld/nodeical__exchange_whole_day_moved_recurrence_offset_tz.ics": _ALL_DAY_MOVE,
    "recurring-ical-events/issue_28_rrule_with_UTC_endinginZ.ics": _ALL_DAY_MOVE,
    "node-ical/duplicate-uid-sequence.ics": (
        "ical keeps every copy of a UID; the copy with the highest SEQUENCE supersedes the"
        " others (RFC 5546), as recurring-ical-events and Outlook do"
    ),
    "ics/apple_export.ics": (
        "DTSTART with an RDATE and no RRULE: ical drops the DTSTART instance, which RFC 5545"
        " makes the first of the recurrence set"
    ),
    "x-wr-timezone/moved-event-RECURRENCE-ID.in.ics": (
        "ical ignores X-WR-TIMEZONE: a Google series written in UTC repeats in UTC where Google"
        " repeats it in the calendar's zone (the x-wr-timezone project's own test file), and"
        " it keeps the moved-from instance"
    ),
}
#: Files whose meaning RFC 5545 leaves undefined, where the two readers choose differently.
UNDEFINED: dict[str, str] = {
    "realworld/kcalcore__KOrganizer_Test01.ics": _UNSYNCED,
    "realworld/ical4j__korganizer_sample.ics": _UNSYNCED,
    "realworld/ical4j__Christian32Holidays.ics": _UNSYNCED,
    "realworld/tine20__outlook_bysetpos.ics": _UNSYNCED,
    "ics-parser/ICal.ics": _UNSYNCED,
    "libical/large.ics": (
        "libical's test fragments concatenated: unrelated events share one UID (a one-off and"
        " several weekly rules), so which is the series is undefined"
    ),
}
#: Files with events Taiwa refuses and reports (event number, line), and why.
REPORTED: dict[str, str] = {
    "recurring-ical-events/bad_rrule_missing_until_event.ics": (
        "RRULE with an unknown part (UNTL): Taiwa reports the event as unreadable; ical"
        " ignores the part and repeats forever"
    ),
}


@dataclass(slots=True)
class Comparison:
    taiwa: set[tuple[str, str]]
    oracle: set[tuple[str, str]]
    unread: int  # series the oracle could not read (left out)
    reported: set[str]  # UIDs of the events Taiwa reported


def _instant(value: date | datetime, floating: tzinfo) -> str:
    if not isinstance(value, datetime):
        # A date is the same day everywhere; Taiwa reads it in the local zone (UTC here).
        value = datetime.combine(value, datetime.min.time(), UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=floating)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


_BLOCK = re.compile(r"^BEGIN:(VEVENT|VTIMEZONE)\n.*?^END:\1[ \t]*$", re.M | re.S | re.I)
_UID = re.compile(r"^UID[;:]([^\n]*)$", re.M | re.I)


def _series(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The file's VTIMEZONE blocks and its VEVENT blocks per UID (a reader of its own)."""
    text = re.sub(r"\n[ \t]", "", text.replace("\r\n", "\n").replace("\r", "\n"))
    zones_found: list[str] = []
    events: dict[str, list[str]] = {}
    for block in _BLOCK.finditer(text):
        if block.group(1).upper() == "VTIMEZONE":
            zones_found.append(block.group(0))
            continue
        uid = _UID.search(block.group(0))
        key = uid.group(1).split(":", 1)[-1].strip() if uid else ""
        events.setdefault(key, []).append(block.group(0))
    return zones_found, events


def _oracle_read(
    tz_blocks: list[str], groups: list[list[str]], start: datetime, end: datetime
) -> tuple[list[tuple[str, date | datetime]], int]:
    """The oracle's occurrences of ``groups`` (series), and how many series it cannot read.

    Many series go into one calendar (the oracle takes ~10 ms per calendar); a calendar it
    refuses is split in two until the series it cannot read stand alone.
    """
    body = "\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//oracle//EN", *tz_blocks]
        + [block for group in groups for block in group]
        + ["END:VCALENDAR", ""]
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendar = ical_stream.IcsCalendarStream.calendar_from_ics(body)
            timeline = calendar.timeline_tz(UTC)
            margin = timedelta(days=2)
            return [
                (e.uid, e.dtstart) for e in timeline.overlapping(start - margin, end + margin)
            ], 0
    except Exception:  # the oracle's own limits: any error means "cannot read"
        if len(groups) == 1:
            return [], 1
        half = len(groups) // 2
        first, bad_first = _oracle_read(tz_blocks, groups[:half], start, end)
        second, bad_second = _oracle_read(tz_blocks, groups[half:], start, end)
        return first + second, bad_first + bad_second


def _oracle(text: str, start: datetime, end: datetime, floating: tzinfo) -> tuple[set, int]:
    tz_blocks, events = _series(text)
    # The oracle makes up a UID for an event without one; Taiwa reports such events (no_uid).
    groups = [blocks for uid, blocks in events.items() if uid]
    low, high = start.strftime("%Y-%m-%dT%H:%M"), end.strftime("%Y-%m-%dT%H:%M")
    found: set[tuple[str, str]] = set()
    unread = 0
    for at in range(0, len(groups), 200):
        read, bad = _oracle_read(tz_blocks, groups[at : at + 200], start, end)
        unread += bad
        for uid, value in read:
            key = _instant(value, floating)
            if low <= key < high:
                found.add((uid, key))
    return found, unread


def _window(scanned: scan.ScannedFile) -> tuple[datetime, datetime]:
    # Three years around the median year the file's events start in.
    years = sorted(int(e.dtstart[:4]) for e in scanned.events if e.dtstart[:4].isdigit())
    year = years[len(years) // 2] if years else 2026
    if len(years) > 1000:  # one year of a big file: the oracle takes seconds per year
        return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    return datetime(year - 1, 1, 1, tzinfo=UTC), datetime(year + 2, 1, 1, tzinfo=UTC)


def compare(path: Path, name: str) -> Comparison:
    """Taiwa's and the oracle's occurrences of ``path`` in the same window."""
    text = decode.decode(decode.read_file(path, name), name)
    scanned = scan.scan(text, name)
    start, end = _window(scanned)
    occurrences, problems = expand(scanned, scanned.events, start, end)
    by_index = {e.index: e.uid for e in scanned.events}
    reported = {by_index.get(p.event or 0, "") for p in [*problems, *scanned.problems]}
    taiwa = {(o.uid, _instant(o.start, UTC)) for o in occurrences}
    x_wr = zones.resolve(scanned.x_wr_timezone) if scanned.x_wr_timezone else None
    floating: tzinfo = ZoneInfo(x_wr) if x_wr else UTC
    oracle, unread = _oracle(text, start, end, floating)
    # A series Taiwa reported, or the oracle could not read, is compared only when both read
    # some of it; what only one side read is judged by the tables.
    return Comparison(taiwa, oracle, unread, reported - {""})


@pytest.fixture
def utc_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local zone is UTC (floating and all-day times are read in it)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


FILES = [
    pytest.param(p, marks=pytest.mark.slow) if p.name in _BIG else p
    for p in _files()
    if _name(p) not in _NOT_CALENDARS
]


@pytest.mark.parametrize("path", FILES, ids=_name)
@pytest.mark.usefixtures("utc_process")
def test_occurrences_agree_with_the_oracle(path: Path) -> None:
    name = _name(path)
    try:
        result = compare(path, name)
    except errors.IcsError as exc:
        pytest.fail(f"{name}: refused whole: {exc}")
    # Series the oracle could not read at all are not evidence either way.
    oracle_uids = {uid for uid, _ in result.oracle}
    taiwa_only = {k for k in result.taiwa - result.oracle if k[0] in oracle_uids}
    oracle_only = result.oracle - result.taiwa
    silent = {k for k in oracle_only if k[0] not in result.reported}
    reported = oracle_only - silent
    differs = bool(taiwa_only or silent)
    if name in ORACLE_BUGS or name in UNDEFINED:
        assert differs, f"{name} now agrees: remove it from its table"
        return
    if name in REPORTED:
        assert reported and not differs, f"{name}: {REPORTED[name]} no longer holds"
        return
    assert not taiwa_only, f"{name}: only Taiwa has {sorted(taiwa_only)[:5]}"
    assert not silent, f"{name}: only the oracle has {sorted(silent)[:5]}"
    assert not reported, f"{name}: Taiwa reports series the oracle reads: {sorted(reported)[:5]}"


def test_the_tables_name_existing_files() -> None:
    names = {_name(p) for p in _files()}
    if not CORPUS.is_dir():
        pytest.skip(f"the shared ics corpus is not present at {CORPUS}")
    assert set(ORACLE_BUGS) | set(UNDEFINED) | set(REPORTED) <= names
