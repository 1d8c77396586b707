"""Document texts: both languages complete, every glyph in the font, dates per language."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from taiwa.export import texts
from taiwa.export.fonts import _covered, printable
from taiwa.export.markup import has_cjk, plain, user
from taiwa.i18n import Msg


def all_messages() -> list[Msg]:
    found = [v for v in vars(texts.T).values() if isinstance(v, Msg)]
    for table in (
        texts.THEME_NAMES,
        texts.THEME_SHORT,
        texts.STATUS_NAMES,
        texts.OWNER_NAMES,
        texts.TOPIC_STATE_NAMES,
        texts.WANTED_NAMES,
    ):
        found += list(table.values())
    return found


def test_every_text_has_both_languages_and_prints_without_boxes() -> None:
    covered = _covered()
    messages = all_messages()
    assert len(messages) > 80
    for msg in messages:
        assert msg.en.strip() and msg.ja.strip()
        assert msg.en.count("{") == msg.ja.count("{")
        for text in (msg.en, msg.ja):
            missing = [c for c in text if ord(c) not in covered]
            assert not missing, (text, missing)
    japanese = [m for m in messages if has_cjk(m.ja)]
    assert len(japanese) > len(messages) * 0.8  # the Japanese side is really Japanese


def test_dates_per_language() -> None:
    day = date(2026, 11, 21)
    assert texts.format_date(day, "ja") == "2026年11月21日"
    assert texts.format_date(day, "en") == "21 Nov 2026"
    assert texts.format_date_short(day, "ja") == "2026/11/21"
    moment = datetime(2026, 11, 21, 14, 5)
    assert texts.format_datetime(moment, "ja") == "2026年11月21日（土）14:05"
    assert texts.format_datetime(moment, "en") == "Sat 21 Nov 2026, 14:05"
    assert texts.format_month(2026, 1, "en") == "Jan 26"
    assert texts.format_percent(0.875) == "88%"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ('<img src="/etc/passwd"/>', '&lt;img src="/etc/passwd"/&gt;'),
        ("Tom & Jerry &amp;", "Tom &amp; Jerry &amp;amp;"),
        ("a\nb", "a<br/>b"),
        ("  indented", "&#160;&#160;indented"),
        ("a\r\nb\rc", "a<br/>b<br/>c"),
    ],
)
def test_user_text_is_escaped(raw: str, expected: str) -> None:
    assert user(raw, "en") == expected


def test_plain_is_single_line() -> None:
    assert plain("a<b>\nc", "en") == "a&lt;b&gt; c"


def test_printable_maps_what_the_font_lacks() -> None:
    assert printable("ok👍", "en") == "ok?"
    assert printable("ok👍", "ja") == "ok〓"
    assert printable("\u2714\ufe0f done\u200b", "en") == "\u2713 done"
    assert printable("Café™", "en") == "CaféTM"
    covered = _covered()
    sample = "絵文字😀🎉、ÅngströmΩ≒∑ー①ℹ️\u00a0\u2003x\x00\x07"
    assert all(ord(c) in covered or c == "\n" for c in printable(sample, "ja"))
