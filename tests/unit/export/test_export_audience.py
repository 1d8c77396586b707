"""The audience marked on every page, what each audience leaves out, and text that copies out
exactly as typed (non-BMP kanji, variation sequences)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bench.pdf_data import PRIVATE_SENTINEL, sample_meeting_doc, sample_person_doc
from taiwa.export.documents import render_meeting, render_person
from taiwa.export.fonts import missing_chars
from taiwa.export.model import Audience, ExportOptions, PersonDoc
from tests.unit.export.pdfcheck import flat, fonts, reader

TODAY = date(2026, 11, 21)
MARKS = {
    ("en", Audience.SHARED): "Sharedwith佐藤花子(HanakoSato)",
    ("ja", Audience.SHARED): "本人と共有",
    ("en", Audience.HR): "ForHR",
    ("ja", Audience.HR): "人事提出",
    ("en", Audience.MANAGER): "Manageronly,confidential",
    ("ja", Audience.MANAGER): "上長のみ・社外秘",
    ("en", Audience.HANDOVER): "Hand-overtothenextmanager",
    ("ja", Audience.HANDOVER): "次の上長への引き継ぎ",
}
# Non-BMP kanji, an ideographic variation sequence, and kana around them.
ROUND_TRIP = "𠮟る・𩸽の塩焼き・葛\U000e0100城市と葛城"


@pytest.fixture(scope="module")
def person_doc() -> PersonDoc:
    return sample_person_doc(6)


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader(pdf).pages]


@pytest.mark.parametrize(("lang", "audience"), list(MARKS))
def test_audience_is_marked_on_every_page_and_private_text_only_for_the_manager(
    person_doc: PersonDoc, lang: str, audience: Audience
) -> None:
    options = ExportOptions(lang=lang, audience=audience, include_private=True, today=TODAY)  # type: ignore[arg-type]
    pdf = render_person(person_doc, options)
    pages = _pages(pdf)
    assert len(pages) > 1
    mark = MARKS[(lang, audience)]
    assert all(mark in page for page in pages), [i for i, p in enumerate(pages) if mark not in p]
    content = "".join(pages)
    signals = "気分が下がり" in content
    mood = "Moodtrend" in content or "気分の推移" in content
    if audience is Audience.MANAGER:
        assert PRIVATE_SENTINEL in content and mood and signals
    else:
        assert PRIVATE_SENTINEL not in content and not mood
        assert signals is (audience is Audience.HR)
    if signals:
        # The HR document holds the signals: their heading must not call them "manager only".
        heading = (
            "Signals(notsharedwiththereport)" if lang == "en" else "シグナル（本人には共有しない）"
        )
        assert heading in content
    if audience is not Audience.MANAGER:
        assert "manageronly" not in content.casefold() and "マネージャーのみ" not in content


@pytest.mark.parametrize("audience", [Audience.SHARED, Audience.HR, Audience.HANDOVER])
def test_meeting_summary_for_others_has_no_private_note_or_mood(audience: Audience) -> None:
    doc = sample_meeting_doc()
    options = ExportOptions(lang="ja", audience=audience, include_private=True, today=TODAY)
    content = flat(render_meeting(doc, options))
    assert PRIVATE_SENTINEL not in content and not re.search(r"気分\d/5", content)
    assert MARKS[("ja", audience)] in content


def test_default_is_the_shared_copy() -> None:
    assert ExportOptions().target is Audience.SHARED
    assert ExportOptions(include_private=True).target is Audience.MANAGER
    assert not ExportOptions(audience=Audience.HR, include_private=True).show_private


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_non_bmp_and_variation_sequences_copy_out_as_typed(tmp_path: Path) -> None:
    doc = sample_meeting_doc()
    doc = replace(doc, meeting=replace(doc.meeting, shared_notes=ROUND_TRIP))
    pdf = tmp_path / "round.pdf"
    pdf.write_bytes(render_meeting(doc, ExportOptions(lang="ja", today=TODAY)))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ROUND_TRIP in out.replace("\n", "")
    assert "₹" not in out and "⧣" not in out


def test_round_trip_with_pypdf_and_characters_the_font_lacks_are_named() -> None:
    doc = sample_meeting_doc()
    doc = replace(doc, meeting=replace(doc.meeting, shared_notes=ROUND_TRIP))
    assert ROUND_TRIP in flat(render_meeting(doc, ExportOptions(lang="ja", today=TODAY)))
    assert missing_chars(ROUND_TRIP) == set()
    # 😀 is drawn by the fallback font; Korean, 𠮷 and right-to-left Arabic are not.
    assert missing_chars("𠮷野家 😀 한 ☺ مر") == {"𠮷", "한", "م", "ر"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_fallback_font_draws_and_copies_out_what_the_main_font_lacks(tmp_path: Path) -> None:
    doc = sample_meeting_doc()
    sample = "絵文字 😀 ☺ と ✓"
    doc = replace(doc, meeting=replace(doc.meeting, shared_notes=sample, purpose="目的 😀"))
    pdf = tmp_path / "fallback.pdf"
    pdf.write_bytes(render_meeting(doc, ExportOptions(lang="ja", today=TODAY)))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert sample in out and "目的 😀" in out
    assert any("TaiwaFallback" in name or "DejaVu" in name for name in fonts(pdf.read_bytes()))
