"""A full disk, for real: the vault (or the backup target) on a tiny tmpfs.

The CLI says the disk is full in one line, exits non-zero, and the vault's files are exactly as
they were; once there is space again the same command works. Mounting needs root (CI and the
development container run as root); elsewhere these tests skip with a reason. The in-process
variant with a tiny ``max_page_count`` is in tests/unit/vault/test_service.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from taiwa.vault import errors
from tests.support.vaults import CliVault, snapshot


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs mounted for this test."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tiny tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` up to ``leave`` free bytes."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
    return filler


def test_disk_full_while_saving_a_note(cli_vault: CliVault, tiny_fs: Path) -> None:
    vault = tiny_fs / "vault"
    shutil.copytree(cli_vault.dir, vault)
    env = {"TAIWA_VAULT": str(vault)}
    assert cli_vault.run("person", "add", "Tanaka", env=env).returncode == 0
    filler = _fill(tiny_fs, 48 * 1024)
    before, keys = snapshot(vault), cli_vault.keyring.entries()
    note = "x" * 90_000
    result = cli_vault.run("meeting", "add", "Tanaka", "--shared", note, env=env)
    assert result.returncode == errors.DiskFullError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.DiskFullError.message.en}"]
    assert snapshot(vault) == before
    assert cli_vault.keyring.entries() == keys
    # Space again: the same command works and the vault is healthy.
    filler.unlink()
    assert cli_vault.run("meeting", "add", "Tanaka", "--shared", note, env=env).returncode == 0
    assert cli_vault.run("doctor", env=env).returncode == 0


def test_disk_full_while_writing_a_backup(cli_vault: CliVault, tiny_fs: Path) -> None:
    _fill(tiny_fs, 16 * 1024)
    before, keys = snapshot(cli_vault.dir), cli_vault.keyring.entries()
    result = cli_vault.run("backup", str(tiny_fs / "backup.taiwa"))
    assert result.returncode == errors.DiskFullError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.DiskFullError.message.en}"]
    assert sorted(p.name for p in tiny_fs.iterdir()) == ["filler"]  # no partial file left
    assert snapshot(cli_vault.dir) == before
    assert cli_vault.keyring.entries() == keys
