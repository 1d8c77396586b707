"""The bundled Japanese font and the text clean-up that keeps every glyph printable.

reportlab embeds a TrueType font as a subset of the glyphs used. IPAex Gothic covers Japanese,
Latin and most symbols, but not emoji, some dingbats or the zero-width characters people paste
from chat tools. The fallback chain is short on purpose (package size): DejaVu Sans (760 kB,
Bitstream Vera licence shipped as DejaVu_LICENSE.txt) draws emoji faces, dingbats and
symbols in paragraphs (:func:`fallback_markup`). What neither font has (Hangul, kanji
outside JIS X 0213 such as 𠮷, colour emoji) or what reportlab cannot lay out (right-to-left
scripts) is replaced by 〓 / ?, and :func:`collect_missing` lets the export name those
characters before the file is written.

Two fixes to reportlab's embedding, so that text copied out of the PDF is what was typed:

* its ToUnicode map writes a character outside the BMP (𠮟 U+20B9F) as ``<20B9F>``, which
  readers take for U+20B9 (₹); :class:`_TaiwaFont` rewrites it as the UTF-16 surrogate pair;
* it draws one glyph per code point and knows no variation sequences (葛 + U+E0100). The
  font's cmap format 14 has them, so :func:`printable` turns each sequence into one private
  code point mapped to the sequence's glyph, whose ToUnicode entry is the whole sequence.
"""

from __future__ import annotations

import contextvars
import re
import struct
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from taiwa.i18n import Lang
from taiwa.paths import resource_path

FONT_NAME = "IPAexGothic"
#: The second font of the chain: DejaVu Sans (Bitstream Vera licence, DejaVu_LICENSE.txt),
#: for symbols, emoji faces, Greek, Cyrillic and other Latin letters IPAex Gothic lacks.
FALLBACK_NAME = "TaiwaFallback"
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


#: The private code points standing for variation sequences (plane 15 private use).
_SEQUENCE_BASE = 0xF0000
_sequences: dict[str, int] = {}  # "葛\U000E0100" -> private code point
_sequence_text: dict[int, str] = {}  # and back, for the ToUnicode map
_BFCHAR = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]+)>$", re.MULTILINE)
_missing: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "taiwa_export_missing", default=None
)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _fix_to_unicode(content: str) -> str:
    """A ToUnicode CMap with every destination written as UTF-16BE (surrogate pairs)."""

    def one(match: re.Match[str]) -> str:
        code = int(match.group(2), 16)
        target = _sequence_text.get(code) or chr(code)
        return f"<{match.group(1)}> <{_utf16_hex(target)}>"

    return _BFCHAR.sub(one, content)


class _TaiwaFont(TTFont):  # type: ignore[misc]
    """reportlab's TTFont with a ToUnicode map that is right for every code point."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's API
        state = self.state.get(doc)
        names = []
        if state is not None:
            for n in range(len(state.subsets)):
                prefix = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
                names.append(prefix.decode("pdfdoc"))
        super().addObjects(doc)
        for name in names:
            stream = doc.idToObject.get("toUnicodeCMap:" + name)
            if stream is not None:
                stream.content = _fix_to_unicode(stream.content)


def _cmap_subtables(data: bytes, fmt: int) -> Iterator[int]:
    """Offsets in the font file ``data`` of its cmap subtables of format ``fmt``."""
    (tables,) = struct.unpack(">H", data[4:6])
    for i in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag != b"cmap":
            continue
        (count,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        for j in range(count):
            at = offset + 4 + 8 * j
            _, _, sub = struct.unpack(">HHI", data[at : at + 8])
            base = offset + sub
            if struct.unpack(">H", data[base : base + 2])[0] == fmt:
                yield base


def _variation_glyphs(path: str) -> dict[tuple[int, int], int | None]:
    """(base, selector) → glyph id from the font's cmap format 14 (None: the default glyph)."""
    with open(path, "rb") as handle:
        data = handle.read()
    found: dict[tuple[int, int], int | None] = {}
    for base in _cmap_subtables(data, 14):
        (records,) = struct.unpack(">I", data[base + 6 : base + 10])
        for r in range(records):
            rec = base + 10 + 11 * r
            selector = int.from_bytes(data[rec : rec + 3], "big")
            default_at, special_at = struct.unpack(">II", data[rec + 3 : rec + 11])
            if default_at:
                p = base + default_at
                (ranges,) = struct.unpack(">I", data[p : p + 4])
                for k in range(ranges):
                    q = p + 4 + 4 * k
                    first, extra = int.from_bytes(data[q : q + 3], "big"), data[q + 3]
                    for code in range(first, first + extra + 1):
                        found[(code, selector)] = None
            if special_at:
                p = base + special_at
                (mappings,) = struct.unpack(">I", data[p : p + 4])
                for k in range(mappings):
                    q = p + 4 + 5 * k
                    code = int.from_bytes(data[q : q + 3], "big")
                    (glyph,) = struct.unpack(">H", data[q + 3 : q + 5])
                    found[(code, selector)] = glyph
    return found


@lru_cache(maxsize=1)
def _variations() -> dict[tuple[int, int], int | None]:
    return _variation_glyphs(font_path())


def _is_selector(ch: str) -> bool:
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _sequence_code(base: str, selector: str) -> str | None:
    """One private character drawn with the glyph of ``base`` + ``selector``, or None when
    the font does not know the sequence."""
    key = base + selector
    with _lock:
        code = _sequences.get(key)
        if code is not None:
            return chr(code)
        pair = (ord(base), ord(selector))
        variations = _variations()
        if pair not in variations:
            return None
        face = pdfmetrics.getFont(FONT_NAME).face
        glyph = variations[pair]
        code = _SEQUENCE_BASE + len(_sequences)
        face.charToGlyph[code] = face.charToGlyph[ord(base)] if glyph is None else glyph
        face.charWidths[code] = face.getCharWidth(ord(base))
        _sequences[key] = code
        _sequence_text[code] = key
    return chr(code)


@contextmanager
def collect_missing() -> Iterator[set[str]]:
    """Within the block, :func:`printable` adds every character it cannot draw to the set."""
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


@lru_cache(maxsize=1)
def _cmap_codes() -> frozenset[int]:
    """The main font's characters from its cmap (format 12) alone: milliseconds, where
    registering the font with reportlab parses all 6 MB of it (a second or more)."""
    with open(font_path(), "rb") as handle:
        data = handle.read()
    codes: set[int] = set()
    for base in _cmap_subtables(data, 12):
        (groups,) = struct.unpack(">I", data[base + 12 : base + 16])
        for k in range(groups):
            first, last, glyph = struct.unpack(
                ">III", data[base + 16 + 12 * k : base + 28 + 12 * k]
            )
            codes.update(range(first + (glyph == 0), last + 1))
    return frozenset(codes)


def missing_chars(text: str) -> set[str]:
    """The characters of ``text`` the fonts cannot draw (after the usual substitutions).

    Text the main font covers entirely (the usual case) is answered from its cmap, without
    registering any font: the export dialog's preview asks this for every option change.
    """
    quick = _cmap_codes()
    if quick and all(ord(c) in quick or c in "\n\r\t" for c in text):
        return set()
    with collect_missing() as found:
        printable(text, "en", fallback=True)
    return found


def fallback_path() -> str:
    """The path of the bundled fallback font (DejaVu Sans)."""
    return str(resource_path("fonts", "DejaVuSans.ttf"))


def register_font() -> str:
    """Register the bundled fonts with reportlab once per process and return the main name."""
    with _lock:
        try:
            pdfmetrics.getFont(FONT_NAME)
        except KeyError:
            # subfontIndex 0; reportlab embeds TrueType fonts as subsets by default.
            pdfmetrics.registerFont(_TaiwaFont(FONT_NAME, font_path()))
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


def _register_fallback() -> None:
    """Register the fallback font, the first time a text needs it (parsing it costs time an
    export of plain Japanese and English never needs to spend)."""
    register_font()
    with _lock:
        try:
            pdfmetrics.getFont(FALLBACK_NAME)
        except KeyError:
            pdfmetrics.registerFont(_TaiwaFont(FALLBACK_NAME, fallback_path()))


def _main_font_only(text: str) -> bool:
    covered = _covered()
    return all(ord(c) in covered or ord(c) >= _SEQUENCE_BASE for c in text)


@lru_cache(maxsize=1)
def _fallback_only() -> frozenset[int]:
    """What only the fallback font draws. Right-to-left letters are left out: reportlab
    neither shapes nor reorders them, so they would print as unjoined letters in the wrong
    order; they stay "missing" and are listed in the warning instead."""
    _register_fallback()
    covered = _covered()
    return frozenset(
        code
        for code in pdfmetrics.getFont(FALLBACK_NAME).face.charToGlyph
        if code not in covered
        and code > 0x20
        and unicodedata.bidirectional(chr(code)) not in ("R", "AL", "AN")
        and unicodedata.category(chr(code)) not in _DROP_CATEGORIES
    )


def single_font(text: str) -> bool:
    """Whether the main font draws all of ``text`` (a :func:`printable` result)."""
    if _main_font_only(text):
        return True
    only = _fallback_only()
    return not any(ord(c) in only for c in text)


def fallback_markup(escaped: str) -> str:
    """Paragraph markup: runs of characters only the fallback font has, wrapped in its
    ``<font>`` tag. ``escaped`` is already escaped markup of :func:`printable` text (with
    ``fallback=True``); the tag is the only markup added."""
    if _main_font_only(escaped):
        return escaped
    only = _fallback_only()
    if not any(ord(c) in only for c in escaped):
        return escaped
    out: list[str] = []
    inside = False
    for ch in escaped:
        wanted = ord(ch) in only
        if wanted != inside:
            out.append(f'<font name="{FALLBACK_NAME}">' if wanted else "</font>")
            inside = wanted
        out.append(ch)
    if inside:
        out.append("</font>")
    return "".join(out)


def _report(ch: str) -> None:
    found = _missing.get()
    if found is not None:
        found.add(ch)


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
        if _is_selector(ch):
            # A selector the font does not know for this character: the base glyph stays,
            # but the variant asked for is lost, so it is reported like a missing character.
            _report(ch)
        return ""
    # Compatibility forms (full-width letters, ligatures, circled numbers...) often decompose
    # into characters the font has.
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and all(ord(c) in _covered() for c in folded):
        return folded
    _report(ch)
    # The geta mark is the Japanese typesetter's sign for a missing character.
    return "\u3013" if lang == "ja" else "?"


def printable(text: str, lang: Lang, *, fallback: bool = False) -> str:
    """``text`` with newlines normalised and every character the font cannot draw replaced.

    With ``fallback`` the characters the fallback font has are kept (for paragraphs, which
    switch fonts through :func:`fallback_markup`); without it (strings drawn in one font:
    table cells, header, footer) they are replaced like the others.

    Tabs become spaces; ``\\r\\n`` and ``\\r`` become ``\\n``; other control characters and
    zero-width characters are dropped; a variation sequence the font knows becomes its private
    character (see the module notes), an unknown selector is dropped; emoji and other uncovered
    symbols become one visible replacement character (and are reported to
    :func:`collect_missing`).
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    covered = _covered()
    if all(ord(c) in covered or c == "\n" for c in text):
        return text
    extra = _fallback_only() if fallback else frozenset()
    out: list[str] = []
    for ch in text:
        if _is_selector(ch) and out:
            sequence = _sequence_code(out[-1], ch)
            if sequence is not None:
                out[-1] = sequence
                continue
        if ch == "\n" or ord(ch) in covered or (ord(ch) in extra and ch not in _MAP):
            out.append(ch)
        else:
            out.append(_replacement(ch, lang))
    return "".join(out)
