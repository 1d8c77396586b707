"""Start at login: an XDG autostart entry (Linux and other freedesktop systems).

Off by default: nothing of Taiwa runs while the app is closed unless the user turns this on.
The entry only starts the installed ``taiwa`` command; it holds no name, path of a vault or
other personal data. Windows and macOS are not supported yet, and the settings say so rather
than pretend.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from taiwa.atomic import write_atomic

FILE_NAME = "app.taiwa.Taiwa.desktop"

# The same fixed text for everyone: no user data, so nothing personal ends up in ~/.config.
ENTRY = (
    "[Desktop Entry]\n"
    "Type=Application\n"
    "Name=Taiwa\n"
    "Comment=Confidential 1on1-meeting notes (started at login)\n"
    "Exec=taiwa\n"
    "Icon=app.taiwa.Taiwa\n"
    "Terminal=false\n"
    "X-GNOME-Autostart-enabled=true\n"
)


def supported() -> bool:
    """Whether start at login can be turned on here (XDG autostart: not Windows, not macOS)."""
    return not sys.platform.startswith(("win", "darwin"))


def autostart_path() -> Path:
    """``$XDG_CONFIG_HOME/autostart/app.taiwa.Taiwa.desktop`` (``~/.config`` when unset)."""
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    # The XDG spec says a relative value is invalid and must be ignored.
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "autostart" / FILE_NAME


def is_enabled() -> bool:
    """Whether our autostart entry is there."""
    return supported() and autostart_path().is_file()


def set_enabled(on: bool) -> None:
    """Write or remove the autostart entry (atomically). Raises OSError when it cannot."""
    if not supported():
        return
    path = autostart_path()
    if on:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, ENTRY.encode("utf-8"), mode=0o644)
    else:
        path.unlink(missing_ok=True)
