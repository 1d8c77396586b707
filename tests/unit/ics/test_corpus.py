"""Real-world exports (../shared/ics-corpus, see its SOURCES.md): none may crash, and the
files with meetings we can assert yield their 1on1s."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.ics import decode, errors, scan, service
from taiwa.ics.expand import expand
from taiwa.store import Store
from tests.unit.ics.conftest import CORPUS

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared ics corpus is not present at {CORPUS}"
)
_BIG = {"issue42.ics", "mathBirthdays.ics", "large.ics"}
FILES = [
    pytest.param(p, marks=pytest.mark.slow) if p.name in _BIG else p
    for p in (sorted(CORPUS.glob("*/*.ics")) if CORPUS.is_dir() else [])
]
WIDE = service.Window(datetime(2000, 1, 1, tzinfo=UTC), datetime(2002, 12, 31, tzinfo=UTC))
#: Files that are not calendars at all; each must be refused with its own message.
REFUSED = {"libical/malloc.ics": errors.IcsBinaryError}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_corpus_file_crashes(path: Path) -> None:
    name = f"{path.parent.name}/{path.name}"
    try:
        text = decode.decode(decode.read_file(path, name), name)
    except errors.IcsError as exc:
        assert isinstance(exc, REFUSED[name])
        return
    scanned = scan.scan(text, name)
    # Every event, not only candidates, over the years these files' meetings fall in: 35 years
    # of a big file may exceed the per-file budgets, which is a clean refusal, not a crash.
    try:
        occurrences, problems = expand(
            scanned,
            scanned.events,
            datetime(1995, 1, 1, tzinfo=UTC),
            datetime(2030, 1, 1, tzinfo=UTC),
        )
    except (errors.IcsTooMuchWorkError, errors.IcsTooManyOccurrencesError) as exc:
        assert f"{name}, event " in str(exc)
        return
    for occ in occurrences:
        assert occ.start.tzinfo is not None and occ.status in ("confirmed", "cancelled")
    for problem in problems:
        assert problem.message()


def _plan(db, path: Path, start: datetime, end: datetime, **kwargs: object) -> service.ImportPlan:  # type: ignore[no-untyped-def]
    window = service.Window(start.replace(tzinfo=UTC), end.replace(tzinfo=UTC))
    return service.plan_import(db, [path], window=window, **kwargs)  # type: ignore[arg-type]


def test_apple_calendar_attendee_matches(db) -> None:  # type: ignore[no-untyped-def]
    store = Store(db)
    store.people.add("Confirmed Person", emails=["confirmed@example.com"])
    store.people.add("Cancelled Person", emails=["cancelled@example.com"])
    plan = _plan(db, CORPUS / "node-ical/tentative-apple-calendar.ics", datetime(2022, 7, 1), datetime(2022, 7, 31),
                 owner="nobody@example.com")  # fmt: skip
    found = {
        (i.match.name, i.occurrence.start.isoformat(), i.occurrence.status) for i in plan.items
    }
    assert ("Confirmed Person", "2022-07-05T09:00:00-07:00", "confirmed") in found
    assert ("Cancelled Person", "2022-07-06T13:00:00-07:00", "cancelled") in found


def test_an_email_alarms_attendee_is_not_a_guest(db) -> None:  # type: ignore[no-untyped-def]
    # The only ATTENDEE of this Google event belongs to its VALARM (who gets the reminder).
    Store(db).people.add("Nicco", emails=["NiccoKunzmann@googlemail.com"])
    plan = _plan(
        db,
        CORPUS / "icalendar/alarm_google_future.ics",
        datetime(2024, 10, 1),
        datetime(2024, 11, 1),
    )
    assert plan.items == [] and plan.problems == []


def test_google_big_export_finds_an_attendee_series(db) -> None:  # type: ignore[no-untyped-def]
    path = CORPUS / "recurring-ical-events/issue42.ics"
    text = decode.decode(decode.read_file(path), "issue42.ics")
    scanned = scan.scan(text, "issue42.ics")
    # Pick the attendee of the most single-guest events, make them a known person.
    counts: dict[str, int] = {}
    for event in scanned.events:
        guests = set(event.emails)
        if len(guests) == 2:
            for email in guests:
                counts[email] = counts.get(email, 0) + 1
    assert counts, "the export has one-guest meetings"
    owner = max(counts, key=lambda e: counts[e])
    guest = max((e for e in counts if e != owner), key=lambda e: counts[e])
    Store(db).people.add("Guest", emails=[guest])
    plan = _plan(db, path, datetime(2015, 1, 1), datetime(2017, 12, 31), owner=owner)
    assert not [p for p in plan.problems if p.code == "malformed_event"]
    assert plan.items, "the guest's meetings are found"
    assert {i.person_id for i in plan.items} == {1}


def test_exchange_windows_zones_resolve(db) -> None:  # type: ignore[no-untyped-def]
    path = CORPUS / "node-ical/ms_timezones.ics"
    scanned = scan.scan(decode.decode(decode.read_file(path), "ms"), "ms")
    occurrences, problems = expand(
        scanned, scanned.events, WIDE.start.replace(year=1990), WIDE.end.replace(year=2030)
    )
    # Event 2's DTSTART is broken on purpose (the value inside the quoted TZID): reported.
    assert [(p.code, p.event) for p in problems] == [("unknown_timezone", 2)]
    zones = {o.zone for o in occurrences}
    assert zones == {"Europe/Berlin", "America/Los_Angeles"}
