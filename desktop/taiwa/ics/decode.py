"""Reading an .ics file's bytes into text without ever guessing wrong silently.

icalendar decodes bytes as UTF-8 with replacement, so a Shift_JIS export from Japanese Outlook
turns 面談 into U+FFFD and no keyword can match it. We decode ourselves: byte-order marks first,
then UTF-16 without a mark, then strict UTF-8, then the two legacy encodings calendars really use
(cp932, a superset of Shift_JIS, and cp1252). charset-normalizer only breaks a tie.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from taiwa.cancel import Cancel, check
from taiwa.ics import errors

#: Size cap. A busy manager's five-year Outlook export (60 000 events with attendees, 1.4 KB
#: each) is 85 MB. The cap also bounds memory: one astral character (an emoji) makes Python
#: store the whole text at 4 bytes a character, so the worst 96 MiB file decodes to 384 MiB,
#: held with its bytes for a moment — about 550 MB at the peak, under the 600 MB budget.
MAX_FILE_BYTES = 96 * 1024 * 1024
#: Bytes of text, taken from lines with non-ASCII bytes, that the encoding scores look at.
_SAMPLE = 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("cp932", "cp1252")
_SNIFF = 4096  # bytes looked at to tell UTF-16 and binary files apart
# Characters looked at per step of the scoring loops below (a few ms), between two checks of
# the cancel callable: a 32 MB legacy file takes seconds to score.
_PIECE = 1 << 16


def _pieces(chars: Sequence[str], cancel: Cancel | None) -> Iterator[Sequence[str]]:
    for start in range(0, len(chars), _PIECE):
        check(cancel)
        yield chars[start : start + _PIECE]


def read_file(path: Path, display: str | None = None) -> bytes:
    """The file's bytes, refusing anything over the size cap before reading it.

    Raises:
        IcsFileMissingError, IcsUnreadableError, IcsEmptyError, IcsTooLargeError.
    """
    name = display or path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise errors.IcsTooLargeError(file=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        with path.open("rb") as handle:
            # What stat() found and one byte more, to see a file that grew since: asking for
            # the cap itself made Python allocate 96 MB for every file, however small.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise errors.IcsFileMissingError(file=name) from None
    except (IsADirectoryError, PermissionError, OSError):
        raise errors.IcsUnreadableError(file=name) from None
    if len(data) > MAX_FILE_BYTES:
        raise errors.IcsTooLargeError(file=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    return data


def _utf16_without_bom(head: bytes) -> str | None:
    # ASCII text in UTF-16 has a NUL in every other byte; which half tells the byte order.
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf8_score(data: bytes, cancel: Cancel | None = None) -> float:
    # A UTF-8 file with some damaged bytes (seen in real exports) is still UTF-8: decoding it
    # as a legacy encoding would garble every valid character to rescue a few bad ones.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for piece in _pieces(text, cancel) for ch in piece if ord(ch) > 0x7F) - bad
    return good / (good + bad) if good >= 8 else 0.0


_CP1252_PUNCT = frozenset("–—‘’‚“”„•…€™‹›°±²³´µ·¸¹º»¼½¾¿×÷«¡¢£¤¥¦§¨©ª¬®¯")


def _plausible(text: str, encoding: str, cancel: Cancel | None = None) -> float:
    """Share of the non-ASCII characters that belong to the encoding's usual script."""
    others = [ch for piece in _pieces(text, cancel) for ch in piece if ord(ch) > 0x7F]
    if not others:
        return 1.0
    if encoding == "cp932":
        good = sum(
            1
            for piece in _pieces(others, cancel)
            for ch in piece
            if "\u3000" <= ch <= "\u30ff"
            or "\u4e00" <= ch <= "\u9fff"
            or "\uff00" <= ch <= "\uffef"
        )
    else:
        # Western text has an accented letter between ASCII letters ("café", "Zoë"); Japanese
        # bytes read as cp1252 give runs of symbols ("–Ê’k"), every character next to another.
        good = 0
        for start in range(0, len(text), _PIECE):
            check(cancel)
            for i, ch in enumerate(text[start : start + _PIECE], start):
                if ord(ch) <= 0x7F or not (ch.isalpha() or ch in _CP1252_PUNCT):
                    continue
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if ord(before) <= 0x7F and ord(after) <= 0x7F:
                    good += 1
    return good / len(others)


def _tie_break(data: bytes, candidates: list[str]) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=candidates).best()
    if best is not None and best.encoding:
        name = codecs.lookup(best.encoding).name
        for candidate in candidates:
            if codecs.lookup(candidate).name == name:
                return candidate
    return candidates[0]


_HIGH = re.compile(rb"[\x80-\xff]")


def _sample(data: bytes) -> bytes:
    """Up to :data:`_SAMPLE` bytes of whole lines that hold non-ASCII bytes (linear)."""
    if len(data) <= _SAMPLE:
        return data
    parts: list[bytes] = []
    size = 0
    pos = 0
    while size < _SAMPLE and len(parts) < 65536:
        found = _HIGH.search(data, pos)
        if found is None:
            break
        begin = data.rfind(b"\n", pos, found.start()) + 1
        end = data.find(b"\n", found.start())
        end = len(data) if end < 0 else end + 1
        # Cut a long line at the sample's size, but always past the byte found: every turn
        # moves on, so the loop ends.
        end = max(min(end, begin + _SAMPLE - size), found.start() + 1)
        parts.append(data[begin:end])
        size += end - begin
        pos = end
    return b"".join(parts) or data[:_SAMPLE]


def detect_encoding(data: bytes, cancel: Cancel | None = None) -> tuple[str, int]:
    """The encoding of an .ics file's bytes and how many leading bytes (a BOM) to skip.

    ``cancel`` is called every few milliseconds of scoring (see :mod:`taiwa.cancel`).

    Raises:
        IcsBinaryError: the bytes are not text (callers fill in the file name).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    head = data[:_SNIFF]
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return utf16, 0
    if _looks_binary(head):
        raise errors.IcsBinaryError(file="")
    if _strict(data, "utf-8") is not None:
        return "utf-8", 0
    # Each candidate gets a plausibility score: the share of its non-ASCII characters that
    # read as text of its script. A clear winner is taken; charset-normalizer breaks a tie.
    # Scores are taken on a sample (Python loops over every character of a 90 MB file would
    # take a minute); whether a candidate decodes at all is checked on the whole file.
    check(cancel)
    sample = _sample(data)
    scores = {
        enc: _plausible(text, enc, cancel)
        for enc in _LEGACY
        if _strict(data, enc) is not None and (text := _strict(sample, enc))
    }
    scores["utf-8-replace"] = _utf8_score(sample, cancel)
    data = sample  # a tie is broken on the sample too
    ranked = sorted(scores, key=lambda enc: scores[enc], reverse=True)
    best = scores[ranked[0]]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if best >= 0.5 and best - runner_up >= 0.2:
        return ranked[0], 0
    tied = [enc for enc in ranked if enc != "utf-8-replace" and scores[enc] >= best - 0.2]
    if tied:
        return _tie_break(data, tied), 0
    # Nothing decodes cleanly: let charset-normalizer pick among every usual candidate.
    return _tie_break(data, ["cp932", "cp1252", "utf-8"]), 0


def _text(box: list[bytes], encoding: str, skip: int, display: str) -> str:
    """The bytes in ``box`` decoded (after ``skip`` bytes of BOM), with LF as the only newline.

    The bytes come in a list this takes them out of: no caller holds them while this makes the
    text, whose peak memory is then the bytes and the text, not two copies of the bytes too.
    """
    data = box.pop()
    wide = encoding.startswith(("utf-16", "utf-32"))
    if not wide and b"\r" in data:
        # One newline convention (the scanner's), made on the bytes while they are the smaller
        # copy: the text may take four times their size. CR is never part of a character in
        # the ASCII-compatible encodings read here. Rebinding ``data`` frees the file's bytes.
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            data = data.replace(b"\r", b"\n")
    body = memoryview(data)[skip:]  # no copy of the file after a BOM
    try:
        if encoding == "utf-8-replace":
            text = codecs.decode(body, "utf-8", "replace")
        else:
            try:
                text = codecs.decode(body, encoding)
            except UnicodeDecodeError:
                # Only reachable for a BOM or UTF-16 guess whose body is broken.
                if wide:
                    raise errors.IcsBinaryError(file=display) from None
                text = codecs.decode(body, encoding, "replace")
    finally:
        body.release()
    del data
    if wide and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text(path: Path, display: str | None = None, cancel: Cancel | None = None) -> str:
    """The text of the .ics file at ``path``: :func:`read_file` then :func:`decode`.

    No caller ever holds the file's bytes while its text is made: passed as an argument, they
    would stay alive beside the CRLF-normalised copy and the text (an 85 MB export with
    Japanese titles: 85 + 85 + 170 MB at once, 330 MB peak instead of 270).

    Raises:
        The errors of :func:`read_file` and :func:`decode`.
    """
    name = display or path.name
    box = [read_file(path, name)]
    return _decode_box(box, name, cancel)


def decode(data: bytes, display: str, cancel: Cancel | None = None) -> str:
    """Decode an .ics file's bytes to text (see the module's notes on how).

    ``cancel`` (optional) is called every few milliseconds of work and may raise to stop.

    Raises:
        IcsEmptyError: no content at all (or only white space).
        IcsBinaryError: not text.
        IcsHtmlError: a web page saved under an .ics name.
        IcsNotCalendarError: text, but no calendar in it.
    """
    box = [data]
    del data
    return _decode_box(box, display, cancel)


def _decode_box(box: list[bytes], display: str, cancel: Cancel | None) -> str:
    """:func:`decode` of the bytes in ``box``, which it takes out (see :func:`_text`)."""
    data = box[0]
    if not data or data.isspace():
        raise errors.IcsEmptyError(file=display)
    try:
        encoding, skip = detect_encoding(data, cancel)
    except errors.IcsBinaryError:
        raise errors.IcsBinaryError(file=display) from None
    del data
    text = _text(box, encoding, skip, display)
    if "\x00" in text:
        raise errors.IcsBinaryError(file=display)
    start = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if not start.strip():
        raise errors.IcsEmptyError(file=display)
    if start.startswith("<") or "<html" in start or "<!doctype" in start:
        raise errors.IcsHtmlError(file=display)
    head = text[:65536].lower()
    # A bare VEVENT (an invitation fragment some clients save) is accepted too.
    if "begin:vcalendar" not in head and "begin:vevent" not in head:
        raise errors.IcsNotCalendarError(file=display)
    return text
