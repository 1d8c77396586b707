"""The cycle collector runs on the GUI thread only (taiwa.ui.collector).

A collection that starts on the vault worker can destroy a Python-owned Qt object the GUI thread
is using: the import dialog's tests crashed that way when a worker's query allocated just past
the collector's threshold while the previous test's dialog and context were still garbage.
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any


class _Node:
    partner: _Node | None = None


def _cycle() -> _Node:
    first, second = _Node(), _Node()
    first.partner, second.partner = second, first
    return first


def test_worker_allocations_never_start_a_collection_and_the_gui_thread_collects(
    qtbot: Any, qapp: Any
) -> None:
    from taiwa.ui import collector
    from taiwa.ui.ops import Op

    gui_thread = threading.get_ident()
    started_on: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started_on.append(threading.get_ident())

    gc.enable()  # as a command leaves it (taiwa.cli.main)
    gc.callbacks.append(watch)
    try:
        collector.collect_on_gui_thread(qapp)
        assert not gc.isenabled()
        kept: list[_Node] = []

        def churn() -> int:
            # Far past the thresholds: left automatic, this would collect many times here.
            for _ in range(50_000):
                _cycle()
            kept.append(_cycle())
            return len(kept)

        done: list[int] = []
        Op(None, churn).success(done.append).run()
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert set(started_on) <= {gui_thread}

        # Garbage is still collected: by the timer, on the GUI thread.
        gone = weakref.ref(kept.pop())
        qtbot.waitUntil(lambda: gone() is None, timeout=5 * collector.INTERVAL_MS)
        assert set(started_on) == {gui_thread}
    finally:
        gc.callbacks.remove(watch)
