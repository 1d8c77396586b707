"""Line breaking for Japanese and mixed text by the rules of JIS X 4051 (kinsoku shori).

reportlab's own CJK wrap has no list of characters that may not end a line, lacks full-width
！？ and others in its "may not start" list, and hangs at most one character. Here a line may
break between two characters only when

* the next character may start a line (not a closing bracket, 。、！？・ー, small kana,
  iteration marks, a variation selector or combining mark...),
* the previous one may end a line (not an opening bracket or a prefix such as ¥ $ #),
* the pair is not inseparable (—— …… ‥‥) and not inside a Latin word or number
  (Latin text breaks at spaces, like English word wrap).

When the character that overflows is 。、，． it hangs in the margin (burasagari) if what
follows may start the next line; otherwise the break moves back to the last allowed position
(oidashi). A run with no allowed break at all (a very long URL) is cut where it overflows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, _handleBulletWidth
from reportlab.rl_config import _FUZZ

#: JIS X 4051 cl-02 closing brackets, cl-03 hyphens, cl-04 ？！, cl-05 middle dots,
#: cl-06 full stops, cl-07 commas, cl-09 iteration marks, cl-10 prolonged sound mark,
#: cl-11 small kana, and postfixed units (％ ℃ ′ ″ °).
CANNOT_START = frozenset(
    "’”）〕］｝〉》」』】〙〗〟｠»)]}"
    "‐〜゠–"
    "？！‼⁇⁈⁉?!"
    "・：；:;"
    "。．."
    "、，,"
    "ヽヾゝゞ々〻"
    "ーｰ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
    "｡｣､"
    "％‰℃°′″%"
)
#: cl-01 opening brackets and prefixed symbols.
CANNOT_END = frozenset("‘“（〔［｛〈《「『【〘〖〝｟«([{｢¥$£＄￥＃#＠")
#: Characters that may hang past the line end instead of starting the next line.
HANGING = frozenset("。、，．")
#: Pairs of these are never split (JIS X 4051 cl-08 inseparable characters).
INSEPARABLE = frozenset("—―…‥")


def _glue(ch: str) -> bool:
    """Characters that belong to the one before them (combining marks, variation selectors)."""
    if not ch:
        return False
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code == 0x200D:
        return True
    return unicodedata.category(ch) in ("Mn", "Me")


def _wide(ch: str) -> bool:
    """Characters between which lines may break without a space (CJK, kana, full-width)."""
    code = ord(ch)
    return code >= 0x2E80 and not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def may_break(before: str, after: str) -> bool:
    """Whether a line may end after ``before`` and the next one start with ``after``."""
    if not before or not after:
        return True
    if after.isspace():
        return False  # break after the space instead, so it is not carried to the next line
    if before.isspace():
        return after not in CANNOT_START and not _glue(after)
    if after in CANNOT_START or _glue(after) or before in CANNOT_END:
        return False
    if before in INSEPARABLE and after == before:
        return False
    # Two narrow (Latin, digits) characters in a row form a word: no break inside it.
    return _wide(before) or _wide(after)


def break_points(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]
) -> list[int]:
    """The index each line ends at (exclusive) for ``chars`` of ``widths``.

    ``max_widths[k]`` is the width of line ``k`` (the last one repeats). ``"\\n"`` ends a
    line. Used by :class:`JisParagraph` and directly by the tests.
    """
    ends: list[int] = []
    n = len(chars)
    start = 0
    while start < n:
        limit = max_widths[min(len(ends), len(max_widths) - 1)]
        used = 0.0
        i = start
        end = n
        while i < n:
            if chars[i] == "\n":
                end = i + 1
                break
            used += widths[i]
            if used > limit + _FUZZ and i > start:
                end = _choose(chars, start, i)
                break
            i += 1
        ends.append(end)
        start = end
        # A wrapped line never starts with the spaces it broke at.
        while start < n and chars[start] == " " and chars[end - 1] != "\n":
            start += 1
    return ends


def _choose(chars: Sequence[str], start: int, i: int) -> int:
    """Where to end a line that overflows at ``chars[i]`` (the first that does not fit)."""
    n = len(chars)

    def starts_ok(k: int) -> bool:
        return k >= n or chars[k] == "\n" or may_break(chars[k - 1], chars[k])

    if may_break(chars[i - 1], chars[i]):
        return i
    if chars[i] in HANGING and i - 1 > start and starts_ok(i + 1):
        return i + 1  # hang the comma or full stop in the margin
    for k in range(i - 1, start, -1):
        if may_break(chars[k - 1], chars[k]):
            return k  # push the line's tail to the next line
    # Nothing breakable (a long URL or word): past spaces and glued marks, cut where it overflows.
    k = i
    while k < n and (_glue(chars[k]) or chars[k] == " "):
        k += 1
    return k


def _width_of(frag: Any) -> Callable[[str], float]:
    """A fast per-character width for ``frag``'s font (TrueType: a dictionary look-up)."""
    font = getFont(frag.fontName)
    size = frag.fontSize
    face = getattr(font, "face", None)
    if face is None:
        return lambda ch: stringWidth(ch, frag.fontName, size)
    widths, default, scale = face.charWidths, face.defaultWidth, size * 0.001
    return lambda ch: widths.get(ord(ch), default) * scale


def _units(frags: Sequence[Any]) -> tuple[list[str], list[float], list[Any]]:
    """Characters, their widths and their fragments; a <br/> is ``"\n"``."""
    chars: list[str] = []
    widths: list[float] = []
    owners: list[Any] = []
    for frag in frags:
        # The halves of a split paragraph carry their text as "words".
        text = getattr(frag, "text", None)
        if text is None:
            text = "".join(getattr(frag, "words", []))
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if not text:
            chars.append("\n" if hasattr(frag, "lineBreak") else "")
            widths.append(float(getattr(getattr(frag, "cbDefn", None), "width", 0) or 0))
            owners.append(frag)
            continue
        width = _width_of(frag)
        chars.extend(text)
        widths.extend(width(ch) for ch in text)
        owners.extend([frag] * len(text))
    return chars, widths, owners


def _frag_line(
    chars: Sequence[str], owners: Sequence[Any], limit: float, used: float, hard: bool
) -> FragLine:
    """One line of a multi-fragment paragraph (what reportlab's makeCJKParaLine makes, with
    fragments compared by identity and metrics looked up once per fragment)."""
    words: list[Any] = []
    size = ascent = descent = 0.0
    current: Any = None
    text: list[str] = []
    for ch, frag in zip(chars, owners, strict=True):
        if frag is not current:
            if current is not None:
                word = current.clone()
                word.text = "".join(text)
                words.append(word)
            current, text = frag, []
            up, down = getAscentDescent(frag.fontName, frag.fontSize)
            size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        if ch != "\n":
            text.append(ch)
    if current is not None:
        word = current.clone()
        word.text = "".join(text)
        words.append(word)
    return FragLine(
        kind=1,
        extraSpace=limit - used,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=limit,
        currentWidth=used,
        lineBreak=hard,
    )


def _lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]
) -> Iterator[tuple[int, int, float, float, bool]]:
    """(start, stop, width used, line width, ended by <br/>) of every line."""
    start = 0
    for index, end in enumerate(break_points(chars, widths, max_widths)):
        limit = max_widths[min(index, len(max_widths) - 1)]
        hard = chars[end - 1] == "\n"
        # Trailing spaces take no room on the line.
        stop = end
        while stop > start and chars[stop - 1] == " ":
            stop -= 1
        if hard or stop == start:
            stop = end
        yield start, stop, sum(widths[start:stop]), limit, hard
        start = end
        while start < len(chars) and chars[start] == " " and not hard:
            start += 1


class JisParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph (``wordWrap="CJK"`` styles) that breaks lines by :func:`break_points`.

    It keeps the structure of reportlab's ``breakLinesCJK`` (one plain fragment: simple
    lines; several: fragment lines; the halves of a split paragraph reuse their lines), so
    splitting across pages works as it does for reportlab's own CJK paragraphs.
    """

    def breakLinesCJK(self, widths_in: Any) -> Any:  # noqa: N802 - reportlab's API
        maxWidths = list(widths_in) if isinstance(widths_in, list | tuple) else [widths_in]  # noqa: N806
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        frags = self.frags
        split_half = hasattr(self, "blPara") and getattr(self, "_splitpara", False)
        if len(frags) == 1 and not hasattr(frags[0], "cbDefn") and not style.endDots:
            frag = frags[0]
            if split_half:
                return frag.clone(kind=0, lines=self.blPara.lines)
            chars, widths, _ = _units(frags)
            lines = [
                (limit - used, ["".join(chars[start:stop]).replace("\n", "")])
                for start, stop, used, limit, _ in _lines(chars, widths, maxWidths)
            ]
            return frag.clone(
                kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize
            )
        if not frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        if split_half:
            return self.blPara  # the second half of a paragraph split across pages
        chars, widths, owners = _units(frags)
        return ParaLines(
            kind=1,
            lines=[
                _frag_line(chars[start:stop], owners[start:stop], limit, used, hard)
                for start, stop, used, limit, hard in _lines(chars, widths, maxWidths)
            ],
        )
