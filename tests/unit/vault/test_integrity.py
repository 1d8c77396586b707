"""The full-file quick_check runs where it can find something: after an unclean shutdown or an
upgrade, in doctor, in the app's background; never on every open (every CLI command)."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from taiwa.cancel import Cancelled
from taiwa.cli.context import CliContext
from taiwa.vault import database, integrity
from taiwa.vault.doctor import diagnose
from taiwa.vault.keystore import Keystore
from taiwa.vault.service import create_vault, open_vault
from tests.support.vaults import CliVault

_CHILD = r"""
import sys, time
from taiwa.vault import recovery
from taiwa.vault.service import open_vault
# The parent's vault has the cheap test cost (tests/unit/vault/conftest.py).
recovery.KDF_LIMITS = recovery.KdfLimits(min_memory_kib=1024)
db = open_vault(__import__("pathlib").Path(sys.argv[1]))
db.query_one("SELECT count(*) FROM person")
print("open", flush=True)
time.sleep(60)
"""


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the quick_checks run (on the open's own connection or a separate one)."""
    seen: list[int] = []
    real = database._quick_check

    def spy(conn: object) -> None:
        seen.append(1)
        real(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(database, "_quick_check", spy)
    return seen


def _vault(tmp_path: Path, checks: list[int]) -> Path:
    folder = tmp_path / "v"
    create_vault(folder).database.close()
    checks.clear()  # the ones creating it ran
    return folder


def test_a_cleanly_closed_vault_opens_without_the_check(tmp_path: Path, checks: list[int]) -> None:
    folder = _vault(tmp_path, checks)
    assert not (folder / integrity.OPEN_MARKER).exists()
    for _ in range(3):
        open_vault(folder).close()
    assert checks == []


def test_the_cli_opens_without_the_check(tmp_path: Path, checks: list[int]) -> None:
    folder = _vault(tmp_path, checks)
    ctx = CliContext(argparse.Namespace(vault=str(folder)), io.StringIO(), io.StringIO())
    try:
        ctx.database().query_one("SELECT count(*) FROM person")
    finally:
        ctx.close()
    assert checks == []


def test_the_open_after_a_kill_runs_the_check_once(
    cli_vault: CliVault, checks: list[int], tmp_path: Path
) -> None:
    folder = cli_vault.dir
    store = Keystore(cli_vault.keyring)
    checks.clear()
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder)],
        env=cli_vault.env,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "open"
            assert (folder / integrity.OPEN_MARKER).exists()
        finally:
            child.kill()  # SIGKILL: no clean close
            child.wait(10)
    assert integrity.check_required(folder)
    db = open_vault(folder, keystore=store)
    assert db.integrity_verified and checks == [1]
    db.close()
    assert not (folder / integrity.OPEN_MARKER).exists()
    open_vault(folder, keystore=store).close()
    assert checks == [1]  # the next open after a clean close: none


def test_an_owed_check_left_to_the_app_keeps_the_marker_until_it_completes(
    tmp_path: Path, checks: list[int]
) -> None:
    folder = _vault(tmp_path, checks)
    (folder / integrity.OPEN_MARKER).touch()  # as a crash leaves it
    db = open_vault(folder, check_integrity=False)  # the app's unlock path
    assert checks == [] and db.integrity_pending
    db.close()
    assert (folder / integrity.OPEN_MARKER).exists()  # still owed
    db = open_vault(folder, check_integrity=False)
    assert db.verify_integrity() is True
    assert not db.integrity_pending
    db.close()
    assert not (folder / integrity.OPEN_MARKER).exists()
    assert not integrity.check_required(folder)


def test_another_sqlite_library_means_one_check(tmp_path: Path, checks: list[int]) -> None:
    folder = _vault(tmp_path, checks)
    state = folder / integrity.STATE_NAME
    state.write_text(json.dumps({"sqlite": "3.0.0", "checked_at": "2026-01-01T00:00:00Z"}))
    open_vault(folder).close()
    assert checks == [1]
    open_vault(folder).close()
    assert checks == [1]


def test_the_app_rechecks_now_and_then(tmp_path: Path, checks: list[int]) -> None:
    folder = _vault(tmp_path, checks)
    now = datetime.now(UTC)
    assert not integrity.check_due(folder, now)
    assert integrity.check_due(folder, now + integrity.RECHECK_AFTER + timedelta(minutes=1))
    (folder / integrity.STATE_NAME).write_text("not json")
    assert integrity.check_due(folder, now) and integrity.check_required(folder)


def test_the_background_check_is_time_boxed_and_cancellable(
    tmp_path: Path, checks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _vault(tmp_path, checks)
    monkeypatch.setattr(database, "_PROGRESS_STEPS", 1)  # a tiny vault is checked in fewer
    (folder / integrity.OPEN_MARKER).touch()
    db = open_vault(folder, check_integrity=False)
    try:
        assert db.verify_integrity(deadline=time.monotonic() - 1) is False
        assert db.integrity_pending

        def cancel() -> None:
            raise Cancelled()

        with pytest.raises(Cancelled):
            db.verify_integrity(cancel=cancel)
        assert db.integrity_pending
    finally:
        db.close()
    assert (folder / integrity.OPEN_MARKER).exists()


def test_doctor_checks_and_settles_an_owed_check(tmp_path: Path, checks: list[int]) -> None:
    folder = _vault(tmp_path, checks)
    (folder / integrity.OPEN_MARKER).touch()
    report = diagnose(folder)
    assert report["integrity"] == "ok"
    assert checks == []  # its integrity_check reads every page; no quick_check besides
    assert not (folder / integrity.OPEN_MARKER).exists()
    assert not integrity.check_required(folder)
    assert report["permissions"]["files"][integrity.STATE_NAME] == "0600"
