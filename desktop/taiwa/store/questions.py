"""Question banks per theme, in Japanese and English, to seed agendas. Editable by the user.

The bundled banks (resources/questions/<lang>.json) are copied into the vault the first time
they are read; after that the vault's copy is the user's own (a bank emptied on purpose stays
empty).
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass
from typing import Any

from taiwa import paths
from taiwa.domain import errors, validate
from taiwa.domain.models import Theme
from taiwa.i18n import LANGS
from taiwa.store.settings import QUESTIONS_SEEDED, Settings
from taiwa.vault.database import Database


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    lang: str
    theme: Theme
    text: str
    position: int


def _lang(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in LANGS:
        return value.strip().lower()
    raise errors.BadLanguageError(value=str(value)[:20])


def bundled_questions(lang: str) -> dict[Theme, list[str]]:
    """The question bank shipped with Taiwa for ``lang`` ("ja" or "en")."""
    raw: dict[str, Any] = json.loads(
        paths.resource("questions", f"{_lang(lang)}.json").read_text(encoding="utf-8")
    )
    return {Theme(k): [str(q) for q in v] for k, v in raw.items()}


class Questions:
    """Typed access to ``question`` rows."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = Settings(db)

    def ensure_seeded(self) -> bool:
        """Copy the bundled banks into the vault once. Returns True when it did."""
        if self._settings.get(QUESTIONS_SEEDED):
            return False
        row = self._db.query_one("SELECT count(*) FROM question")
        with self._db.transaction() as conn:
            if row is not None and row[0] == 0:
                for lang in LANGS:
                    for theme, texts in bundled_questions(lang).items():
                        conn.executemany(
                            "INSERT INTO question (lang, theme, text, position)"
                            " VALUES (?, ?, ?, ?)",
                            [(lang, theme.value, t, i) for i, t in enumerate(texts)],
                        )
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, 'true')"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (QUESTIONS_SEEDED,),
            )
        return True

    def list(self, lang: str, theme: Theme | str | None = None) -> builtins.list[Question]:
        """The questions of one language (and theme), in their order."""
        self.ensure_seeded()
        sql = "SELECT * FROM question WHERE lang = ?"
        params: builtins.list[Any] = [_lang(lang)]
        if theme is not None:
            sql += " AND theme = ?"
            params.append(validate.theme(theme).value)
        rows = self._db.query(sql + " ORDER BY theme, position, id", params)
        return [
            Question(r["id"], r["lang"], Theme(r["theme"]), r["text"], r["position"]) for r in rows
        ]

    def get(self, question_id: int) -> Question:
        row = self._db.query_one("SELECT * FROM question WHERE id = ?", (question_id,))
        if row is None:
            raise errors.QuestionNotFoundError(id=question_id)
        return Question(row["id"], row["lang"], Theme(row["theme"]), row["text"], row["position"])

    def add(self, lang: str, theme: Theme | str, text: str) -> Question:
        """Add a question at the end of its bank."""
        values = (_lang(lang), validate.theme(theme).value, validate.text(text, limit=2000))
        self.ensure_seeded()
        with self._db.transaction() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM question WHERE lang = ? AND theme = ?",
                values[:2],
            ).fetchone()[0]
            cur = conn.execute(
                "INSERT INTO question (lang, theme, text, position) VALUES (?, ?, ?, ?)",
                (*values, position),
            )
            question_id = int(cur.lastrowid or 0)
        return self.get(question_id)

    def update(
        self, question_id: int, *, text: str | None = None, theme: Theme | str | None = None
    ) -> Question:
        """Change a question's text or theme."""
        current = self.get(question_id)
        new_text = current.text if text is None else validate.text(text, limit=2000)
        new_theme = current.theme if theme is None else validate.theme(theme)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE question SET text = ?, theme = ? WHERE id = ?",
                (new_text, new_theme.value, question_id),
            )
        return self.get(question_id)

    def delete(self, question_id: int) -> None:
        self.get(question_id)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM question WHERE id = ?", (question_id,))

    def reset(self, lang: str) -> None:
        """Replace one language's banks with the bundled ones."""
        code = _lang(lang)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM question WHERE lang = ?", (code,))
            for theme, texts in bundled_questions(code).items():
                conn.executemany(
                    "INSERT INTO question (lang, theme, text, position) VALUES (?, ?, ?, ?)",
                    [(code, theme.value, t, i) for i, t in enumerate(texts)],
                )
