"""The recovery dialogs and first run import the recovery-sheet helpers, never each other.

first_run, settings_dialog and recovery_dialog used to import each other in a circle (also
through imports inside functions); the helpers now live in ui/recovery_sheet.py. The check
reads the sources' import statements (every one, at any depth), so it needs no Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import taiwa

UI = Path(taiwa.__file__).parent / "ui"


def ui_imports(module: str) -> set[str]:
    """The ``taiwa.ui`` modules that ``module`` imports anywhere in its source."""
    tree = ast.parse((UI / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "taiwa.ui":
                names = [f"taiwa.ui.{a.name}" for a in node.names]
            found.update(n.removeprefix("taiwa.ui.") for n in names if n.startswith("taiwa.ui."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("taiwa.ui.")
                for a in node.names
                if a.name.startswith("taiwa.ui.")
            )
    return {name.split(".")[0] for name in found if (UI / f"{name.split('.')[0]}.py").exists()}


def test_recovery_sheet_modules_form_no_cycle() -> None:
    group = ("first_run", "settings_dialog", "recovery_dialog", "recovery_sheet")
    graph = {m: ui_imports(m) & set(group) for m in group}
    assert graph["recovery_sheet"] == set()

    def reaches(start: str, target: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt}))
            for nxt in graph[start]
        )

    assert [m for m in group if reaches(m, m)] == []
