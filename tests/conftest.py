"""Fixtures shared by every tier. Tests never touch the real home folder or the real keyring."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt or platformdirs: a private home for the whole session, headless Qt.
_REAL_HOME = os.path.expanduser("~")
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="taiwa-test-home-"))
for _var, _sub in (
    ("HOME", ""),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
):
    (_SESSION_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_SESSION_HOME / _sub)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TAIWA_LANG", "en")
os.environ.pop("TAIWA_VAULT", None)
os.environ.pop("TAIWA_RECOVERY", None)

import keyring  # noqa: E402
from taiwa.ui.collector import collect_due  # noqa: E402
from taiwa.vault.database import Database  # noqa: E402
from taiwa.vault.keys import RawKey  # noqa: E402
from tests.support.filekeyring import FileKeyring  # noqa: E402
from tests.support.memkeyring import MemoryKeyring  # noqa: E402
from tests.support.vaults import CliVault, subprocess_env  # noqa: E402

REAL_HOME = Path(_REAL_HOME)


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """Every test gets a fresh in-memory keyring unless it runs against the real one."""
    if request.node.get_closest_marker("real_keyring"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """The tests' application object is made with the app's Qt options (the Fusion style)."""
    from taiwa.ui.app import QT_OPTIONS

    return ["taiwa-tests", *QT_OPTIONS]


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (taiwa.ui.collector): the cycle collector never starts on a worker thread,
    where it could destroy a Qt object the GUI thread is using; it runs between tests instead.
    Switched off again before each test, as a CLI test may have switched it back on."""
    gc.disable()
    yield
    collect_due()


@pytest.fixture(autouse=True)
def _private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Preferences go to a per-test folder."""
    monkeypatch.setenv("TAIWA_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def vault_db(tmp_path: Path) -> Iterator[Database]:
    """A Database opened through ``open_vault`` on a fresh vault (in-memory keyring)."""
    from taiwa.vault.service import create_vault, open_vault

    folder = tmp_path / "vault"
    create_vault(folder).database.close()
    database = open_vault(folder)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def cli_vault(tmp_path: Path) -> CliVault:
    """An initialised vault (file-backed keyring) and a runner for ``python -m taiwa``.

    ``.dir`` is the vault folder, ``.env`` the subprocess environment (private HOME and TMPDIR,
    TAIWA_VAULT, the test keyring, TAIWA_LANG=en), ``.run(*args, input=None, env=None)`` runs
    the CLI, ``.recovery_code`` is the vault's recovery code, ``.keyring`` the keyring file.
    """
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import create_vault

    base = tmp_path / "cli"
    folder = base / "vault"
    keyring_file = base / "keyring.json"
    env = subprocess_env(base, folder, keyring_file)
    backend = FileKeyring(keyring_file)
    created = create_vault(folder, keystore=Keystore(backend))
    created.database.close()
    return CliVault(
        dir=folder,
        env=env,
        keyring=backend,
        tmp=Path(env["TMPDIR"]),
        recovery_code=created.recovery_code,
    )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, empty vault database with a random key (no keyring, no header)."""
    folder = tmp_path / "vault"
    folder.mkdir(mode=0o700)
    database = Database.create(folder / "taiwa.db", RawKey.generate())
    try:
        yield database
    finally:
        database.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if anything of Taiwa's appeared under the real home folder."""
    for rel in (".local/share/Taiwa", ".config/Taiwa", "Library/Application Support/Taiwa"):
        leaked = REAL_HOME / rel
        if leaked.exists() and leaked.stat().st_mtime >= _SESSION_START:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
            print(f"\nA test wrote under the real home folder: {leaked}")


import time  # noqa: E402

_SESSION_START = time.time()
