"""The PDFs render: every page rasterises with poppler and has ink on it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from bench.pdf_data import sample_meeting_doc, sample_person_doc
from taiwa.export.documents import render_meeting, render_person
from taiwa.export.model import ExportOptions

PDFTOPPM = shutil.which("pdftoppm")

pytestmark = [
    pytest.mark.needs_poppler,
    pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed"),
]


def _pgm_ink(path: Path) -> float:
    """Share of dark pixels in the body of a page (binary PGM), header and footer left out."""
    data = path.read_bytes()
    # Header: P5 <width> <height> <maxval>, each separated by one whitespace character.
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    width, height = int(parts[1]), int(parts[2])
    pixels = data[len(data) - width * height :]
    # The body lies between the 22 mm top and 18 mm bottom margins of a 297 mm page.
    top, bottom = int(height * 23 / 297), int(height * (297 - 19) / 297)
    body = pixels[top * width : bottom * width]
    dark = sum(1 for value in body if value < 200)
    return dark / len(body)


def _render(pdf: bytes, tmp_path: Path, name: str) -> list[float]:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [str(PDFTOPPM), "-r", "30", "-gray", str(source), str(tmp_path / name)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob(f"{name}-*.pgm"))
    return [_pgm_ink(p) for p in pages]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pages_render_and_are_not_blank(tmp_path: Path, lang: str) -> None:
    options = ExportOptions(lang=lang, today=date(2026, 11, 21), include_private=True)  # type: ignore[arg-type]
    person = render_person(sample_person_doc(8), options)
    inks = _render(person, tmp_path, "person")
    assert len(inks) >= 2
    assert all(ink > 0.005 for ink in inks), inks
    meeting = render_meeting(sample_meeting_doc(), options)
    inks = _render(meeting, tmp_path, "meeting")
    assert inks and all(ink > 0.0005 for ink in inks), inks
