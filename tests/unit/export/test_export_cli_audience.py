"""``taiwa export-pdf --audience``: the options it makes and the combinations it refuses."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from taiwa.cli import export_cmds
from taiwa.errors import InputError
from taiwa.export.model import Audience


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub: Any = parser.add_subparsers()
    export_cmds.register(sub)
    return parser.parse_args(["export-pdf", "--person", "1", "--lang", "en", *argv])


@pytest.mark.parametrize(
    ("argv", "audience", "private"),
    [
        ((), Audience.SHARED, False),
        (("--shared-only",), Audience.SHARED, False),
        (("--include-private",), Audience.MANAGER, True),
        (("--audience", "hr"), Audience.HR, False),
        (("--audience", "handover"), Audience.HANDOVER, False),
        (("--audience", "manager", "--include-private"), Audience.MANAGER, True),
    ],
)
def test_audience_options(argv: tuple[str, ...], audience: Audience, private: bool) -> None:
    options = export_cmds._options(parse(*argv))
    assert options.target is audience and options.show_private is private


@pytest.mark.parametrize(
    "argv",
    [
        ("--audience", "hr", "--include-private"),
        ("--audience", "handover", "--include-private"),
        ("--audience", "hr", "--shared-only"),
    ],
)
def test_contradictions_are_refused(argv: tuple[str, ...]) -> None:
    with pytest.raises(InputError):
        export_cmds._options(parse(*argv))
