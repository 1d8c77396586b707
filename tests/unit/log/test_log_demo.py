"""The demo vault: realistic, deterministic, and showing every state the app can show."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from taiwa.demo import build_demo_vault, generate
from taiwa.domain.models import MeetingSource, SignalKind, UpcomingKind
from taiwa.store import Store
from taiwa.vault import errors
from taiwa.vault.service import open_vault

TODAY = date(2026, 6, 15)


def test_generation_is_deterministic() -> None:
    first, second = generate("year", today=TODAY), generate("year", today=TODAY)
    assert first.meeting == second.meeting
    assert first.topic == second.topic


def test_the_year_demo_shows_every_state(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = build_demo_vault(folder, size="year", today=TODAY)
    assert result.recovery_code  # keyring mode: a recovery code to show once
    assert (result.people, result.items > 1000) == (12, True)
    with pytest.raises(errors.VaultExistsError):
        build_demo_vault(folder, size="year", today=TODAY)

    db = open_vault(folder)
    try:
        store = Store(db, zone=UTC)
        now = datetime.combine(TODAY, time(9), tzinfo=UTC)
        people = store.people.list()
        assert any(p.name.isascii() for p in people)
        assert any(not p.name.isascii() for p in people)  # Japanese names too
        kinds = {s.kind for s in store.reports.signals(now)}
        assert {
            SignalKind.MOOD_FALLING,
            SignalKind.SKIPPED_TWICE,
            SignalKind.OVERDUE,
            SignalKind.MANAGER_ACTIONS_OVERDUE,
            SignalKind.NO_CAREER_TOPIC,
        } <= kinds
        upcoming = store.reports.upcoming(now, days=21)
        assert any(i.source is MeetingSource.CALENDAR for i in upcoming)
        assert any(i.kind is UpcomingKind.CADENCE and i.overdue for i in upcoming)
        report = store.reports.execution_rate(TODAY - timedelta(days=180), TODAY, now=now)
        assert report.overall.value is not None and 0.7 < report.overall.value < 1.0
        carried = db.query_one("SELECT count(*) FROM topic WHERE carried_from IS NOT NULL")
        assert carried is not None and carried[0] > 0
        assert store.actions.open_actions()
        assert store.search.search("キャリア") and store.search.search("career")
        assert store.questions.list("ja")
    finally:
        db.close()
