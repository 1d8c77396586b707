"""The calendar benchmark has a small size for the quick mode (`scripts/bench --quick`), with the
full calendar's mix; the real figures come from `python -m bench.bench_ics`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import bench_ics


def test_a_small_calendar_keeps_the_mix() -> None:
    assert bench_ics.shape() == (bench_ics.SERIES, bench_ics.ONE_ON_ONES, bench_ics.SINGLES)
    series, one_on_ones, singles = bench_ics.shape(600)
    assert (series, one_on_ones, series + singles) == (36, 5, 600)
    text = bench_ics.generate_calendar(events=600)
    # Every series also has its moved occurrences (RECURRENCE-ID overrides).
    assert text.count("BEGIN:VEVENT") == 600 + series * bench_ics.MOVED
    assert text.count("RRULE:") == series
    assert len(bench_ics.reports(600)) == one_on_ones


@pytest.mark.slow
def test_bench_ics_runs_small_without_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "result.json"
    bench_ics.main(["--events", "60", "--repeat", "1", "--json", str(out)])
    assert "ics import: plan / dry run (60 events)" in capsys.readouterr().out
    rows = json.loads(out.read_text(encoding="utf-8"))
    # The 60 000-event export runs only at the full size (minutes, ~1 GB).
    assert [r["name"] for r in rows] == [
        "ics import: plan / dry run (60 events)",
        "ics import: real import into a vault",
    ]
    assert all(r["ours_ms"] > 0 and r["floor_ms"] > 0 for r in rows)
