"""Timing helpers shared by the benchmarks.

These machines are noisy, so a benchmark never compares against a fixed number of
milliseconds: it measures a *floor* (the same work done by the bare library) in the same run,
interleaved with the project's own code, and reports the ratio of medians.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: Set inside the throwaway Secret Service session of :func:`run_in_secret_service`.
SESSION_ENV = "TAIWA_BENCH_SECRET_SERVICE"
#: A run's growth from 1x to Nx counts as linear up to N times this (noise on a shared machine).
GROWTH_SLACK = 1.25


@dataclass
class Result:
    name: str
    ours_ms: float
    floor_ms: float | None
    budget: float | None  # max ratio (or max ms when floor is None)
    unit: str = "ratio"
    scale: int = 1  # the vault's size as a multiple of the ten-year demo vault

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


def quick_warmup(repeat: int) -> int:
    """Warm-up runs before timing: none for a single (quick-mode) run, which only checks that
    the benchmark still works."""
    return 1 if repeat > 1 else 0


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


def growth(results: Sequence[Result], *, floor: bool = False) -> dict[tuple[str, int], float]:
    """For every result measured at several scales: ours (or the floor) at scale N over 1x."""
    base = {
        r.name: (r.floor_ms if floor else r.ours_ms)
        for r in results
        if r.scale == 1 and (r.floor_ms if floor else r.ours_ms)
    }
    return {
        (r.name, r.scale): value / base[r.name]
        for r in results
        if r.scale != 1 and r.name in base
        for value in [r.floor_ms if floor else r.ours_ms]
        if value is not None
    }


def table(results: Sequence[Result]) -> str:
    """One table of floors, ratios and budgets; scaled rows also show their growth."""
    grown = growth(results)
    floor_grown = growth(results, floor=True)
    head = f"{'':4} {'benchmark':<54} {'size':>4} {'floor':>10} {'ours':>10} {'ratio':>7}"
    lines = [head + f" {'budget':>8}  growth from 1x", "-" * (len(head) + 26)]
    for r in results:
        status = "ok  " if r.ok else "OVER"
        suffix = "MB" if r.unit == "MB" else "ms"
        floor = f"{r.floor_ms:8.1f}{suffix}" if r.floor_ms is not None else f"{'-':>10}"
        ours = f"{r.ours_ms:10.0f}" if r.unit == "count" else f"{r.ours_ms:8.1f}{suffix}"
        ratio = f"{r.ratio:6.2f}x" if r.ratio is not None else f"{'-':>7}"
        if r.budget is None:
            budget = f"{'-':>8}"
        elif r.floor_ms is None:
            budget = f"{'<=' + format(r.budget, 'g') + ('' if r.unit == 'count' else 'ms'):>8}"
        else:
            budget = f"{'<=' + format(r.budget, 'g') + 'x':>8}"
        line = f"{status} {r.name[:54]:<54} {str(r.scale) + 'x':>4} {floor} {ours} {ratio} {budget}"
        g = grown.get((r.name, r.scale))
        if g is not None:
            shape = "linear or better" if g <= r.scale * GROWTH_SLACK else "FASTER THAN LINEAR"
            line += f"  {g:5.2f}x for {r.scale}x data ({shape})"
            f = floor_grown.get((r.name, r.scale))
            if f is not None:
                line += f"; floor {f:.2f}x"
        lines.append(line)
    return "\n".join(lines)


def report(results: list[Result], json_out: str | None = None) -> int:
    """Print the table; return 0 when every budget holds, 1 otherwise."""
    print(table(results))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as handle:
            json.dump(
                [asdict(r) | {"ratio": r.ratio, "ok": r.ok} for r in results], handle, indent=2
            )
    return 0 if all(r.ok for r in results) else 1


def compile_sources() -> None:
    """Write Taiwa's bytecode, as pip does at install time: an editable checkout under
    PYTHONDONTWRITEBYTECODE would recompile every module in every measured process."""
    import compileall

    compileall.compile_dir(REPO / "desktop" / "taiwa", quiet=1)


def load(json_file: Path) -> list[Result]:
    """Results written by ``report(..., json_out)`` (by any benchmark module)."""
    rows = json.loads(json_file.read_text(encoding="utf-8"))
    fields = set(Result.__dataclass_fields__)
    return [Result(**{k: v for k, v in row.items() if k in fields}) for row in rows]


# -- the real Secret Service ----------------------------------------------------------------------

# The session scripts/test gives the real-keyring tests: a throwaway HOME, an unlocked
# gnome-keyring with a throwaway password, never the user's own keyring.
_SESSION = r"""
export HOME="$KR_HOME" XDG_DATA_HOME="$KR_HOME/share" XDG_CONFIG_HOME="$KR_HOME/config" \
  XDG_CACHE_HOME="$KR_HOME/cache" XDG_RUNTIME_DIR="$KR_HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
printf %s throwaway-bench-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
"""


def have_secret_service() -> bool:
    """Whether this machine can run a throwaway Secret Service."""
    return bool(shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"))


def run_in_secret_service(cmd: Sequence[str]) -> int:
    """Run ``cmd`` in its own D-Bus session with a throwaway, unlocked gnome-keyring."""
    home = tempfile.mkdtemp(prefix="taiwa-bench-keyring-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING"))}
    env["KR_HOME"] = home
    env[SESSION_ENV] = "1"
    try:
        return subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", _SESSION, "bash", *cmd], env=env, check=False
        ).returncode
    finally:
        shutil.rmtree(home, ignore_errors=True)


def in_secret_service(module: str, argv: Sequence[str] | None) -> None:
    """Return when running in the throwaway Secret Service; else run ``python -m module``
    there and exit with its status."""
    if os.environ.get(SESSION_ENV):
        return
    if not have_secret_service():
        sys.exit(f"{module}: needs dbus-run-session and gnome-keyring-daemon (the real keyring)")
    args = list(sys.argv[1:] if argv is None else argv)
    sys.exit(run_in_secret_service([sys.executable, "-m", module, *args]))
