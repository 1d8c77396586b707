"""Run every benchmark and print one table of floors, ratios and budgets: ``python -m bench``.

``scripts/bench`` runs this (``--quick`` for CI, ``--json FILE`` to keep the figures). It runs in
its own D-Bus session with a throwaway, unlocked gnome-keyring (the real Secret Service, never the
user's keyring); each benchmark module runs as its own process, writes its results as JSON, and
its own output goes to a log shown only when it fails.

Full mode measures every budget at 1x, 3x and 10x the ten-year demo vault where the benchmark
scales with the vault (the vaults are built once and cached, see :mod:`bench.scaled`; the 10x
one takes about ten minutes to build) and exits 1 when a budget is exceeded. ``--quick`` runs
each benchmark once at 1x so that none of them rots: it fails only when one crashes, never on
a ratio (a shared CI machine is too noisy for budgets).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench.common import REPO, Result, in_secret_service, load, table

# (module, full-mode arguments, quick-mode arguments)
PLAN: tuple[tuple[str, list[str], list[str]], ...] = (
    (
        "bench_cli",
        ["--scales", "1", "3", "10", "--repeat", "5"],
        ["--scales", "1", "--repeat", "1"],
    ),
    (
        "bench_search",
        ["--scales", "1", "3", "10", "--repeat", "7"],
        ["--scales", "1", "--repeat", "1"],
    ),
    ("bench_ui", ["--scales", "1", "3", "10", "--repeat", "5"], ["--scales", "1", "--repeat", "1"]),
    ("bench_vault", [], ["--meetings", "500", "--repeat", "3"]),
    ("bench_log", [], ["--repeat", "1"]),
    # Quick mode: a 200-event calendar with the same mix, without the 60 000-event export.
    ("bench_ics", [], ["--repeat", "1", "--events", "200"]),
    ("bench_pdf", [], ["--meetings", "20", "--repeat", "1"]),
)


# A benchmark that runs longer than this is stopped and reported as crashed.
TIME_LIMIT_S = {False: 3600, True: 300}


def _supports(module: str, option: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return option in done.stdout


def _quick_args(module: str, args: list[str]) -> list[str] | None:
    """``args`` without the options the module does not have; None when a size option is
    missing (its full size is too slow for a quick run)."""
    if "--events" in args and not _supports(module, "--events"):
        return None
    return args


def run_module(
    module: str, args: list[str], work: Path, limit_s: float
) -> tuple[list[Result] | None, float]:
    """Run ``bench.<module>``; its results, or None when it crashed (its log is printed)."""
    out = work / f"{module}.json"
    log = work / f"{module}.log"
    start = time.perf_counter()
    with log.open("wb") as handle:
        try:
            subprocess.run(
                [sys.executable, "-m", f"bench.{module}", *args, "--json", str(out)],
                cwd=REPO,
                stdout=handle,
                stderr=subprocess.STDOUT,
                check=False,
                timeout=limit_s,
            )
        except subprocess.TimeoutExpired:
            handle.write(f"\nstopped after {limit_s:.0f} s\n".encode())
    seconds = time.perf_counter() - start
    if not out.exists():
        with contextlib.suppress(OSError):
            sys.stdout.write(log.read_text(encoding="utf-8", errors="replace")[-3000:])
        return None, seconds
    return load(out), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1x only, one run each, no budgets")
    parser.add_argument("--only", nargs="+", metavar="MODULE", help="e.g. bench_cli bench_ui")
    parser.add_argument("--json", metavar="FILE", help="also write every result as JSON")
    args = parser.parse_args(argv)
    in_secret_service("bench", argv)
    results: list[Result] = []
    crashed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="taiwa-bench-") as tmp:
        for module, full, quick in PLAN:
            if args.only and module not in args.only:
                continue
            chosen = _quick_args(module, quick) if args.quick else full
            if chosen is None:
                print(f"skipped {module} (no small size for a quick run)", flush=True)
                continue
            print(f"running {module}…", flush=True)
            found, seconds = run_module(module, chosen, Path(tmp), TIME_LIMIT_S[args.quick])
            print(f"  {seconds:.0f} s", flush=True)
            if found is None:
                crashed.append(module)
            else:
                results += found
    mode = "quick: one run each at 1x, budgets not enforced" if args.quick else "medians"
    print(f"\nTaiwa benchmarks ({mode}); floors measured in the same run, interleaved")
    print(table(results))
    if args.json:
        rows = [asdict(r) | {"ratio": r.ratio, "ok": r.ok} for r in results]
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    if crashed:
        print(f"crashed: {', '.join(crashed)}")
        return 2
    if args.quick:
        return 0
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
