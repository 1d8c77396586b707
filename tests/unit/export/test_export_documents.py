"""The PDFs hold what they must, leave out what they must, and print user text literally."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from bench.pdf_data import (
    PRIVATE_SENTINEL,
    sample_meeting_doc,
    sample_person,
    sample_person_doc,
)
from taiwa.export.documents import render_meeting, render_person
from taiwa.export.model import Audience, ExecutionFigures, ExportOptions, PersonDoc
from tests.unit.export.pdfcheck import annotations, flat, fonts, images, reader, text

TODAY = date(2026, 11, 21)
EVIL = (
    '<b>bold</b> <img src="/etc/passwd"/> <a href="https://evil.example/x">click</a> '
    "Tom & Jerry &amp; <font size=40>big</font> ]]>"
)


def opts(**kw: object) -> ExportOptions:
    base: dict[str, object] = {"lang": "en", "today": TODAY}
    base.update(kw)
    return ExportOptions(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def person_doc() -> PersonDoc:
    return sample_person_doc(12)


def test_meeting_summary_has_agreed_actions_and_no_private_note_by_default() -> None:
    doc = sample_meeting_doc()
    pdf = render_meeting(doc, opts())
    content = flat(pdf)
    for action in doc.meeting.actions:
        assert re.sub(r"\s+", "", action.text) in content
    assert "NOTE-1:" in content
    assert PRIVATE_SENTINEL not in content
    assert "Sharedwith佐藤花子(HanakoSato):onlywhatbothofyousaw" in content  # the default


def test_private_notes_only_when_asked_and_never_in_shared_variant() -> None:
    doc = sample_meeting_doc()
    assert PRIVATE_SENTINEL in flat(render_meeting(doc, opts(include_private=True)))
    shared = flat(render_meeting(doc, opts(include_private=True, shared_only=True)))
    assert PRIVATE_SENTINEL not in shared


def test_meeting_summary_in_japanese(tmp_path: object) -> None:
    doc = sample_meeting_doc()
    content = flat(render_meeting(doc, opts(lang="ja")))
    assert "1on1ミーティングサマリー" in content
    assert "合意したアクション" in content
    assert "2023年1月10日（火）14:00" in content  # 05:00 UTC shown in Asia/Tokyo
    assert "次回ミーティング" in content and "2023年1月24日" in content
    assert "本人（佐藤花子(HanakoSato)さん）と共有" in content


def test_english_dates_and_next_meeting_due_from_cadence() -> None:
    doc = replace(sample_meeting_doc(), next_meeting=None)
    content = text(render_meeting(doc, opts()))
    assert "Tue 10 Jan 2023, 14:00" in content
    assert "due around 24 Jan 2023 (every 14 days)" in re.sub(r"\s+", " ", content)


def test_user_markup_prints_literally_without_links_or_images() -> None:
    doc = sample_meeting_doc()
    meeting = replace(doc.meeting, shared_notes=EVIL + "\nsecond line", purpose=EVIL)
    topic = replace(doc.meeting.topics[0], text=EVIL)
    meeting = replace(meeting, topics=(topic, *doc.meeting.topics[1:]))
    person = replace(doc.person, name="<i>Eve</i> & Co")
    pdf = render_meeting(replace(doc, meeting=meeting, person=person), opts())
    content = flat(pdf)
    assert re.sub(r"\s+", "", EVIL) in content
    assert "<i>Eve</i>&Co" in content
    assert annotations(pdf) == []
    assert images(pdf) == []
    assert b"/URI" not in pdf
    lines = text(pdf).splitlines()
    assert any(line.strip() == "second line" for line in lines)  # the newline was kept


def test_no_link_or_file_reaches_the_pdf_objects() -> None:
    doc = sample_meeting_doc()
    meeting = replace(doc.meeting, shared_notes=EVIL)
    pdf = render_meeting(replace(doc, meeting=meeting), opts())
    r = reader(pdf)
    for page in r.pages:
        assert "/Annots" not in page
    assert b"/Link" not in pdf
    assert b"/Subtype /Image" not in pdf


def test_font_is_embedded_as_a_subset_and_nothing_else_is_used(person_doc: PersonDoc) -> None:
    pdf = render_person(person_doc, opts(lang="ja"))
    found = fonts(pdf)
    assert found, "no fonts"
    for name, font in found.items():
        # A subset's name carries a six-letter tag: AAAAAA+IPAexGothic.
        assert re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", name), name
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # TrueType outlines embedded
    assert len(pdf) < 1_500_000  # a subset, not the 5 MB font


def test_glyphs_the_font_lacks_are_mapped_not_boxed() -> None:
    doc = sample_meeting_doc()
    notes = "Great job 👍 ✔\u200b™ tab\there"
    pdf = render_meeting(replace(doc, meeting=replace(doc.meeting, shared_notes=notes)), opts())
    content = text(pdf)
    assert "Great job ? \u2713TM tab here" in content


def test_person_summary_contents(person_doc: PersonDoc) -> None:
    pdf = render_person(person_doc, opts(audience=Audience.MANAGER))
    content = flat(pdf)
    assert "Meetingswith" in content and "from10Jan2023to13Jun2023" in content
    assert "Careergoals" in content and "Longterm:leadaplatformteam" in content
    assert "Held12of15planned1on1s:executionrate80%(target90%)." in content
    assert "Rolehistory" in content and "シニアエンジニア" in content
    assert "Themesovertime" in content and "Moodtrend" in content
    assert "Signals(notsharedwiththereport)" in content
    assert "Topicsbytheme" in content and "Shortterm:work" in content
    for m in person_doc.meetings:
        assert f"NOTE-{m.id}:" in content
        for action in m.actions:
            assert f"ACTION-{action.id}:" in content
    assert PRIVATE_SENTINEL not in content


def test_shared_summary_has_no_private_notes_mood_or_signals(person_doc: PersonDoc) -> None:
    pdf = render_person(person_doc, opts(shared_only=True, include_private=True))
    content = flat(pdf)
    assert "1on1sharedsummary" in content
    assert PRIVATE_SENTINEL not in content
    assert "Moodtrend" not in content
    assert "TopicsActions" in content and "TopicsActionsMood" not in content  # no mood column
    assert "Signals" not in content and "気分が下がり" not in content
    assert "ACTION-1:" in content and "NOTE-1:" in content


def test_person_summary_with_private_notes_warns_on_cover(person_doc: PersonDoc) -> None:
    pdf = render_person(person_doc, opts(include_private=True, lang="ja"))
    content = flat(pdf)
    assert "取扱注意：この文書にはマネージャーの非公開メモが含まれています。" in content
    assert content.count(PRIVATE_SENTINEL) == len(person_doc.meetings)


def test_page_numbers_and_header(person_doc: PersonDoc) -> None:
    pdf = render_person(person_doc, opts())
    r = reader(pdf)
    pages = len(r.pages)
    assert pages > 1
    for number, page in enumerate(r.pages, start=1):
        page_text = page.extract_text()
        assert f"{number} / {pages}" in page_text
        if number > 1:
            assert "Hanako Sato" in page_text and "10 Jan 2023 – 13 Jun 2023" in page_text


def test_letter_paper() -> None:
    pdf = render_meeting(sample_meeting_doc(), opts(paper="letter"))
    box = PdfReader(__import__("io").BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    pdf = render_meeting(sample_meeting_doc(), opts())
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_empty_person_summary_still_renders() -> None:
    doc = PersonDoc(
        person=replace(sample_person(), career_goals=""),
        start=date(2026, 1, 1),
        end=date(2026, 3, 31),
        meetings=(),
        execution=ExecutionFigures(held=0, planned=0),
    )
    content = flat(render_person(doc, opts()))
    assert "Nomeetingsinthisperiod." in content
    assert "No1on1swereplannedinthisperiod." in content


def test_hundred_meetings_split_across_pages_without_losing_text() -> None:
    doc = sample_person_doc(100)
    pdf = render_person(doc, opts(lang="ja", include_private=True))
    r = reader(pdf)
    assert len(r.pages) > 10
    content = flat(pdf)
    for m in doc.meetings:
        assert f"NOTE-{m.id}:" in content
        assert f"#{m.topics[0].id}" in content
        for action in m.actions:
            assert f"ACTION-{action.id}:" in content
    # The longest notes (14 paragraphs) flowed over a page break intact: their last words are there.
    long_meeting = doc.meetings[9]
    tail = re.sub(r"\s+", "", long_meeting.shared_notes.splitlines()[-1])
    assert tail in content
    # The meetings table repeats its header row on every page it spans.
    header_pages = [i for i, p in enumerate(r.pages) if "話題アクション気分" in flat_page(p)]
    assert len(header_pages) >= 3


def flat_page(page: object) -> str:
    return re.sub(r"\s+", "", page.extract_text())  # type: ignore[attr-defined]


def test_long_unbroken_text_wraps_inside_the_page() -> None:
    doc = sample_meeting_doc()
    notes = "x" * 600 + "\n" + "長" * 600
    pdf = render_meeting(replace(doc, meeting=replace(doc.meeting, shared_notes=notes)), opts())
    content = flat(pdf)
    assert "x" * 600 in content and "長" * 600 in content


def test_progress_is_reported(person_doc: PersonDoc) -> None:
    seen: list[tuple[int, int]] = []
    render_person(person_doc, opts(), progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


KINSOKU_TEXT = (
    "今回のレビューでは、設計の方針について議論した。"
    "「まずは小さく始める」という意見が多く、次のスプリントで試すことになった。"
    "Kubernetes の設定は SRE チームと相談しながら進める。"
) * 6


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cjk_lines_respect_kinsoku_and_keep_latin_words_whole(lang: str) -> None:
    doc = sample_meeting_doc()
    meeting = replace(doc.meeting, shared_notes=KINSOKU_TEXT)
    pdf = render_meeting(replace(doc, meeting=meeting), opts(lang=lang))
    lines = [line.strip() for line in text(pdf).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("今回のレビュー"))
    target = KINSOKU_TEXT.replace(" ", "")
    body: list[str] = []
    for line in lines[start:]:
        if len("".join(body).replace(" ", "")) >= len(target):
            break
        body.append(line)
    assert len(body) > 6  # the paragraph wrapped over many lines
    assert "".join(body).replace(" ", "") == target
    for line in body:
        assert line[0] not in "。、」）", line  # no closing punctuation starts a line
        for word in ("Kubernetes", "SRE"):
            # A Latin word is never cut in two at a line end.
            assert not any(line.endswith(word[:k]) for k in range(1, len(word))), line


def test_markup_in_person_summary_tables_prints_literally() -> None:
    doc = sample_person_doc(3)
    short_evil = '<a href="https://evil.example/">x</a> & <img src="/etc/passwd"/>'
    m0 = doc.meetings[0]
    topic = replace(m0.topics[0], text=short_evil)  # fits one line: a plain table cell
    action = replace(m0.actions[0], text=EVIL)  # wraps: a Paragraph cell
    m0 = replace(m0, purpose=short_evil, topics=(topic, *m0.topics[1:]), actions=(action,))
    doc = replace(doc, meetings=(m0, *doc.meetings[1:]), person=replace(doc.person, role=EVIL))
    pdf = render_person(doc, opts())
    content = flat(pdf)
    # In the meetings table, the topics table and the notes heading.
    assert content.count(re.sub(r"\s+", "", short_evil)) == 3
    assert re.sub(r"\s+", "", EVIL) in content
    assert annotations(pdf) == [] and images(pdf) == [] and b"/URI" not in pdf
