"""Ended by the OS (logout, shutdown, ``kill``, Ctrl+C in a terminal): the app saves what was
typed, closes the vault cleanly and exits 0, as Ctrl+Q would."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.support.vaults import REPO

TEXT = "agreed TERM-SENTINEL-3c1d on the next step"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_termination_signal_saves_what_was_typed_and_closes_the_vault(
    cli_vault: Any, signum: int
) -> None:
    from taiwa.store import Store
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import open_vault

    db = open_vault(cli_vault.dir, keystore=Keystore(cli_vault.keyring))
    try:
        store = Store(db)
        person = store.people.add("Hanako Sato")
        meeting_id = store.meetings.create(person.id, datetime.now(UTC)).id
    finally:
        db.close()

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.term_child", str(meeting_id), TEXT],
        env=cli_vault.env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "TYPED":
                child.send_signal(signum)
                break
        code = child.wait(timeout=30)
        _out, errors = child.communicate(timeout=5)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == 0, errors[-2000:]
    assert "Traceback" not in errors, errors[-2000:]
    assert TEXT not in errors
    # Closed cleanly: the last connection's close folds the WAL into the file and removes it.
    assert [p.name for p in Path(cli_vault.dir).iterdir() if p.name.endswith("-wal")] == []
    db = open_vault(cli_vault.dir, keystore=Keystore(cli_vault.keyring), check_integrity=True)
    try:
        assert Store(db).meetings.get(meeting_id).shared_notes == TEXT
    finally:
        db.close()
