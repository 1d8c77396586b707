"""Benchmark: importing a busy 5 000-event calendar against icalendar + recurring-ical-events.

Run: ``python -m bench.bench_ics`` (``--json FILE`` to keep the figures, ``--repeat N``,
``--no-export`` to skip the five-year export, which takes minutes; ``--events N`` for a calendar
of another size, the same mix scaled: ``scripts/bench --quick`` runs 200 events once, and any
size other than the full one skips the export).

The calendar (generated, Outlook style with a Windows TZID and its VTIMEZONE): 5 000 events —
300 weekly series (40 of them 1on1s with known people, the rest team meetings), each with 20
moved occurrences (RECURRENCE-ID overrides), plus 4 700 one-off meetings — about 11 000 VEVENT
components. The floor is the same work done with the libraries alone (:func:`floor_occurrences`):
the VEVENTs that can be 1on1s by Taiwa's two rules (a keyword in the title, or a known person
among the attendees), with their series' moved occurrences and the time zones, parsed by
``icalendar`` and expanded over the same window by ``recurring-ical-events`` — measured in the
same run, interleaved, and checked to find the plan's occurrences. The first
floor (the whole file parsed, every series expanded) is shown below it as ``(before) whole-file
floor``, without a budget: it did several times the import's work.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import Result, paired_ms, quick_warmup, report

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
EVENTS = 5_000  # the full size: SERIES + SINGLES
SERIES = 300
ONE_ON_ONES = 40
MOVED = 20
SINGLES = 4_700
MANAGER = "manager@example.com"

_TZ = """BEGIN:VTIMEZONE
TZID:Tokyo Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
END:STANDARD
END:VTIMEZONE"""


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _attendees(emails: list[str]) -> list[str]:
    lines = [f"ORGANIZER;CN=Manager:mailto:{MANAGER}"]
    lines.append(f"ATTENDEE;CN=Manager;PARTSTAT=ACCEPTED:mailto:{MANAGER}")
    lines += [
        f"ATTENDEE;CN={e.split('@')[0]};PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:{e}"
        for e in emails
    ]
    lines.append("ATTENDEE;CUTYPE=ROOM;CN=Room 5F;PARTSTAT=ACCEPTED:mailto:room5f@example.com")
    return lines


def _event(uid: str, start: datetime, summary: str, emails: list[str], extra: list[str]) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260101T000000Z",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Tokyo Standard Time:{_stamp(start)}",
        f"DTEND;TZID=Tokyo Standard Time:{_stamp(start + timedelta(minutes=30))}",
        "SEQUENCE:0",
        "DESCRIPTION:Agenda and notes for the meeting\\, see the shared folder for the"
        " documents\\nThis line is long on purpose so the file resembles a real export.",
        *extra,
        *_attendees(emails),
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15M",
        "DESCRIPTION:Reminder",
        "END:VALARM",
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def shape(events: int = EVENTS) -> tuple[int, int, int]:
    """(series, of them 1on1s, one-off meetings) of a calendar of ``events`` events: the full
    calendar's mix, scaled (at least one 1on1 series)."""
    series = max(1, round(SERIES * events / EVENTS))
    one_on_ones = max(1, min(series, round(ONE_ON_ONES * events / EVENTS)))
    return series, one_on_ones, max(0, events - series)


def reports(events: int = EVENTS) -> list[tuple[str, str]]:
    """The known people of the benchmark vault: (name, e-mail)."""
    return [(f"Report {i:02d}", f"report{i:02d}@example.com") for i in range(shape(events)[1])]


def generate_calendar(seed: int = 5, events: int = EVENTS) -> str:
    """The benchmark calendar's text (see the module's notes); ``events`` scales its mix."""
    series, one_on_ones, singles = shape(events)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    first = datetime(2025, 9, 1, 10, 0)
    parts = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0//EN"]
    parts.append(_TZ.replace("\n", "\r\n"))
    people = [email for _, email in reports(events)]
    others = [f"colleague{i:03d}@example.com" for i in range(200)]
    for s in range(series):
        start = first + timedelta(days=s % 5, hours=s % 7)
        if s < one_on_ones:
            summary = ("1on1 " if s % 2 else "面談 ") + f"Report {s:02d}"
            emails = [people[s]]
        else:
            summary = f"Team sync {s}" if s % 3 else f"週次定例 {s}"
            emails = rng.sample(others, rng.randint(3, 8))
        uid = f"series-{s}@bench.example.com"
        parts.append(_event(uid, start, summary, emails, ["RRULE:FREQ=WEEKLY"]))
        for k in range(MOVED):
            original = start + timedelta(weeks=3 + k * 2)
            moved = original + timedelta(days=1, hours=1)
            rid = f"RECURRENCE-ID;TZID=Tokyo Standard Time:{_stamp(original)}"
            parts.append(_event(uid, moved, summary, emails, [rid]))
    for n in range(singles):
        start = first + timedelta(days=rng.randint(0, 500), hours=rng.randint(0, 8))
        emails = rng.sample(others, rng.randint(2, 6))
        parts.append(_event(f"single-{n}@bench.example.com", start, f"Meeting {n}", emails, []))
    parts.append("END:VCALENDAR")
    return "\r\n".join(parts) + "\r\n"


def _window() -> tuple[datetime, datetime]:
    return NOW - timedelta(days=90), NOW + timedelta(days=365)


# The floor's text handling, in C-speed steps (str.split, and patterns that start with a
# literal newline so the regex engine skips ahead): a floor slowed by its own text handling
# (a "^SUMMARY" search with MULTILINE over each event took half of it) would flatter Taiwa.
_ZONES = re.compile(r"\nBEGIN:VTIMEZONE\n.*?\nEND:VTIMEZONE\n", re.DOTALL)
#: A content line with its folded continuation lines (the value is after the first colon).
_SUMMARY = re.compile(r"\nSUMMARY[;:][^\n]*(?:\n[ \t][^\n]*)*")
_UID = re.compile(r"\nUID[;:][^\n]*(?:\n[ \t][^\n]*)*")
_FOLD = re.compile(r"\n[ \t]")


def _keywords() -> list[str]:
    """Taiwa's built-in 1on1 keywords (resources/calendar/1on1-rules.json), casefolded."""
    from taiwa.paths import resource

    data = json.loads(resource("calendar", "1on1-rules.json").read_text(encoding="utf-8"))
    return [str(k).casefold() for k in data["keywords"]]


def _value(block: str, pattern: re.Pattern[str]) -> str:
    found = pattern.search(block)
    return _FOLD.sub("", found.group()).split(":", 1)[1] if found else ""


#: One occurrence as the floor reads it: what Taiwa's import reads of it.
FloorOccurrence = tuple[str, Any, Any, tuple[str, ...]]  # (UID, start, end, attendees' e-mails)


def floor_occurrences(path: Path, known: Collection[str] = ()) -> list[FloorOccurrence]:
    """The same-work floor: what Taiwa's import does to reach its 1on1 occurrences, done with
    ``icalendar`` and ``recurring-ical-events`` alone, in the simplest code.

    1. Read the file (UTF-8, universal newlines) and cut it into its VEVENT blocks at their
       BEGIN lines; take the VTIMEZONEs before the first event.
    2. Keep the VEVENTs that can be 1on1s by Taiwa's two rules: a SUMMARY containing one of
       Taiwa's keywords (the same list, resources/calendar/1on1-rules.json; a plain
       case-insensitive substring test, no exclusions), or an attendee who is one of the
       ``known`` people (their e-mail in the event's text: a 1on1 without a keyword is found by
       its one known attendee). Then every VEVENT sharing a kept UID (the moved occurrences
       of a series), and the VTIMEZONEs.
    3. Parse those as one calendar with icalendar and expand the plan's window with
       recurring-ical-events' public API (``of(calendar).between(start, end)``).
    4. Read per occurrence what Taiwa reads: UID, start, end and the attendees; keep the ones
       starting inside the window (Taiwa's rule: start ≤ it < end) of a series with a keyword,
       and of the others those whose one participant besides the calendar's owner (rooms,
       resources and decliners left out) is a known person.

    Why it is the fair floor: Taiwa also scans the text first and parses and expands only the
    events that can be 1on1s (taiwa.ics.scan/expand), so a floor that parses the whole file
    and expands every series does several times the work for the same answer (that was the
    first floor, kept as :func:`whole_file_floor`); and one that looked at titles only would
    skip the events Taiwa must read for its attendee rule. This one does no less than is
    needed to find the same occurrences by the same two rules, and nothing Taiwa adds
    (time-zone mapping, exclusions, limits, problem reports): the libraries' cost.
    """
    import icalendar
    import recurring_ical_events

    start, end = _window()
    keywords = _keywords()
    people = {e.casefold() for e in known}
    addresses = [f"mailto:{e}" for e in people]
    head, *pieces = path.read_text(encoding="utf-8").split("\nBEGIN:VEVENT\n")
    # Each piece runs from an event's first property to its END:VEVENT (a VALARM inside it
    # ends with END:VALARM); the time zones come before the first event, as exporters write.
    blocks = ["\n" + p[: p.index("\nEND:VEVENT") + 1] for p in pieces]
    events = [(_value(b, _UID).strip(), b) for b in blocks]
    titled = {
        uid for uid, b in events if any(k in _value(b, _SUMMARY).casefold() for k in keywords)
    }
    wanted = titled | {uid for uid, b in events if any(a in b.casefold() for a in addresses)}
    kept = [z[1:] for z in _ZONES.findall(head)]
    kept += ["BEGIN:VEVENT" + b + "END:VEVENT\n" for uid, b in events if uid in wanted]
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//floor//EN\n" + "".join(kept)
    calendar = icalendar.Calendar.from_ical(text + "END:VCALENDAR\n")
    found: list[FloorOccurrence] = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        begins = event["DTSTART"].dt
        if begins < start:
            continue  # began before the window and still runs into it
        attendees = event.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        emails = tuple(str(a).removeprefix("mailto:").casefold() for a in attendees)
        if str(event["UID"]) not in titled:  # kept for a known attendee: is it a 1on1?
            others = {
                email
                for a, email in zip(attendees, emails, strict=True)
                if email != MANAGER
                and a.params.get("CUTYPE", "").upper() not in ("ROOM", "RESOURCE")
                and a.params.get("PARTSTAT", "").upper() != "DECLINED"
            }
            if len(others) != 1 or not others <= people:
                continue
        ends = event["DTEND"].dt if "DTEND" in event else None
        found.append((str(event["UID"]), begins, ends, emails))
    return found


def floor(path: Path, known: Collection[str] = ()) -> int:
    """The same-work floor's number of occurrences (see :func:`floor_occurrences`)."""
    return len(floor_occurrences(path, known))


def whole_file_floor(path: Path) -> int:
    """The first floor, kept for comparison: icalendar parses the whole file and
    recurring-ical-events expands every series over the window — far more than the import
    does (it parses and expands only the events that can be 1on1s)."""
    import icalendar
    import recurring_ical_events

    start, end = _window()
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return len(recurring_ical_events.of(calendar).between(start, end))


def _vault(folder: Path, people: list[tuple[str, str]]) -> Any:
    from taiwa.store import Store
    from taiwa.vault.database import Database
    from taiwa.vault.keys import RawKey

    folder.mkdir(parents=True, exist_ok=True)
    db = Database.create(folder / "taiwa.db", RawKey.generate())
    store = Store(db)
    for name, email in people:
        store.people.add(name, emails=[email])
    store.settings.set("calendar.owner", MANAGER)
    return db


def _plan(db: Any, path: Path) -> Any:
    from taiwa.ics import service

    start, end = _window()
    return service.plan_import(db, [path], window=service.Window(start, end), now=NOW)


def _same_occurrences(plan: Any, path: Path, known: Collection[str] = ()) -> None:
    """The floor must find the same 1on1 occurrences as the plan, or its time means nothing."""
    ours = sorted((i.occurrence.uid, i.occurrence.start) for i in plan.items)
    theirs = sorted((uid, start) for uid, start, _end, _emails in floor_occurrences(path, known))
    assert len(ours) == len(theirs), f"plan {len(ours)} occurrences, floor {len(theirs)}"
    assert ours == theirs, "the floor and the plan found different occurrences"


def _peak(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def run(repeat: int, events: int = EVENTS) -> list[Result]:
    """Measure the plan (dry run), the real import and the floor in one run."""
    from taiwa.ics import service

    people = reports(events)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="taiwa-bench-ics-") as tmp:
        root = Path(tmp)
        path = root / "calendar.ics"
        path.write_text(generate_calendar(events=events), encoding="utf-8", newline="")
        db = _vault(root / "plan", people)
        plan = _plan(db, path)
        assert len(plan.items) > len(people) * 40, "the benchmark must find the 1on1 series"
        assert not plan.problems
        known = [email for _, email in people]
        _same_occurrences(plan, path, known)
        ours, base = paired_ms(
            lambda: _plan(db, path),
            lambda: floor(path, known),
            repeat=repeat,
            warmup=quick_warmup(repeat),
        )
        size = f"{events:,}".replace(",", " ")
        results.append(Result(f"ics import: plan / dry run ({size} events)", ours, base, 1.0))
        ours, before = paired_ms(
            lambda: _plan(db, path), lambda: whole_file_floor(path), repeat=repeat, warmup=0
        )
        results.append(Result("  (before) whole-file floor", ours, before, None))
        db.close()
        # The real import: a fresh vault each time (untimed), then plan + one transaction.
        real: list[float] = []
        floors: list[float] = []
        # One in the quick mode (it only checks that the benchmark still works).
        for i in range(max(3, repeat // 2) if repeat > 1 else 1):
            fresh = _vault(root / f"real{i}", people)
            t0 = time.perf_counter()
            floor(path, known)
            floors.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            service.apply_import(fresh, _plan(fresh, path))
            real.append((time.perf_counter() - t0) * 1000)
            fresh.close()
        results.append(
            Result(
                "ics import: real import into a vault",
                statistics.median(real),
                statistics.median(floors),
                1.0,
            )
        )
        db = _vault(root / "mem", people)
        ours_mb = _peak(lambda: _plan(db, path))
        floor_mb = _peak(lambda: floor(path, known))
        db.close()
        results.append(
            Result(
                f"ics import: peak memory MB (floor {floor_mb:.1f} MB)", ours_mb, None, None, "MB"
            )
        )
    return results


def run_export(repeat: int) -> list[Result]:
    """The same comparison on a busy manager's five-year Outlook export (60 000 events, 85 MB;
    tests/support/outlook_ics.py): the plan against the same-work floor on the same file, and
    the whole-file floor once (it takes a minute or two and ~1 GB here).

    Besides the titles, Taiwa reads every event that names a known person (the rule that finds
    a 1on1 by its one known attendee): 22 054 of the 60 000 here, as a third of the one-off
    meetings and the team series invite reports. So does the floor; one that parsed the
    keyword titles only (631 components) would skip work the answer needs."""
    from tests.support import outlook_ics

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="taiwa-bench-ics-export-") as tmp:
        root = Path(tmp)
        export = outlook_ics.generate(root / "outlook.ics", events=60_000)
        db = _vault(root / "vault", outlook_ics.reports())
        assert outlook_ics.MANAGER == MANAGER  # the vault's calendar owner
        plan = _plan(db, export.path)
        assert plan.items and not plan.problems, "the export's 1on1 series must be found"
        known = [email for _, email in outlook_ics.reports()]
        _same_occurrences(plan, export.path, known)
        ours, base = paired_ms(
            lambda: _plan(db, export.path),
            lambda: floor(export.path, known),
            repeat=repeat,
            warmup=0,
        )
        results.append(
            Result(f"ics import: plan of a 5-year export ({export.events} events)", ours, base, 1.0)
        )
        # The old floor once (a minute and ~1 GB): shown, not budgeted.
        t0 = time.perf_counter()
        whole_file_floor(export.path)
        before = (time.perf_counter() - t0) * 1000
        results.append(Result("  (before) whole-file floor", ours, before, None))
        db.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument(
        "--no-export", action="store_true", help="skip the 60 000-event export (minutes)"
    )
    parser.add_argument(
        "--events",
        type=int,
        default=EVENTS,
        metavar="N",
        help=f"events in the generated calendar (default {EVENTS}; another size skips the export)",
    )
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("--events must be at least 1")
    results = run(args.repeat, args.events)
    if not args.no_export and args.events == EVENTS:
        results += run_export(max(1, args.repeat // 3))
    for r in results:
        if r.unit == "MB":
            print(f"     {r.name}: {r.ours_ms:.1f} MB")
    return report([r for r in results if r.unit != "MB"], args.json)


if __name__ == "__main__":
    sys.exit(main())
