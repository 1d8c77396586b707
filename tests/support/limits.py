"""Run the CLI under the limits a hostile calendar must never break: wall clock and memory.

``run_limited`` starts ``python -m taiwa ARGS`` with RLIMIT_AS and RLIMIT_DATA set in the child
(a runaway allocation fails there instead of taking the machine), kills its process group at the
wall-clock timeout, and reports the child's peak resident size: its own VmHWM as it exits, and
/proc polled every 10 ms while it runs (for a child killed at the timeout).

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

#: What any calendar file may cost the CLI (the issue's budget).
WALL_SECONDS = 10.0
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
    seconds: float
    peak_rss_mb: float
    timed_out: bool


def _limits(address_space: int, data: int) -> Callable[[], None]:
    def apply() -> None:
        os.setsid()  # its own process group: a timeout kills everything it started
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        resource.setrlimit(resource.RLIMIT_DATA, (data, data))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def run_limited(
    args: list[str],
    env: dict[str, str],
    *,
    timeout: float = WALL_SECONDS,
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
            preexec_fn=_limits(address_space, data),  # noqa: PLW1509 - no threads here
        )
        deadline = started + timeout
        timed_out = False
        status = 0
        peak_kb = 0
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            peak_kb = max(peak_kb, _hwm_kb(proc.pid))
            if time.perf_counter() >= deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                _, status = os.waitpid(proc.pid, 0)
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
