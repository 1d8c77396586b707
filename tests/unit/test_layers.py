"""Layers: Qt (PySide6) is imported only under taiwa.ui.

Every other module of the package is imported in a fresh interpreter, which must end with no
PySide6 (or shiboken) module loaded. A separate process, because this test session itself may
already have Qt loaded by the UI tests.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import taiwa

SCRIPT = """
import importlib, json, pkgutil, sys
import taiwa

def walk(path, prefix):
    # pkgutil.walk_packages would import taiwa.ui's subpackages to look inside them (and
    # they may load Qt at import): recurse by hand, never into taiwa.ui.
    for m in pkgutil.iter_modules(path, prefix):
        if m.name == "taiwa.ui":
            continue
        yield m.name
        if m.ispkg:
            yield from walk(importlib.import_module(m.name).__path__, m.name + ".")

names = sorted(walk(taiwa.__path__, "taiwa."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_no_qt_outside_the_ui_package() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # The walk really covered the layers (a test that imported nothing could not fail).
    for layer in ("taiwa.vault", "taiwa.vault.service", "taiwa.cli", "taiwa.domain", "taiwa.store"):
        assert layer in report["imported"]
    expected = {
        m.name
        for m in pkgutil.walk_packages(taiwa.__path__, "taiwa.")
        if not m.name.startswith("taiwa.ui")
    }
    assert set(report["imported"]) == expected
    assert report["qt"] == [], f"Qt loaded outside taiwa.ui: {report['qt']}"


START_SCRIPT = """
import json, sys
from taiwa.cli import app_arguments
assert app_arguments(["--vault", "/nonexistent", "--lang", "en"]) is not None
heavy = ("PySide6", "reportlab", "pypdf", "icalendar", "recurring_ical_events", "cryptography")
loaded = {m.split(".")[0] for m in sys.modules} & set(heavy)
loaded |= {m for m in sys.modules if m.startswith("taiwa.cli.") and m.endswith("_cmds")}
print(json.dumps(sorted(loaded)))
"""


def test_starting_the_app_loads_no_command_pdf_calendar_or_qt_code_before_the_vault_opens() -> None:
    """``taiwa`` reads its arguments and opens the vault before Qt is loaded (taiwa.startup):
    whatever the CLI imports on the way (its commands, PDF or calendar code) is paid on every
    start of the app."""
    result = subprocess.run(
        [sys.executable, "-c", START_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("argv", "starts_app"),
    [
        ([], True),
        (["--vault", "/x", "--lang", "ja"], True),
        (["--lang=en"], True),
        (["--help"], False),
        (["--version"], False),
        (["--lang", "xx"], False),
        (["--vault"], False),
        (["person", "list"], False),
        (["--vault", "/x", "search", "word"], False),
    ],
)
def test_only_global_options_start_the_app_without_the_full_parser(
    argv: list[str], starts_app: bool
) -> None:
    from taiwa.cli import app_arguments

    args = app_arguments(argv)
    assert (args is not None) == starts_app
    if args is not None:
        assert args.command is None
