"""The domain rules without a database: carry-over, cadence, execution rate, signals, upcoming."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from taiwa.domain import cadence, carryover, signals, stats, upcoming
from taiwa.domain.facts import ActionFact, MeetingFact, PersonFact, TopicFact
from taiwa.domain.models import (
    Action,
    MeetingSource,
    MeetingStatus,
    Owner,
    SignalKind,
    Theme,
    Topic,
    TopicState,
    UpcomingKind,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def fact(
    mid: int,
    day: date,
    status: MeetingStatus = MeetingStatus.HELD,
    *,
    content: bool = False,
    mood: int | None = None,
    source: MeetingSource = MeetingSource.MANUAL,
    person_id: int = 1,
) -> MeetingFact:
    start = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return MeetingFact(mid, person_id, start, day, status, source, content, mood)


def person(cadence_days: int = 7, active_from: date | None = date(2026, 1, 5)) -> PersonFact:
    return PersonFact(id=1, name="Aoi", cadence_days=cadence_days, active_from=active_from)


# -- carry-over -------------------------------------------------------------------------------


def test_undiscussed_topics_are_carried_once() -> None:
    topics = [
        Topic(1, 10, Theme.CAREER, "キャリア形成", state=TopicState.OPEN),
        Topic(2, 10, Theme.WORK, "release", state=TopicState.DISCUSSED),
        Topic(3, 10, Theme.GROWTH, "mentoring", state=TopicState.CARRIED, carried_from=0),
        Topic(4, 10, Theme.OTHER, "already carried on", state=TopicState.OPEN),
    ]
    carried = carryover.topics_to_carry(topics, already_carried={4})
    assert [t.id for t in carried] == [1, 3]
    draft = carryover.carried_draft(carried[0])
    assert (draft.theme, draft.text, draft.state) == (
        Theme.CAREER,
        "キャリア形成",
        TopicState.CARRIED,
    )


def test_an_action_shows_in_later_meetings_while_it_was_open() -> None:
    agreed = datetime(2026, 1, 5, 10, tzinfo=UTC)
    later = datetime(2026, 1, 19, 10, tzinfo=UTC)
    open_item = Action(1, 1, 10, Owner.MANAGER, "find a course")
    done_between = Action(2, 1, 10, Owner.REPORT, "write goals", done_on=date(2026, 1, 10))
    done_that_day = Action(3, 1, 10, Owner.REPORT, "share slides", done_on=date(2026, 1, 19))
    for item, shown in ((open_item, True), (done_between, False), (done_that_day, True)):
        assert (
            carryover.action_shown_in(item, origin=agreed, meeting_id=20, meeting_start=later)
            is shown
        )
    # Its own meeting always shows it; an earlier meeting never does.
    assert carryover.action_shown_in(open_item, origin=agreed, meeting_id=10, meeting_start=agreed)
    assert not carryover.action_shown_in(
        open_item, origin=agreed, meeting_id=5, meeting_start=agreed - timedelta(days=14)
    )


# -- cadence ----------------------------------------------------------------------------------


def test_next_due_and_overdue() -> None:
    assert cadence.next_due(date(2026, 2, 1), 14, active_from=None, today=TODAY) == date(
        2026, 2, 15
    )
    assert cadence.days_overdue(date(2026, 2, 15), TODAY) == 15
    assert cadence.days_overdue(date(2026, 3, 10), TODAY) == 0
    # Never met: due from the day they became a report, else today.
    assert cadence.next_due(None, 14, active_from=date(2026, 2, 20), today=TODAY) == date(
        2026, 2, 20
    )
    assert cadence.next_due(None, 14, active_from=None, today=TODAY) == TODAY


# -- execution rate ---------------------------------------------------------------------------


def test_execution_rate_counts_occurrences_and_empty_slots_without_double_counting() -> None:
    # Eight weekly slots from Mon 5 Jan to Sun 1 Mar 2026 (cadence 7).
    monday = date(2026, 1, 5)
    week = [monday + timedelta(days=7 * i) for i in range(8)]
    meetings = [
        fact(1, week[0]),
        fact(2, week[0] + timedelta(days=2), source=MeetingSource.CALENDAR),  # 2nd in slot 1
        fact(3, week[1], MeetingStatus.PLANNED, content=True),  # notes written: held
        fact(4, week[2]),
        fact(5, week[3], MeetingStatus.CANCELLED, source=MeetingSource.CALENDAR),
        fact(6, week[4]),
        fact(7, week[5]),
        # week[6]: nothing at all -> one empty cadence slot
        fact(8, week[7]),
        fact(9, date(2026, 3, 9), MeetingStatus.PLANNED),  # after the period
    ]
    rate = stats.execution_rate(
        person(), meetings, start=date(2026, 1, 5), end=date(2026, 3, 1), now=NOW, today=TODAY
    )
    # planned: 8 rows in the period + 1 empty slot = 9; held: 7 rows (the cancelled one is not).
    assert (rate.held, rate.planned) == (7, 9)


def test_execution_rate_is_exactly_seven_eighths() -> None:
    monday = date(2026, 1, 5)
    meetings = [fact(i, monday + timedelta(days=7 * i)) for i in range(7)]
    meetings.append(fact(99, monday + timedelta(days=7 * 7), MeetingStatus.SKIPPED))
    rate = stats.execution_rate(
        person(), meetings, start=monday, end=date(2026, 3, 1), now=NOW, today=TODAY
    )
    assert (rate.held, rate.planned) == (7, 8)
    assert rate.value == 7 / 8
    assert rate.meets_target is False  # 87.5 % is under the 90 % target


def test_future_and_incomplete_slots_are_not_counted_yet() -> None:
    # The period runs past today: only days up to today count, and the last incomplete slot
    # (1–2 March) only through a meeting in it.
    monday = date(2026, 1, 5)
    meetings = [fact(i, monday + timedelta(days=7 * i)) for i in range(8)]
    meetings.append(fact(50, date(2026, 3, 20), MeetingStatus.PLANNED))
    rate = stats.execution_rate(
        person(), meetings, start=monday, end=date(2026, 3, 31), now=NOW, today=TODAY
    )
    assert (rate.held, rate.planned) == (8, 8)


def test_nothing_planned_gives_no_rate() -> None:
    rate = stats.execution_rate(
        person(active_from=date(2026, 2, 27)),
        [],
        start=date(2026, 2, 27),
        end=date(2026, 3, 1),
        now=NOW,
        today=TODAY,
    )
    assert rate.planned == 0
    assert rate.value is None


def test_overall_rate_sums_people_and_intervals_average_gaps() -> None:
    monday = date(2026, 1, 5)
    a = PersonFact(1, "A", 14, monday)
    b = PersonFact(2, "B", 14, monday)
    meetings = [
        fact(1, monday, person_id=1),
        fact(2, monday + timedelta(days=14), person_id=1),
        fact(3, monday + timedelta(days=28), person_id=1),
        fact(4, monday + timedelta(days=42), person_id=1),
        fact(5, monday + timedelta(days=10), person_id=2),
    ]
    report = stats.stats_report(
        [a, b], meetings, {}, start=monday, end=date(2026, 2, 15), now=NOW, today=TODAY
    )
    by = {p.person_id: p for p in report.people}
    # A: three fortnightly slots, each with its meeting (16 Feb is after the period).
    assert (by[1].execution.held, by[1].execution.planned) == (3, 3)
    assert (by[2].execution.held, by[2].execution.planned) == (1, 3)  # 1 row + 2 empty slots
    assert (report.overall.held, report.overall.planned) == (4, 6)
    assert by[1].average_interval_days == 14.0
    assert report.average_interval_days == 14.0


def test_action_completion_counts_items_agreed_in_the_period() -> None:
    items = [
        ActionFact(1, Owner.MANAGER, date(2026, 1, 10), None, date(2026, 1, 20)),
        ActionFact(1, Owner.REPORT, date(2026, 1, 12), None, None),
        ActionFact(1, Owner.REPORT, date(2026, 1, 14), None, date(2026, 3, 30)),  # after today
        ActionFact(1, Owner.REPORT, date(2025, 12, 1), None, date(2026, 1, 5)),  # before
        ActionFact(2, Owner.REPORT, date(2026, 2, 1), None, date(2026, 2, 2)),
    ]
    counts = stats.action_counts(items, start=date(2026, 1, 1), end=date(2026, 2, 28), today=TODAY)
    assert counts == {1: (1, 3), 2: (1, 1)}


def test_theme_balance_counts_each_topic_once() -> None:
    topics = [
        TopicFact(1, date(2026, 1, 5), Theme.CAREER, carried=False),
        TopicFact(1, date(2026, 1, 19), Theme.CAREER, carried=True),
        TopicFact(1, date(2026, 1, 19), Theme.WELLBEING, carried=False),
        TopicFact(1, date(2025, 12, 1), Theme.WORK, carried=False),
    ]
    balance = stats.theme_balance(topics, start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert balance[Theme.CAREER] == 1
    assert balance[Theme.WELLBEING] == 1
    assert balance[Theme.WORK] == 0
    assert set(balance) == set(Theme)


# -- signals ----------------------------------------------------------------------------------


def _signals(meetings: list[MeetingFact], **kw: object) -> set[SignalKind]:
    data = signals.PersonSignalsInput(
        person=kw.pop("who", person(cadence_days=14, active_from=date(2025, 1, 1))),  # type: ignore[arg-type]
        meetings=meetings,
        manager_overdue_dues=kw.pop("dues", []),  # type: ignore[arg-type]
        last_career_day=kw.pop("career", TODAY),  # type: ignore[arg-type]
    )
    return {s.kind for s in signals.person_signals(data, today=TODAY)}


def _fortnightly(moods: list[int | None]) -> list[MeetingFact]:
    first = TODAY - timedelta(days=14 * len(moods))
    return [fact(i, first + timedelta(days=14 * i), mood=m) for i, m in enumerate(moods)]


def test_mood_falling_compares_last_three_with_three_before() -> None:
    assert SignalKind.MOOD_FALLING in _signals(_fortnightly([4, 5, 4, 3, 2, 3]))
    assert SignalKind.MOOD_FALLING not in _signals(_fortnightly([4, 4, 4, 4, 3, 4]))
    assert SignalKind.MOOD_FALLING not in _signals(_fortnightly([2, 2, 3]))  # too few moods
    found = signals.mood_falling([5, 4, 4, 3, 2, 2])
    assert found is not None
    assert round(found[0], 2) == 2.33


def test_mood_signal_gives_its_reason_in_both_languages() -> None:
    data = signals.PersonSignalsInput(
        person=PersonFact(1, "山田 葵", 14, date(2025, 1, 1)),
        meetings=_fortnightly([4, 5, 4, 3, 2, 2]),
        manager_overdue_dues=[],
        last_career_day=TODAY,
    )
    (found,) = signals.person_signals(data, today=TODAY)
    assert found.reason("en") == (
        "Mood is falling: the last 3 meetings average 2.3, the 3 before 4.3."
        " Ask how they are doing."
    )
    assert found.reason("ja").startswith("気分が下がっています：直近 3 回の平均は 2.3")


def test_two_skipped_or_cancelled_in_a_row() -> None:
    meetings = _fortnightly([4, 4])
    meetings += [
        fact(10, TODAY - timedelta(days=6), MeetingStatus.CANCELLED),
        fact(11, TODAY - timedelta(days=2), MeetingStatus.SKIPPED),
    ]
    assert SignalKind.SKIPPED_TWICE in _signals(meetings)
    meetings.append(fact(12, TODAY - timedelta(days=1)))
    assert SignalKind.SKIPPED_TWICE not in _signals(meetings)


def test_overdue_beyond_one_and_a_half_cadences() -> None:
    just_over = [fact(1, TODAY - timedelta(days=22))]
    within = [fact(1, TODAY - timedelta(days=21))]
    assert SignalKind.OVERDUE in _signals(just_over)
    assert SignalKind.OVERDUE not in _signals(within)


def test_manager_overdue_actions_and_career_silence() -> None:
    recent = [fact(1, TODAY - timedelta(days=3))]
    found = _signals(recent, dues=[date(2026, 2, 1)], career=TODAY - timedelta(days=91))
    assert found == {SignalKind.MANAGER_ACTIONS_OVERDUE, SignalKind.NO_CAREER_TOPIC}
    # Someone known for less than 90 days is not prompted about career yet.
    newcomer = person(cadence_days=14, active_from=TODAY - timedelta(days=30))
    assert _signals(recent, who=newcomer, career=None) == set()


def test_archived_people_get_no_signals() -> None:
    gone = PersonFact(1, "A", 14, date(2020, 1, 1), archived=True)
    assert _signals([], who=gone, career=None) == set()


# -- upcoming ---------------------------------------------------------------------------------


def test_upcoming_lists_planned_meetings_and_uncovered_cadence_slots() -> None:
    who = PersonFact(1, "Aoi", 7, date(2025, 1, 1))
    planned_start = datetime(2026, 3, 5, 10, tzinfo=UTC)
    items = upcoming.person_upcoming(
        who,
        last_held=date(2026, 2, 26),  # due 5 March: covered by the planned meeting
        planned=[(40, planned_start, planned_start.date(), MeetingSource.CALENDAR)],
        today=TODAY,
        now=NOW,
        until=NOW + timedelta(days=14),
        until_day=TODAY + timedelta(days=14),
    )
    kinds = [(i.kind, i.due_on) for i in items]
    assert (UpcomingKind.MEETING, date(2026, 3, 5)) in kinds
    # Nothing booked after it: a slot a cadence later.
    assert (UpcomingKind.CADENCE, date(2026, 3, 12)) in kinds
    assert sum(1 for k, _ in kinds if k is UpcomingKind.CADENCE) == 1


def test_upcoming_overdue_slot_comes_first() -> None:
    who = PersonFact(1, "Ren", 14, date(2025, 1, 1))
    items = upcoming.person_upcoming(
        who,
        last_held=date(2026, 1, 20),
        planned=[],
        today=TODAY,
        now=NOW,
        until=NOW + timedelta(days=7),
        until_day=TODAY + timedelta(days=7),
    )
    assert [(i.kind, i.due_on, i.overdue) for i in items] == [
        (UpcomingKind.CADENCE, date(2026, 2, 3), True)
    ]
