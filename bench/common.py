"""Timing helpers shared by the benchmarks.

These machines are noisy, so a benchmark never compares against a fixed number of
milliseconds: it measures a *floor* (the same work done by the bare library) in the same run,
interleaved with the project's own code, and reports the ratio of medians.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Result:
    name: str
    ours_ms: float
    floor_ms: float | None
    budget: float | None  # max ratio (or max ms when floor is None)
    unit: str = "ratio"

    @property
    def ratio(self) -> float | None:
        if self.floor_ms is None or self.floor_ms <= 0:
            return None
        return self.ours_ms / self.floor_ms

    @property
    def ok(self) -> bool:
        if self.budget is None:
            return True
        if self.floor_ms is None:
            return self.ours_ms <= self.budget
        ratio = self.ratio
        return ratio is not None and ratio <= self.budget

    def line(self) -> str:
        status = "ok  " if self.ok else "OVER"
        if self.floor_ms is None:
            budget = f" (budget {self.budget:.0f} ms)" if self.budget is not None else ""
            return f"{status} {self.name}: {self.ours_ms:.2f} ms{budget}"
        budget = f" (budget {self.budget}x)" if self.budget is not None else ""
        return (
            f"{status} {self.name}: {self.ours_ms:.2f} ms vs floor {self.floor_ms:.2f} ms"
            f" = {self.ratio:.2f}x{budget}"
        )


def median_ms(fn: Callable[[], Any], repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_ms(
    ours: Callable[[], Any], floor: Callable[[], Any], repeat: int = 7, warmup: int = 1
) -> tuple[float, float]:
    """Medians of ``ours`` and ``floor`` run alternately, so load spikes hit both alike."""
    for _ in range(warmup):
        floor()
        ours()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        floor()
        b.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        ours()
        a.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


def report(results: list[Result], json_out: str | None = None) -> int:
    """Print one line per result; return 0 when every budget holds, 1 otherwise."""
    for result in results:
        print(result.line())
    if json_out:
        with open(json_out, "w", encoding="utf-8") as handle:
            json.dump(
                [asdict(r) | {"ratio": r.ratio, "ok": r.ok} for r in results], handle, indent=2
            )
    return 0 if all(r.ok for r in results) else 1
