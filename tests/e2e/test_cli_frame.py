"""The CLI frame itself: version, stray arguments, closed pipes."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from taiwa.__main__ import main


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


def test_a_secret_typed_in_place_of_a_command_is_not_echoed() -> None:
    result = _taiwa("ABCD-EFGH-SECRET")
    assert result.returncode == 2
    assert "ABCD-EFGH-SECRET" not in result.stderr + result.stdout
    assert "invalid choice" in result.stderr
    assert "import-ics" in result.stderr  # the commands are still listed


def test_help_lists_the_commands() -> None:
    """The app's own quick argument reading leaves --help to the full parser."""
    result = _taiwa("--help")
    assert result.returncode == 0
    for command in ("init", "meeting", "import-ics", "export-pdf", "screenshots"):
        assert command in result.stdout


def test_a_bad_global_option_is_explained_and_starts_nothing() -> None:
    result = _taiwa("--lang", "xx")
    assert result.returncode == 2
    assert "--lang" in result.stderr
    assert "'en', 'ja'" in result.stderr


def test_the_cycle_collector_is_on_again_after_any_exit() -> None:
    """Start-up switches the collector off (taiwa.__main__); a command, an argument error or
    ``--version`` must not leave it off."""
    for argv in (["--lang", "xx"], ["--version"]):
        with pytest.raises(SystemExit):
            main(argv)
        assert gc.isenabled()
