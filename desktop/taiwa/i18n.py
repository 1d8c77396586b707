"""Language choice and the translated messages of the non-Qt layers.

The Qt layer translates its widgets with .ts/.qm files; errors and CLI output come from the
packages below it, which must not import Qt, so they carry both texts in a :class:`Msg`.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Any, Literal

Lang = Literal["en", "ja"]
LANGS: tuple[Lang, ...] = ("en", "ja")

_override: Lang | None = None


def set_language(lang: str | None) -> None:
    """Fix the language for this process (None: follow the environment again)."""
    global _override  # noqa: PLW0603 - one process-wide choice, set at start-up and by settings
    _override = normalize(lang) if lang else None


def normalize(value: str | None) -> Lang:
    """Map a locale name such as ``ja_JP.UTF-8`` or ``en-US`` to a supported language."""
    if value and value.strip().lower().startswith("ja"):
        return "ja"
    return "en"


def current_language() -> Lang:
    """The language for messages: the explicit choice, else TAIWA_LANG, else the OS locale."""
    if _override is not None:
        return _override
    for var in ("TAIWA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalize(value)
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return normalize(loc)


@dataclass(frozen=True, slots=True)
class Msg:
    """A user-facing message in English and Japanese, with ``{name}`` placeholders."""

    en: str
    ja: str

    def text(self, lang: str | None = None, **params: Any) -> str:
        """Return the message in ``lang`` (default: the current language), filled in."""
        template = self.ja if (normalize(lang) if lang else current_language()) == "ja" else self.en
        return template.format(**params) if params else template
