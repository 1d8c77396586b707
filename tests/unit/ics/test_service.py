"""Import behaviour on a real (temporary) vault: what lands in the log, and re-imports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from taiwa.ics import errors, service
from taiwa.store import Store
from taiwa.vault.database import Database
from tests.unit.ics.conftest import WINDOW, plan


def meetings(db: Database) -> list[tuple[str, str, str, str]]:
    """(person, starts_at UTC, status, recurrence id) of every calendar meeting."""
    rows = db.query(
        "SELECT p.name, m.starts_at, m.status, m.ics_recurrence_id FROM meeting m"
        " JOIN person p ON p.id = m.person_id WHERE m.source = 'calendar'"
        " ORDER BY m.starts_at"
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_google_export_finds_the_series_and_the_rules(store: Store, data: Path) -> None:
    result = plan(store.db, data / "google_export.ics")
    assert result.owner == "manager@example.com" and result.owner_guessed
    by_summary = {(o["summary"], o["start"]): o for o in result.to_json()["occurrences"]}
    weekly = sorted(start for summary, start in by_summary if summary == "Weekly sync")
    # COUNT=6 from Jan 5; Jan 12 moved to Jan 13 11:00; Jan 19 EXDATE; Jan 26 cancelled.
    assert weekly == [
        "2026-01-05T10:00:00+09:00",
        "2026-01-13T11:00:00+09:00",
        "2026-01-26T10:00:00+09:00",
        "2026-02-02T10:00:00+09:00",
        "2026-02-09T10:00:00+09:00",
    ]
    assert by_summary[("Weekly sync", "2026-01-26T10:00:00+09:00")]["status"] == "cancelled"
    moved = by_summary[("Weekly sync", "2026-01-13T11:00:00+09:00")]
    assert moved["recurrence_id"] == "2026-01-12T01:00:00Z"
    assert moved["person"] == "Taro Yamada" and moved["email"] == "taro.yamada@example.com"
    # The decliner does not count; the stand-up and "Lunch 11:15" are not 1on1s.
    assert ("Project review", "2026-01-07T14:00:00+09:00") in by_summary
    summaries = {summary for summary, _ in by_summary}
    assert "Daily stand-up" not in summaries and "Lunch 11:15" not in summaries
    new_hire = by_summary[("1:1 with the new hire", "2026-01-08T11:00:00+09:00")]
    assert new_hire["person"] is None and new_hire["email"] == "jiro@example.com"
    assert result.proposals == {"jiro@example.com": "Jiro Sato"}
    # A UTC time in a Google export is shown in the calendar's X-WR-TIMEZONE.
    assert by_summary[("1on1 Hanako", "2026-02-10T10:00:00+09:00")]["person"] == "Hanako Suzuki"
    assert [name for name, _ in result.series()] == [
        "Hanako Suzuki",
        "jiro@example.com",
        "Taro Yamada",
    ]


def test_import_then_reimport_is_idempotent(store: Store, data: Path) -> None:
    first = service.apply_import(store.db, plan(store.db, data / "google_export.ics"))
    assert (first.added, first.cancelled, first.skipped) == (6, 1, 1)
    before = meetings(store.db)
    assert len(before) == 7
    again = plan(store.db, data / "google_export.ics")
    assert again.counts() == {"added": 0, "updated": 0, "cancelled": 0, "skipped": 8}
    service.apply_import(store.db, again)
    assert meetings(store.db) == before
    # Imported meetings carry the person's role and team at the time.
    row = store.db.query_one("SELECT role, team, zone FROM meeting WHERE ics_recurrence_id = ''"
                             " AND person_id = 1")  # fmt: skip
    assert row is not None and (row[0], row[1]) == ("Engineer", "Core")


def test_a_higher_sequence_updates_an_equal_one_does_not(store: Store, data: Path) -> None:
    path = data / "google_export.ics"
    service.apply_import(store.db, plan(store.db, path))
    text = path.read_text()
    same_seq = text.replace("Tokyo:20260113T110000", "Tokyo:20260113T150000").replace(
        "Tokyo:20260113T113000", "Tokyo:20260113T153000"
    )
    path.write_text(same_seq)
    assert plan(store.db, path).counts()["updated"] == 0
    newer = same_seq.replace(
        "RECURRENCE-ID;TZID=Asia/Tokyo:20260112T100000\n", "RECURRENCE-ID;TZID=Asia/Tokyo:20260112T100000\nX-X:1\n"
    ).replace("SEQUENCE:1\nSTATUS:CONFIRMED\nSUMMARY:Weekly sync\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;TZID=Asia/Tokyo:20260126",
              "SEQUENCE:2\nSTATUS:CONFIRMED\nSUMMARY:Weekly sync\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;TZID=Asia/Tokyo:20260126")  # fmt: skip
    path.write_text(newer)
    result = plan(store.db, path)
    assert result.counts()["updated"] == 1
    service.apply_import(store.db, result)
    assert ("Taro Yamada", "2026-01-13T06:00:00Z", "planned", "2026-01-12T01:00:00Z") in meetings(
        store.db
    )


def test_a_cancelled_occurrence_cancels_the_planned_meeting(store: Store, data: Path) -> None:
    path = data / "google_export.ics"
    text = path.read_text()
    path.write_text(text.replace("STATUS:CANCELLED", "STATUS:CONFIRMED"))
    service.apply_import(store.db, plan(store.db, path))
    assert ("Taro Yamada", "2026-01-26T01:00:00Z", "planned", "2026-01-26T01:00:00Z") in meetings(
        store.db
    )
    path.write_text(text)
    result = plan(store.db, path)
    assert result.counts()["cancelled"] == 1
    service.apply_import(store.db, result)
    assert ("Taro Yamada", "2026-01-26T01:00:00Z", "cancelled", "2026-01-26T01:00:00Z") in meetings(
        store.db
    )


def test_an_occurrence_removed_from_the_calendar_is_cancelled(store: Store, data: Path) -> None:
    path = data / "google_export.ics"
    service.apply_import(store.db, plan(store.db, path))
    path.write_text(
        path.read_text().replace(
            "EXDATE;TZID=Asia/Tokyo:20260119T100000",
            "EXDATE;TZID=Asia/Tokyo:20260119T100000,20260202T100000",
        )
    )
    result = plan(store.db, path)
    assert result.counts()["cancelled"] == 1 and len(result.vanished) == 1
    service.apply_import(store.db, result)
    assert ("Taro Yamada", "2026-02-02T01:00:00Z", "cancelled", "2026-02-02T01:00:00Z") in meetings(
        store.db
    )


def test_meetings_with_notes_are_never_changed(store: Store, data: Path) -> None:
    path = data / "google_export.ics"
    service.apply_import(store.db, plan(store.db, path))
    row = store.db.query_one(
        "SELECT id FROM meeting WHERE ics_recurrence_id = '2026-02-02T01:00:00Z'"
    )
    assert row is not None
    store.meetings.update(row[0], shared_notes="キャリアについて話した")
    # The organizer cancels that occurrence, then deletes it: the meeting with notes stays.
    cancelled = path.read_text().replace(
        "EXDATE;TZID=Asia/Tokyo:20260119T100000",
        "EXDATE;TZID=Asia/Tokyo:20260119T100000,20260202T100000",
    )
    path.write_text(cancelled)
    result = plan(store.db, path)
    assert result.vanished == []
    service.apply_import(store.db, result)
    meeting = store.meetings.get(row[0])
    assert (meeting.status.value, meeting.shared_notes) == ("planned", "キャリアについて話した")


def test_proposed_people_are_created_only_when_accepted(store: Store, data: Path) -> None:
    path = data / "google_export.ics"
    service.apply_import(store.db, plan(store.db, path))
    assert store.people.find_by_email("jiro@example.com") is None
    result = plan(store.db, path)
    assert result.counts(["jiro@example.com"])["added"] == 1
    done = service.apply_import(store.db, result, add_people=["jiro@example.com"])
    assert done.people_added == 1
    jiro = store.people.find_by_email("JIRO@example.com")
    assert jiro is not None and jiro.name == "Jiro Sato"
    assert ("Jiro Sato", "2026-01-08T02:00:00Z", "planned", "") in meetings(store.db)


def test_owner_given_once_is_remembered(store: Store, data: Path) -> None:
    path = data / "custom_tz_tokyo.ics"
    result = plan(store.db, path, owner="Manager@Example.com")
    assert (result.owner, result.owner_guessed) == ("manager@example.com", False)
    service.apply_import(store.db, result)
    again = plan(store.db, path)
    assert (again.owner, again.owner_guessed) == ("manager@example.com", False)
    with pytest.raises(errors.IcsOwnerError):
        plan(store.db, path, owner="not an address")


def test_custom_time_zones_of_two_files_do_not_leak_into_each_other(
    store: Store, data: Path
) -> None:
    # icalendar caches "Customized Time Zone" process-wide: without the per-file rename the
    # second file would get the first file's +09:00.
    for _ in range(2):
        tokyo = plan(store.db, data / "custom_tz_tokyo.ics").items[0].occurrence
        berlin = plan(store.db, data / "custom_tz_berlin.ics").items[0].occurrence
        assert tokyo.start.astimezone(UTC) == datetime(2026, 1, 12, 1, tzinfo=UTC)
        assert berlin.start.astimezone(UTC) == datetime(2026, 1, 12, 9, tzinfo=UTC)
    both = plan(store.db, data / "custom_tz_berlin.ics", data / "custom_tz_tokyo.ics")
    assert sorted(i.occurrence.start.astimezone(UTC).hour for i in both.items) == [1, 9]


def test_outlook_shift_jis_export(store: Store, data: Path) -> None:
    result = plan(store.db, data / "outlook_sjis.ics")
    occurrences = result.to_json()["occurrences"]
    summaries = [o["summary"] for o in occurrences]
    assert summaries.count("面談(鈴木さん)") == 4
    assert all("\ufffd" not in s for s in summaries)
    status = {(o["summary"], o["start"]): o["status"] for o in occurrences}
    assert status[("面談(鈴木さん)", "2026-01-13T15:00:00+09:00")] == "cancelled"  # キャンセル済み:
    assert (
        status[("1on1 山田さん", "2026-01-15T09:00:00+09:00")] == "confirmed"
    )  # display-name TZID
    assert status[("1:1 Taro (Berlin)", "2026-01-16T09:00:00+01:00")] == "cancelled"  # Canceled:
    assert not result.problems


def test_apple_export_duration_floating_and_names(store: Store, data: Path) -> None:
    result = plan(store.db, data / "apple_export.ics")
    items = {i.occurrence.summary: i for i in result.items}
    hanako = [i for i in result.items if i.occurrence.summary == "ワンオンワン"]
    assert [i.occurrence.start.isoformat() for i in hanako] == [
        "2026-01-14T16:00:00+09:00", "2026-01-28T16:00:00+09:00", "2026-02-11T16:00:00+09:00",
    ]  # fmt: skip
    assert hanako[0].occurrence.zone == "Asia/Tokyo"
    floating = items["1on1 Taro Yamada"]  # NFKC: １on１ → 1on1; the title names Taro
    assert floating.person_id == 1 and floating.occurrence.zone == ""
    assert floating.occurrence.end - floating.occurrence.start == timedelta(minutes=45)
    # Nobody to hold it with: the user is asked "who is this?", and it is skipped unanswered.
    assert (
        items["面談デー"].match.rule == "unknown"
        and items["面談デー"].occurrence.uid in result.unknown
    )
    assert result.kind(items["面談デー"]) == service.SKIP
    rdate = [i.occurrence for i in result.items if i.occurrence.summary == "Career talk"]
    assert [(o.start.isoformat(), o.recurrence_id) for o in rdate] == [
        ("2026-02-03T14:00:00+09:00", "2026-02-03T05:00:00Z"),
        ("2026-02-17T14:00:00+09:00", "2026-02-17T05:00:00Z"),
    ]
    all_day = items["1on1 (all day)"].occurrence
    assert all_day.end is not None and all_day.end - all_day.start == timedelta(days=1)
    assert all_day.start.date().isoformat() == "2026-02-20" and all_day.recurrence_id == ""


def test_bad_events_are_reported_and_the_rest_imports_only_when_accepted(
    store: Store, data: Path
) -> None:
    import icalendar

    # icalendar alone rejects the whole file for its one bad calendar-level line ("X").
    with pytest.raises(ValueError):
        icalendar.Calendar.from_ical((data / "bad_mixed.ics").read_text())
    result = plan(store.db, data / "bad_mixed.ics")
    assert [(p.code, p.event) for p in result.problems] == [
        ("bad_dates", 2),
        ("malformed_event", 3),
    ]
    assert all("SENTINEL" not in p.message() and "面談" not in p.message() for p in result.problems)
    with pytest.raises(errors.IcsPartialError):
        service.apply_import(store.db, result)
    assert meetings(store.db) == []
    service.apply_import(store.db, result, accept_partial=True)
    assert [m[0] for m in meetings(store.db)] == ["Taro Yamada", "Hanako Suzuki"]


def test_unknown_time_zone_is_reported_never_floating(store: Store, data: Path) -> None:
    result = plan(store.db, data / "unknown_tz.ics")
    assert [(p.code, p.event) for p in result.problems] == [("unknown_timezone", 1)]
    assert [i.occurrence.uid for i in result.items] == ["known-tz@example.com"]
    assert result.items[0].occurrence.zone == "Asia/Tokyo"


def test_window_is_bounded(store: Store, data: Path) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(errors.IcsWindowError):
        plan(
            store.db,
            data / "google_export.ics",
            window=service.Window(now, now - timedelta(days=1)),
        )
    with pytest.raises(errors.IcsWindowError):
        plan(
            store.db,
            data / "google_export.ics",
            window=service.Window(now, now + timedelta(days=4000)),
        )
    narrow = service.Window(datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 2, 5, tzinfo=UTC))
    assert [
        i.occurrence.start.day
        for i in plan(store.db, data / "google_export.ics", window=narrow).items
    ] == [2]


def test_several_files_one_unreadable(store: Store, data: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    result = plan(store.db, data / "custom_tz_tokyo.ics", empty)
    assert [p.code for p in result.problems] == ["ics_empty"]
    assert result.problems[0].message() == "empty.ics: the file is empty."
    assert len(result.items) == 1
    assert WINDOW.start < result.items[0].occurrence.start


def test_a_broken_team_meeting_does_not_block_the_import(store: Store, tmp_path: Path) -> None:
    guests = "".join(f"ATTENDEE:mailto:guest{i}@example.com\n" for i in range(8))
    path = tmp_path / "team.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:allhands\nDTSTART:NOT-A-DATE\n"
        f"ORGANIZER:mailto:manager@example.com\nATTENDEE:mailto:taro.yamada@example.com\n{guests}"
        "SUMMARY:All hands\nEND:VEVENT\nBEGIN:VEVENT\nUID:ok\nDTSTART:20260112T010000Z\n"
        "ORGANIZER:mailto:manager@example.com\nATTENDEE:mailto:taro.yamada@example.com\n"
        "SUMMARY:Sync\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    result = plan(store.db, path, owner="manager@example.com")
    assert result.problems == []
    assert [i.occurrence.uid for i in result.items] == ["ok"]


def test_archived_people_are_known_but_not_planned(store: Store, data: Path) -> None:
    store.people.archive(1)
    result = plan(store.db, data / "google_export.ics")
    taro = [i for i in result.items if i.person_id == 1]
    assert taro and {(i.action, i.reason) for i in taro} == {("skip", "archived")}
    assert "taro.yamada@example.com" not in result.proposals
    service.apply_import(store.db, result)
    assert [m for m in meetings(store.db) if m[0] == "Taro Yamada"] == []


def test_a_proposed_name_comes_from_the_attendees_cn(db: Database, data: Path) -> None:
    result = plan(db, data / "bad_mixed.ics", data / "google_export.ics")
    assert result.proposals["hanako@example.com"] == "Hanako Suzuki"  # not "hanako"
    done = service.apply_import(db, result, accept_partial=True, add_people=["hanako@example.com"])
    assert done.people_added == 1
    person = Store(db).people.find_by_email("hanako@example.com")
    assert person is not None and person.name == "Hanako Suzuki"


def test_the_owner_is_guessed_from_an_even_sample_of_a_huge_file() -> None:
    from taiwa.ics.service import OWNER_SAMPLE, _sample

    events: list = list(range(70_000))
    sample = _sample(events)
    assert len(sample) <= OWNER_SAMPLE
    assert sample[0] == 0 and sample[-1] >= 60_000  # spread over the whole file
    small: list = list(range(OWNER_SAMPLE))
    assert _sample(small) == small  # a file of up to OWNER_SAMPLE events is read whole
