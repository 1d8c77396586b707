"""The one way Taiwa writes a file: atomically, privately, never through a planted link — no Qt.

Every file the app writes (vault.json, the database, backups, preferences, PDFs) goes through
this module, so the rules live in one place:

* The data goes to a **temporary file in the target's folder** (same file system, so the final
  rename is atomic) with a random name, created with
  ``O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC`` (``O_BINARY | O_NOINHERIT`` on
  Windows) and the file's mode (0600) from the first byte. ``O_EXCL`` refuses anything already
  at that name — a symlink planted there is never followed, never reused (issue 15: a fixed
  ``vault.json.new`` opened without it let change-recovery overwrite a file outside the vault).
  No ``os.fchmod``: Windows lacks it; the mode is given to ``os.open`` (the umask can only
  remove bits, which is fine for 0600).
* The file is flushed and synced (``F_FULLFSYNC`` on macOS, where plain ``fsync`` stops at the
  drive's cache), then renamed onto the target, then the folder is synced so the rename itself
  survives a power cut (POSIX only: Windows cannot open a folder for ``fsync``; NTFS journals
  the rename's metadata, which is the best it offers).
* ``overwrite=True`` renames with :func:`os.replace`. A **symlink at the target** is replaced by
  the new regular file; the link's destination is never opened or written (``rename`` acts on
  the name, not on what it points to). We replace rather than refuse because a check before
  the rename could not be made race-free anyway, and replacing is the safe outcome: nothing
  outside the folder changes.
* ``overwrite=False`` never replaces anything: on POSIX the temporary file is hard-linked to the
  target (``link`` fails with ``FileExistsError`` atomically if *anything*, even a dangling
  symlink, holds the name) and then unlinked; on Windows ``os.rename`` fails the same way. On
  a file system without hard links (FAT/exFAT drives, some network shares) it falls back to a
  check followed by a rename, which leaves a window of microseconds for a racing writer.
* On any failure — an ``OSError``, a cancellation, a bug — the temporary file is removed and
  the target is left as it was.

Errors are plain :class:`OSError` (``FileExistsError`` for ``overwrite=False``); each caller
turns them into its own translated :class:`~taiwa.errors.TaiwaError`, which knows what was
being written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from taiwa.cancel import Cancel, check

__all__ = ["atomic_file", "atomic_path", "fsync_dir", "fsync_file", "write_atomic"]

#: Flags for the temporary file; the ``getattr`` ones exist only on some systems.
_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)  # Windows' O_CLOEXEC
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
#: Tries at a fresh random name when one is taken (64 random bits: only a planted file can clash).
_TRIES = 4
#: Characters of the target's name kept in a temporary name: a legal 255-byte name plus the
#: random part would be too long for the file system.
_NAME_KEPT = 64
#: errno values of ``link`` on a file system without hard links.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def write_atomic(
    path: Path | str,
    data: bytes,
    *,
    mode: int = 0o600,
    overwrite: bool = True,
    cancel: Cancel | None = None,
) -> Path:
    """Write ``data`` to ``path`` atomically: readers see the old file or the whole new one.

    Args:
        path: the target; its folder must exist.
        data: the whole content.
        mode: permission bits of the new file (0600: only the owner reads it).
        overwrite: replace an existing target; when False an existing one (file or link) is
            refused with ``FileExistsError`` and left byte-identical.
        cancel: checked before any work and just before the rename; past the rename the file
            is in place.

    Returns:
        ``path`` as given (a :class:`Path`).

    Raises:
        FileExistsError: ``overwrite`` is False and the target exists.
        OSError: the write failed (disk full, no permission...); nothing is left behind.
        Cancelled: ``cancel`` said stop; nothing is left behind.
    """
    with atomic_file(path, mode=mode, overwrite=overwrite, cancel=cancel) as handle:
        handle.write(data)
    return Path(path)


@contextlib.contextmanager
def atomic_file(
    path: Path | str,
    *,
    mode: int = 0o600,
    overwrite: bool = True,
    cancel: Cancel | None = None,
) -> Iterator[BinaryIO]:
    """A binary file object for streaming writers; committed to ``path`` when the block ends.

    If the block raises, the temporary file is removed and the target is untouched. Arguments
    and errors as :func:`write_atomic`.
    """
    target = Path(path)
    check(cancel)
    temp, fd = _create_temp(target, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            _sync(handle.fileno())
        check(cancel)
        _commit(temp, target, overwrite=overwrite)
    except BaseException:
        _remove(temp)
        raise
    fsync_dir(target.parent)


@contextlib.contextmanager
def atomic_path(
    path: Path | str,
    *,
    overwrite: bool = True,
    cancel: Cancel | None = None,
) -> Iterator[Path]:
    """A fresh file name for writers that need a path, not a file object (SQLCipher).

    The name lies in a new private folder (``mkdtemp``: created exclusively, mode 0700) inside
    the target's folder, so nobody else can plant a link at it, and side files the writer makes
    (``-journal``, ``-wal``) stay in there. When the block ends the writer must have closed the
    file; it is synced and renamed onto ``path`` like :func:`atomic_file` does. The private
    folder is removed in every case. The file keeps the mode its writer gave it.

    Raises:
        FileExistsError: ``overwrite`` is False and the target exists.
        OSError: the write failed, or the writer left no regular file at the name.
        Cancelled: ``cancel`` said stop (checked before and just before the rename).
    """
    target = Path(path)
    check(cancel)
    prefix = f".{target.name[:_NAME_KEPT]}."
    folder = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=target.parent))
    temp = folder / target.name
    try:
        yield temp
        info = temp.lstat()
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(temp))
        fsync_file(temp)
        check(cancel)
        _commit(temp, target, overwrite=overwrite)
    finally:
        # rmtree works on file descriptors where the platform allows: it never follows a link.
        shutil.rmtree(folder, ignore_errors=True)
    fsync_dir(target.parent)


def fsync_file(path: Path | str) -> None:
    """Flush a closed file's data to the disk (it must not be a symlink).

    Opened for writing because Windows' ``_commit`` refuses a read-only descriptor; nothing is
    written.
    """
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _sync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path | str) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op on Windows, which cannot do it).

    Failures are ignored: some file systems (network shares) refuse ``fsync`` on a folder, and
    the file itself is already synced.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _create_temp(target: Path, mode: int) -> tuple[Path, int]:
    last: OSError | None = None
    for _ in range(_TRIES):
        temp = target.with_name(f".{target.name[:_NAME_KEPT]}.{secrets.token_hex(8)}.tmp")
        try:
            return temp, os.open(temp, _TEMP_FLAGS, mode)
        except FileExistsError as exc:  # a planted file or link: never touch it, pick another
            last = exc
    assert last is not None
    raise last


def _sync(fd: int) -> None:
    # macOS: fsync() only reaches the drive's cache; F_FULLFSYNC asks the drive to write it out.
    if sys.platform == "darwin":
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            with contextlib.suppress(OSError):
                fcntl.fcntl(fd, full)
                return
    os.fsync(fd)


def _commit(temp: Path, target: Path, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, target)
        return
    try:
        if os.name == "nt":
            os.rename(temp, target)  # Windows: fails with FileExistsError if the target exists
            return
        try:
            os.link(temp, target)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            # No hard links here (FAT, some shares): check, then rename — a narrow race.
            if os.path.lexists(target):
                raise _exists(target) from None
            os.rename(temp, target)
            return
    except FileExistsError:
        # Named after the target (not the temporary file) so callers can tell the two apart.
        raise _exists(target) from None
    _remove(temp)  # the target holds the data now; a leftover name would only be clutter


def _exists(target: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()
