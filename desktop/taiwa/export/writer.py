"""Password protection (AES-256) and the atomic, private write of a finished PDF.

reportlab 5.1's own encryption is RC4 unless the optional ``pyaes`` package is present, and
RC4 is broken; so the document is built unencrypted *in memory* and encrypted with pypdf
(AES-256, revision 6, through ``cryptography``) before any byte reaches the disk.

The file is written through :func:`taiwa.atomic.write_atomic`: a temporary name in the target
folder, mode 0600, synced, then renamed into place — a reader never sees half a PDF and a
failure leaves nothing. A cancellation checked just before the rename removes the temporary
file too. An existing file is never replaced unless the caller says so (``overwrite``: the
CLI's ``--force``, the GUI's confirmation).
"""

from __future__ import annotations

import io
import os
import secrets
from datetime import date
from pathlib import Path

from taiwa import atomic
from taiwa.cancel import Cancel
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


_EXISTS = Msg(
    "{path} already exists; choose another name or use --force to replace it.",
    "{path} は既に存在します。別の名前を指定するか、置き換える場合は --force を指定してください。",
)


class ExportWriteError(TaiwaError):
    """The PDF could not be written (disk full, no permission...)."""

    code = "write_failed"


class ExportTargetExistsError(InputError):
    """The output file exists and replacing it was not asked for (exit status 2)."""

    code = "target_exists"
    message = _EXISTS


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


def check_target(path: Path, *, overwrite: bool = True) -> Path:
    """Validate an output path before any work is done; returns it absolute.

    Args:
        path: the output file.
        overwrite: False refuses an existing file (or link) here already, before the PDF is
            built; :func:`write_atomic` refuses one that appears meanwhile.

    Raises:
        InputError: the folder is missing, the path is a folder, or the name is not ``.pdf``.
        ExportTargetExistsError: ``overwrite`` is False and the file exists.
    """
    path = path.expanduser().absolute()
    if path.is_dir():
        raise InputError(_IS_FOLDER, path=str(path))
    if not overwrite and os.path.lexists(path):
        raise ExportTargetExistsError(path=str(path))
    if path.suffix.lower() != ".pdf":
        raise InputError(_NOT_PDF)
    if not path.parent.is_dir():
        raise InputError(_NO_FOLDER, folder=str(path.parent))
    return path


def write_atomic(
    path: Path, data: bytes, *, overwrite: bool = False, cancel: Cancel | None = None
) -> Path:
    """Write ``data`` to ``path`` atomically with mode 0600 (:func:`taiwa.atomic.write_atomic`).

    ``cancel`` (optional) is checked before the temporary file is made and once more after it
    is synced, just before the rename: past that point the PDF is in place.

    Args:
        path: the output file (validated by :func:`check_target`).
        data: the PDF.
        overwrite: replace an existing file; False (the default) refuses it and leaves it as
            it was, even when it appears while the PDF is written.
        cancel: see above.

    Raises:
        ExportTargetExistsError: ``overwrite`` is False and the file exists.
        ExportWriteError: the file could not be written; nothing is left behind.
        Cancelled: ``cancel`` said stop; nothing is left behind.
    """
    path = check_target(path, overwrite=overwrite)
    try:
        atomic.write_atomic(path, data, mode=0o600, overwrite=overwrite, cancel=cancel)
    except FileExistsError as exc:
        if exc.filename != str(path):  # a temporary name was taken (a planted file), not ours
            raise ExportWriteError(_WRITE_FAILED, reason=exc.strerror or "EEXIST") from None
        raise ExportTargetExistsError(path=str(path)) from None
    except OSError as exc:
        raise ExportWriteError(_WRITE_FAILED, reason=exc.strerror or type(exc).__name__) from None
    return path
