"""Against a real Secret Service: gnome-keyring-daemon, unlocked, inside dbus-run-session.

scripts/test runs this group with TAIWA_REAL_KEYRING=1 in its own D-Bus session with a
throwaway keyring (password ``throwaway-test-password``) and a temporary HOME. Anywhere else
these tests skip: they must never touch a user's real keyring, and they must not silently run
against the in-memory test keyring either (the backend is built explicitly here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from taiwa.vault import errors
from taiwa.vault.keystore import SERVICE, Keystore
from taiwa.vault.service import create_vault, open_vault, rotate_key, unlock_with_recovery
from tests.support.vaults import snapshot, subprocess_env

MASTER_PASSWORD = b"throwaway-test-password"

pytestmark = [
    pytest.mark.real_keyring,
    # keyring's SecretService backend leaves its D-Bus socket open when it raises
    # KeyringLocked (the connection is closed only on the success path).
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.skipif(
        os.environ.get("TAIWA_REAL_KEYRING") != "1",
        reason="needs a throwaway Secret Service: run through scripts/test (TAIWA_REAL_KEYRING=1"
        " inside dbus-run-session with gnome-keyring-daemon)",
    ),
]


@pytest.fixture(autouse=True)
def _collect_leaked_sockets() -> Iterator[None]:
    """Collect those leaked sockets while this module's warning filters still apply; left to
    the end of the session they surface as an unraisable-exception error outside any test."""
    yield
    import gc

    gc.collect()
    gc.collect()


class SecretService:
    """The session's Secret Service: the keyring backend plus collection lock/unlock."""

    def __init__(self) -> None:
        import keyring.backends.SecretService
        import secretstorage

        self.backend = keyring.backends.SecretService.Keyring()
        # Fail loudly (not skip) when TAIWA_REAL_KEYRING=1 but there is no service.
        assert keyring.backends.SecretService.Keyring.priority >= 1
        self.conn = secretstorage.dbus_init()
        self.collection = secretstorage.get_default_collection(self.conn)

    def lock(self) -> None:
        self.collection.lock()
        assert self.collection.is_locked()

    def unlock(self) -> None:
        # Collection.unlock() would show a prompt (no display here): gnome-keyring's own
        # interface unlocks with the master password instead.
        from secretstorage.util import DBusAddressWrapper, format_secret, open_session

        session = open_session(self.conn)
        iface = DBusAddressWrapper(
            "/org/freedesktop/secrets",
            "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
            self.conn,
        )
        iface.call(
            "UnlockWithMasterPassword",
            "o(oayays)",
            self.collection.collection_path,
            format_secret(session, MASTER_PASSWORD, "text/plain"),
        )
        assert not self.collection.is_locked()

    def items(self, vault_id: str) -> list[Any]:
        return list(self.collection.search_items({"service": SERVICE, "username": vault_id}))

    def close(self) -> None:
        if self.collection.is_locked():
            self.unlock()
        self.conn.close()


@pytest.fixture
def service() -> Iterator[SecretService]:
    ss = SecretService()
    try:
        yield ss
    finally:
        ss.close()


def test_create_reopen_lock_and_recover(service: SecretService, tmp_path: Path) -> None:
    store = Keystore(service.backend)
    assert "SecretService" in store.where()
    folder = tmp_path / "vault"
    created = create_vault(folder, keystore=store)
    code = created.recovery_code
    assert code
    db = created.database
    vid = db.header.vault_id  # type: ignore[attr-defined]
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('田中','x','x')")
    db.close()
    assert len(service.items(vid)) == 1

    with open_vault(folder, keystore=store) as again:
        assert again.query_one("SELECT name FROM person")[0] == "田中"

    service.lock()
    before = snapshot(folder)
    with pytest.raises(errors.KeyringLockedError):
        open_vault(folder, keystore=Keystore(service.backend))
    assert snapshot(folder) == before
    service.unlock()

    # The keyring loses the entry: the recovery code opens the vault and puts the key back.
    service.backend.delete_password(SERVICE, vid)
    with pytest.raises(errors.KeyringEntryMissingError):
        open_vault(folder, keystore=store)
    assert snapshot(folder) == before
    unlock_with_recovery(folder, code, keystore=store).close()
    assert len(service.items(vid)) == 1
    with open_vault(folder, keystore=store) as again:
        rotate_key(again, code)
    assert len(service.items(vid)) == 1
    assert service.items(vid + ".pending") == []
    with open_vault(folder, keystore=store) as again:
        assert again.query_one("SELECT name FROM person")[0] == "田中"
    service.backend.delete_password(SERVICE, vid)


def test_cli_through_the_secret_service(service: SecretService, tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, tmp_path / "vault", tmp_path / "unused.json")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
    env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "taiwa", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert run("init").returncode == 0
    result = run("doctor", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["key_store"] == "keyring"
    assert "SecretService" in report["keyring_backend"]
    service.lock()
    before = snapshot(tmp_path / "vault")
    result = run("doctor")
    assert result.returncode == errors.KeyringLockedError.exit_code
    assert result.stderr.splitlines() == [f"taiwa: {errors.KeyringLockedError.message.en}"]
    assert snapshot(tmp_path / "vault") == before
    service.unlock()
    assert run("unlock").returncode == 0
    service.backend.delete_password(SERVICE, report["vault_id"])


def test_no_dbus_session_means_keyring_unavailable(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, tmp_path / "vault", tmp_path / "unused.json")
    env.pop("PYTHON_KEYRING_BACKEND")
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/taiwa-no-bus"
    result = subprocess.run(
        [sys.executable, "-m", "taiwa", "init"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stderr.splitlines() == [f"taiwa: {errors.NoKeyringForNewVaultError.message.en}"]
    assert not (tmp_path / "vault").exists()
