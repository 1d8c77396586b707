"""The career-discussion sheet on page 1, the outline, and chart buckets by period length."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bench.pdf_data import sample_person_doc
from taiwa.export.charts import bucket_label, bucket_size, buckets_between
from taiwa.export.documents import render_person
from taiwa.export.model import Audience, ExportOptions, PersonDoc
from tests.unit.export.pdfcheck import reader

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def person_doc() -> PersonDoc:
    return sample_person_doc(8)


def _page(pdf: bytes, index: int) -> str:
    return re.sub(r"\s+", "", reader(pdf).pages[index].extract_text())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "ja",
            [
                "キャリア面談シート",
                "対象期間",
                "予定11回のうち8回実施（実施率73%）",
                "短期：業務改善",
                "テーマのバランス",
                "キャリアの目標",
                "完了",
                "確認欄",
                "面談者",
                "本人",
                "署名",
                "日付",
            ],
        ),
        (
            "en",
            [
                "Careerdiscussionsheet",
                "Period",
                "8of11planned:executionrate73%",
                "Shortterm:work",
                "Balanceofthemes",
                "Careergoals",
                "done",
                "Sign-off",
                "Interviewer",
                "Employee",
                "Signature",
                "Date",
            ],
        ),
    ],
)
def test_first_page_is_the_career_sheet(person_doc: PersonDoc, lang: str, words: list[str]) -> None:
    pdf = render_person(person_doc, ExportOptions(lang=lang, today=TODAY))  # type: ignore[arg-type]
    first = _page(pdf, 0)
    for word in words:
        assert word in first, word
    assert "Profile" not in first and "プロフィール" not in first  # details start on page 2
    assert re.search(r"\d{4}-\d{2}-\d{2}", first) is None  # never ISO in the text


def test_outline_has_every_section_and_meeting(person_doc: PersonDoc) -> None:
    options = ExportOptions(lang="en", audience=Audience.MANAGER, today=TODAY)
    r = reader(render_person(person_doc, options))
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)  # type: ignore[attr-defined]

    walk(r.outline)
    for section in ("Career discussion sheet", "Profile", "Themes over time", "Topics by theme"):
        assert section in titles
    assert sum(1 for t in titles if t.startswith(("10 Jan 2023", "24 Jan 2023"))) == 2
    assert r.trailer["/Root"]["/Lang"] == "en"
    assert r.metadata.title == "1on1 summary"


def test_buckets_follow_the_period_length() -> None:
    assert bucket_size(date(2026, 1, 1), date(2026, 12, 31)) == 1
    assert bucket_size(date(2023, 1, 1), date(2026, 12, 31)) == 3
    assert bucket_size(date(2016, 1, 1), date(2026, 12, 31)) == 12
    quarters = buckets_between(date(2025, 2, 3), date(2026, 1, 1), 3)
    assert quarters == [(2025, 1), (2025, 4), (2025, 7), (2025, 10), (2026, 1)]
    assert bucket_label((2025, 10), 3, "en") == "Q4 2025"
    assert len(buckets_between(date(2016, 1, 1), date(2026, 12, 31), 12)) == 11


def test_long_note_starts_on_page_one_and_flows_on() -> None:
    from dataclasses import replace

    from bench.pdf_data import sample_meeting_doc
    from taiwa.export.documents import render_meeting

    doc = sample_meeting_doc()
    note = "LONGNOTE-START " + "評価面談に向けて成果を棚卸しした。" * 300 + " LONGNOTE-END"
    doc = replace(doc, meeting=replace(doc.meeting, shared_notes=note))
    pdf = render_meeting(doc, ExportOptions(lang="ja", today=TODAY))
    assert "LONGNOTE-START" in _page(pdf, 0)  # not pushed whole to page 2
    assert len(reader(pdf).pages) >= 2


def test_tables_leave_no_single_row_at_a_page_foot_or_head() -> None:
    import io

    from reportlab.platypus import SimpleDocTemplate, Spacer

    from taiwa.export.model import ExportOptions as Options
    from taiwa.export.parts import Ctx, table

    c = Ctx(Options(lang="en"))
    width = c.width()
    for count in (4, 12):
        rows = [["Head", "Text"]] + [[f"ROW{i:02d}", "x"] for i in range(count)]
        for gap in range(0, 60 + 16 * count, 8):  # room left on page 1 before the table, pt
            buffer = io.BytesIO()
            doc = SimpleDocTemplate(buffer)
            doc.build([Spacer(1, doc.height - 40 - gap), table(rows, [40, width - 40])])
            pages = [p.extract_text() for p in reader(buffer.getvalue()).pages]
            counts = [page.count("ROW") for page in pages]
            assert sum(counts) == count and all(n != 1 for n in counts), (count, gap, counts)
