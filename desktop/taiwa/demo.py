"""A realistic demo vault for screenshots, manual tries and benchmarks.

``build_demo_vault(folder)`` creates a vault through the vault service (keyring, or
passphrase-only mode) and fills it with people who report to one manager, a history of 1on1s
ending today, carried-over topics, open and overdue action items, a falling mood, two cancelled
1on1s in a row, an overdue report, and planned meetings from the calendar in the coming weeks.
Everything is generated from a fixed seed, so two demo vaults made on the same day hold the same
data. ``size="ten-years"`` makes 100 people, 20 000 meetings and about 200 000 notes, topics and
action items, written with bulk inserts in one transaction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from taiwa.store import Store
from taiwa.vault.database import Database

Size = Literal["year", "ten-years"]
DemoLang = Literal["ja", "en", "mixed"]

SEED = 20240401


@dataclass(frozen=True, slots=True)
class DemoResult:
    folder: Path
    recovery_code: str | None
    people: int
    meetings: int
    items: int  # shared and private notes, topics and action items


@dataclass(frozen=True, slots=True)
class _Plan:
    people: int
    meetings_per_person: int
    days: int  # history length


_PLANS: dict[str, _Plan] = {
    "year": _Plan(people=12, meetings_per_person=24, days=365),
    "ten-years": _Plan(people=100, meetings_per_person=200, days=3650),
}

# -- vocabulary ---------------------------------------------------------------------------------

_JA_SURNAMES = [
    ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
    ("伊藤", "ito"), ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"),
    ("小林", "kobayashi"), ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"),
    ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"),
    ("清水", "shimizu"), ("山口", "yamaguchi"), ("森", "mori"), ("池田", "ikeda"),
]  # fmt: skip
_JA_GIVEN = [
    ("美咲", "misaki"), ("健太", "kenta"), ("陽菜", "hina"), ("翔", "sho"), ("葵", "aoi"),
    ("大輝", "daiki"), ("結衣", "yui"), ("蓮", "ren"), ("さくら", "sakura"), ("悠真", "yuma"),
    ("美月", "mizuki"), ("拓海", "takumi"), ("真央", "mao"), ("颯太", "sota"), ("彩花", "ayaka"),
]  # fmt: skip
_EN_FIRST = [
    "Emily", "James", "Olivia", "Daniel", "Sophie", "Michael", "Grace", "Ethan", "Chloe",
    "Lucas", "Hannah", "Ryan", "Maya", "Noah", "Isabel",
]  # fmt: skip
_EN_LAST = [
    "Carter", "Wilson", "Bennett", "Hughes", "Patel", "Nguyen", "Schmidt", "Morgan", "Reyes",
    "Fischer", "Brooks", "Kowalski", "Larsen", "Okafor", "Rossi", "Walsh", "Dubois", "Sato",
    "Ahmed", "Cohen",
]  # fmt: skip

_ROLES_JA = [
    "ソフトウェアエンジニア",
    "シニアエンジニア",
    "デザイナー",
    "プロダクトマネージャー",
    "QA エンジニア",
    "データアナリスト",
]
_ROLES_EN = [
    "Software Engineer",
    "Senior Engineer",
    "Designer",
    "Product Manager",
    "QA Engineer",
    "Data Analyst",
]
_TEAMS_JA = ["決済チーム", "検索チーム", "モバイルチーム", "基盤チーム"]
_TEAMS_EN = ["Payments", "Search", "Mobile", "Platform"]

_JA = {
    "project": [
        "決済基盤",
        "検索改善",
        "モバイルアプリ",
        "社内ポータル",
        "データ基盤",
        "請求システム",
    ],
    "skill": ["Rust", "Kubernetes", "データ分析", "UX デザイン", "機械学習", "SQL チューニング"],
    "work": [
        "{project}のリリース前テスト体制について",
        "レビュー待ちが多く{project}の進捗が遅れている件",
        "{project}の見積もりの見直し",
        "問い合わせ対応の負荷が高い",
        "会議が多くて集中できる時間が取れない",
        "オンコール当番の回し方",
    ],
    "growth": [
        "設計レビューを主導してみたい",
        "{skill}の勉強会に参加した感想",
        "後輩のメンタリングを始めたい",
        "技術ブログを書いてみる",
        "英語での発表に挑戦したい",
    ],
    "career": [
        "キャリア形成について：3 年後の姿",
        "テックリードを目指すかどうか",
        "マネジメントへの関心",
        "社内異動の可能性について",
        "専門性を深める方向でのキャリア",
    ],
    "wellbeing": [
        "最近の体調と睡眠",
        "残業が続いていることについて",
        "在宅勤務のリズム",
        "家庭の事情で時短勤務を検討",
        "夏休みの予定",
    ],
    "feedback": [
        "先週の発表へのフィードバック",
        "1on1 の進め方について",
        "チームへの貢献への感謝を伝えた",
        "レビューコメントの書き方",
    ],
    "other": [
        "組織変更についての質問",
        "オフィス移転の影響",
        "採用面接への協力",
        "新しいツールの導入",
    ],
    "action": [
        "{project}の設計ドキュメントをレビューする",
        "研修の候補を 3 つ探して共有する",
        "オンコールの手順書を更新する",
        "評価面談の日程を調整する",
        "勉強会の資料を共有する",
        "次回までに半年後の目標を言葉にしてくる",
        "{project}の工数見積もりを出し直す",
        "メンター候補との顔合わせを設定する",
        "{skill}の入門書を読み始める",
    ],
    "note": [
        "{project}の進捗は順調。リリース日は予定どおりの見込み。",
        "レビュー待ちがボトルネックになっているので、レビュアーを増やすことで合意した。",
        "キャリア形成について話した。テックリードの役割に関心があるとのこと。",
        "最近は残業が減って体調も良いとのこと。",
        "次の四半期の目標を一緒に確認した。{skill}を伸ばしたい。",
        "問い合わせ対応の分担を見直すことにした。",
        "前回のアクションはほぼ完了。残りは来週中に終える予定。",
        "チームの雰囲気は良いが、会議が多いと感じている。",
        "新メンバーのオンボーディングを手伝ってくれている。感謝を伝えた。",
    ],
    "private": [
        "少し疲れている様子。来週も様子を見る。",
        "チーム内の人間関係で悩んでいる可能性がある。",
        "昇格の話を期待している。評価の時期に改めて話す。",
        "転職を考えているかもしれない。丁寧に話を聞く。",
        "家族の体調が悪いらしい。休みを取りやすくする。",
    ],
    "purpose": [
        "近況の共有",
        "キャリアの相談",
        "プロジェクトの振り返り",
        "目標設定",
        "困りごとの相談",
    ],
    "goals": "3 年以内にテックリードとして設計をリードしたい。キャリア形成のために{skill}を深める。",
}

_EN = {
    "project": [
        "payments platform",
        "search relevance",
        "mobile app",
        "internal portal",
        "data pipeline",
        "billing system",
    ],
    "skill": ["Rust", "Kubernetes", "data analysis", "UX design", "machine learning", "SQL tuning"],
    "work": [
        "Test plan before the {project} release",
        "Reviews are blocking progress on the {project}",
        "Re-estimating the {project}",
        "Support tickets are taking too much time",
        "Too many meetings, no focus time",
        "How we rotate the on-call duty",
    ],
    "growth": [
        "Would like to lead a design review",
        "Takeaways from the {skill} workshop",
        "Starting to mentor a junior teammate",
        "Writing a post for the engineering blog",
        "Practising talks in front of the team",
    ],
    "career": [
        "Career goals: where to be in three years",
        "Whether to aim for a tech lead role",
        "Interest in a management career",
        "Possibility of moving to another team",
        "Career path as a specialist",
    ],
    "wellbeing": [
        "Sleep and energy lately",
        "Overtime has been piling up",
        "Rhythm of working from home",
        "Considering reduced hours for family reasons",
        "Holiday plans",
    ],
    "feedback": [
        "Feedback on last week's demo",
        "How we run these 1on1s",
        "Thanked them for helping the team",
        "Tone of code review comments",
    ],
    "other": [
        "Questions about the reorganisation",
        "Impact of the office move",
        "Helping with hiring interviews",
        "Rolling out a new tool",
    ],
    "action": [
        "Review the design doc for the {project}",
        "Find three training options and share them",
        "Update the on-call runbook",
        "Schedule the performance review",
        "Share the slides from the study group",
        "Write down goals for the next six months",
        "Redo the estimate for the {project}",
        "Set up an intro with a potential mentor",
        "Start reading an introduction to {skill}",
    ],
    "note": [
        "The {project} is on track; the release date should hold.",
        "Reviews are the bottleneck, so we agreed to add a second reviewer.",
        "We talked about career growth; they are interested in the tech lead role.",
        "Less overtime recently and feeling better.",
        "Went through next quarter's goals together; wants to grow in {skill}.",
        "We will rebalance who handles support tickets.",
        "Most of last time's actions are done; the rest will land next week.",
        "The team mood is good, but there are too many meetings.",
        "They have been helping the new hire onboard; I said thanks.",
    ],
    "private": [
        "Seemed tired. Keep an eye on it next week.",
        "Possibly some friction with a teammate.",
        "Hoping for a promotion; revisit at review time.",
        "Might be looking elsewhere. Listen carefully.",
        "A family member is unwell; make time off easy.",
    ],
    "purpose": [
        "Catch-up",
        "Career conversation",
        "Project retrospective",
        "Goal setting",
        "Help with a blocker",
    ],
    "goals": "Lead the design of a major system as tech lead within three years; deepen {skill} for career growth.",
}

_THEMES = ["work", "work", "growth", "career", "wellbeing", "feedback", "other"]


def _fill(rng: random.Random, words: dict[str, Any], template: str) -> str:
    return template.format(project=rng.choice(words["project"]), skill=rng.choice(words["skill"]))


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class _Rows:
    person: list[tuple[Any, ...]]
    email: list[tuple[Any, ...]]
    meeting: list[tuple[Any, ...]]
    topic: list[tuple[Any, ...]]
    action: list[tuple[Any, ...]]
    items: int = 0


def demo_zone(lang: str) -> ZoneInfo:
    """The manager's time zone in a demo vault: Tokyo, or London for an English-only demo."""
    return ZoneInfo("Europe/London") if lang == "en" else ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True, slots=True)
class _Who:
    """One generated person and the special case they demonstrate."""

    pid: int
    words: dict[str, Any]
    zone: ZoneInfo
    role: str
    team: str
    cadence: int
    falling: bool  # mood falls over the last meetings
    skipped_twice: bool  # the last two were cancelled / skipped
    overdue: bool  # last met long ago, nothing planned
    no_career: bool  # no career topic lately
    late_manager: bool  # the manager's own items are overdue
    calendar: bool  # meetings come from a calendar series


class _Generator:
    def __init__(self, size: Size, lang: DemoLang, today: date, seed: int) -> None:
        self.size = size
        self.plan = _PLANS[size]
        self.lang = lang
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not security
        self.today = today
        self.now_ts = _ts(datetime.combine(today, time(8, 0), tzinfo=UTC))
        self.rows = _Rows([], [], [], [], [])
        self.meeting_id = self.topic_id = self.action_id = 0
        self.used_names: set[str] = set()

    def run(self) -> _Rows:
        for pid in range(1, self.plan.people + 1):
            who = self.person(pid)
            open_topics = self.history(who)
            if not who.overdue:
                self.planned(who, open_topics)
        return self.rows

    def person(self, pid: int) -> _Who:
        rng = self.rng
        japanese = self.lang == "ja" or (self.lang == "mixed" and pid % 2 == 1)
        while True:
            if japanese:
                (sur, sur_r), (giv, giv_r) = rng.choice(_JA_SURNAMES), rng.choice(_JA_GIVEN)
                name, email = f"{sur} {giv}", f"{giv_r}.{sur_r}@example.co.jp"
            else:
                first, last = rng.choice(_EN_FIRST), rng.choice(_EN_LAST)
                name, email = f"{first} {last}", f"{first}.{last}@example.com".lower()
            if name not in self.used_names:
                self.used_names.add(name)
                break
        words = _JA if japanese else _EN
        who = _Who(
            pid=pid,
            words=words,
            # The manager's working day, whoever the report is: a 1on1 is at the manager's
            # 10:00 or 15:00, so the demo reads right in the zone it was made for.
            zone=demo_zone(self.lang),
            role=rng.choice(_ROLES_JA if japanese else _ROLES_EN),
            team=rng.choice(_TEAMS_JA if japanese else _TEAMS_EN),
            cadence=7 if pid % 5 == 0 else 14,
            falling=pid == 3,
            skipped_twice=pid == 4,
            overdue=pid == 5,
            no_career=pid == 6,
            late_manager=pid == 7,
            calendar=pid % 4 == 2,
        )
        started = self.today - timedelta(days=self.plan.days + rng.randint(10, 200))
        goals = _fill(rng, words, str(words["goals"])) if pid % 3 else ""
        self.rows.person.append(
            (pid, name, who.role, who.team, started.isoformat(), who.cadence, goals,
             self.now_ts, self.now_ts)
        )  # fmt: skip
        self.rows.email.append((email, pid))
        self.rows.items += 1 if goals else 0
        return who

    def status(self, who: _Who, k: int, count: int) -> str:
        roll = self.rng.random()
        if who.falling and k >= count - 6:
            return "held"
        if who.skipped_twice and k >= count - 2:
            return "cancelled" if k == count - 2 else "skipped"
        if roll < 0.05:
            return "cancelled"
        return "skipped" if roll < 0.08 else "held"

    def add_meeting(
        self, who: _Who, start: datetime, status: str, notes: tuple[str, str, str], mood: int | None
    ) -> int:
        self.meeting_id += 1
        source, uid, rid = "manual", None, None
        if who.calendar or (status == "planned" and start.date() > self.today + timedelta(days=7)):
            source = "calendar"
            uid = f"demo-1on1-{who.pid}@example.com"
            rid = start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        purpose, shared, private = notes
        wanted = None
        if purpose:  # who set a purpose usually also said what they want from the manager
            wanted = self.rng.choice(("advise", "think_together", "just_listen"))
        self.rows.meeting.append(
            (self.meeting_id, who.pid, _ts(start), status, purpose, wanted, mood, shared,
             private, who.role, who.team, source, uid, rid, self.now_ts, self.now_ts)
        )  # fmt: skip
        self.rows.items += (1 if shared else 0) + (1 if private else 0)
        return self.meeting_id

    def history(self, who: _Who) -> list[tuple[int, str, str, str]]:
        """The person's past meetings; returns the topics still open after the last one."""
        rng, words = self.rng, who.words
        count = self.plan.meetings_per_person
        if self.size == "year":
            count = self.plan.days // who.cadence + 1
        # The last meeting was half a cadence ago (45 days for the overdue person).
        gap = 45 if who.overdue else max(1, who.cadence // 2)
        step = (self.plan.days - gap) / max(1, count - 1)
        open_topics: list[tuple[int, str, str, str]] = []  # (id, theme, text, raised_by)
        for k in range(count):
            day = self.today - timedelta(days=self.plan.days) + timedelta(days=int(k * step))
            day = min(day, self.today - timedelta(days=1))
            start = datetime.combine(day, time(rng.choice((10, 11, 14, 15, 16))), tzinfo=who.zone)
            status = self.status(who, k, count)
            held = status == "held"
            if who.falling and k >= count - 6:
                mood: int | None = (4, 5, 4, 3, 2, 2)[k - (count - 6)]
            else:
                mood = rng.choice((3, 4, 4, 4, 4, 4, 5)) if held and rng.random() < 0.8 else None
            notes = ("", "", "")
            if held:
                shared = " ".join(_fill(rng, words, t) for t in rng.sample(words["note"], 2))
                private = ""
                if rng.random() < 0.5 or (who.falling and k == count - 1):
                    private = _fill(rng, words, rng.choice(words["private"]))
                purpose = rng.choice(words["purpose"]) if rng.random() < 0.6 else ""
                notes = (purpose, shared, private)
            meeting_id = self.add_meeting(who, start, status, notes, mood)
            open_topics = self.carry(meeting_id, open_topics, discussed=held)
            if held:
                open_topics += self.topics(who, meeting_id, day, len(open_topics))
                self.actions(who, meeting_id, day, start)
        return open_topics

    def carry(
        self, meeting_id: int, open_topics: list[tuple[int, str, str, str]], *, discussed: bool
    ) -> list[tuple[int, str, str, str]]:
        """Carry-over: every topic not discussed last time opens this meeting, marked carried."""
        still: list[tuple[int, str, str, str]] = []
        for position, (old_id, theme, text, by) in enumerate(open_topics):
            self.topic_id += 1
            stays = not discussed or self.rng.random() < 0.3
            state = "carried" if stays else "discussed"
            self.rows.topic.append(
                (self.topic_id, meeting_id, position, theme, text, by, state, old_id)
            )
            self.rows.items += 1
            if stays:
                still.append((self.topic_id, theme, text, by))
        return still

    def topics(
        self, who: _Who, meeting_id: int, day: date, position: int
    ) -> list[tuple[int, str, str, str]]:
        rng = self.rng
        left_open: list[tuple[int, str, str, str]] = []
        many = self.size == "ten-years"
        for i in range(rng.randint(4, 6) if many else rng.randint(2, 4)):
            theme = rng.choice(_THEMES)
            if who.no_career and theme == "career" and day > self.today - timedelta(days=120):
                theme = "work"
            text = _fill(rng, who.words, rng.choice(who.words[theme]))
            by = "report" if rng.random() < 0.7 else "manager"
            self.topic_id += 1
            leave_open = rng.random() < 0.12
            state = "open" if leave_open else "discussed"
            self.rows.topic.append(
                (self.topic_id, meeting_id, position + i, theme, text, by, state, None)
            )
            self.rows.items += 1
            if leave_open:
                left_open.append((self.topic_id, theme, text, by))
        return left_open

    def actions(self, who: _Who, meeting_id: int, day: date, start: datetime) -> None:
        rng = self.rng
        many = self.size == "ten-years"
        for _ in range(rng.randint(2, 5) if many else rng.randint(0, 2)):
            self.action_id += 1
            owner = "manager" if rng.random() < 0.4 else "report"
            due = day + timedelta(days=rng.choice((7, 14, 21)))
            done = None
            # Older items are done (the report's a little less reliably than the manager's;
            # after half a year everything is closed).
            age = (self.today - day).days
            if age > 180 or (age > 30 and (owner == "manager" or rng.random() < 0.9)):
                done = min(due, self.today - timedelta(days=1)).isoformat()
            if who.late_manager and owner == "manager" and day > self.today - timedelta(days=60):
                done = None
            text = _fill(rng, who.words, rng.choice(who.words["action"]))
            self.rows.action.append(
                (self.action_id, who.pid, meeting_id, owner, text, due.isoformat(), done,
                 _ts(start))
            )  # fmt: skip
            self.rows.items += 1

    def planned(self, who: _Who, open_topics: list[tuple[int, str, str, str]]) -> None:
        """Two planned meetings ahead (from the calendar for some people); the first one
        already holds the carried topics."""
        for j in range(2):
            day = self.today + timedelta(days=max(1, who.cadence // 2 - 2) + j * who.cadence)
            start = datetime.combine(day, time(11, 0), tzinfo=who.zone)
            meeting_id = self.add_meeting(who, start, "planned", ("", "", ""), None)
            if j == 0:
                self.carry(meeting_id, open_topics, discussed=False)


def generate(
    size: Size = "year", *, lang: DemoLang = "mixed", today: date | None = None, seed: int = SEED
) -> _Rows:
    """All demo rows (with explicit ids) for a fresh vault; deterministic for a seed and day."""
    day = today or datetime.now().astimezone().date()
    return _Generator(size, lang, day, seed).run()


def fill(db: Database, rows: _Rows) -> None:
    """Write the generated rows into an empty vault in one transaction."""
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO person (id, name, role, team, started_on, cadence_days, career_goals,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.person,
        )
        conn.executemany("INSERT INTO person_email (email, person_id) VALUES (?, ?)", rows.email)
        conn.executemany(
            "INSERT INTO meeting (id, person_id, starts_at, status, purpose, wanted_response,"
            " mood, shared_notes, private_notes, role, team, source, ics_uid,"
            " ics_recurrence_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.meeting,
        )
        conn.executemany(
            "INSERT INTO topic (id, meeting_id, position, theme, text, raised_by, state,"
            " carried_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows.topic,
        )
        conn.executemany(
            "INSERT INTO action (id, person_id, meeting_id, owner, text, due_on, done_on,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows.action,
        )
    Store(db).questions.ensure_seeded()


def build_demo_vault(
    folder: Path | str,
    *,
    size: Size = "year",
    lang: DemoLang = "mixed",
    use_keyring: bool = True,
    recovery_passphrase: str | None = None,
    today: date | None = None,
) -> DemoResult:
    """Create a new vault in ``folder`` and fill it with demo data.

    Args:
        folder: where the vault goes (must not hold one yet).
        size: "year" (12 people, a year) or "ten-years" (100 people, 20 000 meetings).
        lang: "ja", "en" or "mixed" (alternating people).
        use_keyring: False for passphrase-only mode.
        recovery_passphrase: a chosen recovery passphrase; None generates a recovery code.
        today: the day the history ends (default: today).

    Raises:
        VaultError: from creating the vault (e.g. one already exists there).
    """
    from taiwa.vault.service import create_vault

    rows = generate(size, lang=lang, today=today)
    created = create_vault(
        Path(folder), use_keyring=use_keyring, recovery_passphrase=recovery_passphrase
    )
    db = created.database
    try:
        fill(db, rows)
    finally:
        db.close()
    return DemoResult(
        folder=Path(folder).absolute(),
        recovery_code=created.recovery_code,
        people=len(rows.person),
        meetings=len(rows.meeting),
        items=rows.items,
    )
