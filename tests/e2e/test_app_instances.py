"""``taiwa`` (the app) as a user starts it: without a display, twice on one vault, and with CLI
commands run on the vault while it is open."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from taiwa.ui.display import NOT_SET
from tests.support.vaults import CliVault, snapshot

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/locks; X11/Wayland checks"
)

IN_USE = "taiwa: The vault is open in another Taiwa window or process. Close it and try again."
HANDED_OVER = {
    "en": "taiwa: Taiwa is already open on this vault; its window was brought to the front.",
    "ja": "taiwa: この保管庫は既に Taiwa で開いています。そのウィンドウを前面に表示しました。",
}


@linux_only
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_without_a_display_the_app_says_so_and_exits(cli_vault: CliVault, lang: str) -> None:
    before = snapshot(cli_vault.dir)
    result = cli_vault.run(
        env={
            "DISPLAY": None,
            "WAYLAND_DISPLAY": None,
            "QT_QPA_PLATFORM": None,
            "TAIWA_LANG": lang,
        },
        timeout=60,
    )
    # Exited by itself with the documented status, not killed by Qt's abort (SIGABRT: -6).
    assert result.returncode == 69, result.stderr
    assert result.stderr.splitlines() == [f"taiwa: {NOT_SET.text(lang)}"]
    assert "DISPLAY" in result.stderr and "taiwa --help" in result.stderr
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert snapshot(cli_vault.dir) == before  # the vault was not even opened


# -- the app running ---------------------------------------------------------------------------


class RunningApp:
    """``taiwa`` started as a subprocess on a CLI vault (offscreen)."""

    def __init__(self, vault: CliVault, env: dict[str, str]) -> None:
        self.vault = vault
        self.env = env
        self.runtime_dir = Path(env["XDG_RUNTIME_DIR"])
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "taiwa"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_until_listening(self, timeout: float = 60) -> None:
        """Until the app listens for second starts (its first screen is up by then)."""
        deadline = time.monotonic() + timeout
        while not list(self.runtime_dir.glob("taiwa-*")):
            self._check_alive()
            assert time.monotonic() < deadline, "the app did not start listening"
            time.sleep(0.05)

    def wait_until_vault_open(self, timeout: float = 60) -> None:
        """Until the app holds the vault's instance lock (it has opened the vault).

        Read from /proc/locks: taking the lock to test it could make the app's own open fail.
        """
        inode = (self.vault.dir / "taiwa.lock").stat().st_ino
        deadline = time.monotonic() + timeout
        while not self._holds_lock(inode):
            self._check_alive()
            assert time.monotonic() < deadline, "the app did not open the vault"
            time.sleep(0.05)

    def _holds_lock(self, inode: int) -> bool:
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
            if "FLOCK" in fields and str(self.proc.pid) in fields:
                device_inode = fields[fields.index(str(self.proc.pid)) + 1]
                if device_inode.rsplit(":", 1)[-1] == str(inode):
                    return True
        return False

    def _check_alive(self) -> None:
        if self.proc.poll() is not None:
            _, err = self.proc.communicate()
            pytest.fail(f"the app exited ({self.proc.returncode}): {err[-2000:]}")

    def run(self, *args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Any:
        return subprocess.run(
            [sys.executable, "-m", "taiwa", *args],
            env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


@pytest.fixture
def start_app(cli_vault: CliVault) -> Iterator[Callable[[], RunningApp]]:
    """Starts ``taiwa`` on the CLI vault when called; stopped after the test."""
    # A short private runtime folder: the single-instance socket's path must stay short.
    runtime = Path(tempfile.mkdtemp(prefix="tw-e2e-", dir="/tmp"))
    env = {**cli_vault.env, "XDG_RUNTIME_DIR": str(runtime), "TAIWA_NO_DBUS": "1"}
    started: list[RunningApp] = []

    def start() -> RunningApp:
        started.append(RunningApp(cli_vault, env))
        return started[-1]

    try:
        yield start
    finally:
        for app in started:
            app.stop()
        shutil.rmtree(runtime, ignore_errors=True)


@linux_only
def test_a_second_start_brings_the_running_app_forward_and_exits(
    start_app: Callable[[], RunningApp],
) -> None:
    running_app = start_app()
    running_app.wait_until_listening()
    sockets = list(running_app.runtime_dir.glob("taiwa-*"))
    assert len(sockets) == 1
    assert str(running_app.vault.dir) not in str(sockets[0])  # a hash, not the path
    assert oct(sockets[0].stat().st_mode & 0o777) == "0o700"

    for lang in ("en", "ja"):
        start = time.monotonic()
        second = running_app.run(env={"TAIWA_LANG": lang}, timeout=30)
        seconds = time.monotonic() - start
        assert second.returncode == 0, second.stderr
        assert second.stderr.splitlines() == [HANDED_OVER[lang]]
        assert second.stdout == ""
        assert seconds < 10  # a process start and a message, not the app's start-up
        assert running_app.proc.poll() is None, "the running app must keep running"

    # The same vault by another path (a symlink) is the same vault.
    link = running_app.vault.tmp / "vault-link"
    link.symlink_to(running_app.vault.dir)
    second = running_app.run("--vault", str(link), timeout=30)
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines() == [HANDED_OVER["en"]]
    assert running_app.proc.poll() is None


@linux_only
def test_cli_commands_while_the_app_is_open_change_nothing(
    cli_vault: CliVault, start_app: Callable[[], RunningApp]
) -> None:
    added = cli_vault.run("person", "add", "Taro Yamada", "--email", "taro@example.com")
    assert added.returncode == 0, added.stderr
    before = cli_vault.run("person", "list", "--json")
    assert before.returncode == 0, before.stderr

    running_app = start_app()
    running_app.wait_until_vault_open()
    for args in (
        ("person", "add", "Hanako Sato"),
        ("meeting", "add", "Taro", "--shared", "agreed on the roadmap"),
        ("person", "list", "--json"),
    ):
        result = running_app.run(*args)
        assert result.returncode == 3, (args, result.stderr)
        assert result.stderr.splitlines() == [IN_USE], args
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
    ja = running_app.run("person", "add", "Hanako Sato", env={"TAIWA_LANG": "ja"})
    assert ja.returncode == 3
    assert ja.stderr.splitlines() == [
        "taiwa: 保管庫は別の Taiwa で使用中です。そちらを閉じてからもう一度お試しください。"
    ]
    assert running_app.proc.poll() is None

    running_app.stop()
    after = cli_vault.run("person", "list", "--json")
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == json.loads(before.stdout)
    people = json.loads(after.stdout)
    assert [p["name"] for p in people] == ["Taro Yamada"]
    meetings = cli_vault.run("meeting", "list", "Taro", "--json")
    assert meetings.returncode == 0, meetings.stderr
    assert json.loads(meetings.stdout) == []
    # Once the app is closed, the same command works.
    assert cli_vault.run("person", "add", "Hanako Sato").returncode == 0
