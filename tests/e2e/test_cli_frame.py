"""The CLI frame itself: version, stray arguments, closed pipes."""

from __future__ import annotations

import os
import subprocess
import sys


def _taiwa(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TAIWA_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "taiwa", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_version_is_printed() -> None:
    result = _taiwa("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("taiwa ")


def test_a_secret_typed_as_an_argument_is_not_echoed() -> None:
    result = _taiwa("unlock", "ABCD-EFGH-SECRET")
    assert result.returncode == 2
    assert "ABCD-EFGH-SECRET" not in result.stderr + result.stdout
    assert "unrecognized arguments" in result.stderr
