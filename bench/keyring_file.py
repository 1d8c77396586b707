"""The benchmarks' stand-in keyring: a JSON file named by ``TAIWA_BENCH_KEYRING``.

Its own module, so that the app processes a benchmark starts (which load it through
``PYTHON_KEYRING_BACKEND``) import only this and not the benchmark harness: their start-up time
is the app's, not the harness's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

KEYRING_ENV = "TAIWA_BENCH_KEYRING"


class BenchKeyring(KeyringBackend):
    """A keyring in a JSON file named by ``TAIWA_BENCH_KEYRING`` (benchmark vaults only)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]

    def _path(self) -> Path:
        return Path(os.environ[KEYRING_ENV])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        path = self._path()
        path.write_text(json.dumps(data))
        path.chmod(0o600)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._save(data)
