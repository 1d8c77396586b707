"""Settings that are personal data (calendar owner e-mail, keywords...), kept IN the vault.

Values are JSON. Preferences that are not personal data (language, auto-lock minutes) live in
the user config folder instead (the UI's prefs), never here, and this table never leaves the
encrypted database.
"""

from __future__ import annotations

import json
from typing import Any

from taiwa.domain import errors
from taiwa.vault.database import Database

# Keys other parts of the app use (kept here so they are spelled once).
CALENDAR_KEYWORDS = "calendar.keywords"
CALENDAR_OWNER = "calendar.owner"
DEFAULT_CADENCE = "log.default_cadence_days"
QUESTIONS_SEEDED = "questions.seeded"


class Settings:
    """A JSON key/value store inside the vault."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``, or ``default``."""
        row = self._db.query_one("SELECT value FROM setting WHERE key = ?", (key,))
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` (anything JSON can hold) under ``key``.

        Raises:
            BadSettingError: the value is not JSON-serialisable; nothing is stored.
        """
        try:
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError):
            raise errors.BadSettingError(value=key[:80]) from None
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    def delete(self, key: str) -> None:
        """Forget ``key`` (no error when it is not set)."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM setting WHERE key = ?", (key,))

    def all(self) -> dict[str, Any]:
        """Every setting (for a settings dialog)."""
        out: dict[str, Any] = {}
        for row in self._db.query("SELECT key, value FROM setting ORDER BY key"):
            try:
                out[row[0]] = json.loads(row[1])
            except ValueError:
                continue
        return out
