"""Realistic, deterministic documents for the PDF benchmark and tests (no vault needed).

Notes mix Japanese and English, vary in length (some run over a page), and every private note
carries :data:`PRIVATE_SENTINEL` so a test can prove it is absent unless asked for.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from taiwa.domain.models import (
    Action,
    Meeting,
    MeetingStatus,
    Owner,
    Person,
    Theme,
    Topic,
    TopicState,
    WantedResponse,
)
from taiwa.export.model import ExecutionFigures, MeetingDoc, PersonDoc

PRIVATE_SENTINEL = "PRIVSENTINEL7731"

_TOPICS = {
    Theme.WORK: [
        "リリース手順の自動化について",
        "Code review turnaround is slow on the payments service",
        "障害対応の振り返りとオンコール体制",
        "スプリント計画の見積もり精度",
    ],
    Theme.GROWTH: [
        "設計レビューをリードする機会がほしい",
        "Wants to present at the internal tech talk (社内LT)",
        "英語でのドキュメント作成に慣れたい",
    ],
    Theme.CAREER: [
        "3年後にテックリードを目指したい",
        "Interested in moving toward engineering management",
        "海外拠点との協業プロジェクトへの参加",
    ],
    Theme.WELLBEING: [
        "残業が続いていて少し疲れ気味",
        "Sleep has been better since the team change",
    ],
    Theme.FEEDBACK: ["先週のデモの進め方がとても良かった", "Feedback on the incident write-up"],
    Theme.OTHER: ["チームの雰囲気について", "Office move logistics"],
}
_NOTES = [
    "今週は決済サービスのリファクタリングを進めた。レビュー待ちが長く、"
    "PR が3日以上止まることがある。Slack で reviewer をアサインする運用を試す。",
    "Discussed the roadmap for Q3. She prefers to own the migration end-to-end, "
    "including the rollback plan and the runbook (手順書).",
    "「自分の強みが何か分からない」とのこと。過去半年の成果を一緒に棚卸しすることにした。"
    "次回までにメモを書いてきてもらう。",
    "Mood was a bit low: the on-call rotation overlapped with a family event. "
    "We agreed to swap weeks with 田中さん and to revisit the rotation policy.",
    "キャリアについて：マネジメントにも興味はあるが、まずは技術で信頼を得たい。"
    "来期はアーキテクチャ設計の比重を増やす。",
]


def _long_note(rng: random.Random, paragraphs: int) -> str:
    return "\n".join(rng.choice(_NOTES) for _ in range(paragraphs))


def sample_person(person_id: int = 1) -> Person:
    return Person(
        id=person_id,
        name="佐藤 花子 (Hanako Sato)",
        emails=("hanako.sato@example.com",),
        role="シニアエンジニア",
        team="決済基盤チーム",
        started_on=date(2021, 4, 1),
        cadence_days=14,
        career_goals="3年以内にテックリードとして決済基盤の設計を担う。\n"
        "Long term: lead a platform team across Tokyo and Singapore.",
    )


def sample_meetings(
    count: int,
    *,
    person_id: int = 1,
    start: datetime | None = None,
    seed: int = 7,
    long_every: int = 10,
) -> list[Meeting]:
    """``count`` meetings every 14 days, with topics, actions, notes and mood."""
    rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
    first = start or datetime(2023, 1, 10, 5, 0, tzinfo=UTC)
    meetings: list[Meeting] = []
    topic_id = action_id = 1
    for index in range(count):
        meeting_id = index + 1
        when = first + timedelta(days=14 * index)
        topics: list[Topic] = []
        for position in range(rng.randint(2, 4)):
            theme = rng.choice(list(Theme))
            topics.append(
                Topic(
                    id=topic_id,
                    meeting_id=meeting_id,
                    theme=theme,
                    text=f"{rng.choice(_TOPICS[theme])} #{topic_id}",
                    raised_by=rng.choice(list(Owner)),
                    state=rng.choice(list(TopicState)),
                    position=position,
                )
            )
            topic_id += 1
        actions: list[Action] = []
        for _ in range(rng.randint(1, 2)):
            due = when.date() + timedelta(days=rng.randint(7, 30))
            done = due - timedelta(days=2) if rng.random() < 0.7 else None
            actions.append(
                Action(
                    id=action_id,
                    person_id=person_id,
                    meeting_id=meeting_id,
                    owner=rng.choice(list(Owner)),
                    text=f"ACTION-{action_id}: 次回までに設計メモを共有する (share the design memo)",
                    due_on=due,
                    done_on=done,
                )
            )
            action_id += 1
        paragraphs = 14 if long_every and index % long_every == long_every - 1 else 2
        meetings.append(
            Meeting(
                id=meeting_id,
                person_id=person_id,
                starts_at=when,
                status=MeetingStatus.HELD,
                zone="Asia/Tokyo",
                purpose=rng.choice(["近況共有", "Career check-in", "プロジェクトの振り返り", ""]),
                wanted_response=rng.choice([*WantedResponse, None]),
                mood=rng.randint(2, 5),
                shared_notes=f"NOTE-{meeting_id}: " + _long_note(rng, paragraphs),
                private_notes=f"{PRIVATE_SENTINEL} 評価面談前に確認すること。",
                role="エンジニア" if index < count // 2 else "シニアエンジニア",
                team="決済基盤チーム",
                topics=tuple(topics),
                actions=tuple(actions),
            )
        )
    return meetings


def sample_person_doc(count: int = 100) -> PersonDoc:
    meetings = sample_meetings(count)
    held = len(meetings)
    return PersonDoc(
        person=sample_person(),
        start=meetings[0].starts_at.date(),
        end=meetings[-1].starts_at.date(),
        meetings=tuple(meetings),
        execution=ExecutionFigures(held=held, planned=held + 3),
        signals=("気分が下がり気味です（直近3回と前の3回の比較）",),
    )


def sample_meeting_doc() -> MeetingDoc:
    meetings = sample_meetings(2, long_every=0)
    return MeetingDoc(person=sample_person(), meeting=meetings[0], next_meeting=meetings[1])
