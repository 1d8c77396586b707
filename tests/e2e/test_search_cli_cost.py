"""`taiwa search` as a process loads only what a search needs (issue 21: it ran at 1.5x a bare
open+query, importing every log command, their text input and editor support)."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support.vaults import CliVault

# Runs the real entry point, then reports every module the process loaded.
_CHILD = (
    "import sys\n"
    "sys.argv = ['taiwa', *sys.argv[1:]]\n"
    "from taiwa.__main__ import main\n"
    "status = main()\n"
    "sys.stderr.write(repr(sorted(sys.modules)))\n"
    "sys.exit(status)\n"
)


def _modules(vault: CliVault, *args: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        env=vault.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))


def test_search_loads_only_the_search_command(cli_vault: CliVault) -> None:
    result = cli_vault.run("person", "add", "山田 葵")
    assert result.returncode == 0, result.stderr
    out, modules = _modules(cli_vault, "search", "山田")
    assert "Nothing found." in out or "山田" in out
    assert "taiwa.cli.search_cmds" in modules
    # Not the other log commands, their text input (editor, shlex) or the prompt (getpass).
    assert not modules & {"taiwa.cli.log_cmds", "taiwa.cli.text_input", "shlex", "getpass"}


def test_search_reads_standard_input_when_asked(cli_vault: CliVault) -> None:
    result = cli_vault.run("search", "-", input="キャリア")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Nothing found."
