"""Turning user text into reportlab paragraph markup safely.

reportlab's Paragraph parses a small XML dialect: ``<img src=...>`` embeds a local file,
``<a href=...>`` makes a link, unknown tags raise. User text therefore never reaches it raw:
:func:`user` escapes ``&``, ``<`` and ``>``, keeps line breaks and leading indentation, and maps
characters the font cannot draw. Only the document templates add markup, around escaped text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from taiwa.export.fonts import fallback_markup, printable
from taiwa.i18n import Lang


def user(text: str, lang: Lang) -> str:
    """Paragraph markup that prints ``text`` literally, with its line breaks."""
    lines = printable(text, lang, fallback=True).split("\n")
    out: list[str] = []
    for line in lines:
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        # Leading spaces would be collapsed by the paragraph parser; keep the writer's indents.
        out.append("&#160;" * indent + fallback_markup(escape(stripped)))
    return "<br/>".join(out)


def plain(text: str, lang: Lang) -> str:
    """Escaped single-line markup (for table cells and headings): newlines become spaces."""
    return fallback_markup(escape(printable(text, lang, fallback=True).replace("\n", " ")))


def has_cjk(text: str) -> bool:
    """Whether ``text`` has characters that break lines without spaces (kana, kanji, CJK punctuation)."""
    # Everything from the CJK radicals up (kana, kanji of every plane, Hangul, full-width
    # forms): the JIS X 4051 line breaker also wraps Latin words properly among them.
    return any(ord(c) >= 0x2E80 for c in text)
