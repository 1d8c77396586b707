"""The instance lock: one Taiwa process per vault, held until the database is closed.

An exclusive OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on ``taiwa.lock``
in the vault folder. The OS drops it when the process dies, so a crash never leaves a stale
lock. The lock file stays empty: locking never changes any byte of the vault.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from taiwa.vault import errors

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

LOCK_MODE = 0o600


class InstanceLock:
    """An acquired lock; :meth:`release` (or process exit) gives it up."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> InstanceLock:
        """Take the lock without waiting.

        Raises:
            VaultInUseError: another process (or another open vault in this one) holds it.
            VaultNotWritableError: the lock file cannot be opened.
        """
        try:
            # O_NOFOLLOW: a link planted at taiwa.lock must not make us create or lock a file
            # elsewhere (the lock file itself is never written, only locked).
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(path, flags, LOCK_MODE)
        except OSError as exc:
            raise errors.VaultNotWritableError() from exc
        try:
            if sys.platform == "win32":  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                # flock, not lockf: flock locks belong to the open file, so a second open of
                # the same vault inside this process is refused too.
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise errors.VaultInUseError() from exc
        return cls(path, fd)

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Give up the lock; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if sys.platform == "win32":  # pragma: no cover
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
