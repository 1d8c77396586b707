"""The recap after a meeting: shared notes and agreed actions as text, and an .ics file of the
next meeting with its agenda in the description. Never the private notes, mood or signals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from taiwa.atomic import write_atomic
from taiwa.domain.models import Action, Meeting, MeetingStatus, Person, Topic, TopicState
from taiwa.prep import facts, texts
from taiwa.prep.sheet import when_text
from taiwa.store import Store

#: Length of the next meeting in the .ics when it has no end of its own.
DEFAULT_LENGTH = timedelta(minutes=30)
#: RFC 5545 3.1: content lines are folded at 75 octets.
_FOLD_OCTETS = 75


@dataclass(frozen=True, slots=True)
class Recap:
    """What a meeting's recap holds (shared content only)."""

    person: Person
    meeting: Meeting
    lang: str
    agreed: tuple[Action, ...]
    next_meeting: Meeting | None
    next_at: datetime
    next_agenda: tuple[str, ...]


def build(store: Store, meeting_id: int, lang: str) -> Recap:
    """The recap of ``meeting_id``.

    Raises:
        MeetingNotFoundError: there is no such meeting.
    """
    meeting = store.meetings.get(meeting_id)
    person = store.people.get(meeting.person_id)
    after = meeting.starts_at + timedelta(minutes=1)
    upcoming = facts.next_meeting(store, person.id, after)
    held = meeting if meeting.status is MeetingStatus.HELD else None
    next_at = (
        upcoming.starts_at if upcoming is not None else facts.due_at(person, held or meeting, after)
    )
    agenda: list[str] = []
    today = datetime.now(UTC).date()
    open_actions = [a for a in store.actions.open_actions(person.id)]
    agenda += [texts.action_line(a, lang, today) for a in open_actions]
    topics: tuple[Topic, ...] = (
        upcoming.topics
        if upcoming is not None
        else tuple(t for t in meeting.topics if t.state is not TopicState.DISCUSSED)
    )
    agenda += [f"{texts.theme(t.theme, lang)}: {t.text}" for t in topics]
    return Recap(
        person=person,
        meeting=meeting,
        lang=lang,
        agreed=meeting.own_actions,
        next_meeting=upcoming,
        next_at=next_at,
        next_agenda=tuple(agenda),
    )


def markdown(r: Recap) -> str:
    """The recap as Markdown that reads well as plain text (mail, chat)."""
    lang = r.lang
    today = datetime.now(UTC).date()
    out = [f"# {texts.RECAP_TITLE.text(lang, date=when_text(r.meeting.starts_at)[:10])}", ""]
    if r.meeting.topics:
        out += [f"## {texts.AGENDA.text(lang)}", ""]
        out += [f"- {texts.theme(t.theme, lang)}: {t.text}" for t in r.meeting.topics]
        out.append("")
    out += [f"## {texts.NOTES.text(lang)}", ""]
    out += [r.meeting.shared_notes.strip() or texts.NOTHING.text(lang), ""]
    out += [f"## {texts.AGREED.text(lang)}", ""]
    lines = [texts.action_line(a, lang, today) for a in r.agreed]
    out += [f"- {line}" for line in lines] or [texts.NOTHING.text(lang)]
    out += ["", texts.NEXT.text(lang, when=when_text(r.next_at)), ""]
    return "\n".join(out)


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets folded with CRLF and a space, never inside a
    UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = _FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = "", 0, _FOLD_OCTETS - 1  # the leading space counts
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(r: Recap, now: datetime | None = None) -> str:
    """The next meeting as an iCalendar file, its agenda in the DESCRIPTION."""
    lang = r.lang
    start = r.next_at
    end = (
        r.next_meeting.ends_at
        if r.next_meeting is not None and r.next_meeting.ends_at is not None
        else start + DEFAULT_LENGTH
    )
    uid = (
        f"taiwa-meeting-{r.next_meeting.id}"
        if r.next_meeting is not None
        else f"taiwa-next-{r.person.id}-{_stamp(start)}"
    )
    description = "\n".join(f"- {line}" for line in r.next_agenda) or texts.NOTHING.text(lang)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Taiwa//1on1 recap//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@taiwa.invalid",
        f"DTSTAMP:{_stamp(now or datetime.now(UTC))}",
        f"DTSTART:{_stamp(start)}",
        f"DTEND:{_stamp(end)}",
        f"SUMMARY:{escape_text(texts.EVENT_SUMMARY.text(lang, name=r.person.name))}",
        f"DESCRIPTION:{escape_text(texts.AGENDA.text(lang) + chr(10) + description)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(r: Recap, path: Path, *, overwrite: bool = True) -> Path:
    """Write :func:`ics` to ``path`` atomically (0600)."""
    return write_atomic(path, ics(r).encode("utf-8"), overwrite=overwrite)
