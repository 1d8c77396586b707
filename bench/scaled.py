"""The ten-year demo vault at 1x, 3x and 10x (people, meetings, notes), built once and cached.

``scale`` copies of the ten-year demo rows (100 people, 20 000 meetings, ~200 000 notes, topics
and action items each) go into one vault, every copy under its own ids, names, e-mail addresses
and calendar ids: 3x is the 300-person vault, 10x has 1 000 people and 200 000 meetings.

The cached vaults are passphrase-only (building them touches no keyring);
:func:`keyring_copy` makes a keyring-mode copy for a benchmark, with its key in whatever
keyring this process uses (the throwaway Secret Service of ``scripts/bench``).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 - throwaway demo vaults
CACHE = Path(tempfile.gettempdir()) / "taiwa-bench-scaled"
# Bumped when the generator or the schema changes what a cached vault holds.
VERSION = "v1"
# A fixed day: the same rows every build (and "upcoming" has planned meetings ahead of it).
TODAY = date(2026, 11, 30)


def base_vault(scale: int, *, log: bool = True) -> Path:
    """The cached passphrase-only vault at ``scale`` (built on first use)."""
    folder = CACHE / f"{VERSION}-{scale}x" / "vault"
    done = folder.parent / "built"
    if done.exists():
        return _upgraded(folder)
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.parent.mkdir(mode=0o700, parents=True)
    start = time.perf_counter()
    people, meetings = _build(folder, scale)
    done.write_text("ok\n", encoding="utf-8")
    _upgraded(folder)  # marks it as of today's schema (nothing to upgrade)
    if log:
        print(
            f"built the {scale}x vault in {time.perf_counter() - start:.0f} s: {people} people,"
            f" {meetings} meetings, {(folder / 'taiwa.db').stat().st_size / 1e6:.0f} MB"
        )
    return folder


def _upgraded(folder: Path) -> Path:
    """``folder``, its schema brought up to date once (as a user's vault is on its first open
    after an update), without the pre-upgrade copy a cache has no use for."""
    from taiwa.vault.schema import LATEST_VERSION
    from taiwa.vault.service import unlock_with_recovery

    mark = folder.parent / f"schema-{LATEST_VERSION}"
    if not mark.exists():
        unlock_with_recovery(folder, PASSPHRASE, keep_in_keyring=False).close()
        shutil.rmtree(folder / "backups", ignore_errors=True)
        mark.write_text("ok\n", encoding="utf-8")
    return folder


def _build(folder: Path, scale: int) -> tuple[int, int]:
    from taiwa.demo import fill, generate
    from taiwa.vault.service import create_vault

    rows = generate("ten-years", lang="mixed", today=TODAY)
    db = create_vault(folder, use_keyring=False, recovery_passphrase=PASSPHRASE).database
    try:
        span = {
            name: max(int(r[0]) for r in getattr(rows, name))
            for name in ("person", "meeting", "topic", "action")
        }
        for copy in range(scale):
            fill(db, _shifted(rows, copy, span) if copy else rows)
        people = scale * len(rows.person)
        meetings = scale * len(rows.meeting)
    finally:
        db.close()
    return people, meetings


def _shifted(rows: Any, copy: int, span: dict[str, int]) -> Any:
    """Copy number ``copy`` of the rows: every id moved past the earlier copies' ids."""
    p, m, t, a = (span[k] * copy for k in ("person", "meeting", "topic", "action"))

    def opt(value: Any, offset: int) -> Any:
        return None if value is None else int(value) + offset

    person = [(r[0] + p, f"{r[1]} {copy + 1}", *r[2:]) for r in rows.person]
    email = [(f"{copy + 1}.{r[0]}", r[1] + p) for r in rows.email]
    meeting = [
        (r[0] + m, r[1] + p, *r[2:12], None if r[12] is None else f"{r[12]}.{copy}", *r[13:])
        for r in rows.meeting
    ]
    topic = [(r[0] + t, r[1] + m, *r[2:7], opt(r[7], t)) for r in rows.topic]
    action = [(r[0] + a, r[1] + p, opt(r[2], m), *r[3:]) for r in rows.action]
    return replace(rows, person=person, email=email, meeting=meeting, topic=topic, action=action)


def keyring_copy(scale: int, dest: Path) -> Path:
    """A copy of the ``scale`` vault at ``dest`` whose key is in this process's keyring."""
    from taiwa.vault.service import unlock_with_recovery

    source = base_vault(scale)
    shutil.copytree(source, dest)
    # The passphrase-only vault switched to keyring mode, as `unlock --recovery --keyring` does.
    unlock_with_recovery(dest, PASSPHRASE, keep_in_keyring=True).close()
    return dest
