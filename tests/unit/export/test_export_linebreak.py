"""JIS X 4051 line breaking: punctuation at every position, checked on the extracted lines."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from taiwa.export.layout import para
from taiwa.export.linebreak import CANNOT_END, CANNOT_START, HANGING, break_points, may_break
from taiwa.export.markup import user

PUNCTUATION = "。、！？」』）】ー・ゃっァ々…（「『【"
WIDTH = 10  # characters per line in the rendered frame


def _lines(chars: str, per_line: int) -> list[str]:
    ends = break_points(list(chars), [1.0] * len(chars), [float(per_line)])
    out, start = [], 0
    for end in ends:
        out.append(chars[start:end].strip(" "))
        start = end
    return out


@pytest.mark.parametrize("mark", PUNCTUATION)
def test_break_points_never_break_kinsoku_at_any_position(mark: str) -> None:
    for position in range(0, 2 * WIDTH + 2):
        text = "あ" * position + mark + "い" * (2 * WIDTH)
        lines = _lines(text, WIDTH)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (position, lines)
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, (position, lines)
            # Only a hanging comma or full stop may stick out by one character.
            assert len(line) <= WIDTH or (len(line) == WIDTH + 1 and line[-1] in HANGING)


def test_two_closing_marks_are_pushed_together_and_dashes_kept_whole() -> None:
    text = "あ" * 9 + "。」" + "い" * 5
    lines = _lines(text, WIDTH)
    assert all(line[0] not in CANNOT_START for line in lines[1:]), lines
    lines = _lines("あ" * 9 + "……" + "い" * 5, WIDTH)
    assert any("……" in line for line in lines), lines


def test_latin_words_wrap_at_spaces_only() -> None:
    text = "design review を lead したい and present at the internal tech talk"
    for line in _lines(text, 12):
        for word in line.split(" "):
            assert word in text.split(" ") or not word.isascii(), line


def test_variation_selector_stays_with_its_base() -> None:
    assert not may_break("葛", "\U000e0100")
    assert not may_break("a", "b") and may_break("a", "あ") and may_break(" ", "b")


def _render(texts: list[str], width_chars: int) -> bytes:
    buffer = io.BytesIO()
    font_size = 9.5  # the body style; a full-width character is one em wide
    frame = width_chars * font_size + 1
    margin = (A4[0] - frame) / 2
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin)
    doc.build([para(user(t, "ja"), "body", source=t) for t in texts])
    return buffer.getvalue()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_rendered_lines_obey_kinsoku_for_punctuation_at_every_position(tmp_path: Path) -> None:
    texts = [
        "あ" * position + mark + "い" * (WIDTH + 3)
        for mark in PUNCTUATION
        for position in range(WIDTH + 2)
    ]
    pdf = tmp_path / "lines.pdf"
    pdf.write_bytes(_render(texts, WIDTH))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line for line in out.replace("\f", "\n").split("\n") if line.strip()]
    assert "".join(lines) == "".join(texts)
    # Regroup the lines by paragraph: only the lines after a wrap are checked.
    paragraphs: list[list[str]] = []
    rest = iter(lines)
    for text in texts:
        group = [next(rest)]
        while "".join(group) != text:
            group.append(next(rest))
        paragraphs.append(group)
    starts = [g for g in paragraphs if any(line[0] in CANNOT_START for line in g[1:])]
    ends = [g for g in paragraphs if any(line[-1] in CANNOT_END for line in g[:-1])]
    assert not starts and not ends, (starts[:3], ends[:3])
    assert max(len(line) for line in lines) <= WIDTH + 1
