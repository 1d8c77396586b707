"""The pre-scan: component boundaries, folded lines, newline mixes, caps and broken files."""

from __future__ import annotations

import time

import pytest

from taiwa.ics import errors, scan

EVENT = "BEGIN:VEVENT\nUID:{uid}\nDTSTART:20260112T010000Z\nSUMMARY:{summary}\n{extra}END:VEVENT\n"


def cal(*events: str, end: bool = True) -> str:
    return "BEGIN:VCALENDAR\nVERSION:2.0\n" + "".join(events) + ("END:VCALENDAR\n" if end else "")


def test_folded_lines_and_mixed_newlines() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\nBEGIN:VEVENT\r\nUID:a\nSUMMARY:1on1 with a very long ti\r\n"
        " tle that was fo\n\tlded\r\nATTENDEE;CN=Taro:mailto:TARO@\r\n example.com\nEND:VEVENT\r"
        "END:VCALENDAR\r\n"
    )
    result = scan.scan(text, "x.ics")
    (event,) = result.events
    assert event.summary == "1on1 with a very long title that was folded"
    assert event.emails == ("taro@example.com",)
    assert not result.problems


def test_an_alarm_summary_is_not_the_event_title() -> None:
    alarm = "BEGIN:VALARM\nACTION:EMAIL\nSUMMARY:1on1 alarm\nATTENDEE:mailto:x@example.com\nEND:VALARM\n"
    result = scan.scan(cal(EVENT.format(uid="a", summary="Budget", extra=alarm)), "x.ics")
    assert result.events[0].summary == "Budget"
    assert result.events[0].emails == ()


def test_unterminated_event_and_truncated_file_are_reported() -> None:
    broken = "BEGIN:VEVENT\nUID:cut\nSUMMARY:1on1\n"
    text = cal(broken, EVENT.format(uid="ok", summary="1on1", extra=""), end=False)
    result = scan.scan(text, "cut.ics")
    assert [e.uid for e in result.events] == ["ok"]
    assert sorted(p.code for p in result.problems) == ["truncated", "unterminated_event"]
    unterminated = next(p for p in result.problems if p.code == "unterminated_event")
    assert (unterminated.event, unterminated.line) == (1, 3)


def test_event_cap_is_enforced_quickly() -> None:
    events = "".join(
        EVENT.format(uid=f"e{i}", summary="x", extra="") for i in range(scan.MAX_EVENTS + 1)
    )
    started = time.perf_counter()
    with pytest.raises(errors.IcsTooManyEventsError) as caught:
        scan.scan(cal(events), "many.ics")
    assert time.perf_counter() - started < 10
    assert str(caught.value) == (
        f"many.ics, event {scan.MAX_EVENTS + 1} (line {2 + 5 * scan.MAX_EVENTS + 1}): the file"
        f" has more than {scan.MAX_EVENTS} events; export a shorter period of the calendar."
    )


def test_a_huge_event_is_reported_not_parsed() -> None:
    huge = "DESCRIPTION:" + "A" * (2 * scan.MAX_EVENT_CHARS) + "\n"
    text = cal(
        EVENT.format(uid="big", summary="1on1", extra=huge),
        EVENT.format(uid="ok", summary="1on1", extra=""),
    )
    result = scan.scan(text, "big.ics")
    assert [e.uid for e in result.events] == ["ok"]
    (problem,) = result.problems
    assert problem.code == "event_too_large" and problem.event == 1
    assert "AAAA" not in problem.message()


def test_bare_vevent_is_accepted() -> None:
    result = scan.scan(EVENT.format(uid="bare", summary="1on1", extra=""), "bare.ics")
    assert [e.uid for e in result.events] == ["bare"]
    assert not result.problems


def test_mentioning_finds_events_by_address_case_insensitively() -> None:
    text = cal(
        EVENT.format(uid="a", summary="x", extra="ATTENDEE:mailto:Taro@Example.com\n"),
        EVENT.format(uid="b", summary="x", extra="ATTENDEE:mailto:other@example.com\n"),
    )
    result = scan.scan(text, "x.ics")
    assert result.mentioning(["taro@example.com"]) == {0}
