"""A second start hands over to the running app: the server and client pair in one process.

The client (:func:`taiwa.ui.single_instance.hand_over`) blocks, as it does in a second
``taiwa`` before its event loop exists, so here it runs on a thread while the test's event loop
serves the running app's end.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from taiwa.ui import single_instance
from taiwa.ui.single_instance import InstanceServer, hand_over, server_name
from tests.support.vaults import REPO

# The offscreen platform cannot stack windows; raising is what the test checks, not the plugin.
RAISE_WARNING = r"This plugin does not support raise\(\)"


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR (short: a socket path has at most ~104 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="tw-run-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()


SECOND_START = """
import sys, time
from taiwa.ui.single_instance import hand_over
start = time.monotonic()
done = hand_over(sys.argv[1])
print(f"{done} {time.monotonic() - start:.3f}")
"""


def second_start(qtbot: Any, vault: Path) -> bool:
    """``hand_over`` in another process, as a second ``taiwa`` runs it (its socket waits block,
    so in this process the running app's end could not serve it meanwhile)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen(
        [sys.executable, "-c", SECOND_START, str(vault)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    done, seconds = out.split()
    assert float(seconds) < 1.5  # the answer, or the fallback, within about a second
    return done == "True"


def listening_server(qtbot: Any, name: str) -> tuple[InstanceServer, list[int]]:
    server = InstanceServer(name)
    raised: list[int] = []
    server.raise_requested.connect(lambda: raised.append(1))
    assert server.listen()
    return server, raised


def test_the_name_is_a_hash_of_user_and_vault(runtime_dir: Path, tmp_path: Path) -> None:
    vault = tmp_path / "Confidential Reports" / "vault"
    vault.mkdir(parents=True)
    name = server_name(vault)
    assert Path(name).parent == runtime_dir
    base = Path(name).name
    assert base.startswith("taiwa-") and len(base) == len("taiwa-") + 20
    assert "Confidential" not in name and "vault" not in base
    # The same vault by another path (a symlink, a relative path) gets the same name.
    link = tmp_path / "link"
    link.symlink_to(vault)
    assert server_name(link) == name
    assert server_name(os.path.relpath(vault)) == name
    assert server_name(tmp_path / "other") != name
    assert len(os.fsencode(name)) <= 100


def test_no_server_means_no_handover_at_once(runtime_dir: Path, tmp_path: Path) -> None:
    start = time.monotonic()
    assert hand_over(tmp_path / "vault") is False
    assert time.monotonic() - start < 0.1


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_a_second_start_raises_the_running_window(
    qtbot: Any, main_window: Any, runtime_dir: Path
) -> None:
    vault = main_window.ctx.vault_dir
    server = single_instance.serve(vault, main_window)
    assert server is not None and server.listening
    # Private to the user, like the vault folder.
    mode = stat.S_IMODE(os.stat(server.name).st_mode)
    assert mode & 0o077 == 0, oct(mode)

    main_window.showMinimized()
    qtbot.waitUntil(main_window.isMinimized)
    raised: list[int] = []
    server.raise_requested.connect(lambda: raised.append(1))

    assert second_start(qtbot, vault) is True
    assert raised == [1]
    assert not main_window.isMinimized()
    assert main_window.isVisible()
    assert main_window.current_screen() == "workspace"

    # Locked: the unlock screen is what comes to the front.
    main_window.lock()
    main_window.showMinimized()
    qtbot.waitUntil(main_window.isMinimized)
    assert second_start(qtbot, vault) is True
    assert raised == [1, 1]
    assert not main_window.isMinimized()
    assert main_window.current_screen() == "unlock"
    assert main_window.windowTitle() == "Taiwa — Locked"

    server.close()
    assert not os.path.exists(server.name)  # no socket left behind at quit


@pytest.mark.qt_log_ignore(RAISE_WARNING)
def test_the_window_state_keeps_maximised(qtbot: Any, main_window: Any) -> None:
    main_window.setWindowState(Qt.WindowState.WindowMaximized | Qt.WindowState.WindowMinimized)
    main_window.bring_to_front()
    assert main_window.windowState() & Qt.WindowState.WindowMaximized
    assert not main_window.windowState() & Qt.WindowState.WindowMinimized


def test_different_vaults_do_not_interfere(qtbot: Any, runtime_dir: Path, tmp_path: Path) -> None:
    first, first_raised = listening_server(qtbot, server_name(tmp_path / "a"))
    second, second_raised = listening_server(qtbot, server_name(tmp_path / "b"))
    assert first.name != second.name
    assert second_start(qtbot, tmp_path / "b") is True
    assert (first_raised, second_raised) == ([], [1])
    assert second_start(qtbot, tmp_path / "a") is True
    assert (first_raised, second_raised) == ([1], [1])
    assert second_start(qtbot, tmp_path / "c") is False
    first.close()
    second.close()


def test_a_crashed_instances_socket_is_replaced(
    qtbot: Any, runtime_dir: Path, tmp_path: Path
) -> None:
    name = server_name(tmp_path / "vault")
    # What a crash leaves: the socket file, with no one listening on it.
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(name)
    dead.close()
    assert os.path.exists(name)

    # A second start finds no one there and goes on at once (no wait for a timeout)...
    start = time.monotonic()
    assert hand_over(tmp_path / "vault") is False
    assert time.monotonic() - start < 0.5
    # ...and, once it is the running app, takes the name over.
    server, raised = listening_server(qtbot, name)
    assert second_start(qtbot, tmp_path / "vault") is True
    assert raised == [1]
    server.close()


def test_a_live_server_is_not_taken_over(qtbot: Any, runtime_dir: Path, tmp_path: Path) -> None:
    name = server_name(tmp_path / "vault")
    first, first_raised = listening_server(qtbot, name)
    intruder = InstanceServer(name)
    intruder_raised: list[int] = []
    intruder.raise_requested.connect(lambda: intruder_raised.append(1))

    assert intruder.listen() is False
    assert not intruder.listening
    assert second_start(qtbot, tmp_path / "vault") is True
    assert (first_raised, intruder_raised) == ([1], [])
    first.close()


@pytest.mark.parametrize("message", [b"hello\n", b"raise\nmore", b"RAISE\n", b"rai"])
def test_only_the_fixed_request_is_answered(
    qtbot: Any, runtime_dir: Path, tmp_path: Path, message: bytes
) -> None:
    server, raised = listening_server(qtbot, server_name(tmp_path / "vault"))
    replies: list[bytes] = []

    def talk() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(4)
            sock.connect(server.name)
            sock.sendall(message)
            if message == b"rai":
                sock.shutdown(socket.SHUT_WR)  # a client that stops half-way
            try:
                replies.append(sock.recv(64))  # b"": the server closed without answering
            except ConnectionResetError:  # ...with the rest of the message still unread
                replies.append(b"")

    thread = threading.Thread(target=talk, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=6000)
    assert replies == [b""]
    assert raised == []
    server.close()


def test_no_answer_in_time_falls_back(qtbot: Any, runtime_dir: Path, tmp_path: Path) -> None:
    # A server that accepts but never answers (a hung app): the second start gives up in time.
    name = server_name(tmp_path / "vault")
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(name)
    hung.listen(1)
    try:
        start = time.monotonic()
        assert hand_over(tmp_path / "vault", timeout_ms=300) is False
        assert 0.25 < time.monotonic() - start < 2
    finally:
        hung.close()


def test_a_socket_of_another_user_is_left_alone(
    qtbot: Any, runtime_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = server_name(tmp_path / "vault")
    server, raised = listening_server(qtbot, name)
    other_uid = os.getuid() + 1
    with monkeypatch.context() as patch:
        patch.setattr(os, "getuid", lambda: other_uid)
        # Seen as someone else's: the file is not talked to, and not replaced.
        assert single_instance._may_be_listening(name) is False
        assert InstanceServer(name).listen() is False
    assert second_start(qtbot, tmp_path / "vault") is True
    assert raised == [1]
    server.close()


def test_a_locked_app_leaves_the_vault_to_commands(main_window: Any) -> None:
    """What the README promises: lock the app and a command may use the vault meanwhile."""
    from taiwa.vault.errors import VaultInUseError
    from taiwa.vault.service import open_vault

    vault = main_window.ctx.vault_dir
    with pytest.raises(VaultInUseError):
        open_vault(vault)  # the running app holds the vault's lock
    main_window.lock()
    db = open_vault(vault)  # a command's open, while the app shows its unlock screen
    db.close()
