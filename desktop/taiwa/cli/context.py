"""What every CLI command gets: the parsed arguments, output streams, and the open vault."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from taiwa import paths
from taiwa.vault.database import Database


@dataclass
class CliContext:
    args: argparse.Namespace
    out: TextIO
    err: TextIO
    _db: Database | None = field(default=None, init=False, repr=False)

    @property
    def vault_dir(self) -> Path:
        """``--vault DIR``, else ``TAIWA_VAULT``, else the platform's user data folder."""
        return paths.vault_dir(getattr(self.args, "vault", None))

    def database(self) -> Database:
        """The vault, opened once per command through the OS keyring (or recovery secret)."""
        if self._db is None:
            from taiwa.vault.service import open_vault

            self._db = open_vault(self.vault_dir)
        return self._db

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        """Stable JSON output: UTF-8 (Japanese unescaped), sorted keys, one document."""
        json.dump(value, self.out, ensure_ascii=False, sort_keys=True, indent=2)
        self.out.write("\n")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
