"""The CLI builds only the command that runs: the registry names every command's modules, and a
command's parser built alone equals the one built with every module."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from taiwa.cli import COMMANDS, build_parser, command_name


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_is_in_the_registry() -> None:
    assert set(_subparsers(build_parser())) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_built_alone_is_the_command_built_with_all(name: str) -> None:
    alone = _subparsers(build_parser([name]))
    full = _subparsers(build_parser())
    assert alone[name].format_help() == full[name].format_help()
    for child, parser in _subparsers_or_empty(full[name]).items():
        assert _subparsers_or_empty(alone[name])[child].format_help() == parser.format_help()


def _subparsers_or_empty(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    try:
        return _subparsers(parser)
    except AssertionError:
        return {}


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["person", "list"], "person"),
        (["--vault", "/v", "search", "x"], "search"),
        (["--lang=ja", "rollup", "show"], "rollup"),
        (["--lang", "en", "--vault", "d", "doctor"], "doctor"),
        (["--help"], None),
        (["-h", "person"], None),
        ([], None),
        (["--vault", "/v"], None),
    ],
)
def test_command_name(argv: list[str], name: str | None) -> None:
    assert command_name(argv) == name


def test_person_list_imports_only_its_modules() -> None:
    script = (
        "import json, sys; from taiwa.cli import build_parser;"
        " build_parser(['person', 'list']);"
        " print(json.dumps(sorted(m for m in sys.modules if m.endswith('_cmds'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    # search_cmds is registered by log_cmds (its place in the help), and is small.
    assert json.loads(out) == [
        "taiwa.cli.lifecycle_cmds",
        "taiwa.cli.log_cmds",
        "taiwa.cli.search_cmds",
    ]


def test_search_imports_only_its_module() -> None:
    """A search builds only itself: not the log commands, their text input or editor support
    (issue 21: they made `taiwa search` 1.5x a bare open+query)."""
    script = (
        "import json, sys; from taiwa.cli import build_parser;"
        " build_parser(['search', 'x']);"
        " print(json.dumps(sorted(m for m in sys.modules if m.startswith('taiwa.cli.'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert json.loads(out) == ["taiwa.cli.context", "taiwa.cli.search_cmds", "taiwa.cli.shared"]
