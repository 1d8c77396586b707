"""A file-backed keyring backend for tests that run Taiwa as a subprocess.

Selected with ``PYTHON_KEYRING_BACKEND=tests.support.filekeyring.FileKeyring`` (and the
repository on ``PYTHONPATH``); the file is ``TAIWA_TEST_KEYRING_FILE``. The JSON file holds
``{"secrets": {"service\\u0000user": value}, "state": "ok" | "locked" | "unavailable"}`` so a
test can make the keyring locked or unavailable for the next run. Test use only: it is plaintext.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError

FILE_ENV = "TAIWA_TEST_KEYRING_FILE"
BACKEND_NAME = "tests.support.filekeyring.FileKeyring"


def _sep(service: str, username: str) -> str:
    return f"{service}\0{username}"


class FileKeyring(KeyringBackend):
    """Secrets in a JSON file named by ``TAIWA_TEST_KEYRING_FILE``."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - keyring's classproperty
        # Viable only where a test set up its file: keyring's auto-detection in the test
        # process itself must never pick it.
        if FILE_ENV not in os.environ:
            raise RuntimeError("test backend: needs TAIWA_TEST_KEYRING_FILE")
        return 1

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__()
        self._path = Path(path) if path else None

    @property
    def path(self) -> Path:
        return self._path or Path(os.environ[FILE_ENV])

    def load(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            data = {}
        data.setdefault("secrets", {})
        data.setdefault("state", "ok")
        return data

    def save(self, data: dict[str, Any]) -> None:
        temp = self.path.with_name(self.path.name + ".tmp")
        temp.write_text(json.dumps(data, sort_keys=True), "utf-8")
        os.replace(temp, self.path)

    def _checked(self) -> dict[str, Any]:
        data = self.load()
        if data["state"] == "locked":
            raise KeyringLocked("the test keyring is locked")
        if data["state"] == "unavailable":
            raise NoKeyringError("the test keyring is unavailable")
        return data

    def get_password(self, service: str, username: str) -> str | None:
        value = self._checked()["secrets"].get(_sep(service, username))
        return None if value is None else str(value)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._checked()
        data["secrets"][_sep(service, username)] = password
        self.save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._checked()
        if data["secrets"].pop(_sep(service, username), None) is None:
            raise PasswordDeleteError("not found")
        self.save(data)

    # Helpers for tests.
    def entries(self) -> dict[str, str]:
        return dict(self.load()["secrets"])

    def set_state(self, state: str) -> None:
        data = self.load()
        data["state"] = state
        self.save(data)
