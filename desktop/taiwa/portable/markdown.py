"""Meetings as Markdown notes with YAML front matter, readable without Taiwa (no Qt).

Front matter values are written as JSON strings, numbers, booleans or null, which YAML reads as
the same values; :func:`read_front_matter` reads that subset back (plain ``key: value`` lines,
quoted or not, and ``[a, b]`` or ``- item`` lists), which is also what Obsidian writes. There
is no YAML library in Taiwa's dependencies, and a full YAML parser is more than a notes
folder needs (and more to defend: anchors and aliases can expand without bound).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from taiwa.store import _convert as cv
from taiwa.store.transfer import ActionRecord, Bundle, MeetingRecord, PersonRecord

#: Front matter key naming the format, so a reader can tell the notes' version.
FORMAT_KEY = "taiwa_format"
_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]{0,63}):(?:\s+(.*))?$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_SLUG_CHARS = 40


def _scalar(value: object) -> str:
    """One front matter value: JSON is valid YAML for strings, numbers, booleans and null."""
    return json.dumps(value, ensure_ascii=False)


def slug(text: str) -> str:
    """A file-name-safe form of a name: no separators, controls or characters Windows refuses,
    at most 40 characters (Japanese names stay as they are)."""
    clean = _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip(" .-")
    clean = re.sub(r"\s+", "-", clean)
    return clean[:_SLUG_CHARS].strip(" .-") or "person"


def local_start(meeting: MeetingRecord) -> datetime:
    """The meeting's start in the zone it was planned in, else in this machine's zone."""
    if meeting.zone:
        try:
            return meeting.starts_at.astimezone(ZoneInfo(meeting.zone))
        except (ValueError, KeyError):  # an unknown zone name: fall back, do not fail
            pass
    return meeting.starts_at.astimezone()


def note_name(meeting: MeetingRecord, person: PersonRecord) -> str:
    """``2026-10-06-m12-鈴木-一郎.md``: sorts by date; the ref keeps two meetings apart."""
    return f"{local_start(meeting):%Y-%m-%d}-{meeting.ref}-{slug(person.name)}.md"


def _action_line(action: ActionRecord) -> str:
    box = "x" if action.done_on is not None else " "
    parts = [f"- [{box}] ({action.owner.value}) {_one_line(action.text)}"]
    if action.due_on is not None:
        parts.append(f"due {action.due_on.isoformat()}")
    if action.done_on is not None:
        parts.append(f"done {action.done_on.isoformat()}")
    return " — ".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def meeting_note(
    meeting: MeetingRecord,
    person: PersonRecord,
    actions: Sequence[ActionRecord],
    *,
    schema_version: int,
    include_private: bool,
) -> str:
    """One meeting as a Markdown note (front matter, purpose, topics, notes, actions)."""
    front: list[tuple[str, object]] = [
        (FORMAT_KEY, schema_version),
        ("ref", meeting.ref),
        ("person", person.name),
        ("person_ref", person.ref),
        ("date", f"{local_start(meeting):%Y-%m-%d}"),
        ("starts_at", cv.ts(meeting.starts_at)),
        ("ends_at", None if meeting.ends_at is None else cv.ts(meeting.ends_at)),
        ("zone", meeting.zone),
        ("status", meeting.status.value),
        ("role", meeting.role or ""),
        ("team", meeting.team or ""),
        (
            "wanted_response",
            None if meeting.wanted_response is None else meeting.wanted_response.value,
        ),
    ]
    if include_private:
        front.append(("mood", meeting.mood))
    lines = ["---", *(f"{k}: {_scalar(v)}" for k, v in front), "---", ""]
    lines.append(f"# 1on1 {person.name} {local_start(meeting):%Y-%m-%d %H:%M}")
    if meeting.purpose.strip():
        lines += ["", "## Purpose", "", meeting.purpose.rstrip()]
    if meeting.topics:
        lines += ["", "## Topics", ""]
        for t in meeting.topics:
            lines.append(f"- [{t.theme.value}] {_one_line(t.text)} ({t.state.value})")
    lines += ["", "## Notes", "", meeting.shared_notes.rstrip()]
    if actions:
        lines += ["", "## Actions", "", *(_action_line(a) for a in actions)]
    if include_private:
        lines += ["", "## Private notes", "", meeting.private_notes.rstrip()]
    return "\n".join(lines).rstrip() + "\n"


def notes(bundle: Bundle, schema_version: int) -> list[tuple[str, str]]:
    """(file name, text) of every meeting's note, in the bundle's order."""
    people = {p.ref: p for p in bundle.people}
    by_meeting: dict[str, list[ActionRecord]] = {}
    for a in bundle.actions:
        if a.meeting is not None:
            by_meeting.setdefault(a.meeting, []).append(a)
    return [
        (
            note_name(m, people[m.person]),
            meeting_note(
                m,
                people[m.person],
                by_meeting.get(m.ref, ()),
                schema_version=schema_version,
                include_private=bundle.include_private,
            ),
        )
        for m in bundle.meetings
    ]


# -- reading front matter -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The keys of a note's front matter (lower-cased) with the line each was on, and the body."""

    values: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int


def _value(raw: str) -> Any:
    raw = raw.strip()
    if not raw:
        return None
    if raw[0] in '"[{' or raw in ("true", "false", "null") or re.fullmatch(r"-?\d+", raw):
        try:
            return json.loads(raw)
        except ValueError:
            pass
    if raw[0] == "[" and raw.endswith("]"):
        return [_value(part) for part in raw[1:-1].split(",") if part.strip()]
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    if raw in ("~", "Null", "NULL"):
        return None
    return raw.split(" #", 1)[0].strip()


def read_front_matter(text: str) -> FrontMatter:
    """Split a note into its front matter (the subset described above) and its body.

    A note without front matter has none and the whole text as its body. A key that is not
    ``key: value`` is skipped, as a note may hold anything there.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, {}, text, 1)
    values: dict[str, Any] = {}
    where: dict[str, int] = {}
    current: str | None = None
    for number, line in enumerate(lines[1:], 2):
        stripped = line.rstrip("\r")
        if stripped.strip() in ("---", "..."):
            return FrontMatter(values, where, "\n".join(lines[number:]), number + 1)
        item = re.match(r"^\s+-\s+(.*)$|^-\s+(.*)$", stripped)
        if item and current is not None:
            existing = values.get(current)
            listed = existing if isinstance(existing, list) else []
            listed.append(_value(item.group(1) or item.group(2) or ""))
            values[current] = listed
            continue
        match = _KEY.match(stripped)
        if match is None:
            current = None
            continue
        current = match.group(1).strip().lower()
        values[current] = _value(match.group(2) or "")
        where[current] = number
    # No closing line: not front matter after all.
    return FrontMatter({}, {}, text, 1)


def parse_when(value: Any) -> datetime | None:
    """A front matter date or date-time (``2026-10-06``, ``2026-10-06 10:00``, ISO 8601)."""
    from taiwa.domain import validate

    if value is None or isinstance(value, bool | list | dict):
        return None
    try:
        return validate.parse_datetime(str(value).strip())
    except Exception:  # any unreadable date is "no date" to the caller
        return None
