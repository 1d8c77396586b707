"""Small pieces the command modules share: a subcommand with ``--vault``, times, ``--limit``.

Kept apart from the command modules so that a command built alone (see
:data:`taiwa.cli.COMMANDS`) does not import another command's module for a helper.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

MAX_LIMIT = 10_000


def add_command(target: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand of ``target`` that also takes ``--vault`` after its name."""
    parser: argparse.ArgumentParser = target.add_parser(name, help=help_text)
    parser.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    return parser


def ts(value: datetime | None) -> str | None:
    """A time for ``--json``: UTC ISO-8601 with ``Z`` (None stays None)."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local(value: datetime) -> str:
    """A time for a person reading a terminal: the laptop's zone, to the minute."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def limit(value: str) -> int:
    """``--limit``: a whole number 1..10000 (argparse reports anything else, exit status 2)."""
    raw = value.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or not 1 <= int(raw) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)
