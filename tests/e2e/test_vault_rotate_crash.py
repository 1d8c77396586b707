"""Rotating the database key survives a SIGKILL at any point.

A child process rotates the key and kills itself (SIGKILL) at one point of the sequence; the
vault must then open with the old or the new key, hold all its notes, and settle the rotation.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from taiwa.vault.service import open_vault
from tests.support.crash_child import ROTATE_POINTS
from tests.support.vaults import CliVault, add_notes, open_cli_vault

# Where the old key must survive, where the new one must win; the rest may end either way.
OLD = {"after_pending_keyring", "after_pending_header"}
NEW = {
    "after_rekey",
    "after_keyring_swap",
    "after_pending_removed",
    "after_final_header",
    "none",
}


def _main_entry(v: CliVault) -> str:
    vault_id = json.loads((v.dir / "vault.json").read_text())["vault_id"]
    return v.keyring.entries()["Taiwa\0" + vault_id]


@pytest.mark.parametrize("point", ROTATE_POINTS)
def test_a_kill_during_rotation_leaves_a_vault_that_opens(cli_vault: CliVault, point: str) -> None:
    assert cli_vault.recovery_code
    add_notes(cli_vault, [f"note {i} " + "多" * 200 for i in range(300)])
    old_key = _main_entry(cli_vault)
    child = subprocess.run(
        [sys.executable, "-m", "tests.support.crash_child", "rotate", point],
        env={**cli_vault.env, "TAIWA_RECOVERY": cli_vault.recovery_code},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if point == "none":
        assert child.returncode == 0, child.stderr
    else:
        assert child.returncode == -9, child.stdout + child.stderr  # really killed
    if point == "during_rekey":
        # Killed inside the re-key transaction: SQLite's hot journal is still there. (The
        # "late" point races the commit's end, so there it may or may not be.)
        assert (cli_vault.dir / "taiwa.db-journal").exists()

    # The keyring path opens it (finishing or undoing the rotation) ...
    db = open_cli_vault(cli_vault)
    try:
        assert db.query_one("SELECT count(*) FROM meeting")[0] == 300
        assert db.header.pending is None
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"
    finally:
        db.close()
    new_key = _main_entry(cli_vault)
    if point in OLD:
        assert new_key == old_key
    if point in NEW:
        assert new_key != old_key
    assert not any(k.endswith(".pending") for k in cli_vault.keyring.entries())

    # ... and so does the recovery code, alone.
    with open_vault(cli_vault.dir, recovery_secret=cli_vault.recovery_code, keystore=None) as db:
        assert db.query_one("SELECT count(*) FROM meeting")[0] == 300
