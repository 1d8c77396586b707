"""The hostile calendar corpus: the small files live in tests/data/ics/hostile/, the big ones
are made here at test time (megabytes have no place in the repository).

Every hostile event is a candidate (its title has "1on1" and its attendee is Taro, a known
person), so it reaches the expensive parse, and it carries :data:`SENTINEL` in its title,
description and location: no output may ever show it. Files whose rule is clamped rather than
refused ("clamped" below) are titled "1on1 clamped" instead, since their occurrences import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SENTINEL = "SENTINEL-TITLE-面談-7f3a"
DATA = Path(__file__).resolve().parents[1] / "data" / "ics" / "hostile"
KNOWN = ("Taro Yamada", "taro.yamada@example.com")
#: The period every case is imported for (--from/--to).
PERIOD = ("2026-01-01", "2026-02-28")


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile file and what the import must make of it.

    ``refusal`` is a piece of the message (refused files exit 2 naming a position);
    ``occurrences`` is how many 1on1s a clamped file imports (it exits 0).
    """

    name: str
    make: Callable[[Path], Path]
    refusal: str = ""
    occurrences: int | None = None


def _head() -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Taiwa tests//hostile//EN\r\n"


def _event(
    uid: str, extra: str = "", start: str = "20260105T010000Z", title: str = SENTINEL
) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}@hostile.example.com\r\nDTSTART:{start}\r\n"
        "DTEND:20260105T013000Z\r\nORGANIZER:mailto:manager@example.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:taro.yamada@example.com\r\n"
        f"SUMMARY:1on1 {title}\r\nDESCRIPTION:{SENTINEL}\r\n{extra}END:VEVENT\r\n"
    )


def _write(name: str, *parts: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            for part in parts:
                handle.write(part)
        return path

    return make


def _lazy(name: str, build: Callable[[], list[str]]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return _write(name, *build())(folder)

    return make


def _static(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes((DATA / name).read_bytes())
        return path

    return make


def _dates(count: int) -> str:
    # One date-time a day from 2020 on, as RDATE/EXDATE values (17 characters each).
    from datetime import datetime, timedelta

    first = datetime(2020, 1, 1, 1, 0)
    return ",".join((first + timedelta(days=i)).strftime("%Y%m%dT%H%M%SZ") for i in range(count))


def _overrides() -> list[str]:
    from datetime import datetime, timedelta

    master = _event("moved", "RRULE:FREQ=DAILY\r\n", start="20200101T010000Z")
    parts = [_head(), master]
    day = datetime(2020, 1, 1, 1, 0)
    for i in range(5_000):
        rid = (day + timedelta(days=i)).strftime("%Y%m%dT%H%M%SZ")
        parts.append(_event("moved", f"RECURRENCE-ID:{rid}\r\n"))
    parts.append("END:VCALENDAR\r\n")
    return parts


def _many_series() -> list[str]:
    # Each series alone is fine (59 occurrences in the period); 20 000 of them are not.
    parts = [_head()]
    parts += [_event(f"s{i}", "RRULE:FREQ=DAILY\r\n") for i in range(20_000)]
    parts.append("END:VCALENDAR\r\n")
    return parts


def _one_offs() -> list[str]:
    # Cheap one by one (read without icalendar), too many together: the occurrence budget.
    return [_head(), *(_event(f"o{i}") for i in range(60_000)), "END:VCALENDAR\r\n"]


def _emoji_padding() -> list[str]:
    # The worst text-to-bytes ratio: ASCII with one astral character (4 bytes a character in
    # memory), just under the size cap, CRLF line ends (the newline fix must not copy the text).
    from taiwa.ics.decode import MAX_FILE_BYTES

    head = _head() + _event("emoji", "RRULE:FREQ=DAILY;INTERVAL=0\r\n").replace("1on1", "1on1 🍵")
    line = "X-PAD:" + "A" * 72 + "\r\n"
    count = (MAX_FILE_BYTES - len(head.encode()) - 64) // len(line)
    return [head, line * count, "END:VCALENDAR\r\n"]


def cases() -> list[Case]:
    """The whole corpus, small files first."""
    position = "event 1 (line 4)"
    return [
        Case("interval-zero", _static("interval-zero.ics"), position),
        Case("two-rrules-secondly", _static("two-rrules-secondly.ics"), position),
        Case("byhour-byminute-bysecond", _static("byhour-byminute-bysecond.ics"), position),
        Case("secondly-open", _static("secondly-open.ics"), position),
        Case("minutely-open", _static("minutely-open.ics"), position),
        Case("daily-from-year-1", _static("daily-from-year-1.ics"), position),
        Case("count-1e9", _static("count-1e9.ics"), occurrences=59),
        Case("until-9999", _static("until-9999.ics"), occurrences=8),
        Case("impossible-rule-count", _static("impossible-rule-count.ics"), occurrences=1),
        Case("impossible-rule-until", _static("impossible-rule-until.ics"), occurrences=1),
        Case(
            "rdate-55000",
            _lazy(
                "rdate.ics",
                lambda: [_head(), _event("rd", f"RDATE:{_dates(55_000)}\r\n"), "END:VCALENDAR\r\n"],
            ),
            position,
        ),
        Case(
            "exdate-55000",
            _lazy(
                "exdate.ics",
                lambda: [
                    _head(),
                    _event("ex", f"RRULE:FREQ=DAILY\r\nEXDATE:{_dates(55_000)}\r\n"),
                    "END:VCALENDAR\r\n",
                ],
            ),
            position,
        ),
        Case(
            "valarms-70000-unclosed",
            _write(
                "alarms.ics",
                _head(),
                _event("alarms", "BEGIN:VALARM\r\nACTION:DISPLAY\r\n" * 70_000),
                "END:VCALENDAR\r\n",
            ),
            "line 24: calendar components are nested more than 8 deep",
        ),
        Case(
            "valarm-unclosed-in-70000-events",
            _lazy(
                "alarm-each.ics",
                lambda: (
                    [_head()]
                    + [_event(f"a{i}", "BEGIN:VALARM\r\nACTION:DISPLAY\r\n") for i in range(70_000)]
                    + ["END:VCALENDAR\r\n"]
                ),
            ),
            "event 70000 (line",
        ),
        Case(
            "vcalendar-100000-nested-unmatched-ends",
            _write("nested.ics", "BEGIN:VCALENDAR\r\n" * 100_000, "END:VEVENT\r\n" * 100_000),
            "line 9: calendar components are nested more than 8 deep",
        ),
        Case(
            "unmatched-ends-100000",
            _write(
                "ends.ics", _head(), _event("e"), "END:VALARM\r\n" * 100_000, "END:VCALENDAR\r\n"
            ),
            "line 13: an END line closes a component that was never opened",
        ),
        Case(
            "x-components-50000-deep",
            _write(
                "deep.ics",
                _head(),
                _event("deep", "BEGIN:X-N\r\n" * 50_000 + "END:X-N\r\n" * 50_000),
                "END:VCALENDAR\r\n",
            ),
            "line 18: calendar components are nested more than 8 deep",
        ),
        Case(
            "line-of-20-mb",
            _write(
                "long.ics",
                _head(),
                _event("long", "X-LONG:" + "A" * (20 << 20) + "\r\n"),
                _event("ok", title="fine"),
                "END:VCALENDAR\r\n",
            ),
            "event 1 (line 4): the event is larger than 1024 KB",
        ),
        Case(
            "folds-5-million",
            _write(
                "folds.ics",
                _head(),
                _event("folds", "X-FOLDED:A" + "\r\n A" * 5_000_000 + "\r\n"),
                "END:VCALENDAR\r\n",
            ),
            "event 1 (line 4): the event is larger than 1024 KB",
        ),
        Case(
            "overrides-5000",
            _lazy("overrides.ics", _overrides),
            # The message names the series' start too: "event 1 (line 4), DTSTART …: …".
            "the series has more than 2000 changed occurrences",
        ),
        Case(
            "daily-series-20000",
            _lazy("series.ics", _many_series),
            "needs more work than an import allows",
        ),
        Case(
            "one-offs-60000-in-period",
            _lazy("one-offs.ics", _one_offs),
            "needs more work than an import allows",
        ),
        Case(
            "events-1000000-tiny",
            _write(
                "tiny.ics",
                _head(),
                "BEGIN:VEVENT\r\nEND:VEVENT\r\n" * 1_000_000,
                "END:VCALENDAR\r\n",
            ),
            "event 150001 (line 300004): the file has more than 150000 events",
        ),
        Case("emoji-96-mib", _lazy("emoji.ics", _emoji_padding), position),
    ]
