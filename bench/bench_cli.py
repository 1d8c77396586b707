"""Benchmark: CLI read commands as whole processes, against a bare open+query process.

Run: ``scripts/bench`` (all benchmarks), or ``python -m bench.bench_cli`` (``--scales 1 3 10``,
``--repeat N``, ``--json FILE``). It needs the real Secret Service: run outside one, it starts
a throwaway gnome-keyring in its own D-Bus session (see :func:`bench.common.in_secret_service`).

For each vault (the ten-year demo vault at 1x, 3x = 300 people, 10x; see :mod:`bench.scaled`),
each command is timed as a fresh process, paired and interleaved with its floor:

* ours: ``python -m taiwa --vault DIR person list`` / ``upcoming`` / ``search 評価``;
* floor: a bare Python process that imports keyring and sqlcipher3, reads the same key from the
  Secret Service, opens ``taiwa.db`` and runs an equivalent query (budget 1.5x).

It also counts the subprocesses ``person list`` spawns (the keyring backend must resolve
without any).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import (
    REPO,
    Result,
    compile_sources,
    in_secret_service,
    paired_ms,
    quick_warmup,
    report,
)
from taiwa.vault.integrity import OPEN_MARKER
from taiwa.vault.schema import KIND_PRIVATE_NOTES

BUDGET = 1.5
SEARCH_TERM = "評価"

# The bare process: the least any CLI command has to do.
FLOOR_CHILD = r"""
import sys
import keyring.backends.SecretService
import sqlcipher3.dbapi2 as sqlcipher
path, vault_id, which = sys.argv[1:4]
key = keyring.backends.SecretService.Keyring().get_password("Taiwa", vault_id)
conn = sqlcipher.connect(path)
conn.executescript(f"PRAGMA key = \"x'{key}'\";")
sql, params = QUERIES[which]
for row in conn.execute(sql, params).fetchall():
    print(*row)
conn.close()
"""

# Queries equivalent to what each command reads (the same rows; Taiwa adds its rules on top).
QUERIES = {
    "person list": (
        "SELECT p.id, p.name, p.cadence_days,"
        " (SELECT max(starts_at) FROM meeting WHERE person_id = p.id AND status = 'held'),"
        " (SELECT count(*) FROM action WHERE person_id = p.id AND done_on IS NULL)"
        " FROM person p ORDER BY p.name",
        (),
    ),
    "upcoming": (
        "SELECT m.id, p.name, m.starts_at, m.source FROM meeting m JOIN person p"
        " ON p.id = m.person_id WHERE m.status = 'planned' AND m.starts_at >= ?"
        " AND m.starts_at <= ? ORDER BY m.starts_at",
        ("2026-01-01T00:00:00Z", "2027-12-31T00:00:00Z"),
    ),
    # Two characters: no trigram can match them, so Taiwa and the floor scan the newest rows.
    # Private notes are left out as Taiwa does (the index's rowid is id * 8 + kind).
    "search 評価": (
        "SELECT rowid, substr(body, 1, 120) FROM search_index"  # noqa: S608 - a constant
        f" WHERE body LIKE ? AND (rowid & 7) <> {KIND_PRIVATE_NOTES}"
        " ORDER BY rowid DESC LIMIT 50",
        (f"%{SEARCH_TERM}%",),
    ),
}
COMMANDS = {
    "person list": ["person", "list"],
    "upcoming": ["upcoming"],
    "search 評価": ["search", SEARCH_TERM],
}

# Counts the subprocesses a command starts (an audit hook, then the real entry point).
SPAWN_CHILD = r"""
import sys
spawned = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.fork", "os.system"):
        spawned.append(event)
sys.addaudithook(hook)
sys.argv = ["taiwa", *sys.argv[1:]]
import io, contextlib
from taiwa.__main__ import main
with contextlib.redirect_stdout(io.StringIO()):
    main()
sys.stderr.write(f"spawned {len(spawned)}\n")
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    pythonpath = [str(REPO / "desktop"), str(REPO)]
    env["PYTHONPATH"] = os.pathsep.join(pythonpath + [p for p in [env.get("PYTHONPATH")] if p])
    env["TAIWA_LANG"] = "en"
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[3:]} failed: {done.stderr.decode(errors='replace')[-400:]}")


def spawned_by(folder: Path, env: dict[str, str]) -> int:
    """How many subprocesses ``taiwa person list`` starts."""
    done = subprocess.run(
        [sys.executable, "-c", SPAWN_CHILD, "--vault", str(folder), "person", "list"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stderr.strip().rsplit(" ", 1)[-1])


def bench_vault(scale: int, repeat: int, base: Path) -> list[Result]:
    from bench.scaled import keyring_copy
    from taiwa.vault.header import read_header

    folder = keyring_copy(scale, base / f"{scale}x")
    vault_id = read_header(folder).vault_id
    env = child_env()
    floor_code = f"QUERIES = {QUERIES!r}\n{FLOOR_CHILD}"
    results = []
    for name, args in COMMANDS.items():
        ours_cmd = [sys.executable, "-m", "taiwa", "--vault", str(folder), *args]
        floor_cmd = [sys.executable, "-c", floor_code, str(folder / "taiwa.db"), vault_id, name]
        mine, floor = paired_ms(
            lambda c=ours_cmd: _run(c, env),
            lambda c=floor_cmd: _run(c, env),
            repeat=repeat,
            warmup=quick_warmup(repeat),
        )
        results.append(Result(f"cli {name}", mine, floor, BUDGET, scale=scale))
    if scale == 1 and repeat > 1:
        # What every command cost before the check moved (the marker makes the open run it);
        # seconds per run, so not in the quick mode.
        marker = folder / OPEN_MARKER
        ours_cmd = [sys.executable, "-m", "taiwa", "--vault", str(folder), *COMMANDS["person list"]]
        floor_cmd = [
            sys.executable,
            "-c",
            floor_code,
            str(folder / "taiwa.db"),
            vault_id,
            "person list",
        ]

        def checked() -> None:
            marker.touch()
            _run(ours_cmd, env)

        mine, floor = paired_ms(checked, lambda: _run(floor_cmd, env), repeat=repeat)
        results.append(
            Result("  (before) cli person list with quick_check on open", mine, floor, None)
        )
    if scale == 1:
        count = spawned_by(folder, env)
        results.append(
            Result("cli person list: subprocesses spawned", float(count), None, 0, unit="count")
        )
    return results


def run(scales: list[int], repeat: int) -> list[Result]:
    results: list[Result] = []
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="taiwa-bench-cli-") as tmp:
        for scale in scales:
            results += bench_vault(scale, repeat, Path(tmp))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    in_secret_service("bench.bench_cli", argv)
    return report(run(args.scales, args.repeat), args.json)


if __name__ == "__main__":
    sys.exit(main())
