"""Exporting a vault or one person to a folder anyone can read without Taiwa (no Qt).

The folder gets ``taiwa.json`` (everything, see :mod:`taiwa.portable.jsonfile`), ``actions.csv``
and ``notes/`` with one Markdown note per meeting. Private notes and mood are in none of them
unless asked; signals are never exported (they are prompts computed from the records, not
records). Every file is written through :mod:`taiwa.atomic` with mode 0600, folders 0700, and
nothing is ever replaced: an export goes into a new or empty folder. ``taiwa.json`` is written
last, so a folder without it is an export that did not finish (and a failed export removes the
files it wrote).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from taiwa.atomic import write_atomic
from taiwa.cancel import Cancel, check
from taiwa.i18n import Msg
from taiwa.portable import csvfiles, jsonfile, markdown
from taiwa.portable.problems import PortableError
from taiwa.store.transfer import Transfer
from taiwa.vault.database import Database

JSON_NAME = "taiwa.json"
CSV_NAME = "actions.csv"
NOTES_NAME = "notes"

NOT_EMPTY = Msg(
    "The folder is not empty; export into a new or empty folder (nothing is ever replaced).",
    "フォルダーが空ではありません。新しいフォルダーか空のフォルダーに書き出してください（上書きはしません）。",
)
CANNOT_WRITE = Msg(
    "The export could not be written ({reason}); nothing was left behind.",
    "書き出せませんでした（{reason}）。書きかけのファイルは残していません。",
)
NOT_A_FOLDER = Msg(
    "The export target exists and is not a folder.",
    "書き出し先が既にあり、フォルダーではありません。",
)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    folder: Path
    people: int
    meetings: int
    actions: int
    notes: int
    include_private: bool


def _prepare_folder(folder: Path) -> bool:
    """Create ``folder`` (0700) or check that it is empty. Returns whether it was created."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise PortableError(NOT_A_FOLDER)
    if folder.exists():
        if any(folder.iterdir()):
            raise PortableError(NOT_EMPTY)
        return False
    folder.mkdir(mode=0o700, parents=False)
    return True


def export(
    db: Database,
    folder: Path,
    *,
    person_id: int | None = None,
    include_private: bool = False,
    cancel: Cancel | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportSummary:
    """Write the export folder.

    Raises:
        PortableError: the folder is not empty, or writing failed (nothing is left behind).
        Cancelled: ``cancel`` said stop (nothing is left behind).
    """
    bundle = Transfer(db).read(person_id, include_private=include_private)
    check(cancel)
    notes = markdown.notes(bundle, jsonfile.SCHEMA_VERSION)
    try:
        created = _prepare_folder(folder)
    except OSError as exc:
        raise PortableError(CANNOT_WRITE, reason=exc.strerror or type(exc).__name__) from None
    written: list[Path] = []
    try:
        notes_dir = folder / NOTES_NAME
        notes_dir.mkdir(mode=0o700)
        written.append(notes_dir)
        total = len(notes) + 2
        for done, (name, text) in enumerate(notes, 1):
            written.append(
                write_atomic(notes_dir / name, text.encode("utf-8"), overwrite=False, cancel=cancel)
            )
            if progress is not None and done % 50 == 0:
                progress(done, total)
        written.append(
            write_atomic(folder / CSV_NAME, csvfiles.actions_csv(bundle), overwrite=False)
        )
        check(cancel)
        written.append(
            write_atomic(folder / JSON_NAME, jsonfile.dump(bundle), overwrite=False, cancel=cancel)
        )
        if progress is not None:
            progress(total, total)
    except BaseException as exc:
        _remove(written, folder if created else None)
        if isinstance(exc, OSError):
            raise PortableError(CANNOT_WRITE, reason=exc.strerror or type(exc).__name__) from None
        raise
    return ExportSummary(
        folder=folder,
        people=len(bundle.people),
        meetings=len(bundle.meetings),
        actions=len(bundle.actions),
        notes=len(notes),
        include_private=include_private,
    )


def _remove(written: list[Path], created_folder: Path | None) -> None:
    for path in reversed(written):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                os.unlink(path)
    if created_folder is not None:
        with contextlib.suppress(OSError):
            created_folder.rmdir()
