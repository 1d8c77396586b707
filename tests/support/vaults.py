"""Helpers for tests on vault folders: a CLI runner, file snapshots, sentinel scans."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.filekeyring import BACKEND_NAME, FILE_ENV, FileKeyring

REPO = Path(__file__).resolve().parents[2]


def subprocess_env(base: Path, vault: Path, keyring_file: Path) -> dict[str, str]:
    """The environment of a ``python -m taiwa`` subprocess: private home, temp and keyring."""
    home = base / "home"
    tmp = base / "tmp"
    for folder in (home, tmp, home / ".config", home / ".local/share", home / ".cache"):
        folder.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TAIWA_", "PYTHON_KEYRING", "DBUS_", "XDG_"))
    }
    pythonpath = [str(REPO)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TMPDIR=str(tmp),
        TAIWA_VAULT=str(vault),
        TAIWA_LANG="en",
        TAIWA_CONFIG_DIR=str(home / ".config" / "Taiwa"),
        PYTHON_KEYRING_BACKEND=BACKEND_NAME,
        PYTHONPATH=os.pathsep.join(pythonpath),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env[FILE_ENV] = str(keyring_file)
    return env


@dataclass
class CliVault:
    """An initialised vault and a way to run ``python -m taiwa`` on it."""

    dir: Path
    env: dict[str, str]
    keyring: FileKeyring
    tmp: Path
    recovery_code: str | None = None
    runs: list[list[str]] = field(default_factory=list)

    def run(
        self,
        *args: str,
        input: str | None = None,
        env: dict[str, str | None] | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``python -m taiwa ARGS`` on this vault and return the finished process.

        ``env`` adds to (or, with a None value, removes from) the vault's environment.
        """
        self.runs.append(list(args))
        merged = dict(self.env)
        for name, value in (env or {}).items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = value
        return subprocess.run(
            [sys.executable, "-m", "taiwa", *args],
            input=input,
            env=merged,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=None if input is not None else subprocess.DEVNULL,
        )


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (relative path → digest)."""
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return result


def encodings(sentinel: str) -> list[bytes]:
    """The byte forms a sentinel could take on disk."""
    return [
        sentinel.encode("utf-8"),
        sentinel.encode("utf-16-le"),
        sentinel.encode("utf-16-be"),
    ]


def files_containing(folder: Path, sentinel: str) -> list[Path]:
    """Every file under ``folder`` that holds ``sentinel`` in any of its encodings."""
    needles = encodings(sentinel)
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(n in data for n in needles):
            found.append(path)
    return found


def open_cli_vault(vault: CliVault) -> Any:
    """Open a :class:`CliVault`'s vault in this process, through its file keyring."""
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import open_vault

    return open_vault(vault.dir, keystore=Keystore(vault.keyring))


def add_notes(vault: CliVault, texts: list[str], *, private: str = "") -> None:
    """Insert one person and a meeting per text (SQL at the vault layer is fine in tests)."""
    db = open_cli_vault(vault)
    try:
        with db.transaction() as conn:
            conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('P','x','x')")
            person = conn.execute("SELECT max(id) FROM person").fetchone()[0]
            conn.executemany(
                "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes,"
                " private_notes) VALUES (?, '2026-01-01T00:00:00Z', 'x', 'x', ?, ?)",
                [(person, text, private) for text in texts],
            )
    finally:
        db.close()
