"""Note text for the CLI without putting it on the command line.

An argument is visible to every local user (``/proc/PID/cmdline``, ``ps``) and kept in the
shell's history, so every option that carries note text has three other sources:

- ``--X -``: standard input (one option per command may read it);
- ``--X-file PATH``: a UTF-8 file;
- ``--X-edit``: ``$VISUAL`` or ``$EDITOR`` on a private temporary file. That file is the one
  place the text touches the disk in plaintext: it lives in a folder only this user can open
  (``$XDG_RUNTIME_DIR`` — memory on most Linux desktops — else the temp folder), mode 0600, for
  as long as the editor runs; then it is read back, overwritten with zeros, synced and deleted,
  with anything else the editor left in that folder (a swap file).

The argument itself (``--X TEXT``) stays for scripts; its help says what it exposes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from taiwa.domain import errors, validate
from taiwa.errors import InputError
from taiwa.i18n import Msg

STDIN = "-"
ARGV_WARNING = "(visible to other local users and kept in shell history; prefer {file} or -)"

_TWO_STDIN = Msg(
    "Only one option can read standard input ('-') in one command; use a --…-file for the others.",
    "標準入力（'-'）を読めるのは 1 つのオプションだけです。ほかは --…-file を使ってください。",
)
_UNREADABLE = Msg(
    "Cannot read the text file {path}: {reason}. Nothing was changed.",
    "テキストファイル {path} を読めません（{reason}）。変更はしていません。",
)
_NO_EDITOR = Msg(
    "{flag} needs an editor: set VISUAL or EDITOR (e.g. EDITOR=nano). Nothing was changed.",
    "{flag} にはエディターが必要です。VISUAL か EDITOR を設定してください（例: EDITOR=nano）。"
    "変更はしていません。",
)
_EDITOR_FAILED = Msg(
    "The editor ({editor}) did not finish normally (status {status}); nothing was changed.",
    "エディター（{editor}）が正常に終了しませんでした（終了コード {status}）。変更はしていません。",
)
_EDITOR_MISSING = Msg(
    "The editor '{editor}' could not be started; check VISUAL or EDITOR. Nothing was changed.",
    "エディター '{editor}' を起動できません。VISUAL か EDITOR を確認してください。"
    "変更はしていません。",
)
_BAD_LINE = Msg(
    "Line {line} of {source} is not {form}.",
    "{source} の {line} 行目が {form} の形式ではありません。",
)

# Read at most this many bytes of one text: a UTF-8 character takes at most 4.
_MAX_BYTES = 4 * validate.MAX_TEXT + 4


@dataclass(frozen=True)
class TextOption:
    """One note-text option: ``flag`` (``--private``) and its ``-file``/``-edit`` siblings."""

    flag: str
    what: str
    editor: bool = True

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


def add_text_option(
    parser: argparse.ArgumentParser, option: TextOption, *, metavar: str = "TEXT"
) -> None:
    """Add ``--X TEXT|-``, ``--X-file PATH`` and (if ``option.editor``) ``--X-edit``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        option.flag,
        dest=option.dest,
        metavar=metavar,
        help=f"{option.what}; '-' reads it from standard input "
        + ARGV_WARNING.format(file=f"{option.flag}-file"),
    )
    group.add_argument(
        f"{option.flag}-file",
        dest=f"{option.dest}_file",
        metavar="PATH",
        type=Path,
        help=f"read {option.what} from a UTF-8 text file",
    )
    if option.editor:
        group.add_argument(
            f"{option.flag}-edit",
            dest=f"{option.dest}_edit",
            action="store_true",
            help=f"write {option.what} in $VISUAL or $EDITOR (a private temporary file,"
            " deleted after)",
        )


def add_lines_option(
    parser: argparse.ArgumentParser, flag: str, *, metavar: str, what: str
) -> None:
    """A repeatable ``--X SPEC`` (``-``: one SPEC per line from standard input) and
    ``--X-file PATH`` (one SPEC per line)."""
    dest = flag.lstrip("-").replace("-", "_")
    parser.add_argument(
        flag,
        dest=dest,
        action="append",
        default=[],
        metavar=metavar,
        help=f"{what} (repeatable); '-' reads one per line from standard input "
        + ARGV_WARNING.format(file=f"{flag}-file"),
    )
    parser.add_argument(
        f"{flag}-file",
        dest=f"{dest}_file",
        metavar="PATH",
        type=Path,
        help=f"read {what}, one per line, from a UTF-8 text file",
    )


def check_one_stdin(args: argparse.Namespace, dests: Iterable[str]) -> None:
    """Refuse a command where more than one option asks for standard input.

    Raises:
        InputError: two or more options are ``-``.
    """
    count = 0
    for dest in dests:
        value = getattr(args, dest, None)
        if isinstance(value, list):
            count += value.count(STDIN)
        elif value == STDIN:
            count += 1
    if count > 1:
        raise InputError(_TWO_STDIN)


def read_text(
    args: argparse.Namespace, option: TextOption, *, stdin: BinaryIO | None = None
) -> str | None:
    """The text of ``option`` from wherever it was given, or None when it was not.

    Raises:
        InputError: the file cannot be read, no editor, the editor failed.
        BadEncodingError: the bytes are not UTF-8.
        TextTooLongError: more than the limit of one text.
    """
    value = getattr(args, option.dest, None)
    path = getattr(args, f"{option.dest}_file", None)
    if value == STDIN:
        return _decode(_read_stream(stdin or sys.stdin.buffer))
    if value is not None:
        return str(value)
    if path is not None:
        return _decode(_read_file(path))
    if getattr(args, f"{option.dest}_edit", False):
        return edit_text(f"{option.flag}-edit")
    return None


def read_lines(
    args: argparse.Namespace, flag: str, *, stdin: BinaryIO | None = None
) -> list[tuple[str, int, str]]:
    """Every SPEC of a lines option as ``(source, line, spec)``: the arguments in order, then
    standard input and the file, one SPEC per non-blank line."""
    dest = flag.lstrip("-").replace("-", "_")
    found: list[tuple[str, int, str]] = []
    for index, value in enumerate(getattr(args, dest, None) or [], start=1):
        if value == STDIN:
            text = _decode(_read_stream(stdin or sys.stdin.buffer))
            found.extend(_lines("stdin", text))
        else:
            found.append((flag, index, value))
    path = getattr(args, f"{dest}_file", None)
    if path is not None:
        found.extend(_lines(os.fsdecode(path), _decode(_read_file(path))))
    return found


def bad_line(source: str, line: int, form: str) -> InputError:
    """The error for a line of a lines option that does not parse (its text is not quoted)."""
    return InputError(_BAD_LINE, source=source, line=line, form=form)


def _lines(source: str, text: str) -> list[tuple[str, int, str]]:
    return [(source, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _read_stream(stream: BinaryIO) -> bytes:
    data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise errors.TextTooLongError(limit=validate.MAX_TEXT)
    return data


def _read_file(path: Path) -> bytes:
    shown = os.fsdecode(path)[:200]
    try:
        with open(path, "rb") as handle:
            return _read_stream(handle)
    except FileNotFoundError:
        raise InputError(_UNREADABLE, path=shown, reason="no such file") from None
    except IsADirectoryError:
        raise InputError(_UNREADABLE, path=shown, reason="a folder") from None
    except PermissionError:
        raise InputError(_UNREADABLE, path=shown, reason="permission denied") from None
    except (OSError, ValueError) as exc:
        # ValueError: a NUL in the path; OSError: a name too long, an I/O error.
        raise InputError(_UNREADABLE, path=shown, reason=type(exc).__name__) from None


def _decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), without the line breaks at the end (``echo`` adds one,
    editors too)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise errors.BadEncodingError() from None
    text = text.rstrip("\r\n")
    if len(text) > validate.MAX_TEXT:
        raise errors.TextTooLongError(limit=validate.MAX_TEXT)
    return text


def _private_temp_parent() -> str | None:
    """``$XDG_RUNTIME_DIR`` when it is a private folder (memory-backed on most Linux
    desktops), else None (the platform's temp folder)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return None
    try:
        info = os.stat(runtime)
    except OSError:
        return None
    owner = getattr(os, "getuid", None)  # POSIX only; Windows has no such folder anyway
    private = (info.st_mode & 0o077) == 0 and owner is not None and info.st_uid == owner()
    return runtime if private else None


def edit_text(flag: str) -> str:
    """Open ``$VISUAL``/``$EDITOR`` on an empty private file and return what was saved.

    Raises:
        InputError: no editor set, it could not start or did not exit with status 0.
    """
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor or not editor.strip():
        raise InputError(_NO_EDITOR, flag=flag)
    # Windows paths keep their backslashes (shlex's POSIX mode would read them as escapes).
    command = shlex.split(editor, posix=os.name != "nt")
    if not command:
        raise InputError(_NO_EDITOR, flag=flag)
    # mkdtemp makes the folder 0700: nobody else can list it or open what is in it.
    folder = tempfile.mkdtemp(prefix="taiwa-edit-", dir=_private_temp_parent())
    path = os.path.join(folder, "note.txt")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        os.close(os.open(path, flags, 0o600))
        try:
            done = subprocess.run([*command, path], check=False)
        except OSError:
            raise InputError(_EDITOR_MISSING, editor=command[0][:80]) from None
        if done.returncode != 0:
            raise InputError(_EDITOR_FAILED, editor=command[0][:80], status=done.returncode)
        return _decode(_read_file(Path(path)))
    finally:
        _wipe_folder(folder)


def _wipe_folder(folder: str) -> None:
    """Overwrite every file in ``folder`` with zeros, sync, delete them and the folder.

    Best effort against the disk keeping the text: a copy-on-write or journalling file system
    (btrfs, an SSD's wear levelling) may still hold old blocks; memory-backed
    ``$XDG_RUNTIME_DIR`` avoids the disk altogether.
    """
    for entry in os.scandir(folder):
        try:
            if entry.is_file(follow_symlinks=False):
                size = entry.stat(follow_symlinks=False).st_size
                fd = os.open(entry.path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    remaining = size
                    while remaining > 0:
                        remaining -= os.write(fd, b"\0" * min(remaining, 1 << 16))
                    os.fsync(fd)
                finally:
                    os.close(fd)
            if entry.is_dir(follow_symlinks=False):
                _wipe_folder(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            continue
    with contextlib.suppress(OSError):
        os.rmdir(folder)
