"""Against a real Secret Service (see test_real_keyring.py): choosing the keyring backend and
reading a key start no subprocess (keyring's own probe of every backend runs ldconfig, gcc and
ld to look for a macOS Keychain), and a CLI read command runs no full-file quick_check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.vaults import REPO

pytestmark = [
    pytest.mark.real_keyring,
    pytest.mark.skipif(
        os.environ.get("TAIWA_REAL_KEYRING") != "1",
        reason="needs a throwaway Secret Service: run through scripts/test (TAIWA_REAL_KEYRING=1"
        " inside dbus-run-session with gnome-keyring-daemon)",
    ),
]

_CHILD = r"""
import sys
spawned = []
sys.addaudithook(
    lambda event, args: spawned.append(event)
    if event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.fork", "os.system")
    else None
)
from pathlib import Path
from taiwa.vault import database
from taiwa.vault.keyring_choice import chosen_backend
from taiwa.vault.service import create_vault, open_vault

checks = []
real = database._quick_check
database._quick_check = lambda conn: checks.append(1) or real(conn)
backend = type(chosen_backend()).__module__
folder = Path(sys.argv[1])
create_vault(folder).database.close()
checks.clear()
db = open_vault(folder)
db.query_one("SELECT count(*) FROM person")
db.close()
print(backend, len(spawned), len(checks))
"""


def test_the_keyring_resolves_without_subprocesses_and_opens_without_a_check(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "desktop"), str(REPO)])
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / "vault")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    backend, spawned, checks = done.stdout.split()
    assert backend == "keyring.backends.SecretService"
    assert spawned == "0"
    assert checks == "0"
