"""A big, realistic .ics calendar for the cancellation tests (generated, deterministic).

``reports(n)`` known people each have a weekly 1on1 series with moved occurrences (RECURRENCE-ID
overrides, Outlook style with a Windows TZID), among a crowd of team meetings and one-offs.
Planning an import of the default size takes several seconds on a laptop (measured: see the
tests), so a cancellation can land in the middle of every phase.
"""

from __future__ import annotations

from datetime import datetime, timedelta

MANAGER = "manager@example.com"
#: The window the tests import (the series run inside it).
WINDOW = (datetime(2025, 6, 1), datetime(2026, 12, 31))

_TZ = (
    "BEGIN:VTIMEZONE\r\nTZID:Tokyo Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE"
)


def reports(count: int) -> list[tuple[str, str]]:
    """The known people: (name, e-mail)."""
    return [(f"Report {i:03d}", f"report{i:03d}@example.com") for i in range(count)]


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _event(uid: str, start: datetime, summary: str, emails: list[str], extra: list[str]) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20250101T000000Z",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Tokyo Standard Time:{_stamp(start)}",
        f"DTEND;TZID=Tokyo Standard Time:{_stamp(start + timedelta(minutes=30))}",
        "SEQUENCE:0",
        "DESCRIPTION:Agenda and notes\\, see the shared folder.",
        *extra,
        f"ORGANIZER;CN=Manager:mailto:{MANAGER}",
        f"ATTENDEE;CN=Manager;PARTSTAT=ACCEPTED:mailto:{MANAGER}",
        *(f"ATTENDEE;CN={e.split('@')[0]};PARTSTAT=ACCEPTED:mailto:{e}" for e in emails),
        "ATTENDEE;CUTYPE=ROOM;CN=Room 5F:mailto:room5f@example.com",
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def generate(people: int = 120, moved: int = 20, others: int = 3000) -> str:
    """The calendar's text: ``people`` 1on1 series with ``moved`` overrides each."""
    first = datetime(2025, 6, 2, 10, 0)
    parts = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook//EN", _TZ]
    for s, (name, email) in enumerate(reports(people)):
        start = first + timedelta(days=s % 5, hours=s % 7)
        uid = f"series-{s}@big.example.com"
        summary = f"1on1 {name}"
        parts.append(_event(uid, start, summary, [email], ["RRULE:FREQ=WEEKLY"]))
        for k in range(moved):
            original = start + timedelta(weeks=3 + k * 2)
            rid = f"RECURRENCE-ID;TZID=Tokyo Standard Time:{_stamp(original)}"
            parts.append(_event(uid, original + timedelta(hours=1), summary, [email], [rid]))
    crowd = [f"colleague{i:03d}@example.com" for i in range(200)]
    for n in range(others):
        start = first + timedelta(days=n % 500, hours=n % 8)
        emails = [crowd[(n * 7 + j) % 200] for j in range(2 + n % 5)]
        parts.append(_event(f"single-{n}@big.example.com", start, f"Meeting {n}", emails, []))
    parts.append("END:VCALENDAR")
    return "\r\n".join(parts) + "\r\n"
