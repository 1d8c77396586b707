"""The PDF benchmark still runs (a tiny size: the real figures come from `python -m bench.bench_pdf`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import bench_pdf


def test_bench_pdf_runs_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "result.json"
    bench_pdf.main(["--meetings", "3", "--repeat", "1", "--json", str(out)])
    assert "PDF person summary, 3 meetings" in capsys.readouterr().out
    [result] = json.loads(out.read_text(encoding="utf-8"))
    assert result["ours_ms"] > 0 and result["floor_ms"] > 0 and result["budget"] == 2.0


def test_sizes_that_are_multiples_of_100_meetings_share_a_row_with_their_scale() -> None:
    names = {bench_pdf.row(n)[0] for n in bench_pdf.MEETINGS}
    assert len(names) == 1
    assert [bench_pdf.row(n)[1] for n in bench_pdf.MEETINGS] == [1, 3, 10]
    assert bench_pdf.row(20) == ("PDF person summary, 20 meetings (vault → bytes)", 1)
