"""What real clients write that the reader must take as they mean it (issue 16, part A):
folded property names, escaped and prefix-less Windows zone names, offset TZIDs, all-day
series moved by Exchange, dates with a TZID, X-WR-TIMEZONE with parameters."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from taiwa.ics import scan, zones
from taiwa.ics.expand import Occurrence, expand

START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 12, 31, tzinfo=UTC)


def _read(*lines: str, head: tuple[str, ...] = ()) -> tuple[list[Occurrence], list[str]]:
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *head, *lines, "END:VCALENDAR", ""])
    scanned = scan.scan(text, "t.ics")
    occurrences, problems = expand(scanned, scanned.events, START, END)
    return sorted(occurrences, key=lambda o: o.start), [p.code for p in problems]


@pytest.mark.parametrize(
    ("tzid", "iana"),
    [
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("(UTC+09:00) Osaka, Sapporo, Tokyo", "Asia/Tokyo"),
        ("Kuala Lumpur\\, Singapore", "Asia/Singapore"),
        ("Kuala Lumpur, Singapore", "Asia/Singapore"),
        ("Pacific Time (US & Canada), Tijuana", "America/Los_Angeles"),
        ("UTC+01", "Etc/GMT-1"),
        ("GMT+9", "Etc/GMT-9"),
        ("UTC-05:00", "Etc/GMT+5"),
        ("Etc/GMT-3", "Etc/GMT-3"),
        ("Customized Time Zone", None),
        ("UTC+05:30", None),  # no fixed-offset zone: only the file's VTIMEZONE can say
        ("La Paz", None),  # two Windows zones name it: ambiguous
    ],
)
def test_zone_names_resolve(tzid: str, iana: str | None) -> None:
    assert zones.resolve(tzid) == iana


def test_a_property_name_folded_before_its_value_is_read() -> None:
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID",
        " :folded@example.com",
        "SUMM",
        " ARY:1on1",
        "DTSTART:20260105T090000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:second@example.com",
        "DTSTART:20260106T090000Z ",
        "END:VEVENT ",
    )
    assert problems == []
    assert [(o.uid, o.summary) for o in found] == [
        ("folded@example.com", "1on1"),
        ("second@example.com", ""),
    ]


def test_an_escaped_outlook_zone_definition_matches_its_use() -> None:
    found, problems = _read(
        "BEGIN:VTIMEZONE",
        "TZID:Kuala Lumpur\\, Singapore",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:kl@example.com",
        'DTSTART;TZID="Kuala Lumpur, Singapore":20260105T093000',
        "END:VEVENT",
    )
    assert problems == []
    assert found[0].start.astimezone(UTC) == datetime(2026, 1, 5, 1, 30, tzinfo=UTC)
    assert found[0].zone == "Asia/Singapore"


def test_an_exchange_all_day_series_moved_with_an_offset_tzid_matches_by_date() -> None:
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID:allday@example.com",
        "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=TH",
        "DTSTART;VALUE=DATE:20260219",
        "DTEND;VALUE=DATE:20260220",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:allday@example.com",
        "RECURRENCE-ID;TZID=UTC+01:20260226T000000",
        "DTSTART;VALUE=DATE:20260227",
        "DTEND;VALUE=DATE:20260228",
        "END:VEVENT",
    )
    assert problems == []
    assert [o.start.date() for o in found] == [
        date(2026, 2, 19),
        date(2026, 2, 27),
        date(2026, 3, 5),
    ]
    assert found[1].recurrence_id == "2026-02-26"


def test_a_date_with_a_tzid_is_an_all_day_date() -> None:
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID:date-tz@example.com",
        "DTSTART;VALUE=DATE;TZID=Europe/Berlin:20260105",
        "DTEND;TZID=Europe/Berlin;VALUE=DATE:20260106",
        "END:VEVENT",
    )
    assert problems == []
    assert (found[0].start.hour, found[0].start.date()) == (0, date(2026, 1, 5))
    assert found[0].end is not None and found[0].end.date() == date(2026, 1, 6)
    assert found[0].zone == ""


def test_x_wr_timezone_with_parameters_places_floating_times() -> None:
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID:floating@example.com",
        "DTSTART:20260105T090000",
        "END:VEVENT",
        head=("X-WR-TIMEZONE;VALUE=TEXT:Asia/Tokyo",),
    )
    assert problems == []
    assert found[0].start.astimezone(UTC) == datetime(2026, 1, 5, 0, 0, tzinfo=UTC)


def test_a_moved_instance_ending_before_it_starts_keeps_its_start() -> None:
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID:daily@example.com",
        "DTSTART;TZID=America/Los_Angeles:20260706T120000",
        "DTEND;TZID=America/Los_Angeles:20260706T130000",
        "RRULE:FREQ=DAILY;COUNT=3",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:daily@example.com",
        "RECURRENCE-ID;TZID=America/Los_Angeles:20260707T120000",
        "DTSTART;TZID=America/Los_Angeles:20260709T150000",
        "DTEND;TZID=America/Los_Angeles:20260707T160000",
        "END:VEVENT",
    )
    assert problems == []
    moved = next(o for o in found if o.recurrence_id == "2026-07-07T19:00:00Z")
    assert moved.start.astimezone(UTC) == datetime(2026, 7, 9, 22, 0, tzinfo=UTC)


def test_a_detached_occurrence_whose_date_the_master_excludes_is_kept() -> None:
    # Apple iCal: the master excludes the date, a RECURRENCE-ID component holds the change.
    found, problems = _read(
        "BEGIN:VEVENT",
        "UID:detached@example.com",
        "RECURRENCE-ID;VALUE=DATE:20260224",
        "DTSTART;VALUE=DATE:20260225",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:detached@example.com",
        "DTSTART;VALUE=DATE:20260124",
        "RRULE:FREQ=MONTHLY;COUNT=3",
        "EXDATE;VALUE=DATE:20260224,20260324",
        "END:VEVENT",
    )
    assert problems == []
    assert [o.start.date() for o in found] == [date(2026, 1, 24), date(2026, 2, 25)]


def test_a_zone_the_file_defines_under_a_miscased_iana_name_is_the_files() -> None:
    # Google wrote "Europe/lisbon" defined as CET next to the real Europe/Lisbon (WET).
    found, problems = _read(
        "BEGIN:VTIMEZONE",
        "TZID:Europe/lisbon",
        "BEGIN:STANDARD",
        "DTSTART:19701025T030000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:lisbon@example.com",
        "DTSTART;TZID=Europe/lisbon:20260130T210000",
        "END:VEVENT",
    )
    assert problems == []
    assert found[0].start.astimezone(UTC) == datetime(2026, 1, 30, 20, 0, tzinfo=UTC)


def test_an_unreadable_event_is_reported_with_its_number_line_and_start() -> None:
    text = "\n".join(
        [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:nowhere@example.com",
            "SUMMARY:Secret title",
            "DTSTART;TZID=Nowhere Standard Time:20260105T093000",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    scanned = scan.scan(text, "t.ics")
    found, problems = expand(scanned, scanned.events, START, END)
    assert found == []
    report = problems[0].to_json()
    assert (report["code"], report["event"], report["line"]) == ("unknown_timezone", 1, 2)
    assert report["start"] == "2026-01-05T09:30:00"
    assert "Secret" not in str(report) and "Nowhere" not in str(report)
