"""What a CLI command does before its work stays small (issue 21: read commands within 1.5x of
a bare open+query process)."""

from __future__ import annotations

import argparse
import gettext

import pytest

from taiwa.cli import build_parser


def test_argparse_texts_are_looked_up_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # gettext searches the file system on every lookup that finds no catalogue; argparse
    # asked it 75 times for the person commands (~17 ms under a Japanese locale).
    monkeypatch.setenv("LANGUAGE", "ja_JP:ja")
    plain = argparse._  # type: ignore[attr-defined]
    searched: list[str] = []
    find = gettext.find

    def counting(domain: str, *args: object, **kwargs: object) -> object:
        searched.append(domain)
        return find(domain, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gettext, "find", counting)
    parser = build_parser(["person", "list"])
    assert 0 < len(searched) <= 10
    assert argparse._ is plain  # type: ignore[attr-defined]
    # The texts are argparse's own, as before.
    assert "show this help message and exit" in parser.format_help()
