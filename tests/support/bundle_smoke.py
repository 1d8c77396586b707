"""The smoke test of the built bundle (``scripts/bundle --smoke``): the program a user installs.

Run by scripts/bundle inside a D-Bus session with a throwaway, unlocked gnome-keyring and a
private HOME; standard library only (it drives the bundle from outside, as a user would)::

    python tests/support/bundle_smoke.py --bundle dist/taiwa/taiwa --python .venv/bin/python \
        --work DIR

1. ``taiwa --version`` prints pyproject's version.
2. ``taiwa init`` makes a fresh vault whose key goes to the real Secret Service; ``taiwa doctor``
   finds it sound; a person is added through the CLI.
3. Under Xvfb the bundled app opens on that vault from the keyring (no passphrase typed), and
   xdotool types a few thousand characters into a new meeting (Ctrl+N, the person picker,
   Return, then the purpose field), then Ctrl+Q: the app must exit 0.
4. The bundle's own CLI reads the meeting back: every typed character is there.
5. Start-up: the time from starting the program to its unlocked main window (title "Taiwa"),
   for the bundle and for ``python -m taiwa`` from the source tree, median of 3 each.

It prints counts and times only, never note text. Exit status 0 means every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import string
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHARACTERS = 3000
#: What one start may take before the smoke test gives up (a loaded CI machine included).
START_TIMEOUT = 60.0


def say(line: str) -> None:
    print(f"smoke: {line}", flush=True)


def run(cmd: list[str], env: dict[str, str], *, timeout: float = 120) -> str:
    result = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        # The CLI's own messages quote no note text; they say what failed.
        raise SystemExit(
            f"smoke: FAILED: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}"
            f" exited {result.returncode}\n{result.stderr[-2000:]}"
        )
    return result.stdout


def xdotool(*args: str, check: bool = True) -> str:
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=120, check=False
    )
    if check and result.returncode != 0:
        raise SystemExit(f"smoke: FAILED: xdotool {args[0]} ({result.stderr.strip()[:200]})")
    return result.stdout.strip()


def start_xvfb(work: Path) -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=(work / "xvfb.log").open("wb"),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    if not display:
        raise SystemExit("smoke: FAILED: Xvfb did not start")
    return proc, f":{display}"


def wait_window(title: str, proc: subprocess.Popen[bytes], timeout: float = START_TIMEOUT) -> str:
    """The id of the visible window named exactly ``title`` (polled every 50 ms)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"smoke: FAILED: the app exited ({proc.returncode}) before {title!r}")
        found = xdotool("search", "--onlyvisible", "--name", f"^{title}$", check=False)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.05)
    raise SystemExit(f"smoke: FAILED: no window {title!r} after {timeout:.0f} s")


def focus(window: str) -> None:
    # Xvfb has no window manager: give the window the keyboard focus as one would.
    xdotool("windowfocus", "--sync", window)


def start_app(
    cmd: list[str], env: dict[str, str], work: Path
) -> tuple[subprocess.Popen[bytes], float, str]:
    """Start the app; returns it, the seconds to its unlocked main window, and that window."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=(work / "app.stderr").open("ab")
    )
    window = wait_window("Taiwa", proc)
    return proc, time.perf_counter() - started, window


def quit_app(proc: subprocess.Popen[bytes], window: str) -> int:
    focus(window)
    xdotool("key", "--clearmodifiers", "ctrl+q")
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit("smoke: FAILED: the app did not quit within 60 s of Ctrl+Q") from None


def text_to_type(rng: random.Random) -> str:
    """Words of ASCII letters and digits (what xdotool types without remapping keys)."""
    words = []
    size = 0
    while size < CHARACTERS:
        word = "".join(
            rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(2, 9))
        )
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:CHARACTERS]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--python", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    bundle, work = args.bundle.resolve(), args.work
    env = dict(os.environ, TAIWA_VAULT=str(work / "vault"), TAIWA_LANG="en")
    env.pop("QT_QPA_PLATFORM", None)

    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    shown = run([str(bundle), "--version"], env).strip()
    if version not in shown:
        raise SystemExit(f"smoke: FAILED: --version printed {shown!r}, expected {version}")
    say(f"--version: {shown}")

    # The recovery passphrase lives in this environment only; the app opens from the keyring.
    init_env = dict(env, TAIWA_RECOVERY=secrets.token_urlsafe(24))
    run([str(bundle), "init"], init_env)
    doctor = json.loads(run([str(bundle), "doctor", "--json"], env))
    if doctor.get("healthy") is not True:
        raise SystemExit("smoke: FAILED: doctor reports a problem on a fresh vault")
    say("init + doctor on a fresh vault with the real Secret Service: ok")
    run([str(bundle), "person", "add", "Aiko Tanaka", "--team", "Platform"], env)

    xvfb, display = start_xvfb(work)
    try:
        env["DISPLAY"] = os.environ["DISPLAY"] = display  # the app and xdotool
        proc, seconds, window = start_app([str(bundle)], env, work)
        say(f"the bundled app opened its main window from the keyring in {seconds:.2f} s")
        focus(window)
        time.sleep(1.0)  # the dashboard's first reading
        xdotool("key", "--clearmodifiers", "ctrl+n")
        picker = wait_window("New meeting", proc)
        focus(picker)
        time.sleep(0.5)  # the picker's list of people comes from the vault worker
        xdotool("type", "--delay", "20", "Aiko")
        xdotool("key", "Return")
        time.sleep(1.5)
        focus(window)
        typed = text_to_type(random.Random(20261203))
        for start in range(0, len(typed), 250):
            xdotool("type", "--delay", "4", "--", typed[start : start + 250])
        time.sleep(1.0)
        status = quit_app(proc, window)
        if status != 0:
            raise SystemExit(f"smoke: FAILED: the app exited with status {status} after Ctrl+Q")
        say(f"typed {len(typed)} characters into a new meeting; Ctrl+Q: exit status 0")

        meetings = json.loads(run([str(bundle), "meeting", "list", "Aiko Tanaka", "--json"], env))
        if not meetings:
            raise SystemExit("smoke: FAILED: no meeting was saved")
        meeting = json.loads(
            run([str(bundle), "meeting", "show", str(meetings[0]["id"]), "--json"], env)
        )
        saved = meeting.get("purpose", "")
        if saved != typed:
            same = sum(1 for a, b in zip(saved, typed, strict=False) if a == b)
            raise SystemExit(
                f"smoke: FAILED: the vault holds {len(saved)} characters of the purpose,"
                f" {same} of them as typed, of {len(typed)}"
            )
        say(f"the vault holds all {len(typed)} typed characters (read back by the bundle's CLI)")

        # Start-up, bundle against the source tree, alternating (the machine's load is shared).
        times: dict[str, list[float]] = {"bundle": [], "python -m taiwa": []}
        source_env = dict(env, PYTHONPATH=str(REPO / "desktop"))
        for _round in range(3):
            for label, cmd, run_env in (
                ("bundle", [str(bundle)], env),
                ("python -m taiwa", [str(args.python), "-m", "taiwa"], source_env),
            ):
                proc, seconds, window = start_app(cmd, run_env, work)
                times[label].append(seconds)
                if quit_app(proc, window) != 0:
                    raise SystemExit(f"smoke: FAILED: {label} did not quit cleanly")
        bundle_s = statistics.median(times["bundle"])
        source_s = statistics.median(times["python -m taiwa"])
        say(
            f"start to the unlocked main window, median of 3: bundle {bundle_s:.2f} s,"
            f" python -m taiwa {source_s:.2f} s (ratio {bundle_s / source_s:.2f})"
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    say("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
