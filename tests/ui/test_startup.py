"""Start-up: the vault opens from the keyring (and the dashboard is read) before the window is
built; the window then opens straight onto the filled dashboard. When the keyring is slow the
window shows "Opening your vault…" and takes the result when it comes; when it fails, the unlock
screen names the failure."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from taiwa import startup
from taiwa.store.dashboard import DashboardData
from taiwa.ui import ops
from tests.support.memkeyring import MemoryKeyring


@pytest.fixture
def closed_vault(created_vault: Any, vault_dir: Path) -> Path:
    created_vault.database.close()
    return vault_dir


@pytest.fixture
def launched(qtbot: Any, no_dbus: None, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``launch`` as ``taiwa`` runs it; the windows are closed and the vaults closed after."""
    from taiwa.ui import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch() installs the crash hook
    windows: list[Any] = []

    def launch(folder: Path, opening: startup.StartupOpen) -> Any:
        window = app_module.launch(folder, lang="en", opening=opening)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield launch
    ops.wait_for_pending(10_000)
    for window in windows:
        window.watcher.set_active(False)
        window.ctx.detach()


def _wait_done(opening: startup.StartupOpen) -> None:
    assert opening.wait(20), "the start-up open did not finish"


def test_the_vault_and_the_dashboard_are_read_before_the_window(closed_vault: Path) -> None:
    opening = startup.begin(closed_vault, wait_seconds=20)
    opened = opening.opened()
    assert opened is not None
    try:
        assert isinstance(opened.dashboard, DashboardData)
        # The full-file check is left to the app, beside the first screen.
        assert opened.db.integrity_verified is False
        assert opened.db.query("SELECT count(*) FROM person")[0][0] == 0
    finally:
        opened.db.close()


def test_nothing_is_opened_without_a_vault_or_for_a_passphrase_vault(tmp_path: Path) -> None:
    from taiwa.vault.service import create_vault

    missing = startup.begin(tmp_path / "nothing-here", wait_seconds=20)
    assert missing.outcome == (True, None)
    assert not (tmp_path / "nothing-here").exists()

    folder = tmp_path / "passphrase-vault"
    created = create_vault(folder, use_keyring=False, recovery_passphrase="correct horse battery")
    created.database.close()
    passphrase_only = startup.begin(folder, wait_seconds=20)
    assert passphrase_only.outcome == (True, None)


def test_the_window_opens_straight_onto_the_filled_dashboard(
    closed_vault: Path, launched: Any
) -> None:
    opening = startup.begin(closed_vault, wait_seconds=20)
    window = launched(closed_vault, opening)
    # No waiting at all: the numbers were read before the window was built.
    assert window.current_screen() == "workspace"
    assert window.ctx.is_unlocked
    assert window.windowTitle() == "Taiwa"
    dashboard = window.pages()["dashboard"]
    assert dashboard.data is not None
    assert dashboard.today_label.text() != ""  # filled, not an empty page waiting for a query
    assert ops.pending_count() == 0
    assert window._unlock is None  # the unlock screen was never built
    assert window.ctx.prefetched_open is None


def test_a_slow_keyring_shows_opening_then_the_dashboard(
    qtbot: Any, closed_vault: Path, memory_keyring: MemoryKeyring, launched: Any
) -> None:
    release = threading.Event()
    original = memory_keyring.get_password

    def slow_get_password(service: str, username: str) -> str | None:
        release.wait(20)  # the user is typing the keyring's password
        return original(service, username)

    memory_keyring.get_password = slow_get_password  # type: ignore[method-assign]
    opening = startup.begin(closed_vault, wait_seconds=0.05)
    assert opening.outcome is None
    window = launched(closed_vault, opening)
    assert window.current_screen() == "unlock"
    assert window._unlock.title.text() == "Opening your vault…"
    assert not window.ctx.is_unlocked
    release.set()
    qtbot.waitUntil(lambda: window.ctx.is_unlocked, timeout=20_000)
    assert window.current_screen() == "workspace"
    qtbot.waitUntil(lambda: window.pages()["dashboard"].data is not None, timeout=20_000)


def test_a_keyring_failure_at_start_is_named_on_the_unlock_screen(
    qtbot: Any, closed_vault: Path, memory_keyring: MemoryKeyring, launched: Any
) -> None:
    memory_keyring.secrets.clear()  # the key is gone from the keyring
    before = {p.name: p.read_bytes() for p in closed_vault.iterdir()}
    opening = startup.begin(closed_vault, wait_seconds=20)
    _wait_done(opening)
    assert opening.outcome is not None and opening.outcome[0] is False
    window = launched(closed_vault, opening)
    screen = window._unlock
    qtbot.waitUntil(lambda: screen.last_error_code == "keyring_entry_missing", timeout=10_000)
    assert window.current_screen() == "unlock"
    assert not window.ctx.is_unlocked
    assert screen.problem.isVisibleTo(screen)
    assert screen.recovery_button.isVisibleTo(screen)  # the way back in: the recovery code
    assert {p.name: p.read_bytes() for p in closed_vault.iterdir()} == before


def test_the_integrity_check_runs_after_the_first_screen_not_during_it(
    qtbot: Any, closed_vault: Path, launched: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "integrity_delay_ms", 300)
    opening = startup.begin(closed_vault, wait_seconds=20)
    opened = opening.opened()
    assert opened is not None
    checked: list[bool] = []
    real_check = opened.db.verify_integrity
    monkeypatch.setattr(
        opened.db, "verify_integrity", lambda **kw: checked.append(True) or real_check(**kw)
    )
    window = launched(closed_vault, opening)
    qtbot.wait(100)
    assert checked == []  # not while the first screen is laid out and painted
    qtbot.waitUntil(lambda: checked == [True], timeout=10_000)
    assert window.ctx.is_unlocked


def test_no_integrity_check_for_a_vault_locked_before_it_was_due(
    qtbot: Any, closed_vault: Path, launched: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "integrity_delay_ms", 200)
    opening = startup.begin(closed_vault, wait_seconds=20)
    opened = opening.opened()
    assert opened is not None
    checked: list[bool] = []
    monkeypatch.setattr(opened.db, "verify_integrity", lambda **kw: checked.append(True))
    window = launched(closed_vault, opening)
    window.lock("manual")
    qtbot.wait(500)
    assert checked == []
    assert window.current_screen() == "unlock"


def test_startup_numbers_are_used_only_for_the_vault_they_came_from(
    closed_vault: Path, qapp: Any
) -> None:
    from taiwa.ui.context import AppContext

    opening = startup.begin(closed_vault, wait_seconds=20)
    opened = opening.opened()
    assert opened is not None and opened.dashboard is not None
    ctx = AppContext(closed_vault)
    ctx.offer_startup_dashboard(opened.db, opened.dashboard)
    assert ctx.take_startup_dashboard() is None  # nothing attached yet
    ctx.attach(opened.db)
    ctx.offer_startup_dashboard(opened.db, opened.dashboard)
    assert ctx.take_startup_dashboard() is opened.dashboard
    assert ctx.take_startup_dashboard() is None  # once only
    ctx.offer_startup_dashboard(opened.db, opened.dashboard)
    ctx.detach()  # locking forgets them
    assert ctx.take_startup_dashboard() is None
