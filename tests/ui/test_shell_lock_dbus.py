"""The OS lock hooks over a real (private) D-Bus daemon: screen saver and logind signals."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("PySide6.QtDBus")

from PySide6.QtDBus import QDBusConnection, QDBusMessage

from taiwa.ui.lock import LockWatcher


@pytest.fixture
def private_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        assert address
        yield address
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def _emit(bus: Any, path: str, interface: str, name: str, *args: Any) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    if args:
        message.setArguments(list(args))
    assert bus.send(message)


def test_screen_lock_and_sleep_signals_lock_the_app(qtbot: Any, private_bus: str) -> None:
    watcher_bus = QDBusConnection.connectToBus(private_bus, "taiwa-test-watcher")
    other = QDBusConnection.connectToBus(private_bus, "taiwa-test-desktop")
    try:
        assert watcher_bus.isConnected() and other.isConnected()
        watcher = LockWatcher(session_bus=watcher_bus, system_bus=watcher_bus)
        assert "ScreenSaver.ActiveChanged" in watcher.dbus_hooks
        assert "login1.PrepareForSleep" in watcher.dbus_hooks
        watcher.set_active(True)
        reasons: list[str] = []
        watcher.lock_due.connect(reasons.append)

        # The screen saver turning off does not lock; turning on does.
        _emit(
            other,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            False,
        )
        _emit(
            other,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            True,
        )
        qtbot.waitUntil(lambda: reasons == ["screen_locked"], timeout=5_000)

        # logind announces suspend (only its own name is trusted for this signal).
        assert other.registerService("org.freedesktop.login1")
        _emit(
            other,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            True,
        )
        qtbot.waitUntil(lambda: reasons == ["screen_locked", "suspend"], timeout=5_000)

        # Nothing is reported while the app is already locked.
        watcher.set_active(False)
        _emit(
            other,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            True,
        )
        qtbot.wait(200)
        assert reasons == ["screen_locked", "suspend"]
        watcher.deleteLater()
    finally:
        QDBusConnection.disconnectFromBus("taiwa-test-watcher")
        QDBusConnection.disconnectFromBus("taiwa-test-desktop")


def test_application_suspend_locks(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    watcher = LockWatcher(use_dbus=False)
    reasons: list[str] = []
    watcher.lock_due.connect(reasons.append)
    watcher._on_application_state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert reasons == []  # not active: nothing to lock
    watcher.set_active(True)
    watcher._on_application_state_changed(Qt.ApplicationState.ApplicationInactive)
    watcher._on_application_state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert reasons == ["suspend"]
    watcher.deleteLater()
