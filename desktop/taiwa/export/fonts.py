"""The bundled Japanese font and the text clean-up that keeps every glyph printable.

reportlab embeds a TrueType font as a subset of the glyphs used. IPAex Gothic covers Japanese,
Latin and most symbols, but not emoji, some dingbats or the zero-width characters people paste
from chat tools; those would print as empty boxes, so :func:`printable` maps or replaces them.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from taiwa.i18n import Lang
from taiwa.paths import resource_path

FONT_NAME = "IPAexGothic"
_lock = threading.Lock()

# Characters the font lacks that have a close equivalent it has.
_MAP: dict[str, str] = {
    "\u2714": "\u2713",  # heavy check mark → check mark
    "\u2705": "\u2713",
    "\u2611": "\u2713",
    "\u2716": "\u00d7",  # heavy multiplication x
    "\u274c": "\u00d7",
    "\u2122": "TM",
    "\u25ba": "\u25b6",
    "\u25b8": "\u25b6",
    "\u2023": "\u2022",
    "\u2043": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\ufffd": "?",
}
# Spaces of every width print as a plain space; invisible formatting characters are dropped.
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u205f", "\u3000"}
_DROP_CATEGORIES = {"Cf", "Mn", "Me", "Cc", "Cs", "Co", "Cn"}


def font_path() -> str:
    """The path of the bundled IPAex Gothic TrueType file."""
    return str(resource_path("fonts", "ipaexg.ttf"))


def register_font() -> str:
    """Register the bundled font with reportlab once per process and return its name."""
    with _lock:
        try:
            pdfmetrics.getFont(FONT_NAME)
        except KeyError:
            # subfontIndex 0; reportlab embeds TrueType fonts as subsets by default.
            pdfmetrics.registerFont(TTFont(FONT_NAME, font_path()))
            # Charts start every drawing in the graphics default font (Helvetica, never
            # embedded) even when all their labels use ours; this process draws only Taiwa's
            # documents, so make ours the default.
            shapes.STATE_DEFAULTS["fontName"] = FONT_NAME
    return FONT_NAME


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    register_font()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def _replacement(ch: str, lang: Lang) -> str:
    if ch in _MAP:
        return _MAP[ch]
    if ch in _SPACES:
        # The ideographic space is in the font and is meaningful in Japanese text.
        return ch if ord(ch) in _covered() else " "
    if ch.isspace():
        return " "
    category = unicodedata.category(ch)
    if category in _DROP_CATEGORIES:
        return ""
    # Compatibility forms (full-width letters, ligatures, circled numbers...) often decompose
    # into characters the font has.
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and all(ord(c) in _covered() for c in folded):
        return folded
    # The geta mark is the Japanese typesetter's sign for a missing character.
    return "\u3013" if lang == "ja" else "?"


def printable(text: str, lang: Lang) -> str:
    """``text`` with newlines normalised and every character the font cannot draw replaced.

    Tabs become spaces; ``\\r\\n`` and ``\\r`` become ``\\n``; other control characters,
    zero-width characters and variation selectors are dropped; emoji and other uncovered
    symbols become one visible replacement character.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    covered = _covered()
    if all(ord(c) in covered or c == "\n" for c in text):
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ord(ch) in covered:
            out.append(ch)
        else:
            out.append(_replacement(ch, lang))
    return "".join(out)
