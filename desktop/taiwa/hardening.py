"""Process hardening at start-up: a crash must not leave note text or the key on disk."""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

PR_SET_DUMPABLE = 4


def harden_process() -> None:
    """No core dumps, not ptrace-able by other users' processes, private file modes."""
    # Every file Taiwa creates (vault, WAL, backups, PDFs) is private to the user.
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        # A core dump would hold the decrypted pages and the key.
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            # The process's own symbols include libc's; ctypes.util.find_library would import
            # subprocess and friends and run ldconfig on every start.
            libc = ctypes.CDLL(None, use_errno=True)
            # Also stops core dumps through core_pattern pipes and ptrace by same-uid processes.
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Whether the process is dumpable (Linux only; None elsewhere). For `doctor` and tests."""
    if not sys.platform.startswith("linux"):
        return None
    PR_GET_DUMPABLE = 3  # noqa: N806 - the kernel's name
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
