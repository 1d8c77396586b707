"""The vault commands as a user runs them: init, unlock, doctor, backup, restore."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from taiwa.vault import errors
from tests.support.vaults import (
    CliVault,
    add_notes,
    files_containing,
    open_cli_vault,
    snapshot,
    subprocess_env,
)


def test_doctor_reports_a_fresh_vault_healthy(cli_vault: CliVault) -> None:
    result = cli_vault.run("doctor", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["healthy"] is True
    assert report["cipher_version"].startswith("4.")
    assert report["integrity"] == "ok"
    assert report["key_store"] == "keyring"
    assert report["permissions"] == {
        "folder": "0700",
        # integrity.json: the record of the check doctor just ran (vault/integrity.py).
        "files": {
            "integrity.json": "0600",
            "taiwa.db": "0600",
            "taiwa.lock": "0600",
            "vault.json": "0600",
        },
        "ok": True,
    }
    assert report["process"]["dumpable"] is False


def test_init_on_an_existing_vault_changes_nothing(cli_vault: CliVault) -> None:
    before, keys = snapshot(cli_vault.dir), cli_vault.keyring.entries()
    result = cli_vault.run("init")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"taiwa: A vault already exists at {cli_vault.dir}; it was left untouched."
    ]
    assert snapshot(cli_vault.dir) == before
    assert cli_vault.keyring.entries() == keys


CODE_RE = re.compile(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b")


def test_init_prints_the_recovery_code_once_and_it_recovers_the_vault(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    folder = tmp_path / "fresh"
    result = cli_vault.run("--vault", str(folder), "init")
    assert result.returncode == 0, result.stderr
    codes = CODE_RE.findall(result.stdout)
    assert len(codes) == 1
    assert f"Created a vault at {folder}." in result.stdout
    assert result.stderr == ""
    code = codes[0]
    # The code is nowhere on disk (not in the header, not in the keyring file, not in HOME).
    assert files_containing(cli_vault.dir.parent, code) == []
    assert files_containing(folder, code.replace("-", "")) == []
    # Keyring emptied: the vault says so, the code opens it and puts the key back.
    cli_vault.keyring.save({"secrets": {}, "state": "ok"})
    assert cli_vault.run("--vault", str(folder), "doctor").returncode != 0
    result = cli_vault.run(
        "--vault", str(folder), "unlock", "--recovery", env={"TAIWA_RECOVERY": code}
    )
    assert result.returncode == 0, result.stderr
    assert "the key is back in the system keyring" in result.stdout
    assert len(cli_vault.keyring.entries()) == 1
    assert cli_vault.run("--vault", str(folder), "unlock").returncode == 0


def test_passphrase_only_mode(cli_vault: CliVault, tmp_path: Path) -> None:
    folder = tmp_path / "pp"
    keys = cli_vault.keyring.entries()
    env = {"TAIWA_RECOVERY": "a long passphrase 対話"}
    result = cli_vault.run("--vault", str(folder), "init", "--no-keyring", env=env)
    assert result.returncode == 0, result.stderr
    assert CODE_RE.findall(result.stdout) == []
    assert "Passphrase-only mode" in result.stdout
    assert cli_vault.keyring.entries() == keys
    # Without the passphrase (and no terminal to ask on) it says what it needs.
    result = cli_vault.run("--vault", str(folder), "doctor")
    assert result.stderr.splitlines() == [f"taiwa: {errors.RecoveryRequiredError.message.en}"]
    result = cli_vault.run("--vault", str(folder), "doctor", "--json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["key_store"] == "passphrase"
    assert report["keyring_backend"] is None
    result = cli_vault.run("--vault", str(folder), "init", "--no-keyring", env=env)
    assert result.returncode == errors.VaultExistsError.exit_code


def test_backup_and_restore_on_another_machine(cli_vault: CliVault, tmp_path: Path) -> None:
    assert cli_vault.recovery_code
    add_notes(cli_vault, ["1on1 キャリアの相談"], private="private note")
    backup = tmp_path / "usb" / "taiwa.backup"
    backup.parent.mkdir()
    result = cli_vault.run("backup", str(backup))
    assert result.returncode == 0, result.stderr
    assert str(backup) in result.stdout
    again = cli_vault.run("backup", str(backup))
    assert again.returncode != 0
    assert again.stderr.splitlines() == [
        "taiwa: " + errors.BackupTargetExistsError.message.en.format(path=backup)
    ]
    assert files_containing(backup.parent, "キャリア") == []

    # Another machine: nothing in its keyring, only the backup and the recovery code.
    other = tmp_path / "other"
    env = subprocess_env(other, other / "vault", other / "keyring.json")
    restored = other / "restored"
    wrong = subprocess.run(
        [sys.executable, "-m", "taiwa", "restore", str(backup), "--vault", str(restored)],
        env={**env, "TAIWA_RECOVERY": "0000-0000-0000-0000-0000-0000-0000-0000"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode != 0
    assert wrong.stderr.splitlines() == [f"taiwa: {errors.BackupUnreadableError.message.en}"]
    assert not restored.exists()
    ok = subprocess.run(
        [sys.executable, "-m", "taiwa", "restore", str(backup), "--vault", str(restored)],
        env={**env, "TAIWA_RECOVERY": cli_vault.recovery_code},
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    doctor = subprocess.run(
        [sys.executable, "-m", "taiwa", "--vault", str(restored), "doctor", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert doctor.returncode == 0, doctor.stderr
    assert json.loads(doctor.stdout)["integrity"] == "ok"


def test_change_recovery_then_rotate_key(cli_vault: CliVault) -> None:
    add_notes(cli_vault, ["kept across rotation"])
    result = cli_vault.run("change-recovery")
    assert result.returncode == 0, result.stderr
    (new_code,) = CODE_RE.findall(result.stdout)
    old = cli_vault.recovery_code
    assert old
    wrong = cli_vault.run("rotate-key", env={"TAIWA_RECOVERY": old})
    assert wrong.stderr.splitlines() == [f"taiwa: {errors.WrongRecoverySecretError.message.en}"]
    before = cli_vault.keyring.entries()
    result = cli_vault.run("rotate-key", env={"TAIWA_RECOVERY": new_code})
    assert result.returncode == 0, result.stderr
    assert cli_vault.keyring.entries() != before
    assert not any(k.endswith(".pending") for k in cli_vault.keyring.entries())
    result = cli_vault.run(
        "change-recovery", "--passphrase", env={"TAIWA_NEW_RECOVERY": "my new long passphrase"}
    )
    assert result.returncode == 0, result.stderr
    assert CODE_RE.findall(result.stdout) == []
    db = open_cli_vault(cli_vault)
    try:
        assert db.query_one("SELECT shared_notes FROM meeting")[0] == "kept across rotation"
    finally:
        db.close()
    cli_vault.keyring.save({"secrets": {}, "state": "ok"})
    result = cli_vault.run("unlock", "--recovery", env={"TAIWA_RECOVERY": "my new long passphrase"})
    assert result.returncode == 0, result.stderr


def test_doctor_flags_loose_permissions(cli_vault: CliVault) -> None:
    os.chmod(cli_vault.dir, 0o755)
    try:
        result = cli_vault.run("doctor", "--json")
    finally:
        os.chmod(cli_vault.dir, 0o700)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["healthy"] is False
    assert report["problems"] == ["permissions"]
    assert report["permissions"]["folder"] == "0755"


def test_messages_in_japanese(cli_vault: CliVault, tmp_path: Path) -> None:
    result = cli_vault.run("--vault", str(tmp_path / "ja"), "init", env={"TAIWA_LANG": "ja"})
    assert result.returncode == 0
    assert "保管庫を作成しました" in result.stdout
    assert "リカバリーコード" in result.stdout
    result = cli_vault.run("doctor", env={"TAIWA_LANG": "ja"})
    assert "保管庫は正常です。" in result.stdout


def test_a_secret_is_never_taken_from_an_argument(cli_vault: CliVault) -> None:
    assert cli_vault.recovery_code
    result = cli_vault.run("unlock", "--recovery", cli_vault.recovery_code)
    assert result.returncode == 2  # argparse refuses it: there is no such argument
    assert cli_vault.keyring.entries()  # and nothing happened to the vault's key


def test_init_without_a_keyring_points_to_passphrase_mode(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    folder = tmp_path / "nokeyring"
    result = cli_vault.run(
        "--vault",
        str(folder),
        "init",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert result.returncode == errors.NoKeyringForNewVaultError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.NoKeyringForNewVaultError.message.en}"]
    assert not folder.exists()


def test_taiwa_recovery_opens_the_vault_when_the_keyring_fails(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    assert cli_vault.recovery_code
    cli_vault.keyring.set_state("locked")
    before = cli_vault.keyring.load()
    env = {"TAIWA_RECOVERY": cli_vault.recovery_code}
    result = cli_vault.run("backup", str(tmp_path / "b.taiwa"), env=env)
    assert result.returncode == 0, result.stderr
    # doctor checks the vault with the secret but reports the keyring as a problem.
    result = cli_vault.run("doctor", "--json", env=env)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["integrity"] == "ok"
    assert report["problems"] == ["keyring_locked"]
    assert cli_vault.keyring.load() == before
