"""Signals: prompts for the manager's eyes only, each with its reason in words. Never a score.

For every active (not archived) person, looking at their most recent meetings (the store
passes the last 20 that have started):

* **mood falling** — the mean mood of the last 3 meetings with a mood is at least
  :data:`MOOD_DROP` below the mean of the 3 before them (needs 6 moods).
* **skipped twice** — the two most recent meetings that have already started were both
  cancelled or skipped.
* **overdue** — more than 1.5 × the cadence has passed since the last held 1on1 (or, for
  someone never met, since they became active).
* **manager's actions overdue** — action items owned by the manager are open past their due day.
* **no career topic** — no topic with the career theme in the last 90 days, for someone known
  for at least 90 days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from taiwa.domain.facts import MeetingFact, PersonFact
from taiwa.domain.models import MeetingStatus, SignalKind
from taiwa.domain.stats import awaits_confirmation
from taiwa.i18n import Msg

MOOD_DROP = 1  # points on the 1–5 scale
OVERDUE_FACTOR = 1.5
CAREER_DAYS = 90

MESSAGES: dict[SignalKind, Msg] = {
    SignalKind.MOOD_FALLING: Msg(
        "Mood is falling: the last 3 meetings average {recent:.1f}, the 3 before {before:.1f}."
        " Ask how they are doing.",
        "気分が下がっています：直近 3 回の平均は {recent:.1f}、その前の 3 回は {before:.1f} です。"
        "調子を聞いてみましょう。",
    ),
    SignalKind.SKIPPED_TWICE: Msg(
        "The last two 1on1s were cancelled or skipped. Protect the next one.",
        "直近 2 回の 1on1 が中止またはスキップになっています。次回は確実に実施しましょう。",
    ),
    SignalKind.OVERDUE: Msg(
        "No 1on1 for {days} days (cadence {cadence} days). Time to book one.",
        "{days} 日間 1on1 がありません（実施間隔 {cadence} 日）。予定を入れましょう。",
    ),
    SignalKind.MANAGER_ACTIONS_OVERDUE: Msg(
        "Your own action items past their due date: {count} (oldest due {oldest}).",
        "あなたが担当するアクションアイテムのうち {count} 件が期限切れです（最も古い期限 {oldest}）。",
    ),
    SignalKind.NO_CAREER_TOPIC: Msg(
        "No career topic in the last {days} days. Consider talking about the longer term.",
        "過去 {days} 日間キャリアの話題がありません。長期的な話をしてみましょう。",
    ),
}


@dataclass(frozen=True, slots=True)
class Signal:
    """One prompt about one person."""

    kind: SignalKind
    person_id: int
    person_name: str
    params: dict[str, Any] = field(default_factory=dict)

    def reason(self, lang: str | None = None) -> str:
        """The reason in words, in ``lang`` (default: the current language)."""
        return MESSAGES[self.kind].text(lang, **self.params)


class PersonSignalsInput(NamedTuple):
    """Everything the signals need about one person (a flat record like the facts)."""

    person: PersonFact
    meetings: Sequence[MeetingFact]  # oldest first
    manager_overdue_dues: Sequence[date]  # due days of the manager's open, overdue items
    last_career_day: date | None


def mood_falling(moods: Sequence[int]) -> tuple[float, float] | None:
    """``(recent, before)`` means when the last 3 moods fell by MOOD_DROP or more, else None."""
    if len(moods) < 6:
        return None
    recent, before = sum(moods[-3:]), sum(moods[-6:-3])
    # Compared as sums of integers: no rounding at the threshold.
    return (recent / 3, before / 3) if before - recent >= 3 * MOOD_DROP else None


def person_signals(data: PersonSignalsInput, *, today: date) -> list[Signal]:
    """The signals for one person, in a fixed order (most personal first)."""
    person = data.person
    if person.archived:
        return []
    out: list[Signal] = []

    def add(kind: SignalKind, **params: Any) -> None:
        out.append(Signal(kind=kind, person_id=person.id, person_name=person.name, params=params))

    past = [m for m in data.meetings if m.day <= today]
    moods = [m.mood for m in past if m.mood is not None and m.held]
    fall = mood_falling(moods)
    if fall is not None:
        add(SignalKind.MOOD_FALLING, recent=fall[0], before=fall[1])
    missed = (MeetingStatus.CANCELLED, MeetingStatus.SKIPPED)
    if len(past) >= 2 and past[-1].status in missed and past[-2].status in missed:
        add(SignalKind.SKIPPED_TWICE)
    # A past calendar occurrence waiting for confirmation is not a missed one (yet); the
    # meetings given have all started.
    held_days = [m.day for m in past if m.held or awaits_confirmation(m, None)]
    anchor = held_days[-1] if held_days else person.active_from
    if anchor is not None:
        days = (today - anchor).days
        if days > OVERDUE_FACTOR * person.cadence_days:
            add(SignalKind.OVERDUE, days=days, cadence=person.cadence_days)
    if data.manager_overdue_dues:
        add(
            SignalKind.MANAGER_ACTIONS_OVERDUE,
            count=len(data.manager_overdue_dues),
            oldest=min(data.manager_overdue_dues).isoformat(),
        )
    known_since = person.active_from
    if past and (known_since is None or past[0].day < known_since):
        known_since = past[0].day
    if (
        known_since is not None
        and (today - known_since).days >= CAREER_DAYS
        and (data.last_career_day is None or (today - data.last_career_day).days > CAREER_DAYS)
    ):
        add(SignalKind.NO_CAREER_TOPIC, days=CAREER_DAYS)
    return out
