"""The app's background integrity check: now and then, time-boxed, cancellable, never on unlock.

The unlock opens the vault without ``quick_check`` (it reads every page: seconds on a big
vault). A moment after the first screen is up, :func:`schedule` starts it on its own connection
when one is owed (unclean shutdown, upgrade) or the last one is older than
:data:`taiwa.vault.integrity.RECHECK_AFTER`. It stops at :data:`TIME_BOX_S` (tried again at the
next unlock) and when the vault locks (``ops.cancel_pending``). Only damage closes the vault.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from taiwa.cancel import CancelToken
from taiwa.ui.ops import Op

log = logging.getLogger(__name__)

#: The longest one background check may run (a 10x vault takes about 15 s on a slow core).
TIME_BOX_S = 60.0


def is_due(db: Any) -> bool:
    """Whether ``db`` (a VaultDatabase) should be checked in the background now."""
    if not hasattr(db, "verify_integrity"):
        return False
    if getattr(db, "integrity_pending", False):
        return True
    if getattr(db, "integrity_verified", False):
        return False  # the open itself just checked
    folder = getattr(db, "folder", None)
    if folder is None:
        return False
    from taiwa.vault.integrity import check_due

    try:
        return check_due(folder)
    except OSError:
        return False


def schedule(
    owner: QObject,
    db: Any,
    delay_ms: int,
    still_current: Callable[[], bool],
    on_failed: Callable[[BaseException], Any],
) -> bool:
    """Start the check ``delay_ms`` after now if it is due; returns whether it was scheduled.

    ``still_current()`` is asked when the timer fires: False (locked or another vault) skips it.
    """
    if not is_due(db):
        return False

    def start() -> None:
        if not still_current():
            return  # locked meanwhile: the next unlock schedules its own check
        deadline = time.monotonic() + TIME_BOX_S
        # With a token the op is cancellable: lock() cancels it, and the check stops within a
        # few milliseconds, at SQLite's next progress call.
        token = CancelToken()
        op: Op[bool] = Op(
            owner,
            lambda: db.verify_integrity(deadline=deadline, cancel=token.raise_if_cancelled),
            token=token,
        )
        op.success(_on_done).failure(on_failed).cancelled(lambda: None).run_beside()

    QTimer.singleShot(delay_ms, owner, start)
    return True


def _on_done(completed: bool) -> None:
    if not completed:
        log.info("background integrity check stopped at its time box; it runs again later")
