"""Issue 15's file attacks, run through the CLI as a local attacker would stage them."""

from __future__ import annotations

import stat
from pathlib import Path

from taiwa.vault import errors
from tests.support.vaults import CliVault


def vault_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def test_change_recovery_does_not_write_through_a_planted_vault_json_new(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    # Before the fix, vault.json.new was opened with O_CREAT|O_TRUNC and no O_NOFOLLOW: the new
    # header overwrote the attacker's chosen file, and the rename left vault.json a symlink.
    outside = tmp_path / "outside" / "important.txt"
    outside.parent.mkdir()
    outside.write_bytes(b"a file the attacker wants destroyed")
    planted = cli_vault.dir / "vault.json.new"
    planted.symlink_to(outside)

    result = cli_vault.run("change-recovery")
    assert result.returncode == 0, result.stderr

    assert outside.read_bytes() == b"a file the attacker wants destroyed"
    header = cli_vault.dir / "vault.json"
    assert not header.is_symlink()
    assert stat.S_ISREG(header.lstat().st_mode)
    assert stat.S_IMODE(header.lstat().st_mode) == 0o600
    # Never followed: the link is left or, as a stale name of older Taiwa, removed itself.
    assert planted.is_symlink() or not planted.exists()
    assert not [p.name for p in cli_vault.dir.iterdir() if p.name.endswith(".tmp")]
    doctor = cli_vault.run("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr


def test_backup_through_a_symlink_into_the_vault_folder_is_refused(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    before = vault_files(cli_vault.dir)
    link = tmp_path / "innocent-looking-folder"
    link.symlink_to(cli_vault.dir)
    result = cli_vault.run("backup", str(link / "copy.taiwa"))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"taiwa: {errors.BackupInsideVaultError.message.en}"]
    assert vault_files(cli_vault.dir) == before


def test_backup_to_a_link_pointing_into_the_vault_folder_is_refused(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    before = vault_files(cli_vault.dir)
    target = tmp_path / "backup.taiwa"
    target.symlink_to(cli_vault.dir / "copy.taiwa")  # dangling: "does not exist" yet
    result = cli_vault.run("backup", str(target))
    assert result.returncode == 2, result.stderr
    assert vault_files(cli_vault.dir) == before
    assert not (cli_vault.dir / "copy.taiwa").exists()


def test_backup_beside_the_vault_through_a_link_still_works(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    link = tmp_path / "usb-link"
    link.symlink_to(usb)
    result = cli_vault.run("backup", str(link / "copy.taiwa"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in usb.iterdir()] == ["copy.taiwa"]
    assert stat.S_IMODE((usb / "copy.taiwa").stat().st_mode) == 0o600
