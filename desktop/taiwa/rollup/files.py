"""Reading and writing roll-up files and their reports on disk, with clear messages."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from taiwa.atomic import write_atomic
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.rollup.document import MAX_BYTES, RollupTooLargeError, SignedRollup, decode

_CANNOT_READ = Msg("Cannot read {file}: {reason}.", "{file} を読み込めません：{reason}。")
_NOT_FILE = Msg("{file} is not a file.", "{file} はファイルではありません。")
_EXISTS = Msg(
    "{file} exists already; choose another name or replace it (--force).",
    "{file} は既にあります。別の名前にするか、置き換えてください（--force）。",
)
_CANNOT_WRITE = Msg(
    "Cannot write {file}: {reason}. Nothing was written.",
    "{file} を書き込めません：{reason}。何も書き込んでいません。",
)
_NO_FOLDER = Msg("The folder {folder} does not exist.", "フォルダー {folder} がありません。")


def read(path: Path) -> SignedRollup:
    """Read and verify one roll-up file (at most :data:`MAX_BYTES` are read).

    Raises:
        InputError: it cannot be read, or it is not a valid, untampered roll-up.
    """
    name = str(path)
    try:
        # A folder, a FIFO or a device is refused before opening (opening a FIFO would wait).
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(_NOT_FILE, file=name)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(
            _CANNOT_READ, file=name, reason=exc.strerror or type(exc).__name__
        ) from None
    if len(data) > MAX_BYTES:
        raise RollupTooLargeError(file=name, limit=MAX_BYTES // (1024 * 1024))
    return decode(data, name)


def write(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` atomically (mode 0600) to ``path``.

    Raises:
        InputError: the folder is missing, the file exists (without ``overwrite``), or the
            write failed; nothing is left behind.
    """
    path = path.expanduser().absolute()
    if not path.parent.is_dir():
        raise InputError(_NO_FOLDER, folder=str(path.parent))
    try:
        return write_atomic(path, data, overwrite=overwrite)
    except FileExistsError:
        raise InputError(_EXISTS, file=str(path)) from None
    except OSError as exc:
        raise InputError(
            _CANNOT_WRITE, file=str(path), reason=exc.strerror or type(exc).__name__
        ) from None
