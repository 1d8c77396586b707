"""What can be wrong with a file to import, said without quoting it (no Qt).

A problem names where it is (a row or line number, a note's file name, a record's position in
the JSON file) and what is wrong with which field, never the field's value: a value in the wrong
column may be note text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from taiwa.errors import InputError, TaiwaError
from taiwa.i18n import Msg

BAD_FIELD = Msg("{field} is not valid.", "{field} が正しくありません。")
MISSING_FIELD = Msg("{field} is missing.", "{field} がありません。")


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad row or record: where (``row 4``, ``notes/a.md line 2``) and what."""

    where: str
    message: Msg
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return f"{self.where}: {self.message.text(lang, **self.params)}"


def field_problem(where: str, name: str, exc: TaiwaError) -> Problem:
    """A problem for field ``name`` from a validation error, without the value it would quote."""
    if any(key in exc.params for key in ("value", "ref")):
        return Problem(where, BAD_FIELD, {"field": name})
    return Problem(where, Msg(f"{name}: {exc.localized('en')}", f"{name}: {exc.localized('ja')}"))


class PortableError(InputError):
    """A file or folder that cannot be exported to or imported at all (not a per-row problem)."""

    code = "portable"
    message = Msg("The data cannot be moved.", "データを移せません。")


class ImportRefusedError(InputError):
    """Rows were bad; nothing was written. ``problems`` lists each one."""

    code = "import_refused"
    message = Msg(
        "{count} problem(s) found; nothing was imported.",
        "{count} 件の問題があります。何も取り込んでいません。",
    )

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems
