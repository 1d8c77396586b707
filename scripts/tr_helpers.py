"""Make lupdate see strings that go through small translate helpers.

pyside6-lupdate only recognises literal ``self.tr("…")`` and
``QCoreApplication.translate("Context", "…")`` calls. Some modules wrap the latter in a helper
(``def _t(text, disambiguation=None): return QCoreApplication.translate(_CTX, text, …)``). This
script finds such helpers (context a string literal or a module-level string constant) and every
call to them with literal arguments, and writes one Python file of plain ``translate`` calls that
lupdate reads alongside the sources. Usage: ``python scripts/tr_helpers.py OUT.py FILES…``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _helpers(tree: ast.Module, consts: dict[str, str]) -> dict[str, str]:
    """name -> context, for functions whose body is ``return QCoreApplication.translate(CTX, p0…)``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = [n for n in node.body if not isinstance(n, (ast.Expr, ast.Import, ast.ImportFrom))]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
            continue
        if call.func.attr != "translate" or len(call.args) < 2:
            continue
        ctx = call.args[0]
        if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str):
            found[node.name] = ctx.value
        elif isinstance(ctx, ast.Name) and ctx.id in consts:
            found[node.name] = consts[ctx.id]
    return found


def extract(paths: list[Path]) -> list[str]:
    lines: list[str] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = _helpers(tree, _constants(tree))
        if not helpers:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            ctx = helpers.get(node.func.id)
            if ctx is None or not node.args:
                continue
            args = node.args[:2]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                continue
            literal = ", ".join(repr(a.value) for a in args)  # type: ignore[attr-defined]
            lines.append(f"QCoreApplication.translate({ctx!r}, {literal})  # {path.name}")
    return lines


def main(argv: list[str]) -> int:
    out, files = Path(argv[0]), [Path(p) for p in argv[1:]]
    body = extract(files)
    out.write_text(
        "from PySide6.QtCore import QCoreApplication\n\n" + "\n".join(body) + "\n", encoding="utf-8"
    )
    print(f"{len(body)} helper strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
