"""A busy manager's five-year Outlook export, generated: the legitimate file the calendar
import's limits must leave room for.

Outlook writes every VEVENT with its Exchange UID (a long hex string, folded), Windows TZIDs with
one VTIMEZONE, a dozen X-MICROSOFT properties, the organizer and every attendee with CN, ROLE and
PARTSTAT, a reminder, and an HTML copy of non-empty descriptions (X-ALT-DESC). A recurring
meeting is one master with RRULE (weekly or every other week, usually with an UNTIL) plus one
VEVENT per changed occurrence (RECURRENCE-ID), and cancelled occurrences as EXDATE.

The mix (for ``events=60_000``): 20 reports, each with a weekly or biweekly 1on1 series renewed
every year; 400 team and project series whose attendees include some reports; exceptions for
about one occurrence in eight; everything else one-off meetings, a third of them with reports
among the attendees — the events a manager's calendar really has.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

MANAGER = "manager@example.com"
TZID = "Tokyo Standard Time"
FIRST_DAY = datetime(2022, 1, 3, 9, 0)  # a Monday
YEARS = 5
REPORTS = 20
TEAM_SERIES = 400

_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]
_TOPICS = [
    "予算",
    "採用",
    "Roadmap",
    "Design review",
    "リリース",
    "Customer call",
    "障害対応",
    "OKR",
]


def reports() -> list[tuple[str, str]]:
    """The manager's direct reports (name, e-mail): the vault's known people."""
    return [(f"Report {i:02d}", f"report{i:02d}@example.com") for i in range(REPORTS)]


@dataclass(frozen=True, slots=True)
class Export:
    """What was generated, for the test's assertions."""

    path: Path
    events: int  # VEVENT components
    one_on_one_series: int
    size: int  # bytes


def _fold(line: str) -> Iterator[str]:
    # RFC 5545 folds at 75 octets; Outlook does, and so must the benchmark of the scanner.
    data = line.encode("utf-8")
    if len(data) <= 75:
        yield line
        return
    first = True
    while data:
        limit = 75 if first else 74
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # never split a character
            cut -= 1
        yield ("" if first else " ") + data[:cut].decode("utf-8")
        data = data[cut:]
        first = False


def _weekday(day: datetime) -> datetime:
    # Meetings are on working days: a Saturday or Sunday moves to the Monday after.
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        self.events = 0
        self.colleagues = [f"colleague{i:03d}@example.com" for i in range(300)]
        self.people = [email for _, email in reports()]

    def uid(self) -> str:
        return "040000008200E00074C5B7101A82E00800000000" + "".join(
            self.rng.choice("0123456789ABCDEF") for _ in range(72)
        )

    def event(
        self,
        uid: str,
        start: datetime,
        minutes: int,
        summary: str,
        attendees: list[str],
        extra: list[str],
    ) -> None:
        self.events += 1
        rng = self.rng
        end = start + timedelta(minutes=minutes)
        body = ""
        if rng.random() < 0.3:
            body = f"Agenda: {rng.choice(_TOPICS)}\\n資料は共有フォルダーにあります。\\nTeams link: https://teams.example.com/l/meetup-join/{rng.getrandbits(64):x}"
        lines = [
            "BEGIN:VEVENT",
            "CLASS:PUBLIC",
            f"CREATED:{_stamp(start - timedelta(days=14))}Z",
            f"DESCRIPTION:{body}\\n",
            f"DTEND;TZID={TZID}:{_stamp(end)}",
            f"DTSTAMP:{_stamp(start - timedelta(days=1))}Z",
            f"DTSTART;TZID={TZID}:{_stamp(start)}",
            *extra,
            f"LAST-MODIFIED:{_stamp(start - timedelta(days=2))}Z",
            f"LOCATION:{rng.choice(['', 'Room 5F', 'Microsoft Teams Meeting', '会議室 A'])}",
            f"ORGANIZER;CN=Manager:mailto:{MANAGER}",
        ]
        for email in attendees:
            name = email.split("@")[0]
            lines.append(
                f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:{email}'
            )
        if rng.random() < 0.2:
            lines.append(
                "ATTENDEE;CUTYPE=RESOURCE;CN=Room 5F;ROLE=NON-PARTICIPANT;RSVP=TRUE:mailto:room5f@example.com"
            )
        lines += [
            "PRIORITY:5",
            "SEQUENCE:0",
            f"SUMMARY;LANGUAGE=ja:{summary}",
            "TRANSP:OPAQUE",
            f"UID:{uid}",
        ]
        if body:
            lines.append(
                'X-ALT-DESC;FMTTYPE=text/html:<html><head><meta name=Generator content="Microsoft'
                f' Exchange Server"></head><body><p>{body}</p></body></html>'
            )
        lines += [
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            "X-MICROSOFT-CDO-IMPORTANCE:1",
            "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
            "X-MS-OLK-AUTOFILLLOCATION:FALSE",
            "X-MS-OLK-CONFTYPE:0",
            "BEGIN:VALARM",
            "TRIGGER:-PT15M",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "END:VALARM",
            "END:VEVENT",
        ]
        for line in lines:
            self.lines.extend(_fold(line))

    def series(
        self, start: datetime, weeks: int, every: int, summary: str, attendees: list[str]
    ) -> None:
        uid = self.uid()
        until = start + timedelta(weeks=weeks)
        exdates: list[str] = []
        moved: list[datetime] = []
        for k in range(0, weeks, every):
            original = start + timedelta(weeks=k)
            roll = self.rng.random()
            if roll < 0.04:
                exdates.append(_stamp(original))
            elif roll < 0.16:
                moved.append(original)
        rule = f"RRULE:FREQ=WEEKLY;UNTIL={_stamp(until)}Z;INTERVAL={every};BYDAY="
        rule += ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()] + ";WKST=MO"
        extra = [rule]
        if exdates:
            extra.append(f"EXDATE;TZID={TZID}:" + ",".join(exdates))
        self.event(uid, start, 30, summary, attendees, extra)
        for original in moved:
            rid = f"RECURRENCE-ID;TZID={TZID}:{_stamp(original)}"
            shift = timedelta(days=self.rng.choice([-1, 1, 2]), hours=self.rng.randint(-2, 3))
            self.event(uid, original + shift, 30, summary, attendees, [rid])


def generate(path: Path, events: int = 60_000, seed: int = 2026) -> Export:
    """Write the export to ``path`` (CRLF, UTF-8) with about ``events`` VEVENTs."""
    w = _Writer(seed)
    rng = w.rng
    w.lines += [
        "BEGIN:VCALENDAR",
        "METHOD:PUBLISH",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "X-WR-CALNAME:予定表",
        *_VTIMEZONE,
    ]
    series = 0
    for year in range(YEARS):
        for i, (name, email) in enumerate(reports()):
            every = 1 if i % 3 else 2
            day = FIRST_DAY + timedelta(weeks=52 * year, days=i % 5, hours=i % 8)
            title = f"1on1 {name}" if i % 2 else f"面談（{name}）"
            w.series(day, 52, every, title, [email])
            series += 1
    for s in range(TEAM_SERIES):
        start = _weekday(FIRST_DAY + timedelta(days=rng.randint(0, 365 * YEARS - 200)))
        start += timedelta(hours=rng.randint(0, 8))
        weeks = rng.randint(12, 104)
        attendees = rng.sample(w.people, rng.randint(1, 6)) + rng.sample(
            w.colleagues, rng.randint(2, 8)
        )
        title = rng.choice(
            [f"Team sync {s}", f"週次定例 {s}", f"Project {s} weekly", f"Design review {s}"]
        )
        w.series(start, weeks, rng.choice([1, 2]), title, attendees)
    singles = max(0, events - w.events)
    days = 365 * YEARS
    for n in range(singles):
        start = _weekday(FIRST_DAY + timedelta(days=rng.randrange(days)))
        start += timedelta(hours=rng.randint(0, 9))
        start = start.replace(minute=rng.choice([0, 30]))
        attendees = rng.sample(w.colleagues, rng.randint(1, 7))
        if rng.random() < 0.33:
            attendees += rng.sample(w.people, rng.randint(1, 3))
        title = f"{rng.choice(_TOPICS)} {n}"
        w.event(w.uid(), start, rng.choice([30, 60]), title, attendees, [])
    w.lines.append("END:VCALENDAR")
    data = ("\r\n".join(w.lines) + "\r\n").encode("utf-8")
    path.write_bytes(data)
    return Export(path=path, events=w.events, one_on_one_series=series, size=len(data))
