"""The keyring backend is chosen per platform, without keyring's probe that spawns subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import keyring.core
import pytest

from taiwa.vault import keyring_choice
from taiwa.vault.keystore import Keystore
from tests.support.vaults import subprocess_env

# Resolves the keyring the way Taiwa does, with an audit hook recording every process spawn.
_PROBE = """
import json, sys
spawns = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.fork", "os.forkpty",
                 "os.system", "os.spawn", "os.startfile"):
        spawns.append(event + " " + str(args[0])[:80])
sys.addaudithook(hook)
from taiwa.vault.keystore import Keystore
store = Keystore()
available = store.available()
print(json.dumps({"spawns": spawns, "available": available}))
"""


def test_resolving_the_keyring_spawns_no_subprocess(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, tmp_path / "vault", tmp_path / "keyring.json")
    # keyring's own choice: no backend named, no D-Bus session (never a real keyring here).
    del env["PYTHON_KEYRING_BACKEND"]
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["spawns"] == []
    assert report["available"] is False  # no Secret Service here: "no keyring", not a crash


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No backend installed yet, no PYTHON_KEYRING_BACKEND, an empty keyring config folder."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return tmp_path / "python_keyring"


@pytest.mark.usefixtures("nothing_installed")
def test_python_keyring_backend_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    backend = keyring_choice.chosen_backend()
    assert isinstance(backend, keyring.backends.null.Keyring)
    assert keyring.core.get_keyring() is backend  # installed for the rest of the process
    assert not Keystore().available()  # and still refused as "no keyring"


def test_a_keyringrc_is_honoured(nothing_installed: Path) -> None:
    nothing_installed.mkdir()
    (nothing_installed / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring = keyring.backends.null.Keyring\n", encoding="utf-8"
    )
    assert isinstance(keyring_choice.chosen_backend(), keyring.backends.null.Keyring)


@pytest.mark.usefixtures("nothing_installed")
def test_without_a_viable_platform_backend_it_is_no_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keyring_choice, "_OTHER_BACKENDS", ("keyring.backends.SecretService.Nope",))
    monkeypatch.setattr(keyring_choice, "_PLATFORM_BACKENDS", {})
    assert isinstance(keyring_choice.chosen_backend(), keyring.backends.fail.Keyring)


def test_a_backend_set_with_set_keyring_is_used_as_is() -> None:
    # The autouse fixture installed an in-memory keyring with keyring.set_keyring.
    assert keyring_choice.chosen_backend() is keyring.core.get_keyring()


def test_each_platform_names_its_own_backend() -> None:
    assert keyring_choice.platform_backend_names("darwin") == ("keyring.backends.macOS.Keyring",)
    assert keyring_choice.platform_backend_names("win32") == (
        "keyring.backends.Windows.WinVaultKeyring",
    )
    assert keyring_choice.platform_backend_names("linux")[0] == (
        "keyring.backends.SecretService.Keyring"
    )


@pytest.mark.usefixtures("nothing_installed")
@pytest.mark.parametrize(
    "name", ["", "keyring.backends.null.NoSuchKeyring", "no.such.module.Keyring"]
)
def test_a_misspelt_backend_name_is_no_keyring_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
    assert not Keystore().available()
