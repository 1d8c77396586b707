"""The CLI run in this process (much faster than a subprocess per call) on a throwaway vault.

The vault's key is in the tests' in-memory keyring (the autouse ``memory_keyring`` fixture), so
``taiwa.cli.run`` opens it like the real CLI opens one through the OS keyring.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taiwa.cli import run


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class InProcessVault:
    dir: Path

    @classmethod
    def create(cls, folder: Path) -> InProcessVault:
        from taiwa.vault.service import create_vault

        create_vault(folder).database.close()
        return cls(folder)

    def run(self, *args: str) -> Result:
        """``taiwa --vault DIR ARGS`` in this process: exit status, stdout, stderr."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(["--vault", str(self.dir), *args])
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.code == 0, result.err
        return result.out

    def sql(self, statement: str, params: tuple[Any, ...] = ()) -> None:
        """Write to the vault directly (to plant a value the CLI would refuse)."""
        from taiwa.vault.service import open_vault

        db = open_vault(self.dir, check_integrity=False)
        try:
            with db.transaction() as conn:
                conn.execute(statement, params)
        finally:
            db.close()

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table (the logical content, whatever the files look like)."""
        from taiwa.vault.service import open_vault

        db = open_vault(self.dir, check_integrity=False)
        try:
            tables = [
                r[0]
                for r in db.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            return {
                t: [tuple(r) for r in db.query(f'SELECT * FROM "{t}" ORDER BY rowid')]
                for t in tables
                if not _is_virtual_shadow(t)
            }
        finally:
            db.close()


def _is_virtual_shadow(table: str) -> bool:
    """FTS5 shadow tables hold the index's pages; the content tables cover the same rows."""
    return any(table.endswith(s) for s in ("_data", "_idx", "_docsize", "_config", "_content"))
