"""Restore is all or nothing: a kill midway leaves no half vault, and the next run cleans up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.vaults import CliVault, add_notes

# Dies (SIGKILL) at a point of the restore: after the export, after the unfinished vault's
# header, after its keyring entry; in each case nothing has been renamed into place yet.
CHILD = """
import os, signal, sys
from pathlib import Path
from taiwa.vault import service
real = service.write_header
def die_after(folder, header):
    real(folder, header)
    if os.environ.get("DIE_AT") == "header":
        os.kill(os.getpid(), signal.SIGKILL)
service.write_header = die_after
real_export = service._export_backup
def die_in_export(*args):
    real_export(*args)
    if os.environ.get("DIE_AT") == "export":
        os.kill(os.getpid(), signal.SIGKILL)
service._export_backup = die_in_export
real_set = service.Keystore.set
def die_after_set(self, *args, **kwargs):
    real_set(self, *args, **kwargs)
    if os.environ.get("DIE_AT") == "keyring":
        os.kill(os.getpid(), signal.SIGKILL)
service.Keystore.set = die_after_set
service.restore_vault(Path(sys.argv[1]), Path(sys.argv[2]), os.environ["TAIWA_RECOVERY"])
"""


@pytest.mark.parametrize("point", ["export", "header", "keyring"])
def test_a_killed_restore_leaves_no_vault_and_the_next_run_cleans_up(
    cli_vault: CliVault, tmp_path: Path, point: str
) -> None:
    assert cli_vault.recovery_code
    add_notes(cli_vault, ["restored note"] * 20)
    backup = tmp_path / "b.taiwa"
    assert cli_vault.run("backup", str(backup)).returncode == 0
    target = tmp_path / "restored"
    env = {**cli_vault.env, "TAIWA_RECOVERY": cli_vault.recovery_code, "DIE_AT": point}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(backup), str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -9, child.stderr
    assert not target.exists()
    leftovers = list(tmp_path.glob(".restored.taiwa-restore-*"))
    assert len(leftovers) == 1
    entries_before = set(cli_vault.keyring.entries())

    done = cli_vault.run(
        "restore",
        str(backup),
        "--vault",
        str(target),
        env={"TAIWA_RECOVERY": cli_vault.recovery_code},
    )
    assert done.returncode == 0, done.stderr
    assert "interrupted restore" in done.stdout
    assert str(leftovers[0]) in done.stdout
    assert not leftovers[0].exists()
    assert (target / "vault.json").exists()
    # One new entry (the restored vault's key), none left from the killed run.
    assert len(set(cli_vault.keyring.entries()) - entries_before) == 1
    shown = cli_vault.run(
        "doctor", "--vault", str(target), env={"TAIWA_RECOVERY": cli_vault.recovery_code}
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
