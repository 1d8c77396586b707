"""A lone meeting outside the window is set aside from the scan's fields and its raw text
(taiwa.ics.expand._surely_outside) instead of being unfolded and read: three in four candidates
of a five-year export. The shortcut must decide exactly as the usual way does; these tests run
expand() with and without it and compare everything it returns.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.ics import decode, expand, scan
from tests.unit.ics.conftest import CORPUS, DATA

START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 3, 1, tzinfo=UTC)

# A lone meeting in 2024, long before the window; {extra} goes after its DTSTART, {alarm}
# before it.
_EVENT = (
    "BEGIN:VEVENT\r\nUID:lone-1\r\n{alarm}SUMMARY:1on1\r\n"
    "DTSTART;TZID=Asia/Tokyo:20240105T100000\r\n{extra}"
    "DTEND;TZID=Asia/Tokyo:20240105T103000\r\nEND:VEVENT\r\n"
)
_CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n"


def _outcome(scanned: scan.ScannedFile, start: datetime, end: datetime) -> object:
    try:
        occurrences, problems = expand.expand(scanned, scanned.events, start, end)
    except Exception as exc:  # a file-level limit: both ways must raise it
        return type(exc)
    # recurring-ical-events' order inside a series varies from run to run: compare sorted.
    return sorted(occurrences, key=lambda o: (o.event, o.recurrence_id, o.start)), problems


def _both(
    text: str, monkeypatch: pytest.MonkeyPatch, start: datetime = START, end: datetime = END
) -> tuple[object, object]:
    """expand()'s result (or the error it raised) with the shortcut, then without it."""
    scanned = scan.scan(text, "calendar.ics")
    fast = _outcome(scanned, start, end)
    with monkeypatch.context() as m:
        m.setattr(expand, "_surely_outside", lambda *_: False)
        usual = _outcome(scanned, start, end)
    return fast, usual


@pytest.mark.parametrize(
    ("alarm", "extra", "shortcut"),
    [
        ("", "", True),
        ("", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n", True),
        # A component before the event's DTSTART: unsure whose DTSTART the scan read.
        ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n", "", False),
        # It recurs into the window: read the usual way.
        ("", "RRULE:FREQ=WEEKLY;COUNT=200\r\n", False),
        ("", "rrule:FREQ=WEEKLY;COUNT=200\r\n", False),
        ("", "RRU\r\n LE:FREQ=WEEKLY;COUNT=200\r\n", False),  # a folded name
        ("", "RDATE;TZID=Asia/Tokyo:20260105T100000\r\n", False),
        ("", "EXDATE;TZID=Asia/Tokyo:20240105T100000\r\n", False),
        # The first DTSTART is an alarm's: the scan's value is not the event's.
        ("BEGIN:X-THING\r\nDTSTART:20260110T100000Z\r\nEND:X-THING\r\n", "", False),
    ],
)
def test_the_shortcut_decides_as_the_usual_way(
    alarm: str, extra: str, shortcut: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _CALENDAR.format(events=_EVENT.format(alarm=alarm, extra=extra))
    scanned = scan.scan(text, "calendar.ics")
    assert expand._surely_outside(scanned.events[0], START, END) is shortcut
    fast, usual = _both(text, monkeypatch)
    assert fast == usual


def test_a_meeting_inside_the_window_is_never_set_aside() -> None:
    text = _CALENDAR.format(events=_EVENT.format(alarm="", extra="").replace("2024", "2026"))
    scanned = scan.scan(text, "calendar.ics")
    assert not expand._surely_outside(scanned.events[0], START, END)
    occurrences, problems = expand.expand(scanned, scanned.events, START, END)
    assert [o.uid for o in occurrences] == ["lone-1"] and not problems


def _files() -> list[Path]:
    found = sorted(CORPUS.glob("**/*.ics")) if CORPUS.is_dir() else []
    found += sorted(DATA.glob("*.ics"))
    return [p for p in found if p.stat().st_size < 300_000]


def test_the_shortcut_changes_nothing_on_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every calendar of the corpus, over one year around its median event: most of its
    # lone events lie outside, and the occurrences and problems must be the same.
    compared = 0
    set_aside = 0
    shortcut = expand._surely_outside

    def counting(*args: object) -> bool:
        nonlocal set_aside
        found = shortcut(*args)  # type: ignore[arg-type]
        set_aside += found
        return found

    monkeypatch.setattr(expand, "_surely_outside", counting)
    for path in _files():
        try:
            text = decode.decode(decode.read_file(path, path.name), path.name)
            scanned = scan.scan(text, path.name)
        except Exception:  # a file refused whole has no events to compare
            continue
        years = sorted(int(e.dtstart[:4]) for e in scanned.events if e.dtstart[:4].isdigit())
        if not years:
            continue
        year = years[len(years) // 2]
        start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
        fast, usual = _both(text, monkeypatch, start, end)
        assert fast == usual, path.name
        compared += 1
    assert compared >= 5 and set_aside >= 100
