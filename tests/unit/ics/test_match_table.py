"""The built-in 1on1 rules on a table of real-looking titles: precision and recall ≥ 0.97."""

from __future__ import annotations

from pathlib import Path

from taiwa.ics.match import DEFAULT_KEYWORDS, Matcher, is_legacy_default, rules, split_prefix

TABLE = Path(__file__).resolve().parents[2] / "data" / "ics" / "1on1-titles.tsv"


def _table() -> list[tuple[str, bool]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        label, title = line.split("\t", 1)
        rows.append((title, label == "1"))
    return rows


def test_precision_and_recall_on_the_title_table() -> None:
    rows = _table()
    assert len(rows) >= 150
    assert sum(1 for _, want in rows if want) >= 60
    assert sum(1 for _, want in rows if not want) >= 60
    matcher = Matcher([])
    got = [(title, want, matcher.title_matches(title)) for title, want in rows]
    tp = sum(1 for _, want, found in got if want and found)
    fp = [title for title, want, found in got if found and not want]
    fn = [title for title, want, found in got if want and not found]
    precision = tp / (tp + len(fp))
    recall = tp / (tp + len(fn))
    assert precision >= 0.97, fp
    assert recall >= 0.97, fn


def test_the_rules_come_from_the_data_file() -> None:
    assert "1:1" in DEFAULT_KEYWORDS and "面談" in DEFAULT_KEYWORDS
    assert ("declined:", "declined") in rules().prefixes


def test_prefixes_of_answered_invitations() -> None:
    assert split_prefix("Declined: 1:1 Ken") == ("1:1 Ken", "declined")
    assert split_prefix("Updated invitation: Canceled: 1on1") == ("1on1", "cancelled")
    assert split_prefix("仮承諾：面談") == ("面談", "tentative")
    assert split_prefix("1on1: agenda") == ("1on1: agenda", "")


def test_earlier_defaults_stored_unchanged_follow_the_new_ones() -> None:
    old = ["1on1", "1:1", "1-on-1", "one on one", "1対1", "面談", "ワンオンワン"]
    assert is_legacy_default(old, ["stand-up", "standup", "stand up", "定例"])
    assert not is_legacy_default([*old, "career chat"], ["定例"])


def test_user_exclusions_blank_out_part_of_a_title() -> None:
    matcher = Matcher([], keywords=["面談"], exclude=["評価 面談"])
    assert not matcher.title_matches("評価面談")
    assert matcher.title_excluded("評価面談")
    assert matcher.title_matches("評価面談のあとの面談")
