"""Non-secret preferences of this laptop's user: language, auto-lock minutes, window geometry.

They live in a small JSON file in :func:`taiwa.paths.config_dir` because they are needed before
the vault is unlocked (the unlock screen's language, the lock timer). Nothing personal goes here:
no names, no note text, no key. Vault-wide choices that *are* personal data (calendar keywords,
the calendar owner's e-mail, the default cadence) live in the vault's own settings table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taiwa import paths
from taiwa.atomic import write_atomic

FILE_NAME = "prefs.json"
DEFAULT_AUTO_LOCK_MINUTES = 5
MAX_AUTO_LOCK_MINUTES = 240
LANGUAGES = ("en", "ja")


@dataclass
class Prefs:
    """The preferences, with defaults for anything missing or malformed in the file.

    Attributes:
        language: ``"en"``, ``"ja"`` or None to follow the operating system.
        auto_lock_minutes: idle minutes before the app locks itself; 0 turns idle-lock off.
        window_geometry: the main window's saved geometry (Qt's base64 blob), or empty.
        path: where the preferences are saved.
    """

    language: str | None = None
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    window_geometry: str = ""
    path: Path = field(default_factory=lambda: paths.config_dir() / FILE_NAME, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Prefs:
        """Read the preferences; a missing or damaged file gives the defaults (never an error).

        Args:
            path: the file to read (default: ``prefs.json`` in the config folder).
        """
        target = path or paths.config_dir() / FILE_NAME
        prefs = cls(path=target)
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return prefs
        if not isinstance(raw, dict):
            return prefs
        prefs._apply(raw)
        return prefs

    def _apply(self, raw: dict[str, Any]) -> None:
        language = raw.get("language")
        if language is None or language in LANGUAGES:
            self.language = language
        minutes = raw.get("auto_lock_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            self.auto_lock_minutes = max(0, min(MAX_AUTO_LOCK_MINUTES, minutes))
        geometry = raw.get("window_geometry")
        if isinstance(geometry, str) and len(geometry) < 10_000:
            self.window_geometry = geometry

    def to_json(self) -> dict[str, Any]:
        """The saved form (only these keys are ever written)."""
        return {
            "language": self.language,
            "auto_lock_minutes": self.auto_lock_minutes,
            "window_geometry": self.window_geometry,
        }

    def save(self) -> None:
        """Write atomically with mode 0600 (a crash leaves the old file or the new one)."""
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, data.encode("utf-8"), mode=0o600)
