"""The vault commands as a user runs them: init, unlock, doctor, backup, restore."""

from __future__ import annotations

import json

from tests.support.vaults import CliVault, snapshot


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
        "files": {"taiwa.db": "0600", "taiwa.lock": "0600", "vault.json": "0600"},
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
