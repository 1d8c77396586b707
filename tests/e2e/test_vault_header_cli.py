"""The CLI on tampered headers, empty secrets and backups left under an old secret."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from taiwa.vault import errors
from tests.support.vaults import CliVault, snapshot

PASS = "a long passphrase 対話"


def _passphrase_vault(cli_vault: CliVault, tmp_path: Path) -> Path:
    folder = tmp_path / "pp"
    result = cli_vault.run(
        "--vault", str(folder), "init", "--no-keyring", env={"TAIWA_RECOVERY": PASS}
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_switching_key_store_is_refused_as_tampering_and_changes_nothing(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    folder = _passphrase_vault(cli_vault, tmp_path)
    header = json.loads((folder / "vault.json").read_text())
    header["key_store"] = "keyring"
    (folder / "vault.json").write_text(json.dumps(header))
    before, keys = snapshot(folder), cli_vault.keyring.entries()
    result = cli_vault.run(
        "--vault", str(folder), "unlock", "--recovery", env={"TAIWA_RECOVERY": PASS}
    )
    assert result.returncode == 3, result.stderr
    expected = errors.HeaderTamperedError(field="mac").localized("en")
    assert result.stderr.splitlines() == [f"taiwa: {expected}"]
    assert snapshot(folder) == before
    assert cli_vault.keyring.entries() == keys


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("kdf", "memory_kib"), 4 * 1024 * 1024, "recovery.kdf.memory_kib"),
        (("kdf", "iterations"), 64, "recovery.kdf.iterations"),
        (("salt",), "AAAA", "recovery.salt"),
        (("nonce",), "AAAAAAAA", "recovery.nonce"),
    ],
)
def test_hostile_costs_and_lengths_fail_fast_with_exit_3(
    cli_vault: CliVault, tmp_path: Path, path: tuple[str, ...], value: object, field: str
) -> None:
    folder = _passphrase_vault(cli_vault, tmp_path)
    header = json.loads((folder / "vault.json").read_text())
    node = header["key"]["recovery"]
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = value
    (folder / "vault.json").write_text(json.dumps(header))
    before = snapshot(folder)
    started = time.monotonic()
    result = cli_vault.run(
        "--vault", str(folder), "unlock", "--recovery", env={"TAIWA_RECOVERY": PASS}
    )
    assert time.monotonic() - started < 30  # the process start; never minutes of Argon2
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == [
        f"taiwa: {errors.HeaderTamperedError(field=field).localized('en')}"
    ]
    assert snapshot(folder) == before


def test_an_empty_secret_is_refused_with_a_clear_message(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    empty = f"taiwa: {errors.EmptySecretError.message.en}"
    fresh = tmp_path / "new"
    for args in (("init",), ("init", "--no-keyring")):
        result = cli_vault.run("--vault", str(fresh), *args, env={"TAIWA_RECOVERY": ""})
        assert (result.returncode, result.stderr.splitlines()) == (2, [empty])
        assert not fresh.exists()
    before = snapshot(cli_vault.dir)
    result = cli_vault.run("unlock", "--recovery", env={"TAIWA_RECOVERY": ""})
    assert (result.returncode, result.stderr.splitlines()) == (2, [empty])
    result = cli_vault.run("change-recovery", "--passphrase", env={"TAIWA_NEW_RECOVERY": "  "})
    assert (result.returncode, result.stderr.splitlines()) == (2, [empty])
    backup = tmp_path / "b.taiwa"
    assert cli_vault.run("backup", str(backup)).returncode == 0
    after_backup = snapshot(cli_vault.dir)
    result = cli_vault.run(
        "restore", str(backup), "--vault", str(fresh), env={"TAIWA_RECOVERY": ""}
    )
    assert (result.returncode, result.stderr.splitlines()) == (2, [empty])
    assert not fresh.exists()
    assert snapshot(cli_vault.dir) == after_backup
    assert set(before) <= set(after_backup)


def test_rotation_and_new_secret_name_the_backups_that_still_open_with_the_old_one(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    assert cli_vault.recovery_code
    backup = tmp_path / "outside.taiwa"
    assert cli_vault.run("backup", str(backup)).returncode == 0
    result = cli_vault.run("rotate-key", env={"TAIWA_RECOVERY": cli_vault.recovery_code})
    assert result.returncode == 0, result.stderr
    assert "still open with it" in result.stdout
    assert str(backup) in result.stdout
    result = cli_vault.run("change-recovery")
    assert result.returncode == 0, result.stderr
    assert "still open with the old recovery secret" in result.stdout
    assert str(backup) in result.stdout
    # The old code really does still open it (the user was told the truth).
    result = cli_vault.run(
        "restore",
        str(backup),
        "--vault",
        str(tmp_path / "r"),
        env={"TAIWA_RECOVERY": cli_vault.recovery_code},
    )
    assert result.returncode == 0, result.stderr
    backup.unlink()
    result = cli_vault.run("change-recovery")
    assert str(backup) not in result.stdout
