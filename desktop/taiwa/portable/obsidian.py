"""An Obsidian 1:1 folder coming in: one Markdown note per meeting, with front matter (no Qt).

Each ``.md`` file under the folder (sub-folders too, hidden ones like ``.obsidian`` skipped,
links not followed) is one meeting:

* ``person`` (or ``with``/``report``) in the front matter names who it was with; without it, the
  note's top sub-folder does (``Hanako/2026-10-06.md``). ``email`` adds an e-mail address.
* ``starts_at`` or ``date`` says when; a note without either is refused (with its file name).
* ``status`` (planned/held/cancelled/skipped, default held) and ``mood`` (1–5) are read.
* The body becomes the shared notes, except a ``## Private notes`` section (as Taiwa's own
  Markdown export writes it), which becomes the private notes: a note exported with its
  private part must not come back with that part shared.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taiwa.domain import validate
from taiwa.errors import TaiwaError
from taiwa.i18n import Msg
from taiwa.portable import limits
from taiwa.portable.markdown import parse_when, read_front_matter
from taiwa.portable.problems import PortableError, Problem, field_problem
from taiwa.store.transfer import Bundle, MeetingRecord, PersonRecord

_PRIVATE_HEADING = re.compile(r"^##\s+(private notes|非公開メモ)\s*$", re.IGNORECASE | re.MULTILINE)
_PERSON_KEYS = ("person", "with", "report")
_DATE_KEYS = ("starts_at", "date")

NO_NOTES = Msg(
    "The folder holds no Markdown notes (.md files).",
    "フォルダーに Markdown のノート（.md ファイル）がありません。",
)
TOO_MANY_NOTES = Msg(
    "The folder holds more than {limit} notes or {mb} MB of them; import a smaller folder.",
    "フォルダーのノートが {limit} 件または {mb} MB を超えています。小さいフォルダーに分けてください。",
)
NO_DATE = Msg(
    "no date: add 'date: YYYY-MM-DD' to the note's front matter.",
    "日付がありません。ノートのフロントマターに 'date: YYYY-MM-DD' を追加してください。",
)
BAD_DATE = Msg(
    "the date is not valid (use YYYY-MM-DD or an ISO 8601 time).",
    "日付が正しくありません（YYYY-MM-DD か ISO 8601 の日時を使ってください）。",
)
NO_PERSON = Msg(
    "no person: add 'person: NAME' to the front matter, or keep the note in a folder named"
    " after the person.",
    "相手がわかりません。フロントマターに 'person: 名前' を追加するか、相手の名前のフォルダーに"
    "入れてください。",
)
NOTE_TOO_BIG = Msg("the note is larger than {limit} KB.", "ノートが {limit} KB を超えています。")
NOTE_NOT_UTF8 = Msg("the note is not UTF-8 text.", "ノートが UTF-8 のテキストではありません。")
EMAIL_TWICE = Msg(
    "this e-mail address belongs to a person of another note with a different name.",
    "このメールアドレスは、別の名前で書かれた別のノートの人のものです。",
)
LINE_AT = Msg("{file} line {n}", "{file} の {n} 行目")


@dataclass(frozen=True, slots=True)
class _Note:
    relative: str
    data: bytes
    too_big: bool = False


def _walk(root: Path) -> list[_Note]:
    found: list[_Note] = []
    total = 0
    pending: list[tuple[Path, int]] = [(root, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .obsidian, .trash, editors' swap files
            if entry.is_dir(follow_symlinks=False):
                if depth < limits.MAX_FOLDER_DEPTH:
                    pending.append((Path(entry.path), depth + 1))
                continue
            if not entry.name.lower().endswith(".md") or not entry.is_file(follow_symlinks=False):
                continue
            if len(found) >= limits.MAX_NOTES:
                raise PortableError(
                    TOO_MANY_NOTES, limit=limits.MAX_NOTES, mb=limits.MAX_NOTES_BYTES // 2**20
                )
            relative = Path(entry.path).relative_to(root).as_posix()
            size = entry.stat(follow_symlinks=False).st_size
            if size > limits.MAX_NOTE_BYTES:
                found.append(_Note(relative, b"", too_big=True))  # refused below, unread
                continue
            total += size
            if total > limits.MAX_NOTES_BYTES:
                raise PortableError(
                    TOO_MANY_NOTES, limit=limits.MAX_NOTES, mb=limits.MAX_NOTES_BYTES // 2**20
                )
            found.append(_Note(relative, _read(Path(entry.path))))
    found.sort(key=lambda n: n.relative)
    return found


def _read(path: Path) -> bytes:
    # O_NOFOLLOW: a link swapped in after the scan is not followed either.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return b""
        return handle.read(limits.MAX_NOTE_BYTES + 1)


def read_folder(root: Path) -> tuple[Bundle, list[Problem]]:
    """The meetings (and their people) of an Obsidian folder, and a problem per bad note.

    Raises:
        PortableError: no notes at all, or more than the limits allow.
    """
    notes = _walk(root)
    if not notes:
        raise PortableError(NO_NOTES)
    problems: list[Problem] = []
    people: dict[str, PersonRecord] = {}
    meetings: list[MeetingRecord] = []
    for note in notes:
        if note.too_big or len(note.data) > limits.MAX_NOTE_BYTES:
            where = LINE_AT.text(file=note.relative, n=1)
            problems.append(Problem(where, NOTE_TOO_BIG, {"limit": limits.MAX_NOTE_BYTES // 1024}))
            continue
        try:
            text = note.data.decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            problems.append(Problem(LINE_AT.text(file=note.relative, n=1), NOTE_NOT_UTF8))
            continue
        record = _meeting(note.relative, text, people, len(meetings) + 1, problems)
        if record is not None:
            meetings.append(record)
    bundle = Bundle(people=tuple(people.values()), meetings=tuple(meetings), include_private=True)
    return bundle, problems


def _meeting(
    relative: str,
    text: str,
    people: dict[str, PersonRecord],
    number: int,
    problems: list[Problem],
) -> MeetingRecord | None:
    front = read_front_matter(text)
    values, lines = front.values, front.lines

    def where(key: str | None = None) -> str:
        return LINE_AT.text(file=relative, n=lines.get(key, 1) if key else 1)

    before = len(problems)
    date_key = next((k for k in _DATE_KEYS if values.get(k) is not None), None)
    starts = None
    if date_key is None:
        problems.append(Problem(where(), NO_DATE))
    else:
        starts = parse_when(values[date_key])
        if starts is None:
            problems.append(Problem(where(date_key), BAD_DATE))
    person_ref = _person_ref(relative, values, lines, people, problems)
    status = validate.status("held")
    if values.get("status") is not None:
        try:
            status = validate.status(str(values["status"]))
        except TaiwaError as exc:
            problems.append(field_problem(where("status"), "status", exc))
    mood = None
    if values.get("mood") is not None:
        try:
            mood = validate.mood(values["mood"])
        except TaiwaError as exc:
            problems.append(field_problem(where("mood"), "mood", exc))
    shared, private = _split_private(front.body)
    try:
        shared = validate.optional_text(shared.strip())
        private = validate.optional_text(private.strip())
    except TaiwaError as exc:
        problems.append(field_problem(where(), "notes", exc))
    if len(problems) > before or starts is None or person_ref is None:
        return None
    return MeetingRecord(
        ref=f"m{number}",
        person=person_ref,
        starts_at=starts,
        status=status,
        mood=mood,
        shared_notes=shared,
        private_notes=private,
    )


def _person_ref(
    relative: str,
    values: dict[str, Any],
    lines: dict[str, int],
    people: dict[str, PersonRecord],
    problems: list[Problem],
) -> str | None:
    """The ref of the note's person (added to ``people`` when first seen), None when unknown."""

    def where(key: str | None) -> str:
        return LINE_AT.text(file=relative, n=lines.get(key, 1) if key else 1)

    person_key = next((k for k in _PERSON_KEYS if isinstance(values.get(k), str)), None)
    name = values[person_key] if person_key else None
    if name is None and "/" in relative:
        name = relative.split("/", 1)[0]
    if not name or not str(name).strip():
        problems.append(Problem(where(None), NO_PERSON))
        return None
    try:
        clean = validate.name(str(name))
    except TaiwaError as exc:
        problems.append(field_problem(where(person_key), "person", exc))
        return None
    folded = " ".join(clean.split()).casefold()
    if folded not in people:
        emails: tuple[str, ...] = ()
        if isinstance(values.get("email"), str):
            try:
                emails = (validate.email(values["email"]),)
            except TaiwaError as exc:
                problems.append(field_problem(where("email"), "email", exc))
            taken = {e.casefold() for p in people.values() for e in p.emails}
            if emails and emails[0].casefold() in taken:
                # The vault keeps an address for one person: two names with it cannot both be.
                problems.append(Problem(where("email"), EMAIL_TWICE))
                return None
        people[folded] = PersonRecord(ref=f"p{len(people) + 1}", name=clean, emails=emails)
    return people[folded].ref


def _split_private(body: str) -> tuple[str, str]:
    match = _PRIVATE_HEADING.search(body)
    if match is None:
        return body, ""
    return body[: match.start()], body[match.end() :]
