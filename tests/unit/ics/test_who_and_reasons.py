"""A 1on1 series nobody in it identifies ("who is this?"), and why a preview is short."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.ics import service
from taiwa.ics.service import Who
from taiwa.store import Store
from taiwa.store import calendar as repo
from tests.unit.ics.conftest import WINDOW, plan

OWN_CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:weekly-1on1@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260105T010000Z
DTEND:20260105T013000Z
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Weekly 1:1s
END:VEVENT
BEGIN:VEVENT
UID:hiring@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260106T010000Z
DTEND:20260106T020000Z
SUMMARY:採用面談
END:VEVENT
BEGIN:VEVENT
UID:old-1on1@example.com
DTSTAMP:20260101T000000Z
DTSTART:20240106T010000Z
DTEND:20240106T020000Z
SUMMARY:1on1 Taro Yamada
END:VEVENT
BEGIN:VEVENT
UID:dentist@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260107T010000Z
DTEND:20260107T020000Z
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "own.ics"
    path.write_text(OWN_CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_a_series_with_nobody_asks_who_and_is_skipped_unanswered(
    store: Store, tmp_path: Path
) -> None:
    result = plan(store.db, _file(tmp_path))
    assert result.unknown == {"weekly-1on1@example.com": "Weekly 1:1s"}
    assert result.counts() == {"added": 0, "updated": 0, "cancelled": 0, "skipped": 4}
    who = {"weekly-1on1@example.com": Who.new("Mika Ito")}
    assert result.counts(who=who)["added"] == 4
    # Nothing is remembered by a preview.
    assert repo.series_choices(store.db) == {}


def test_an_answer_is_applied_and_remembered_per_series(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path)
    hanako = next(p for p in store.people.list() if p.name == "Hanako Suzuki")
    result = plan(store.db, path)
    done = service.apply_import(
        store.db, result, who={"weekly-1on1@example.com": Who.link(hanako.id)}
    )
    assert done.added == 4
    assert repo.series_choices(store.db) == {"weekly-1on1@example.com": ("link", hanako.id)}
    again = plan(store.db, path)
    assert again.unknown == {}
    assert {i.person_id for i in again.items} == {hanako.id}
    assert again.counts()["skipped"] == 4  # already imported, nothing asked


def test_a_new_person_or_ignoring_the_series(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path)
    done = service.apply_import(
        store.db, plan(store.db, path), who={"weekly-1on1@example.com": Who.new("Mika Ito")}
    )
    assert done.people_added == 1 and done.added == 4
    mika = next(p for p in store.people.list() if p.name == "Mika Ito")
    assert not mika.emails
    assert repo.forget_series(store.db) == 1
    other = tmp_path / "other"
    other.mkdir()
    fresh = plan(store.db, _file(other))
    assert fresh.unknown  # forgotten: asked again (its meetings exist, so they are unchanged)
    service.apply_import(store.db, fresh, who={"weekly-1on1@example.com": Who.ignore()})
    ignored = plan(store.db, path)
    assert ignored.unknown == {} and ignored.items == [] and ignored.ignored == 1


def test_the_preview_says_why_it_is_short(store: Store, tmp_path: Path) -> None:
    result = plan(store.db, _file(tmp_path))
    # The 2024 1on1 is outside the period; the hiring interview and the dentist are not 1on1s.
    assert (result.outside, result.not_1on1) == (1, 2)
    document = result.to_json()
    assert (document["outside_period"], document["not_1on1"]) == (1, 2)
    assert document["unknown_series"] == ["weekly-1on1@example.com"]
    assert WINDOW.start.year == 2026


# -- past occurrences are "to confirm", never overdue ---------------------------------------

FEB_1 = datetime(2026, 2, 1, 12, tzinfo=UTC)


def _imported_for_hanako(store: Store, tmp_path: Path) -> int:
    hanako = next(p for p in store.people.list() if p.name == "Hanako Suzuki")
    result = plan(store.db, _file(tmp_path))
    service.apply_import(store.db, result, who={"weekly-1on1@example.com": Who.link(hanako.id)})
    return hanako.id


def test_past_imported_occurrences_wait_for_confirmation(store: Store, tmp_path: Path) -> None:
    hanako = _imported_for_hanako(store, tmp_path)
    waiting = repo.awaiting_confirmation(store.db, FEB_1)
    # Jan 5, 12, 19 and 26 have passed by Feb 1.
    assert [w.starts_at.day for w in waiting] == [5, 12, 19, 26]
    assert {w.series for w in waiting} == {"weekly-1on1@example.com"}
    rate = store.reports.execution_rate("2026-01-01", "2026-01-31", now=FEB_1, person_id=hanako)
    assert (rate.overall.held, rate.overall.planned, rate.overall.to_confirm) == (0, 0, 4)
    status = next(s for s in store.reports.overview(FEB_1) if s.person.id == hanako)
    assert status.days_overdue == 0  # the occurrences were not missed: they wait
    assert not [s for s in store.reports.signals(FEB_1) if s.person_id == hanako]


def test_confirming_counts_in_the_rate(store: Store, tmp_path: Path) -> None:
    hanako = _imported_for_hanako(store, tmp_path)
    waiting = repo.awaiting_confirmation(store.db, FEB_1)
    assert repo.confirm(store.db, [waiting[0].meeting_id, waiting[1].meeting_id], "held", FEB_1)
    assert repo.confirm(store.db, [waiting[2].meeting_id], "skipped", FEB_1) == 1
    # Already decided: a second click changes nothing.
    assert repo.confirm(store.db, [waiting[0].meeting_id], "cancelled", FEB_1) == 0
    rate = store.reports.execution_rate("2026-01-01", "2026-01-31", now=FEB_1, person_id=hanako)
    assert (rate.overall.held, rate.overall.planned, rate.overall.to_confirm) == (2, 3, 1)
    with pytest.raises(ValueError, match="planned"):
        repo.confirm(store.db, [waiting[3].meeting_id], "planned", FEB_1)


def test_invitation_prefixes_decide_the_status(store: Store, tmp_path: Path) -> None:
    events = "".join(
        f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260101T000000Z\nDTSTART:202601{day}T010000Z\n"
        f"DTEND:202601{day}T013000Z\nSUMMARY:{title}\nEND:VEVENT\n"
        for uid, day, title in (
            ("d@x", "05", "Declined: 1on1 Taro Yamada"),
            ("t@x", "06", "Tentative: 1:1 Taro Yamada"),
            ("j@x", "07", "辞退: 面談 Taro Yamada"),
            ("r@x", "08", "Canceled: Ratio 1:1"),
        )
    )
    path = tmp_path / "answers.ics"
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//T//EN\n{events}END:VCALENDAR\n"
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    result = plan(store.db, path)
    found = {i.occurrence.uid: (i.occurrence.summary, i.occurrence.status) for i in result.items}
    assert found == {
        "d@x": ("1on1 Taro Yamada", "cancelled"),
        "t@x": ("1:1 Taro Yamada", "confirmed"),
        "j@x": ("面談 Taro Yamada", "cancelled"),
    }


def test_the_built_in_rules_are_not_stored(store: Store) -> None:
    from taiwa.ics.match import DEFAULT_EXCLUDE, DEFAULT_KEYWORDS

    service.save_keywords(store.db, ["career chat"], ["定例"])
    assert store.settings.get("calendar.keywords") == ["career chat"]
    service.save_keywords(store.db, list(DEFAULT_KEYWORDS), list(DEFAULT_EXCLUDE))
    assert store.settings.get("calendar.keywords") is None
    assert store.settings.get("calendar.exclude") is None
    # An earlier version's defaults, stored by a mere OK in Settings, follow today's rules.
    old = ["1on1", "1:1", "1-on-1", "one on one", "1対1", "面談", "ワンオンワン"]
    store.settings.set("calendar.keywords", old)
    store.settings.set("calendar.exclude", ["stand-up", "standup", "stand up", "定例"])
    _, keywords, exclude = service.matching_settings(store.db)
    assert (keywords, exclude) == (list(DEFAULT_KEYWORDS), list(DEFAULT_EXCLUDE))
