"""Repetition rules that name no day at all make dateutil walk to the year 9999 whatever their
UNTIL says (it checks UNTIL only against instances it finds): 4-7 s for one daily rule. The
reader leaves out what it can prove empty (February 30th: BYMONTH with BYMONTHDAY) and reports
a series whose walk would still cost more than one series may (MAX_SERIES_WORK), importing
the rest of the file."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from taiwa.ics import scan
from taiwa.ics.expand import Occurrence, expand

START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 12, 31, tzinfo=UTC)


def _event(uid: str, *lines: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTART:20260105T010000Z",
        "DTEND:20260105T013000Z",
        "SUMMARY:1on1",
        *lines,
        "END:VEVENT",
    ]


def _read(*events: list[str]) -> tuple[list[Occurrence], list[str], float]:
    body = [line for event in events for line in event]
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *body, "END:VCALENDAR", ""])
    scanned = scan.scan(text, "t.ics")
    began = time.perf_counter()
    occurrences, problems = expand(scanned, scanned.events, START, END)
    return occurrences, [p.code for p in problems], time.perf_counter() - began


def test_february_30th_is_its_start_alone_and_costs_nothing() -> None:
    occurrences, problems, seconds = _read(
        _event("feb30", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31;COUNT=1000000000")
    )
    assert problems == []
    assert [o.start for o in occurrences] == [datetime(2026, 1, 5, 1, 0, tzinfo=UTC)]
    # Still a series: the occurrence is named by its start, as a re-import will name it.
    assert occurrences[0].recurrence_id == "2026-01-05T01:00:00Z"
    assert seconds < 1.0, f"{seconds:.1f} s: the rule was walked"


def test_a_day_that_exists_in_one_of_the_months_is_kept() -> None:
    # The 31st exists in March: the rule is possible and expands as usual.
    occurrences, problems, _ = _read(
        _event("mar31", "RRULE:FREQ=DAILY;BYMONTH=2,3;BYMONTHDAY=31;UNTIL=20261231T000000Z")
    )
    assert problems == []
    starts = sorted(o.start for o in occurrences)
    assert starts == [
        datetime(2026, 1, 5, 1, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 1, 0, tzinfo=UTC),
    ]


def test_a_costly_daily_rule_is_reported_and_the_rest_imported() -> None:
    # Week 20 is in May, never in January: empty, but not provably so from BYMONTH and
    # BYMONTHDAY. Its walk would cost more than a series may; the other event still comes in.
    occurrences, problems, seconds = _read(
        _event("never", "RRULE:FREQ=DAILY;BYMONTH=1;BYWEEKNO=20"),
        _event("weekly", "RRULE:FREQ=WEEKLY;COUNT=3"),
    )
    assert problems == ["too_costly"]
    assert {o.uid for o in occurrences} == {"weekly"}
    assert len(occurrences) == 3
    assert seconds < 1.0, f"{seconds:.1f} s: the refused rule was walked"


@pytest.mark.parametrize(
    "rule",
    [
        "RRULE:FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=15",  # the first Monday is the 1st to 7th
        "RRULE:FREQ=WEEKLY;BYDAY=MO;BYSETPOS=4",  # a week holds one Monday
    ],
)
def test_a_rule_that_may_never_match_is_reported_whatever_its_frequency(rule: str) -> None:
    # dateutil walks day by day within any period: a monthly rule costs as much as a daily one.
    occurrences, problems, seconds = _read(_event("never", rule))
    assert problems == ["too_costly"]
    assert occurrences == []
    assert seconds < 1.0, f"{seconds:.1f} s: the refused rule was walked"


@pytest.mark.parametrize(
    ("rule", "count"),
    [
        ("RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4", 5),  # last weekday
        ("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=2", 2),  # 2027 is outside
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=2", 3),  # Friday the 13th
    ],
)
def test_rules_that_always_meet_are_expanded(rule: str, count: int) -> None:
    occurrences, problems, _ = _read(_event("meets", rule))
    assert problems == []
    # DTSTART (a Monday, 5 January) is an instance too, whether or not it matches the rule.
    assert len(occurrences) == count
