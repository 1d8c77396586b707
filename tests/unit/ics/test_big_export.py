"""A busy manager's five-year export imports within the issue's memory budget, with progress.

The 60 000-event Outlook export (85 MB, Japanese titles, so its text takes two bytes a
character) is read by the CLI in a child process whose peak resident size is measured
(tests/support/limits.py); the progress a GUI shows is checked in-process on a smaller one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.ics import service
from taiwa.store import Store
from taiwa.vault.database import Database
from tests.support import outlook_ics
from tests.support.filekeyring import FileKeyring
from tests.support.limits import run_limited
from tests.support.vaults import CliVault, open_cli_vault, subprocess_env

#: Peak resident size of the whole CLI import of the 60 000-event export (issue 16).
BIG_EXPORT_PEAK_MB = 300.0


def _cli_vault(base: Path) -> CliVault:
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import create_vault

    folder = base / "vault"
    keyring_file = base / "keyring.json"
    env = subprocess_env(base, folder, keyring_file)
    backend = FileKeyring(keyring_file)
    create_vault(folder, keystore=Keystore(backend)).database.close()
    vault = CliVault(dir=folder, env=env, keyring=backend, tmp=Path(env["TMPDIR"]))
    db = open_cli_vault(vault)
    try:
        for name, email in outlook_ics.reports():
            Store(db).people.add(name, emails=[email])
    finally:
        db.close()
    return vault


@pytest.mark.slow
def test_a_60000_event_export_imports_within_300_mb(tmp_path: Path) -> None:
    export = outlook_ics.generate(tmp_path / "outlook.ics", events=60_000)
    vault = _cli_vault(tmp_path / "cli")
    run = run_limited(
        ["import-ics", str(export.path), "--from", "2025-06-01", "--to", "2026-08-31",
         "--owner", outlook_ics.MANAGER, "--dry-run"],
        vault.env,
        timeout=120,  # the time budget is test_limits.py's; this test is about memory
        cpu=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Dry run" in run.stdout
    assert run.peak_rss_mb <= BIG_EXPORT_PEAK_MB, f"peak RSS {run.peak_rss_mb:.0f} MB"


@pytest.mark.slow  # about 10 s: the generator writes five years of 1on1 series at least
def test_the_plan_of_a_big_export_reports_progress(db: Database, tmp_path: Path) -> None:
    export = outlook_ics.generate(tmp_path / "outlook.ics", events=4_000)
    for name, email in outlook_ics.reports():
        Store(db).people.add(name, emails=[email])
    steps: list[tuple[int, int]] = []
    window = service.Window(datetime(2025, 6, 1, tzinfo=UTC), datetime(2026, 8, 31, tzinfo=UTC))
    plan = service.plan_import(
        db,
        [export.path],
        window=window,
        owner=outlook_ics.MANAGER,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert plan.items and not plan.problems
    done = [d for d, _ in steps]
    assert len(steps) > 20, "progress comes per series, not only per file"
    assert done == sorted(done) and steps[-1][0] == steps[-1][1]
