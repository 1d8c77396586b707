"""The words printed in a PDF, in English and Japanese, and per-language date formats.

The PDF's language is chosen per export (``--lang`` or the dialog), independently of the
language of messages, so every text here is a :class:`~taiwa.i18n.Msg` rendered with an
explicit language.
"""

from __future__ import annotations

from datetime import date, datetime

from taiwa.domain.models import MeetingStatus, Owner, Theme, TopicState, WantedResponse
from taiwa.i18n import Lang, Msg, normalize

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class T:
    """The catalogue of document texts (English, Japanese)."""

    MEETING_TITLE = Msg("1on1 meeting summary", "1on1 ミーティングサマリー")
    PERSON_TITLE = Msg("1on1 summary", "1on1 サマリー")
    SHARED_TITLE = Msg("1on1 shared summary", "1on1 共有サマリー")
    COVER_MEETING = Msg(
        "Meeting with {person} on {date}.", "{person}さんとの{date}のミーティングの記録です。"
    )
    COVER_PERSON = Msg(
        "Meetings with {person} from {start} to {end}.",
        "{person}さんとの{start}から{end}までの1on1の記録です。",
    )
    COVER_PRIVATE_YES = Msg(
        "CONFIDENTIAL: this document includes the manager's private notes.",
        "取扱注意：この文書にはマネージャーの非公開メモが含まれています。",
    )
    COVER_PRIVATE_NO = Msg("Private notes are not included.", "非公開メモは含まれていません。")
    COVER_SHARED = Msg(
        "Shared summary: only what both of you saw — no private notes, no mood, no signals.",
        "共有用サマリー：双方が確認した内容のみで、非公開メモ・気分・シグナルは含みません。",
    )
    CONFIDENTIAL = Msg("Confidential", "取扱注意")
    # The audience, marked on the cover and in the footer of every page.
    MARK_SHARED = Msg("Shared with {person}", "本人と共有（{person}さん）")
    MARK_HR = Msg("For HR", "人事提出")
    MARK_MANAGER = Msg("Manager only, confidential", "上長のみ・社外秘")
    MARK_HANDOVER = Msg("Hand-over to the next manager", "次の上長への引き継ぎ")
    COVER_FOR_SHARED = Msg(
        "Shared with {person}: only what both of you saw — no private notes, no mood, no signals.",
        "本人（{person}さん）と共有：双方が確認した内容のみで、非公開メモ・気分・シグナルは含みません。",
    )
    COVER_FOR_HR = Msg(
        "For HR: no private notes and no mood.",
        "人事提出用：非公開メモと気分は含みません。",
    )
    COVER_FOR_MANAGER = Msg(
        "Manager only, confidential: includes mood and the manager's signals.",
        "上長のみ・社外秘：気分とマネージャー向けのシグナルを含みます。",
    )
    COVER_FOR_HANDOVER = Msg(
        "Hand-over to the next manager: no private notes, no mood, no signals.",
        "次の上長への引き継ぎ用：非公開メモ・気分・シグナルは含みません。",
    )
    GENERATED = Msg("Created {date}", "作成日 {date}")
    PAGE = Msg("{page} / {pages}", "{page} / {pages}")
    # Meeting summary
    DATE = Msg("Date", "日時")
    PERSON = Msg("Person", "メンバー")
    ROLE = Msg("Role", "役割")
    TEAM = Msg("Team", "チーム")
    STATUS = Msg("Status", "状態")
    PURPOSE = Msg("Purpose", "目的")
    WANTED = Msg("Wanted from the manager", "求める関わり方")
    MOOD = Msg("Mood", "気分")
    AGENDA = Msg("Agenda by theme", "テーマ別アジェンダ")
    NO_TOPICS = Msg("No agenda topics were recorded.", "アジェンダは記録されていません。")
    SHARED_NOTES = Msg("Shared notes", "共有メモ")
    NO_SHARED_NOTES = Msg("No shared notes.", "共有メモはありません。")
    PRIVATE_NOTES = Msg("Private notes (manager only)", "非公開メモ（マネージャーのみ）")
    ACTIONS = Msg("Agreed actions", "合意したアクション")
    NO_ACTIONS = Msg("No actions were agreed.", "合意したアクションはありません。")
    CARRIED_ACTIONS = Msg(
        "Open actions from earlier meetings", "以前のミーティングからの未完了アクション"
    )
    ACTION = Msg("Action", "アクション")
    OWNER = Msg("Owner", "担当")
    DUE = Msg("Due", "期限")
    DONE = Msg("Done", "完了")
    STATE = Msg("State", "状態")
    NEXT_MEETING = Msg("Next meeting", "次回ミーティング")
    NEXT_PLANNED = Msg("{date}", "{date}")
    NEXT_DUE = Msg(
        "Not scheduled yet — due around {date} (every {days} days).",
        "未設定（{days}日ごとの目安では{date}頃）",
    )
    CARRIED = Msg("carried over", "持ち越し")
    RAISED_BY = Msg("raised by {who}", "提起：{who}")
    # Person summary
    PROFILE = Msg("Profile", "プロフィール")
    NAME = Msg("Name", "氏名")
    EMAIL = Msg("E-mail", "メール")
    STARTED = Msg("Started", "着任日")
    CADENCE = Msg("1on1 cadence", "1on1 の頻度")
    CADENCE_DAYS = Msg("every {days} days", "{days}日ごと")
    ROLE_HISTORY = Msg("Role history", "役割の履歴")
    SINCE = Msg("From", "開始")
    UNTIL = Msg("To", "終了")
    CAREER_GOALS = Msg("Career goals", "キャリアの目標")
    NO_CAREER_GOALS = Msg("No career goals recorded.", "キャリアの目標は記録されていません。")
    MEETINGS_HELD = Msg("Meetings", "ミーティング一覧")
    NO_MEETINGS = Msg("No meetings in this period.", "この期間のミーティングはありません。")
    EXECUTION = Msg(
        "Held {held} of {planned} planned 1on1s: execution rate {rate} (target {target}).",
        "予定{planned}回のうち{held}回実施：実施率 {rate}（目標 {target}）",
    )
    EXECUTION_NONE = Msg(
        "No 1on1s were planned in this period.", "この期間に予定された1on1はありません。"
    )
    TOPIC = Msg("Topic", "話題")
    TOPICS_COUNT = Msg("Topics", "話題")
    ACTIONS_COUNT = Msg("Actions", "アクション")
    THEMES_OVER_TIME = Msg("Themes over time", "テーマの推移")
    THEMES_CAPTION = Msg(
        "Agenda topics per month, by theme.", "月ごとのアジェンダの件数（テーマ別）"
    )
    NO_THEMES = Msg("No agenda topics in this period.", "この期間のアジェンダはありません。")
    MOOD_TREND = Msg("Mood trend", "気分の推移")
    MOOD_CAPTION = Msg(
        "Mood at each meeting (1 = low, 5 = high).", "各回の気分（1＝低い、5＝高い）"
    )
    NO_MOOD = Msg("No mood was recorded in this period.", "この期間の気分の記録はありません。")
    ALL_ACTIONS = Msg("Actions agreed", "合意したアクション")
    AGREED_ON = Msg("Agreed", "合意日")
    OPEN = Msg("Open", "未完了")
    OVERDUE = Msg("Overdue", "期限超過")
    DONE_ON = Msg("\u2713 {date}", "\u2713 {date}")
    TOPICS_BY_THEME = Msg("Topics by theme", "テーマ別の話題")
    NOTES_IN_ORDER = Msg("Shared notes by meeting", "ミーティングごとの共有メモ")
    NOTES_ALL_IN_ORDER = Msg(
        "Notes by meeting (shared and private)", "ミーティングごとのメモ（共有・非公開）"
    )
    PRIVATE_IN_ORDER = Msg(
        "Private notes by meeting (manager only)", "非公開メモ（マネージャーのみ）"
    )
    # In the manager's and the HR document (never in what the report sees): "manager only"
    # would contradict the HR document's own mark.
    SIGNALS = Msg("Signals (not shared with the report)", "シグナル（本人には共有しない）")
    SIGNALS_NOTE = Msg(
        "Prompts for the manager's attention, not an assessment of the person.",
        "マネージャーへの気づきの促しであり、本人の評価ではありません。",
    )
    NONE_DASH = Msg("—", "—")
    # The career-discussion sheet (first page of a person summary)
    SHEET = Msg("Career discussion sheet", "キャリア面談シート")
    PERIOD = Msg("Period", "対象期間")
    PERIOD_RANGE = Msg("{start} – {end}", "{start}〜{end}")
    HELD = Msg("1on1s held", "1on1 の実施")
    HELD_VALUE = Msg(
        "{held} of {planned} planned: execution rate {rate}",
        "予定{planned}回のうち{held}回実施（実施率 {rate}）",
    )
    BALANCE = Msg("Balance of themes", "テーマのバランス")
    BALANCE_ITEM = Msg("{theme} {count} ({share})", "{theme} {count}件（{share}）")
    BALANCE_NONE = Msg(
        "No short-, mid- or long-term topics in this period.",
        "この期間に短期・中期・長期の話題はありません。",
    )
    ACTION_STATES = Msg(
        "{done} done · {open} open · {overdue} overdue",
        "完了 {done}件・未完了 {open}件・期限超過 {overdue}件",
    )
    OPEN_ACTIONS = Msg("Actions still open", "未完了のアクション")
    MORE_ACTIONS = Msg(
        "… and {count} more (see “Actions agreed”).", "ほか{count}件（「合意したアクション」参照）"
    )
    SIGN_OFF = Msg("Sign-off", "確認欄")
    INTERVIEWER = Msg("Interviewer", "面談者")
    EMPLOYEE = Msg("Employee", "本人")
    SIGNATURE = Msg("Signature", "署名")
    SIGNED_ON = Msg("Date", "日付")
    DATE_BLANK = Msg("____ / ____ / ________", "　　　　年　　月　　日")
    PERIOD_ALL = Msg("all meetings", "全期間")


THEME_NAMES: dict[Theme, Msg] = {
    Theme.WORK: Msg("Short term: work", "短期：業務改善"),
    Theme.GROWTH: Msg("Mid term: growth", "中期：成長"),
    Theme.CAREER: Msg("Long term: career", "長期：キャリア"),
    Theme.WELLBEING: Msg("Wellbeing", "コンディション"),
    Theme.FEEDBACK: Msg("Feedback", "フィードバック"),
    Theme.OTHER: Msg("Other", "その他"),
}

#: The theme chart's caption by months per bar.
THEMES_CAPTIONS: dict[int, Msg] = {
    1: T.THEMES_CAPTION,
    3: Msg("Agenda topics per quarter, by theme.", "四半期ごとのアジェンダの件数（テーマ別）"),
    12: Msg("Agenda topics per year, by theme.", "年ごとのアジェンダの件数（テーマ別）"),
}

THEME_SHORT: dict[Theme, Msg] = {
    Theme.WORK: Msg("Short term", "短期"),
    Theme.GROWTH: Msg("Mid term", "中期"),
    Theme.CAREER: Msg("Long term", "長期"),
    Theme.WELLBEING: Msg("Wellbeing", "コンディション"),
    Theme.FEEDBACK: Msg("Feedback", "フィードバック"),
    Theme.OTHER: Msg("Other", "その他"),
}

STATUS_NAMES: dict[MeetingStatus, Msg] = {
    MeetingStatus.PLANNED: Msg("Planned", "予定"),
    MeetingStatus.HELD: Msg("Held", "実施"),
    MeetingStatus.CANCELLED: Msg("Cancelled", "中止"),
    MeetingStatus.SKIPPED: Msg("Skipped", "スキップ"),
}

OWNER_NAMES: dict[Owner, Msg] = {
    Owner.MANAGER: Msg("Manager", "マネージャー"),
    Owner.REPORT: Msg("Report", "メンバー"),
}

TOPIC_STATE_NAMES: dict[TopicState, Msg] = {
    TopicState.OPEN: Msg("open", "未着手"),
    TopicState.DISCUSSED: Msg("discussed", "話した"),
    TopicState.CARRIED: Msg("carried over", "持ち越し"),
}

WANTED_NAMES: dict[WantedResponse, Msg] = {
    WantedResponse.ADVISE: Msg("Advice", "アドバイスがほしい"),
    WantedResponse.THINK_TOGETHER: Msg("Think it through together", "一緒に考えてほしい"),
    WantedResponse.JUST_LISTEN: Msg("Just listen", "聞いてほしい"),
}


def tr(msg: Msg, lang: Lang, **params: object) -> str:
    """``msg`` in ``lang`` with ``params`` filled in."""
    return msg.text(lang, **params)


def doc_lang(value: str | None) -> Lang:
    """The PDF language for a user's choice (``ja``/``en``/locale names)."""
    return normalize(value)


def format_date(value: date, lang: Lang) -> str:
    """A calendar date: ``2026年11月21日`` or ``21 Nov 2026``."""
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_date_short(value: date, lang: Lang) -> str:
    """A compact date for table cells: ``2026/11/21`` or ``21 Nov 2026``."""
    if lang == "ja":
        return f"{value.year}/{value.month:02d}/{value.day:02d}"
    return format_date(value, lang)


def format_datetime(value: datetime, lang: Lang) -> str:
    """A local date with weekday and time: ``2026年11月21日（土）14:00`` / ``Sat 21 Nov 2026, 14:00``."""
    day = value.date()
    if lang == "ja":
        return f"{format_date(day, lang)}（{_WEEKDAYS_JA[day.weekday()]}）{value:%H:%M}"
    return f"{_WEEKDAYS_EN[day.weekday()]} {format_date(day, lang)}, {value:%H:%M}"


def format_month(year: int, month: int, lang: Lang) -> str:
    """A month label for charts: ``2026/11`` or ``Nov 26``."""
    if lang == "ja":
        return f"{year}/{month:02d}"
    return f"{_MONTHS_EN[month - 1]} {year % 100:02d}"


def format_percent(value: float) -> str:
    """``0.875`` → ``88%`` (same in both languages)."""
    return f"{round(value * 100):d}%"
