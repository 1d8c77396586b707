"""Importing a Taiwa JSON file, a people CSV or an Obsidian notes folder (no Qt).

Two steps, the same in the CLI and the app: :func:`prepare` reads and checks everything and
matches it against the vault without writing (the preview, with a problem per bad row);
:func:`apply` writes the whole plan in one transaction, and refuses a plan with any problem —
all or nothing.

What kind of input it is comes from its content, not its name: a folder holding ``taiwa.json``
(an export folder) or a file starting with ``{`` is Taiwa JSON; a file whose first line names a
``name`` column is a people CSV; any other folder is read as Obsidian notes.

People already in the vault are matched, not duplicated: by e-mail address, else by the same
name (see :meth:`taiwa.store.transfer.Transfer.place`). Their fields are left as they are; new
meetings and actions are added to them, and ones already there are skipped.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from taiwa.i18n import Msg
from taiwa.portable import csvfiles, jsonfile, limits, obsidian
from taiwa.portable.problems import ImportRefusedError, PortableError, Problem
from taiwa.store.transfer import Bundle, Check, Placement, Progress, Transfer, Written
from taiwa.vault.database import Database

UNKNOWN_KIND = Msg(
    "Cannot tell what this is: import a Taiwa JSON file, a people CSV (first row: name, email,"
    " role, team, start date) or a folder of Markdown notes.",
    "内容を判別できません。Taiwa の JSON ファイル、人の CSV（1 行目: name, email, role, team,"
    " start date）、Markdown ノートのフォルダーのいずれかを指定してください。",
)
CANNOT_READ = Msg(
    "The file or folder cannot be read (missing, or no permission).",
    "ファイルまたはフォルダーを読めません（存在しないか、権限がありません）。",
)


class Kind(StrEnum):
    TAIWA_JSON = "taiwa_json"
    PEOPLE_CSV = "people_csv"
    NOTES_FOLDER = "notes_folder"


@dataclass(frozen=True, slots=True)
class PersonLine:
    """One line of the preview: a person, whether they are new, and what they get."""

    name: str
    new: bool
    meetings: int
    actions: int


@dataclass(frozen=True, slots=True)
class Preview:
    """What an import will write (counts and names only, never note text)."""

    kind: Kind
    people: tuple[PersonLine, ...]
    people_new: int
    people_matched: int
    meetings_new: int
    meetings_skipped: int
    topics_new: int
    actions_new: int
    actions_skipped: int
    private_parts: bool  # the input carries private notes or mood
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class Plan:
    kind: Kind
    bundle: Bundle
    placement: Placement
    preview: Preview


def _read_file(path: Path, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        raise PortableError(CANNOT_READ) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise PortableError(UNKNOWN_KIND)
        # One byte more than the limit: enough to tell "too big" without reading it all.
        return handle.read(limit + 1)


def read(path: Path) -> tuple[Kind, Bundle, list[Problem]]:
    """Tell what ``path`` is and read it (nothing is written).

    Raises:
        PortableError: it cannot be read at all (unknown kind, too big, newer format...).
    """
    try:
        is_dir = path.is_dir()
    except OSError:
        raise PortableError(CANNOT_READ) from None
    if is_dir:
        inner = path / "taiwa.json"
        if inner.is_file():
            bundle, problems = jsonfile.read(_read_file(inner, limits.MAX_JSON_BYTES))
            return Kind.TAIWA_JSON, bundle, problems
        bundle, problems = obsidian.read_folder(path)
        return Kind.NOTES_FOLDER, bundle, problems
    data = _read_file(path, max(limits.MAX_JSON_BYTES, limits.MAX_CSV_BYTES))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" is UTF-16: say how to fix it rather than "unknown".
        raise PortableError(csvfiles.NOT_UTF8)
    if jsonfile.looks_like_json(data[:4096]):
        bundle, problems = jsonfile.read(data)
        return Kind.TAIWA_JSON, bundle, problems
    if csvfiles.looks_like_people_csv(data[:4096]):
        bundle, problems = csvfiles.read_people(data)
        return Kind.PEOPLE_CSV, bundle, problems
    raise PortableError(UNKNOWN_KIND)


def prepare(db: Database, path: Path) -> Plan:
    """Read ``path``, check every row, match it against the vault: the preview, unwritten."""
    kind, bundle, problems = read(path)
    placement = Transfer(db).place(bundle)
    meetings_of: dict[str, int] = {}
    for m in bundle.meetings:
        if m.ref not in placement.skipped_meetings:
            meetings_of[m.person] = meetings_of.get(m.person, 0) + 1
    actions_of: dict[str, int] = {}
    for a in bundle.actions:
        if a.ref not in placement.skipped_actions:
            actions_of[a.person] = actions_of.get(a.person, 0) + 1
    people = tuple(
        PersonLine(
            name=p.name,
            new=p.ref not in placement.existing_people,
            meetings=meetings_of.get(p.ref, 0),
            actions=actions_of.get(p.ref, 0),
        )
        for p in bundle.people
    )
    kept = [m for m in bundle.meetings if m.ref not in placement.skipped_meetings]
    preview = Preview(
        kind=kind,
        people=people,
        people_new=sum(1 for p in people if p.new),
        people_matched=sum(1 for p in people if not p.new),
        meetings_new=len(kept),
        meetings_skipped=len(bundle.meetings) - len(kept),
        topics_new=sum(len(m.topics) for m in kept),
        actions_new=len(bundle.actions) - len(placement.skipped_actions),
        actions_skipped=len(placement.skipped_actions),
        private_parts=any(m.private_notes or m.mood is not None for m in bundle.meetings),
        problems=tuple(problems[: limits.MAX_PROBLEMS]),
    )
    return Plan(kind, bundle, placement, preview)


def apply(
    db: Database, plan: Plan, check: Check | None = None, progress: Progress | None = None
) -> Written:
    """Write the plan in one transaction (``check`` may stop it: then nothing is written).

    Raises:
        ImportRefusedError: the preview found problems; nothing is written.
    """
    if plan.preview.problems:
        raise ImportRefusedError(list(plan.preview.problems))
    return Transfer(db).write(plan.bundle, plan.placement, check, progress)
