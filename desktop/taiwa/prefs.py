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
# The text zoom (percent) is clamped to what the View menu offers.
MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 80, 200, 100
# Window sizes are remembered per window and screen size; a bound keeps the file small.
MAX_WINDOW_SIZES = 64


@dataclass
class Prefs:
    """The preferences, with defaults for anything missing or malformed in the file.

    Attributes:
        language: ``"en"``, ``"ja"`` or None to follow the operating system.
        auto_lock_minutes: idle minutes before the app locks itself; 0 turns idle-lock off.
        window_geometry: the main window's saved geometry (Qt's base64 blob), or empty.
        text_zoom: the text zoom in percent (View ▸ Zoom).
        window_sizes: ``"<window>@<screen width>x<screen height>"`` → ``[width, height]``:
            the size each window was last left at on a screen of that size.
        keep_in_tray: closing the window hides it to the system tray (reminders keep coming);
            off by default, so closing the window quits.
        path: where the preferences are saved.
    """

    language: str | None = None
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    window_geometry: str = ""
    text_zoom: int = DEFAULT_ZOOM
    window_sizes: dict[str, list[int]] = field(default_factory=dict)
    keep_in_tray: bool = False
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
        zoom = raw.get("text_zoom")
        if isinstance(zoom, int) and not isinstance(zoom, bool):
            self.text_zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.keep_in_tray = raw.get("keep_in_tray") is True
        sizes = raw.get("window_sizes")
        if isinstance(sizes, dict):
            for key, size in list(sizes.items())[:MAX_WINDOW_SIZES]:
                if _is_size(key, size):
                    self.window_sizes[key] = [int(size[0]), int(size[1])]

    def window_size(self, window: str, screen: tuple[int, int]) -> tuple[int, int] | None:
        """The size ``window`` was last left at on a screen of size ``screen``, if any."""
        size = self.window_sizes.get(_size_key(window, screen))
        return (size[0], size[1]) if size else None

    def remember_window_size(
        self, window: str, screen: tuple[int, int], size: tuple[int, int]
    ) -> None:
        """Remember ``size`` for ``window`` on this screen size (the oldest entry goes first)."""
        key = _size_key(window, screen)
        self.window_sizes.pop(key, None)
        self.window_sizes[key] = [int(size[0]), int(size[1])]
        while len(self.window_sizes) > MAX_WINDOW_SIZES:
            self.window_sizes.pop(next(iter(self.window_sizes)))

    def to_json(self) -> dict[str, Any]:
        """The saved form (only these keys are ever written)."""
        return {
            "language": self.language,
            "auto_lock_minutes": self.auto_lock_minutes,
            "window_geometry": self.window_geometry,
            "text_zoom": self.text_zoom,
            "window_sizes": self.window_sizes,
            "keep_in_tray": self.keep_in_tray,
        }

    def save(self) -> None:
        """Write atomically with mode 0600 (a crash leaves the old file or the new one)."""
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, data.encode("utf-8"), mode=0o600)


def _size_key(window: str, screen: tuple[int, int]) -> str:
    return f"{window}@{int(screen[0])}x{int(screen[1])}"


def _is_size(key: object, size: object) -> bool:
    """A well-formed saved size: a short key and two plausible pixel counts."""
    return (
        isinstance(key, str)
        and len(key) <= 100
        and isinstance(size, list)
        and len(size) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 20_000 for v in size)
    )
