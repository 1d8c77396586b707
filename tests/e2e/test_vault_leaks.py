"""Proof that no note text reaches the disk in plaintext.

Unique sentinels are planted in shared and private notes; every file under the test's folder
(vault, TMPDIR, HOME with config and keyring, backups) and every file the process holds open —
including temp files SQLite unlinks right after creating them, read through /proc/PID/fd — is
scanned for the sentinel in UTF-8 and UTF-16: while the vault is open, after it is closed, and
after a SIGKILL mid-write. A control run with ``temp_store=FILE`` must find the sentinel.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.vaults import CliVault, encodings, files_containing, open_cli_vault

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to see unlinked temp files"
)


def _sentinel() -> str:
    return f"機密SENTINEL-{secrets.token_hex(8)}"


def _open_files_containing(pid: int, sentinel: str) -> list[str]:
    """Files held open by ``pid`` (deleted ones too) whose content holds the sentinel."""
    needles = encodings(sentinel)
    found = []
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
            if not target.startswith("/"):
                continue  # pipes, sockets, anon inodes
            with open(fd, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if any(n in data for n in needles):
            found.append(target)
    return found


def _start_holder(v: CliVault, sentinel: str, *, control: bool) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.support.leak_child", sentinel]
    if control:
        args.append("--temp-file")
    child = subprocess.Popen(
        args, env=v.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def _finish(child: subprocess.Popen[str]) -> None:
    out, _ = child.communicate("\n", timeout=60)
    assert out.strip() == "closed"


def test_nothing_leaks_while_open_after_close_and_in_backups(cli_vault: CliVault) -> None:
    sentinel = _sentinel()
    base = cli_vault.dir.parent
    child = _start_holder(cli_vault, sentinel, control=False)
    try:
        assert _open_files_containing(child.pid, sentinel) == []
        assert files_containing(base, sentinel) == []
    finally:
        _finish(child)
    assert files_containing(base, sentinel) == []
    # The commands a user runs on it write nothing readable either.
    assert cli_vault.run("backup", str(base / "backup.taiwa")).returncode == 0
    assert cli_vault.run("doctor").returncode == 0
    assert (base / "backup.taiwa").stat().st_size > 0
    assert files_containing(base, sentinel) == []
    # The sentinel really is in the vault (the scan looked for something that exists).
    db = open_cli_vault(cli_vault)
    try:
        hits = db.query(
            "SELECT count(*) FROM meeting WHERE private_notes LIKE ?", (f"{sentinel}%",)
        )
        assert hits[0][0] == 400
    finally:
        db.close()


def test_control_run_with_temp_files_finds_the_sentinel(cli_vault: CliVault) -> None:
    """temp_store=FILE writes SQLite's temp files unencrypted: the scan must catch that."""
    sentinel = _sentinel()
    child = _start_holder(cli_vault, sentinel, control=True)
    try:
        found = _open_files_containing(child.pid, sentinel)
    finally:
        _finish(child)
    assert found, "the control run wrote no temp file with the sentinel: the scan is blind"
    assert all(target.startswith(str(cli_vault.tmp)) for target in found)


def test_sigkill_mid_write_leaks_nothing_and_keeps_committed_notes(cli_vault: CliVault) -> None:
    sentinel = _sentinel()
    base = cli_vault.dir.parent
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_child", "write", sentinel],
        env=cli_vault.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    committed = 0
    try:
        while committed < 25:
            line = child.stdout.readline()
            assert line.startswith("committed "), line
            committed = int(line.split()[1])
        assert _open_files_containing(child.pid, sentinel) == []
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert files_containing(base, sentinel) == []
    db = open_cli_vault(cli_vault)
    try:
        rows = db.query("SELECT private_notes FROM meeting ORDER BY id")
        notes = [r[0] for r in rows]
    finally:
        db.close()
    # Every commit the writer reported is there, intact.
    assert len(notes) >= committed
    assert notes[:committed] == [f"{sentinel} private {n}" for n in range(1, committed + 1)]
    assert files_containing(base, sentinel) == []
