"""Issue 21: the reminder tray reads the vault on the vault worker, never on the GUI thread.

On a vault of 1 000 people the read takes a noticeable fraction of a second; on the GUI thread
it froze the window every five minutes. The read is made slow here on purpose (it waits for the
test) to show that the GUI keeps processing events meanwhile, that ticks during it start no
second read, that a reminder falling due during it is shown once, and that a lock drops it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from taiwa.domain.models import MeetingStatus
from taiwa.prep import reminders
from taiwa.store.reports import Reports

LEAD = timedelta(minutes=reminders.DEFAULT_LEAD_MINUTES)


def tick_and_wait(qtbot: Any, tray: Any, now: datetime) -> list[str]:
    """``tray.tick(now)`` and, when it started a read, what the read's arrival showed."""
    shown: list[str] = []
    tray.reminded.connect(shown.append)
    try:
        tray.tick(now)
        qtbot.waitUntil(lambda: not tray.reading, timeout=10_000)
    finally:
        tray.reminded.disconnect(shown.append)
    return shown


class SlowRead:
    """Makes every report read wait until :meth:`release` (and records the threads)."""

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.entered = threading.Event()
        self.released = threading.Event()

    def release(self) -> None:
        self.released.set()

    def wrap(self, upcoming: Callable[..., Any]) -> Callable[..., Any]:
        def slow(reports: Reports, *args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            self.entered.set()
            # Bounded: on the GUI thread (the old code) nobody could release it.
            self.released.wait(2)
            return upcoming(reports, *args, **kwargs)

        return slow


@pytest.fixture
def slow_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowRead]:
    slow = SlowRead()
    monkeypatch.setattr(Reports, "upcoming", slow.wrap(Reports.upcoming))
    yield slow
    slow.release()


def _tray(qtbot: Any, ctx: Any) -> Any:
    from taiwa.ui.prep_reminders import ReminderTray

    window = QWidget()
    qtbot.addWidget(window)
    tray = ReminderTray(ctx, window)
    tray.timer.stop()
    return tray


def _planned(ctx: Any, start: datetime) -> None:
    person = ctx.store.people.add("WORKER-NAME 木村")
    ctx.store.meetings.create(person.id, start, status=MeetingStatus.PLANNED)


def test_tick_reads_off_the_gui_thread_and_the_gui_keeps_running(
    qtbot: Any, app_ctx: Any, slow_read: SlowRead
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    start = now + timedelta(minutes=40)
    _planned(app_ctx, start)
    tray = _tray(qtbot, app_ctx)
    fire = start - LEAD
    tray._last_tick = fire - timedelta(minutes=1)
    shown: list[str] = []
    tray.reminded.connect(shown.append)
    assert tray.tick(fire) == []  # the schedule is on its way
    qtbot.waitUntil(slow_read.entered.is_set, timeout=5_000)
    # The read is blocked on the worker: the GUI thread still delivers its events.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=1_000)
    assert tray.reading and shown == []
    slow_read.release()
    qtbot.waitUntil(lambda: not tray.reading, timeout=5_000)
    assert shown == ["A 1on1 starts in 10 min."]
    assert slow_read.threads and threading.get_ident() not in slow_read.threads


def test_ticks_during_a_read_start_no_second_read_and_fire_once(
    qtbot: Any, app_ctx: Any, slow_read: SlowRead, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    start = now + timedelta(minutes=40)
    _planned(app_ctx, start)
    reads: list[tuple[datetime, datetime]] = []
    real = reminders.tray_reading

    def counted(store: Any, since: datetime, when: datetime, zone: Any = None) -> Any:
        reads.append((since, when))
        return real(store, since, when, zone)

    monkeypatch.setattr(reminders, "tray_reading", counted)
    tray = _tray(qtbot, app_ctx)
    fire = start - LEAD
    tray._last_tick = fire - timedelta(minutes=2)
    shown: list[str] = []
    tray.reminded.connect(shown.append)
    assert tray.tick(fire - timedelta(minutes=1)) == []  # before the reminder: starts the read
    qtbot.waitUntil(slow_read.entered.is_set, timeout=5_000)
    # The reminder falls due while the schedule is being read; these ticks queue nothing.
    assert tray.tick(fire - timedelta(seconds=30)) == []
    assert tray.tick(fire + timedelta(seconds=30)) == []
    slow_read.release()
    qtbot.waitUntil(lambda: not tray.reading, timeout=5_000)
    assert reads == [(fire - timedelta(minutes=2), fire - timedelta(minutes=1))]
    assert shown == ["A 1on1 starts in 10 min."]  # not lost
    # The window moved on to the last tick: the next one shows it no second time.
    assert tray.tick(fire + timedelta(minutes=1)) == []
    assert shown == ["A 1on1 starts in 10 min."] and len(reads) == 1
    # A change during a read is not forgotten: the next tick reads again.
    tray._read_at = None
    tray.tick(fire + timedelta(minutes=2))
    app_ctx.events.data_changed.emit()
    qtbot.waitUntil(lambda: not tray.reading, timeout=5_000)
    assert len(reads) == 2 and tray._read_at is None
    tick_and_wait(qtbot, tray, fire + timedelta(minutes=3))
    assert len(reads) == 3 and tray._read_at == fire + timedelta(minutes=3)
    assert shown == ["A 1on1 starts in 10 min."]


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_a_lock_during_the_read_drops_its_result(
    qtbot: Any, main_window: Any, slow_read: SlowRead
) -> None:
    ctx = main_window.ctx
    tray = main_window.reminder_tray
    tray.timer.stop()
    now = datetime.now(UTC).replace(microsecond=0)
    start = now + timedelta(minutes=40)
    _planned(ctx, start)
    ctx.store.actions.add(ctx.store.people.list()[0].id, "report", "LOCK-DUE", due_on=now.date())
    fire = start - LEAD
    tray._last_tick = fire - timedelta(minutes=1)
    tray._read_at = None
    shown: list[str] = []
    tray.reminded.connect(shown.append)
    tray.tick(fire)
    qtbot.waitUntil(slow_read.entered.is_set, timeout=5_000)
    # The lock waits for the vault worker (blocking the GUI thread, hence a thread to release
    # the read); the read's result arrives after the lock and is dropped.
    threading.Timer(0.1, slow_read.release).start()
    main_window.lock()
    assert not ctx.is_unlocked
    qtbot.wait(200)
    assert not tray.reading
    assert shown == [] and tray.due_count == 0 and not tray.act_due.isVisible()
    assert tray.icon.toolTip() == "Taiwa"
    assert tray.tick(fire + timedelta(seconds=30)) == [] and shown == []


def test_a_lock_clears_the_count_at_once_not_at_the_next_tick(qtbot: Any, main_window: Any) -> None:
    ctx = main_window.ctx
    tray = main_window.reminder_tray
    tray.timer.stop()
    now = datetime.now(UTC).replace(microsecond=0)
    _planned(ctx, now + timedelta(days=2))
    ctx.store.actions.add(ctx.store.people.list()[0].id, "report", "COUNT-DUE", due_on=now.date())
    tray._read_at = None
    tick_and_wait(qtbot, tray, now)
    assert tray.due_count >= 1 and tray.icon.toolTip() != "Taiwa"
    main_window.lock()
    # No tick since the lock: the tooltip and the menu say nothing about the vault already.
    assert tray.due_count == 0 and tray.icon.toolTip() == "Taiwa"
    assert not tray.act_due.isVisible()
