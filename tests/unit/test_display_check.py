"""Before Qt is loaded, ``taiwa`` finds out whether it can open a window at all.

Without a display Qt's xcb plugin aborts the process; the check says why instead, in the
user's language, and the app exits with status 69.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from taiwa.ui import display
from taiwa.ui.display import EXIT_NO_DISPLAY, NoDisplayError, check_display

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sockets")


@pytest.fixture
def x_server_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every DISPLAY answers, and Qt's xcb plugin has its libraries."""
    monkeypatch.setattr(display, "_x_server_answers", lambda _display: True)
    monkeypatch.setattr(display, "_xcb_cursor_installed", lambda: True)


def problem(env: dict[str, str], platform: str = "linux") -> NoDisplayError | None:
    try:
        check_display(env, platform=platform)
    except NoDisplayError as exc:
        return exc
    return None


def test_no_display_is_named_in_english_and_japanese() -> None:
    exc = problem({})
    assert exc is not None
    assert exc.exit_code == EXIT_NO_DISPLAY == 69
    assert exc.code == "no_display"
    english = exc.localized("en")
    assert english.startswith("No display found (DISPLAY and WAYLAND_DISPLAY are not set).")
    assert english.endswith("The command-line commands work without a display: taiwa --help")
    japanese = exc.localized("ja")
    assert japanese.startswith("ディスプレイが見つかりません（DISPLAY も WAYLAND_DISPLAY も")
    assert "taiwa --help" in japanese
    assert "xcb" not in english + japanese


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "vnc:size=800x600"},
        {"QT_QPA_PLATFORM": "eglfs"},
    ],
)
def test_a_platform_without_a_display_server_needs_none(env: dict[str, str]) -> None:
    assert problem(env) is None


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_are_not_checked(platform: str) -> None:
    assert problem({}, platform=platform) is None


def test_empty_variables_count_as_unset() -> None:
    exc = problem({"DISPLAY": "", "WAYLAND_DISPLAY": " "})
    assert exc is not None and "are not set" in exc.localized("en")


def test_a_running_wayland_compositor_is_enough(tmp_path: Path) -> None:
    (tmp_path / "wayland-0").touch()
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert problem(env) is None
    assert problem({**env, "QT_QPA_PLATFORM": "wayland"}) is None
    # Qt asked for X only: Wayland does not help.
    exc = problem({**env, "QT_QPA_PLATFORM": "xcb"})
    assert exc is not None and "are not set" in exc.localized("en")


def test_a_wayland_display_that_is_not_running_is_named(tmp_path: Path) -> None:
    exc = problem({"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)})
    assert exc is not None
    assert "Wayland display wayland-7" in exc.localized("en")
    assert "wayland-7" in exc.localized("ja")


def test_an_x_display_that_answers_is_enough(x_server_anywhere: None) -> None:
    assert problem({"DISPLAY": ":0"}) is None
    assert problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}) is None


def test_an_x_display_that_does_not_answer_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "_x_server_answers", lambda _display: False)
    exc = problem({"DISPLAY": ":42"})
    assert exc is not None
    assert "the X display :42 named by DISPLAY does not answer" in exc.localized("en")
    assert "X ディスプレイ :42 に接続できません" in exc.localized("ja")


def test_a_missing_xcb_cursor_library_is_the_second_cause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(display, "_x_server_answers", lambda _display: True)
    monkeypatch.setattr(display, "_xcb_cursor_installed", lambda: False)
    exc = problem({"DISPLAY": ":0"})
    assert exc is not None and exc.exit_code == 69
    assert "libxcb-cursor0" in exc.localized("en")
    assert "sudo apt install libxcb-cursor0" in exc.localized("ja")
    # Not asked about when Qt goes to Wayland.
    assert problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}) is not None  # no compositor


def test_the_xcb_cursor_library_is_found_where_it_is_installed() -> None:
    import ctypes.util

    assert display._xcb_cursor_installed() == (ctypes.util.find_library("xcb-cursor") is not None)


@pytest.fixture
def free_display_number() -> Iterator[int]:
    """A display number with no X server (no socket file, nothing on its TCP port)."""
    for number in range(64, 100):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", 6000 + number)) != 0:
                    yield number
                    return
    pytest.skip("no free display number")


def test_an_absent_x_server_does_not_answer(free_display_number: int) -> None:
    assert display._x_server_answers(f":{free_display_number}") is False
    assert display._x_server_answers(f"unix:{free_display_number}.0") is False
    assert display._x_server_answers(f"127.0.0.1:{free_display_number}") is False


@linux_only
def test_an_x_server_in_the_abstract_namespace_answers(free_display_number: int) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{free_display_number}")
        server.listen(1)
        assert display._x_server_answers(f":{free_display_number}") is True


def test_an_x_server_over_tcp_answers(free_display_number: int) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 6000 + free_display_number))
        server.listen(1)
        assert display._x_server_answers(f"localhost:{free_display_number}.0") is True


@pytest.mark.parametrize("value", ["/private/tmp/launchd-1/org.xquartz:0", "weird", "host::0x"])
def test_a_display_form_it_does_not_know_is_left_to_qt(value: str) -> None:
    assert display._x_server_answers(value) is True
