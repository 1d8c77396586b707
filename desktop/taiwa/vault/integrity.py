"""When the full-file ``PRAGMA quick_check`` runs: not on every open, only when it can find something.

SQLCipher checks each page's HMAC whenever the page is read, so a tampered or torn page is
refused by the query that reads it. ``quick_check`` reads *every* page (1-4 s of CPU on a big
vault), which is worth it only:

* on the first open after an unclean shutdown (a crash, ``kill -9``, power loss): the vault
  folder holds :data:`OPEN_MARKER` from :func:`mark_open` at open until :func:`mark_closed` at
  a clean close, and the instance lock lets only one process have the vault open, so a marker
  found by the next open was left by a process that never closed;
* on the first open after an upgrade: a schema migration (the database checks before it
  writes), or another SQLite/SQLCipher library than the last check ran under (:data:`STATE_NAME`
  records it);
* in ``taiwa doctor``, and now and then in the app's background (:func:`check_due`).

The marker and the state hold no secret and are outside the header's MAC: whoever can write the
vault folder can remove them, and then the per-page HMAC is what still stands.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from taiwa.atomic import fsync_dir, write_atomic

#: Present while a process has the vault open (see the module's docstring).
OPEN_MARKER = "taiwa.open"
#: The last completed check: ``{"sqlite": version, "checked_at": ISO-8601 UTC}``.
STATE_NAME = "integrity.json"
#: The app checks in the background when the last completed check is older than this.
RECHECK_AFTER = timedelta(days=7)

_MODE = 0o600


def _library() -> str:
    return str(sqlcipher.sqlite_version)


def _state(folder: Path) -> dict[str, str] | None:
    try:
        data = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    return data


def check_required(folder: Path) -> bool:
    """Whether the next open must run the check: after an unclean shutdown or an upgrade."""
    if (folder / OPEN_MARKER).exists():
        return True
    state = _state(folder)
    return state is None or state.get("sqlite") != _library()


def check_due(folder: Path, now: datetime | None = None) -> bool:
    """Whether the app should check in the background now: required, or not done for a while."""
    if check_required(folder):
        return True
    state = _state(folder) or {}
    try:
        checked = datetime.fromisoformat(state.get("checked_at", "").replace("Z", "+00:00"))
    except ValueError:
        return True
    if checked.tzinfo is None:
        return True
    return (now or datetime.now(UTC)) - checked >= RECHECK_AFTER


def record_check(folder: Path, now: datetime | None = None) -> None:
    """Remember that a check just completed and found the database intact (best effort)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = json.dumps({"sqlite": _library(), "checked_at": stamp}, sort_keys=True)
    # Losing it only costs one more check on the next open.
    with contextlib.suppress(OSError):
        write_atomic(folder / STATE_NAME, data.encode("utf-8"), mode=_MODE)


def mark_open(folder: Path) -> None:
    """Leave the unclean-shutdown marker (removed by :func:`mark_closed`); best effort."""
    path = folder / OPEN_MARKER
    if path.exists():
        return  # a check is still owed: it stays until one completes
    try:
        # Empty: only its name counts, so the folder is synced, not the file.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, _MODE))
    except OSError:
        return
    # The marker's name must be on disk before the database is written, or power loss could
    # take both the marker and the last writes.
    with contextlib.suppress(OSError):
        fsync_dir(folder)


def mark_closed(folder: Path) -> None:
    """Remove the marker after a clean close (no check is owed)."""
    with contextlib.suppress(FileNotFoundError):
        (folder / OPEN_MARKER).unlink()
