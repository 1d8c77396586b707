"""Can Qt open a window here? Asked before Qt is loaded, so that ``taiwa`` without a display says
so in the user's language and exits with :data:`EXIT_NO_DISPLAY` — instead of Qt's platform
plugin printing a hint about libxcb-cursor and aborting the process (SIGABRT).

Linux and the BSDs only: Qt talks to a Wayland compositor (``WAYLAND_DISPLAY``) or an X server
(``DISPLAY``) there, and aborts when it reaches neither. ``QT_QPA_PLATFORM`` set to a platform
that needs no display server (offscreen, minimal, vnc, eglfs…) skips the check. When in doubt
(an unusual ``DISPLAY`` form) the check lets Qt try: it must never keep a working setup from
starting. No Qt here; the messages are the CLI's :class:`~taiwa.i18n.Msg` (no translator is
loaded yet).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from taiwa.errors import TaiwaError
from taiwa.i18n import Msg

#: Exit status of ``taiwa`` when the app cannot open a window: sysexits' EX_UNAVAILABLE, next
#: to the CLI's EX_SOFTWARE (70) for a bug.
EXIT_NO_DISPLAY = 69

_UNIX_DESKTOPS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")
# Seconds to wait for an X server over TCP (DISPLAY=host:n, e.g. SSH X forwarding).
_TCP_TIMEOUT = 0.5

_WITHOUT = Msg(
    " Taiwa's window needs a graphical desktop session: start it from the desktop (over SSH,"
    " with X forwarding: ssh -X). The command-line commands work without a display:"
    " taiwa --help",
    "Taiwa のウィンドウにはグラフィカルなデスクトップ環境が必要です。デスクトップから起動して"
    "ください（SSH 経由なら X 転送 ssh -X を使います）。コマンドラインのコマンドはディスプレイ"
    "なしで使えます: taiwa --help",
)

NOT_SET = Msg(
    "No display found (DISPLAY and WAYLAND_DISPLAY are not set)." + _WITHOUT.en,
    "ディスプレイが見つかりません（DISPLAY も WAYLAND_DISPLAY も設定されていません）。"
    + _WITHOUT.ja,
)
X_UNREACHABLE = Msg(
    "No display found (the X display {display} named by DISPLAY does not answer)." + _WITHOUT.en,
    "ディスプレイが見つかりません（DISPLAY が指す X ディスプレイ {display} に接続できません）。"
    + _WITHOUT.ja,
)
WAYLAND_UNREACHABLE = Msg(
    "No display found (the Wayland display {display} named by WAYLAND_DISPLAY is not running)."
    + _WITHOUT.en,
    "ディスプレイが見つかりません（WAYLAND_DISPLAY が指す Wayland ディスプレイ {display} が"
    "動いていません）。" + _WITHOUT.ja,
)
XCB_CURSOR_MISSING = Msg(
    "Taiwa's window cannot open: Qt's X11 platform plugin needs the system library"
    " libxcb-cursor0, which is not installed (Debian/Ubuntu: sudo apt install libxcb-cursor0;"
    " Fedora: sudo dnf install xcb-util-cursor). The command-line commands work without it:"
    " taiwa --help",
    "Taiwa のウィンドウを開けません。Qt の X11 プラットフォームプラグインに必要なシステム"
    "ライブラリ libxcb-cursor0 がインストールされていません（Debian/Ubuntu: sudo apt install"
    " libxcb-cursor0、Fedora: sudo dnf install xcb-util-cursor）。コマンドラインのコマンドは"
    "これなしで使えます: taiwa --help",
)


class NoDisplayError(TaiwaError):
    """The app cannot open a window here (no display, or a library Qt needs is missing)."""

    exit_code = EXIT_NO_DISPLAY
    code = "no_display"
    message = NOT_SET


def check_display(
    environ: Mapping[str, str] | None = None, *, platform: str = sys.platform
) -> None:
    """Raise :class:`NoDisplayError` when Qt would find no display to open a window on.

    Raises:
        NoDisplayError: neither display is set or reachable, or libxcb-cursor0 is missing.
    """
    env = os.environ if environ is None else environ
    if not platform.startswith(_UNIX_DESKTOPS):
        return
    # QT_QPA_PLATFORM may be a list to try in order ("wayland;xcb"), each with options.
    requested = [
        part.split(":", 1)[0].strip().lower()
        for part in env.get("QT_QPA_PLATFORM", "").split(";")
        if part.strip()
    ]
    wants_x = not requested or "xcb" in requested
    wants_wayland = not requested or any(p.startswith("wayland") for p in requested)
    if not (wants_x or wants_wayland):
        return  # offscreen, minimal, vnc, eglfs, linuxfb…: no display server needed
    wayland = env.get("WAYLAND_DISPLAY", "").strip() if wants_wayland else ""
    x_display = env.get("DISPLAY", "").strip() if wants_x else ""
    if wayland and _wayland_running(wayland, env):
        return
    if x_display:
        if not _x_server_answers(x_display):
            raise NoDisplayError(X_UNREACHABLE, display=x_display)
        if not _xcb_cursor_installed():
            raise NoDisplayError(XCB_CURSOR_MISSING)
        return
    if wayland:
        raise NoDisplayError(WAYLAND_UNREACHABLE, display=wayland)
    raise NoDisplayError(NOT_SET)


def _wayland_running(name: str, env: Mapping[str, str]) -> bool:
    # A name is a socket in XDG_RUNTIME_DIR; an absolute path stands for itself.
    if os.path.isabs(name):
        return os.path.exists(name)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, name))


def _x_server_answers(display: str) -> bool:
    """Whether the X server of ``display`` (``[host]:n[.screen]``) takes a connection."""
    host, sep, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not sep or not number.isdigit() or host.startswith("/"):
        return True  # a form this check does not know (e.g. launchd's path): let Qt try
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"  # noqa: S108 - where every X server puts it
        if os.path.exists(path):
            return True  # the usual case, decided without a connection
        # Linux X servers listen in the abstract namespace too (a container may not see /tmp's).
        return sys.platform.startswith("linux") and _connects("\0" + path)
    return _connects((host.strip("[]"), 6000 + int(number)))


def _connects(address: str | tuple[str, int]) -> bool:
    """Whether a stream connection to ``address`` (a Unix socket or host and port) succeeds."""
    import socket  # only here: its import costs a few milliseconds

    try:
        if isinstance(address, str):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(_TCP_TIMEOUT)
                sock.connect(address)
        else:
            socket.create_connection(address, timeout=_TCP_TIMEOUT).close()
    except OSError:
        return False
    return True


def _xcb_cursor_installed() -> bool:
    """Whether libxcb-cursor.so.0 (which Qt's xcb plugin needs since Qt 6.5) can be loaded."""
    lib = "libxcb-cursor.so.0"
    multiarch = getattr(sys.implementation, "_multiarch", "")
    folders = [
        f"/usr/lib/{multiarch}",
        f"/lib/{multiarch}",
        "/usr/lib64",
        "/lib64",
        "/usr/lib",
        "/lib",
        "/usr/local/lib",
        getattr(sys, "_MEIPASS", ""),  # a PyInstaller bundle may carry its own
    ]
    if any(folder and os.path.exists(os.path.join(folder, lib)) for folder in folders):
        return True
    # Anywhere else the dynamic linker looks (LD_LIBRARY_PATH, NixOS, Guix…): ask it.
    import ctypes

    try:
        ctypes.CDLL(lib)
    except OSError:
        return False
    return True
