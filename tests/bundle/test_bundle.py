"""The Linux bundle as a user gets it: ``scripts/bundle --smoke`` builds it from the pinned
runtime (or reuses an up-to-date build) and runs the built program (see
tests/support/bundle_smoke.py). Slow: once per CI run, on the primary venv only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "dbus-run-session", "gnome-keyring-daemon")


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_built_bundle_starts_types_saves_and_quits() -> None:
    if Path(sys.prefix).resolve() != (REPO / ".venv").resolve():
        pytest.skip("the bundle is built from .venv's runtime, once per run (not per Python)")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (scripts/setup --dev installs them)")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [str(REPO / "scripts" / "bundle"), "--smoke"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1700,
        check=False,
    )
    report = [line for line in result.stdout.splitlines() if line.startswith(("smoke:", "bundle:"))]
    print("\n".join(report))
    assert result.returncode == 0, "\n".join(report[-10:]) + result.stderr[-3000:]
    assert "smoke: PASSED" in result.stdout
    assert any("the vault holds all" in line for line in report)
