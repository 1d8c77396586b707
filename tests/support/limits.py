"""Run the CLI under the limits a hostile calendar must never break: CPU time and memory.

``run_limited`` starts ``python -m taiwa ARGS`` with RLIMIT_CPU, RLIMIT_AS and RLIMIT_DATA set in
the child: the kernel stops it after :data:`CPU_SECONDS` of computing, and a runaway allocation
fails there instead of taking the machine. The budget is CPU time because that is what a file
costs; wall time also counts whatever else the machine runs (CI shares two cores with other
work: a 5 s import took over 10 s of wall time there). A wall-clock guard (:data:`WALL_SECONDS`)
still kills a child that blocks or sleeps. It reports the child's CPU time (wait4's rusage) and
its peak resident size: its own VmHWM as it exits, and /proc polled every 10 ms while it runs
(for a child that is killed).

tests/unit/ics/test_limits.py prints each case's figures (run it with ``-s``).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

#: What any calendar file may cost the CLI (the issue's budget): seconds of CPU, enforced.
CPU_SECONDS = 10.0
#: A child still running after this long is killed (it blocks, or the machine is swamped).
WALL_SECONDS = 3 * CPU_SECONDS
PEAK_RSS_MB = 600.0
#: Address space and data segment of the child: far above the RSS budget (Python maps much it
#: never touches), low enough that a runaway allocation dies quickly instead of swapping.
ADDRESS_SPACE = 4 * 1024**3
DATA_SEGMENT = 2 * 1024**3


_MARK = "\n@@peak-rss-kb@@ "
# ``python -m taiwa`` that prints its own peak RSS (VmHWM: this process image's high-water
# mark) to stderr as it exits. ru_maxrss from wait4() will not do: Linux starts a child's
# figure at its parent's peak (it survives fork and exec), so it would report pytest's size.
_LAUNCH = f"""
import atexit, runpy, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write({_MARK!r} + line.split()[1])
                sys.stderr.flush()
atexit.register(_peak)
sys.argv[0] = "taiwa"
runpy.run_module("taiwa", run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True, slots=True)
class LimitedRun:
    """How a limited run ended."""

    returncode: int | None  # None when it was killed at the timeout
    stdout: str
    stderr: str
    seconds: float  # wall clock
    peak_rss_mb: float
    timed_out: bool
    cpu_seconds: float = 0.0  # user + system time of the child

    @property
    def over_cpu(self) -> bool:
        """Whether the kernel stopped the child at its CPU limit (SIGXCPU or SIGKILL)."""
        return self.returncode in (-signal.SIGXCPU, -signal.SIGKILL)


def _limits(cpu: float, address_space: int, data: int) -> Callable[[], None]:
    def apply() -> None:
        os.setsid()  # its own process group: a timeout kills everything it started
        # SIGXCPU at the soft limit, SIGKILL a second later should it be caught.
        soft = max(1, round(cpu))
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        resource.setrlimit(resource.RLIMIT_DATA, (data, data))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def run_limited(
    args: list[str],
    env: dict[str, str],
    *,
    timeout: float = WALL_SECONDS,
    cpu: float = CPU_SECONDS,
    address_space: int = ADDRESS_SPACE,
    data: int = DATA_SEGMENT,
) -> LimitedRun:
    """Run ``python -m taiwa ARGS`` under the limits and measure it (see the module's notes)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=_limits(cpu, address_space, data),  # noqa: PLW1509 - no threads here
        )
        deadline = started + timeout
        timed_out = False
        status = 0
        peak_kb = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            peak_kb = max(peak_kb, _hwm_kb(proc.pid))
            if time.perf_counter() >= deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        head, mark, tail = stderr.rpartition(_MARK)
        if mark and tail.strip().isdigit():
            stderr = head + "\n"
            peak_kb = max(peak_kb, int(tail.strip()))
    return LimitedRun(
        returncode=None if timed_out else proc.returncode,
        stdout=stdout,
        stderr=stderr,
        seconds=seconds,
        peak_rss_mb=peak_kb / 1024,
        timed_out=timed_out,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
