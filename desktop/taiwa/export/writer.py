"""Password protection (AES-256) and the atomic, private write of a finished PDF.

reportlab 5.1's own encryption is RC4 unless the optional ``pyaes`` package is present, and
RC4 is broken; so the document is built unencrypted *in memory* and encrypted with pypdf
(AES-256, revision 6, through ``cryptography``) before any byte reaches the disk.

The file is written to a temporary name in the target folder, created with mode 0600, synced,
then renamed over the target: a reader never sees half a PDF and a failure leaves nothing. A
cancellation checked just before the rename removes the temporary file too.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from datetime import date
from pathlib import Path

from taiwa.cancel import Cancel, check
from taiwa.errors import InputError, TaiwaError
from taiwa.i18n import Msg

_EMPTY_PASSWORD = Msg("The password is empty.", "パスワードが空です。")
_NO_FOLDER = Msg(
    "The folder for the PDF does not exist: {folder}", "PDF の保存先フォルダがありません：{folder}"
)
_IS_FOLDER = Msg("The output path is a folder: {path}", "出力先がフォルダです：{path}")
_NOT_PDF = Msg(
    "The output file name must end in .pdf.", "出力ファイル名は .pdf で終わる必要があります。"
)
_NO_ENCRYPTION = Msg(
    "Password protection is not available in this installation (pypdf is missing). No file was written.",
    "このインストールではパスワード保護を使えません（pypdf がありません）。ファイルは作成されていません。",
)
_WRITE_FAILED = Msg(
    "Could not write the PDF ({reason}). No file was written.",
    "PDF を書き込めませんでした（{reason}）。ファイルは作成されていません。",
)


class ExportWriteError(TaiwaError):
    """The PDF could not be written (disk full, no permission...)."""

    code = "write_failed"


def encrypt(pdf: bytes, password: str) -> bytes:
    """``pdf`` encrypted with AES-256 (PDF 2.0 security handler, /V 5 /R 6).

    Args:
        pdf: an unencrypted PDF.
        password: the password needed to open it (also the owner password).

    Raises:
        InputError: the password is empty.
    """
    check_password(password)
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:  # a broken installation: say so instead of crashing
        raise ExportWriteError(_NO_ENCRYPTION) from None

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # A random owner password: nobody can lift restrictions without the user password either,
    # and the user password stays the one secret to hand over.
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(24),
        algorithm="AES-256",
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def check_password(password: str) -> None:
    """Refuse an empty password (it would "protect" the file with nothing).

    Raises:
        InputError: the password is empty.
    """
    if not password:
        raise InputError(_EMPTY_PASSWORD)


def default_filename(day: date) -> str:
    """A neutral file name (no person's name on the desktop or in recent-files lists)."""
    return f"1on1-summary-{day.isoformat()}.pdf"


def check_target(path: Path) -> Path:
    """Validate an output path before any work is done; returns it absolute.

    Raises:
        InputError: the folder is missing, the path is a folder, or the name is not ``.pdf``.
    """
    path = path.expanduser().absolute()
    if path.is_dir():
        raise InputError(_IS_FOLDER, path=str(path))
    if path.suffix.lower() != ".pdf":
        raise InputError(_NOT_PDF)
    if not path.parent.is_dir():
        raise InputError(_NO_FOLDER, folder=str(path.parent))
    return path


def write_atomic(path: Path, data: bytes, *, cancel: Cancel | None = None) -> Path:
    """Write ``data`` to ``path`` atomically with mode 0600.

    ``cancel`` (optional) is checked before the temporary file is made and once more after it
    is synced, just before the rename: past that point the PDF is in place.

    Raises:
        ExportWriteError: the file could not be written; nothing is left behind.
        Cancelled: ``cancel`` said stop; nothing is left behind.
    """
    check(cancel)
    path = check_target(path)
    temp = path.parent / f".{path.name}.{secrets.token_hex(6)}.part"
    try:
        # O_EXCL: never follow or reuse something already there; 0600 from the first byte.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise ExportWriteError(_WRITE_FAILED, reason=exc.strerror or type(exc).__name__) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        check(cancel)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise ExportWriteError(
                _WRITE_FAILED, reason=exc.strerror or type(exc).__name__
            ) from None
        raise
    _fsync_folder(path.parent)
    return path


def _fsync_folder(folder: Path) -> None:
    # Makes the rename durable on POSIX; Windows cannot open a folder for fsync.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
