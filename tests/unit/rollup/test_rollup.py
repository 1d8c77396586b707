"""The roll-up: the figures equal the vault's own, nothing of substance leaves, the signature
holds, newer formats are refused, and small groups are never shown on their own."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft
from taiwa.rollup import collect, document, files, report_files, signing, view
from taiwa.rollup.document import (
    BadRollupError,
    NewerRollupError,
    NotRollupError,
    RollupTooLargeError,
    TamperedRollupError,
)
from taiwa.store import Store
from taiwa.vault.database import Database

NOW = datetime(2026, 9, 30, 18, 0, tzinfo=UTC)
START, END = date(2026, 7, 1), date(2026, 9, 30)
SENTINELS = (
    "Sentinel-Name-Ōtani",
    "sentinel.person@example.com",
    "SENTINEL-PURPOSE-7731",
    "SENTINEL-SHARED-4410",
    "SENTINEL-PRIVATE-9921",
    "SENTINEL-TOPIC-5512",
    "SENTINEL-ACTION-3308",
    "SENTINEL-GOAL-6603",
    "SENTINEL-ROLE-2207",
)


def _fill(store: Store) -> dict[str, int]:
    """Two people with held, cancelled, skipped and missed 1on1s, topics, actions, moods."""
    a = store.people.add(
        SENTINELS[0],
        emails=[SENTINELS[1]],
        team="Platform",
        role=SENTINELS[8],
        cadence_days=14,
        started_on="2026-01-01",
        career_goals=SENTINELS[7],
    )
    b = store.people.add("Bob Example", team="Platform", cadence_days=7, started_on="2026-06-01")
    day = datetime(2026, 7, 2, 9, 0, tzinfo=UTC)
    for i in range(6):
        store.meetings.create(
            a.id,
            day + timedelta(days=14 * i),
            status=MeetingStatus.HELD if i != 3 else MeetingStatus.CANCELLED,
            purpose=SENTINELS[2],
            shared_notes=SENTINELS[3],
            private_notes=SENTINELS[4],
            mood=1,
            topics=[
                TopicDraft(Theme.WORK, SENTINELS[5]),
                TopicDraft(Theme.CAREER, SENTINELS[5] + " long"),
            ],
            actions=[ActionDraft(Owner.REPORT, SENTINELS[6], date(2026, 8, 1))],
        )
    store.meetings.create(
        b.id, day, status=MeetingStatus.HELD, topics=[TopicDraft(Theme.GROWTH, "g")]
    )
    store.meetings.create(b.id, day + timedelta(days=7), status=MeetingStatus.SKIPPED)
    return {"a": a.id, "b": b.id}


@pytest.fixture
def store(db: Database) -> Store:
    return Store(db)


def test_figures_equal_the_vaults_own(store: Store) -> None:
    ids = _fill(store)
    rollup = collect.collect(store, START, END, now=NOW)
    own = store.reports.execution_rate(START, END, now=NOW)
    by_ref = {line.ref: line for line in rollup.reports}
    seed = store.rollups.seed()
    for stats in own.people:
        line = by_ref[signing.pseudonym(seed, stats.person_id)]
        assert (line.planned, line.held) == (stats.execution.planned, stats.execution.held)
    assert sum(line.planned for line in rollup.reports) == own.overall.planned
    assert sum(line.held for line in rollup.reports) == own.overall.held
    a = by_ref[signing.pseudonym(seed, ids["a"])]
    assert (a.cancelled, a.skipped, a.short_term, a.mid_term, a.long_term) == (1, 0, 6, 0, 6)
    assert a.open_actions == 6 and a.overdue_actions == 6
    assert a.cadence_kept is False and a.longest_gap_days == 28  # the cancelled one
    b = by_ref[signing.pseudonym(seed, ids["b"])]
    assert (b.held, b.skipped, b.mid_term, b.cadence_kept) == (1, 1, 1, False)
    assert [m.month for m in a.months] == ["2026-07", "2026-08", "2026-09"]


def test_no_sentinel_leaves_and_names_only_when_asked(store: Store) -> None:
    _fill(store)
    seed = store.rollups.seed()
    data = document.encode(collect.collect(store, START, END, now=NOW), seed)
    text = data.decode()
    for sentinel in SENTINELS:
        assert sentinel not in text
        assert sentinel.lower() not in text.lower()
    assert "Bob" not in text
    assert "mood" not in text and "signal" not in text
    named = document.encode(collect.collect(store, START, END, names=True, now=NOW), seed).decode()
    assert SENTINELS[0] in named and "Bob Example" in named
    for sentinel in SENTINELS[1:]:
        assert sentinel not in named


def test_pseudonyms_are_stable_per_vault_and_differ_between_vaults(
    store: Store, tmp_path: Path
) -> None:
    ids = _fill(store)
    first = collect.collect(store, START, END, now=NOW)
    second = collect.collect(store, date(2026, 4, 1), date(2026, 6, 30), now=NOW)
    assert {r.ref for r in second.reports} <= {r.ref for r in first.reports}
    other = Store(Database.create(tmp_path / "o.db", _key()))
    assert signing.pseudonym(other.rollups.seed(), ids["a"]) != signing.pseudonym(
        store.rollups.seed(), ids["a"]
    )


def _key():  # type: ignore[no-untyped-def]
    from taiwa.vault.keys import RawKey

    return RawKey.generate()


def _signed(store: Store) -> bytes:
    _fill(store)
    return document.encode(collect.collect(store, START, END, now=NOW), store.rollups.seed())


def test_round_trip_and_tampering_detected(store: Store) -> None:
    data = _signed(store)
    signed = document.decode(data, "f.json")
    assert signed.key_id == signing.key_id(signing.public_key(store.rollups.seed()))
    doc = json.loads(data)
    # Any edit of a figure, of a label, or of the key id is caught.
    for edit in (
        lambda d: d["payload"]["reports"][0].__setitem__("held", 0),
        lambda d: d["payload"]["reports"][0].__setitem__("team", "Other"),
        lambda d: d["payload"].__setitem__("manager", "someone"),
        lambda d: d["signature"].__setitem__("key_id", "0000-0000-0000-0000"),
        lambda d: d["signature"].__setitem__("value", base64.b64encode(b"x" * 64).decode()),
        lambda d: d.pop("signature"),
    ):
        changed = json.loads(data)
        edit(changed)
        with pytest.raises(TamperedRollupError) as err:
            document.decode(json.dumps(changed).encode(), "f.json")
        assert "f.json" in err.value.localized("en")
    # Re-signing with another key gives another key id: the reader sees who signed.
    other = signing.new_seed()
    body = {k: doc[k] for k in ("format", "version", "payload")}
    body["payload"]["reports"][0]["held"] = 0
    body["payload"]["reports"][0]["execution_rate"] = 0.0
    forged = dict(body)
    forged["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key(other)).decode(),
        "value": base64.b64encode(signing.sign(other, document.canonical(body))).decode(),
    }
    assert document.decode(json.dumps(forged).encode(), "f").key_id != signed.key_id


def test_newer_version_refused_with_a_clear_message(store: Store) -> None:
    doc = json.loads(_signed(store))
    seed = store.rollups.seed()
    body = {"format": document.FORMAT, "version": document.VERSION + 1, "payload": doc["payload"]}
    body["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key(seed)).decode(),
        "value": base64.b64encode(signing.sign(seed, document.canonical(body))).decode(),
    }
    with pytest.raises(NewerRollupError) as err:
        document.decode(json.dumps(body).encode(), "new.json")
    assert "version 2" in err.value.localized("en") and "Update Taiwa" in err.value.localized("en")
    assert "バージョン 2" in err.value.localized("ja")


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe", b"[]", b'{"format": "x"}', b"[" * 100_000, b'{"format": "taiwa-rollup"}'],
)
def test_not_a_rollup(data: bytes) -> None:
    with pytest.raises((NotRollupError, BadRollupError)):
        document.decode(data, "x")


def test_signed_but_inconsistent_figures_refused(store: Store) -> None:
    seed = store.rollups.seed()
    doc = json.loads(_signed(store))
    doc["payload"]["reports"][0]["held"] = doc["payload"]["reports"][0]["planned"] + 1
    body = {k: doc[k] for k in ("format", "version", "payload")}
    body["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key(seed)).decode(),
        "value": base64.b64encode(signing.sign(seed, document.canonical(body))).decode(),
    }
    with pytest.raises(BadRollupError):
        document.decode(json.dumps(body).encode(), "x")


def test_oversized_file_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (document.MAX_BYTES + 1))
    with pytest.raises(RollupTooLargeError):
        files.read(big)
    with pytest.raises(Exception, match="is not a file"):
        files.read(tmp_path)


def _rollup_file(
    team_sizes: dict[str, int], seed: bytes, *, end: date = END
) -> document.SignedRollup:
    from taiwa.rollup.model import MonthFigure, ReportLine, Rollup

    lines = []
    n = 0
    for team, size in team_sizes.items():
        for _ in range(size):
            n += 1
            lines.append(
                ReportLine(
                    ref=f"R-{n:08x}", team=team, planned=6, held=5 if team == "Low" else 6,
                    cancelled=0, skipped=0, cadence_days=14, cadence_kept=team != "Low",
                    longest_gap_days=14, days_since_last=2, short_term=1, mid_term=1,
                    long_term=1, open_actions=1, overdue_actions=0,
                    months=(MonthFigure(end.strftime("%Y-%m"), 2, 2),),
                )
            )  # fmt: skip
    rollup = Rollup("m", date(end.year, end.month - 2, 1), end, end, False, tuple(lines))
    return document.decode(document.encode(rollup, seed), "t")


def test_group_size_rule() -> None:
    seed = signing.new_seed()
    # A team of 6 is shown; teams of 3 and 1 are pooled (4 < 5) into the overall only.
    v = view.build([_rollup_file({"Big": 6, "Mid": 3, "Tiny": 1}, seed)])
    assert [g.label for g in v.teams] == ["Big"]
    assert v.folded_reports == 4 and v.overall is not None and v.overall.reports == 10
    # Teams of 3 and 2 pool into an "Other teams" row of 5.
    v = view.build([_rollup_file({"Big": 6, "Mid": 3, "Tiny": 2}, seed)])
    assert [g.kind for g in v.teams] == ["team", "pooled"] and v.teams[1].reports == 5
    # Fewer than 5 in all: nothing is shown, not even the overall.
    v = view.build([_rollup_file({"A": 2, "B": 2}, seed)])
    assert v.teams == [] and v.overall is None and v.months == [] and v.total_reports == 4
    text = report_files.notes(v, "en")[0]
    assert "nothing is shown" in text
    # The minimum can be raised, never below 1.
    assert view.build([_rollup_file({"Big": 6}, seed)], min_group=7).overall is None


def test_teams_below_target_and_trend_across_quarters() -> None:
    seed, other = signing.new_seed(), signing.new_seed()
    q3 = _rollup_file({"Low": 5, "Platform": 5}, seed)
    q2 = _rollup_file({"Low": 5, "Platform": 5}, seed, end=date(2026, 6, 30))
    second_manager = _rollup_file({"platform ": 5}, other)
    v = view.build([q2, q3, second_manager], target=90)
    assert [g.label for g in v.below_target] == ["Low"]  # 25/30 = 83 %
    platform = next(g for g in v.teams if g.label == "Platform")
    assert platform.reports == 10  # the same team name (case, spaces) across managers
    assert [m.month for m in v.months] == ["2026-06", "2026-09"]
    assert [s.latest for s in v.sources] == [False, True, True]
    low = next(g for g in v.teams if g.label == "Low")
    assert low.cadence_gaps == 5


def test_keep_in_vault_and_view_files(store: Store, tmp_path: Path) -> None:
    signed = document.decode(_signed(store), "f")
    assert (
        store.rollups.keep(signed.key_id, signed.rollup.start, signed.rollup.end, signed.raw)
        is False
    )
    assert (
        store.rollups.keep(signed.key_id, signed.rollup.start, signed.rollup.end, signed.raw)
        is True
    )
    kept = store.rollups.kept()
    assert len(kept) == 1 and document.decode(kept[0].document, "k").rollup == signed.rollup
    assert store.rollups.forget(kept[0].id) and not store.rollups.kept()
    v = view.build([signed], min_group=1)
    csv_path = report_files.write_csv(v, tmp_path / "v.csv", lang="ja")
    assert csv_path.stat().st_mode & 0o777 == 0o600
    assert "チーム" in csv_path.read_text(encoding="utf-8-sig")
    pdf = report_files.write_pdf(v, tmp_path / "v.pdf", lang="ja")
    assert pdf.read_bytes().startswith(b"%PDF")
    with pytest.raises(Exception, match="exists already"):
        report_files.write_pdf(v, tmp_path / "v.pdf", lang="ja")


def test_csv_cells_never_run_as_formulas() -> None:
    seed = signing.new_seed()
    v = view.build([_rollup_file({"=HYPERLINK(1)": 5}, seed)])
    text = report_files.csv_bytes(v, "en").decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
