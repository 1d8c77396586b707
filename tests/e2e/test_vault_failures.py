"""Every failure of the vault, as a user meets it on the command line.

Each case: one translated line on stderr (no traceback, no note text), a non-zero exit, every
file of the vault byte-for-byte unchanged, and no new key in the keyring.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from taiwa.vault import errors
from taiwa.vault.database import PAGE_SIZE
from tests.support.vaults import CliVault, add_notes, snapshot

SENTINEL = "SENTINEL-FAILURE-7f3a"


def _db(v: CliVault) -> Path:
    return v.dir / "taiwa.db"


def _fill(v: CliVault) -> None:
    """Some notes in the vault, so later pages are real data pages."""
    add_notes(v, [f"{SENTINEL} " + "n" * 1500 for _ in range(40)])


def _flip(v: CliVault, offset: int) -> None:
    path = _db(v)
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(v: CliVault, size: int) -> None:
    with _db(v).open("r+b") as handle:
        handle.truncate(size)


def _set_entry(v: CliVault, value: str | None) -> None:
    data = v.keyring.load()
    user = "Taiwa\0" + json.loads((v.dir / "vault.json").read_text())["vault_id"]
    if value is None:
        data["secrets"].pop(user)
    else:
        data["secrets"][user] = value
    v.keyring.save(data)


def _plaintext(v: CliVault) -> None:
    path = _db(v)
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('hello')")
    conn.commit()
    conn.close()


def _not_writable(v: CliVault) -> None:
    os.chmod(v.dir, 0o500)


@dataclass
class Case:
    setup: Callable[[CliVault], None]
    error: type[errors.VaultError]
    args: tuple[str, ...] = ("doctor",)
    env: dict[str, str | None] | None = None
    params: dict[str, str] | None = None


CASES: dict[str, Case] = {
    "keyring unavailable: no backend": Case(
        lambda v: None,
        errors.KeyringUnavailableError,
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    ),
    "keyring unavailable: no D-Bus": Case(
        lambda v: None,
        errors.KeyringUnavailableError,
        env={
            "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/taiwa-test-bus",
        },
    ),
    "keyring unavailable: no D-Bus, backend auto-detected": Case(
        lambda v: None,
        errors.KeyringUnavailableError,
        env={
            "PYTHON_KEYRING_BACKEND": None,
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/taiwa-test-bus",
        },
    ),
    "keyring unavailable: backend reports it": Case(
        lambda v: v.keyring.set_state("unavailable"), errors.KeyringUnavailableError
    ),
    "keyring locked": Case(lambda v: v.keyring.set_state("locked"), errors.KeyringLockedError),
    "keyring entry missing": Case(lambda v: _set_entry(v, None), errors.KeyringEntryMissingError),
    "wrong key (entry replaced)": Case(
        lambda v: _set_entry(v, secrets.token_hex(32)), errors.WrongKeyError
    ),
    "wrong key (entry not a key)": Case(lambda v: _set_entry(v, "hunter2"), errors.WrongKeyError),
    "wrong recovery secret": Case(
        lambda v: None,
        errors.WrongRecoverySecretError,
        args=("unlock", "--recovery"),
        env={"TAIWA_RECOVERY": "0000-0000-0000-0000-0000-0000-0000-0000"},
    ),
    "right recovery secret, keyring locked": Case(
        lambda v: v.keyring.set_state("locked"),
        errors.KeyNotPutBackError,
        args=("unlock", "--recovery"),
    ),
    "recovery secret needed but none given": Case(
        lambda v: None, errors.RecoveryRequiredError, args=("unlock", "--recovery")
    ),
    "0-byte database": Case(lambda v: _truncate(v, 0), errors.DatabaseEmptyError),
    "truncated database: half": Case(
        lambda v: (_fill(v), _truncate(v, _db(v).stat().st_size // 2)),
        errors.DatabaseCorruptError,
    ),
    "truncated database: half, not page-aligned": Case(
        lambda v: (_fill(v), _truncate(v, _db(v).stat().st_size // 2 + 100)),
        errors.DatabaseCorruptError,
    ),
    "truncated database: exactly one page": Case(
        lambda v: _truncate(v, PAGE_SIZE), errors.DatabaseCorruptError
    ),
    "bit flip in page 1": Case(lambda v: _flip(v, 200), errors.DatabaseCorruptError),
    "bit flip in a later page": Case(
        lambda v: (_fill(v), _flip(v, _db(v).stat().st_size - PAGE_SIZE + 300)),
        errors.DatabaseCorruptError,
    ),
    "random garbage": Case(
        lambda v: _db(v).write_bytes(os.urandom(_db(v).stat().st_size)),
        errors.DatabaseCorruptError,
    ),
    "a plaintext SQLite file in its place": Case(_plaintext, errors.NotEncryptedError),
    "database file missing": Case(lambda v: _db(v).unlink(), errors.DatabaseMissingError),
    "header damaged": Case(
        lambda v: (v.dir / "vault.json").write_text("{not json"), errors.HeaderCorruptError
    ),
    "vault folder not writable": Case(_not_writable, errors.VaultNotWritableError),
    "init on an existing vault": Case(lambda v: None, errors.VaultExistsError, args=("init",)),
    "backup without a vault": Case(
        lambda v: None,
        errors.VaultNotFoundError,
        args=("--vault", "/nonexistent/taiwa-vault", "backup", "/tmp/x.tvb"),
        params={"path": "/nonexistent/taiwa-vault"},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_failure_is_one_clear_line_and_changes_nothing(cli_vault: CliVault, name: str) -> None:
    case = CASES[name]
    case.setup(cli_vault)
    env: dict[str, str | None] = dict(case.env or {})
    if case.error is errors.KeyNotPutBackError:
        assert cli_vault.recovery_code
        env["TAIWA_RECOVERY"] = cli_vault.recovery_code
    before, keys = snapshot(cli_vault.dir), cli_vault.keyring.entries()
    try:
        result = cli_vault.run(*case.args, env=env)
        after, keys_after = snapshot(cli_vault.dir), cli_vault.keyring.entries()
    finally:
        os.chmod(cli_vault.dir, 0o700)
    params = case.params or {"path": str(cli_vault.dir)}
    expected = (
        case.error.message.en.format(**params)
        if "{" in case.error.message.en
        else (case.error.message.en)
    )
    assert result.returncode == case.error.exit_code != 0
    assert result.stderr.splitlines() == [f"taiwa: {expected}"]
    assert SENTINEL not in result.stderr + result.stdout
    assert after == before, "a file of the vault changed"
    assert keys_after == keys, "the keyring changed (a new key was made?)"


def test_failure_message_is_japanese_with_taiwa_lang_ja(cli_vault: CliVault) -> None:
    cli_vault.keyring.set_state("locked")
    result = cli_vault.run("doctor", env={"TAIWA_LANG": "ja"})
    assert result.returncode == errors.KeyringLockedError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.KeyringLockedError.message.ja}"]


def test_doctor_json_names_the_failure(cli_vault: CliVault) -> None:
    _truncate(cli_vault, 0)
    result = cli_vault.run("doctor", "--json")
    assert result.returncode != 0
    report = json.loads(result.stdout)
    assert report["healthy"] is False
    assert report["error"]["code"] == "database_empty"


def test_second_instance_while_the_first_writes(cli_vault: CliVault) -> None:
    """A writer holds the vault mid-transaction; a second instance is refused, harmlessly."""
    code = (
        "import os, sys\nfrom pathlib import Path\n"
        "from taiwa.vault.service import open_vault\n"
        "db = open_vault(Path(os.environ['TAIWA_VAULT']))\n"
        "with db.transaction() as c:\n"
        "    c.execute(\"INSERT INTO person(name, created_at, updated_at) VALUES ('W','x','x')\")\n"
        "    print('writing', flush=True)\n"
        "    sys.stdin.readline()\n"
        "db.close()\nprint('closed', flush=True)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code],
        env=cli_vault.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline().strip() == "writing"
        before, keys = snapshot(cli_vault.dir), cli_vault.keyring.entries()
        result = cli_vault.run("doctor")
        assert result.returncode == errors.VaultInUseError.exit_code
        assert result.stderr.splitlines() == [f"taiwa: {errors.VaultInUseError.message.en}"]
        assert snapshot(cli_vault.dir) == before
        assert cli_vault.keyring.entries() == keys
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "closed"
    finally:
        writer.kill()
        writer.communicate(timeout=30)
    # The first instance's write is intact and the vault is healthy.
    result = cli_vault.run("doctor", "--json")
    assert result.returncode == 0, result.stderr
    probe = (
        "import os\nfrom pathlib import Path\nfrom taiwa.vault.service import open_vault\n"
        "db = open_vault(Path(os.environ['TAIWA_VAULT']))\n"
        "print(db.query_one('SELECT name FROM person')[0]); db.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], env=cli_vault.env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "W"


def test_init_in_a_folder_that_cannot_be_written(cli_vault: CliVault, tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    os.chmod(parent, 0o500)
    keys = cli_vault.keyring.entries()
    try:
        result = cli_vault.run("--vault", str(parent / "vault"), "init")
    finally:
        os.chmod(parent, 0o700)
    assert result.returncode == errors.VaultNotWritableError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.VaultNotWritableError.message.en}"]
    assert list(parent.iterdir()) == []
    assert cli_vault.keyring.entries() == keys


def test_init_with_too_short_passphrase_creates_nothing(
    cli_vault: CliVault, tmp_path: Path
) -> None:
    target = tmp_path / "new-vault"
    keys = cli_vault.keyring.entries()
    result = cli_vault.run("--vault", str(target), "init", env={"TAIWA_RECOVERY": "short"})
    assert result.returncode == errors.PassphraseTooShortError.exit_code
    assert result.stderr.splitlines() == [
        "taiwa: " + errors.PassphraseTooShortError.message.en.format(minimum=12)
    ]
    assert not target.exists()
    assert cli_vault.keyring.entries() == keys
