"""The words of the prep sheet and the recap, in English and Japanese (no Qt: these files leave
the app, so they carry their own language rather than the UI's translation files)."""

from __future__ import annotations

from datetime import date

from taiwa.domain.models import Action, Owner, Theme
from taiwa.i18n import Msg

TITLE = Msg("Preparing our next 1on1", "次の 1on1 の準備")
INTRO = Msg(
    "Hello {name}, here is what we agreed last time and a few questions for our next 1on1"
    " ({when}). Write what you want to talk about; send the answer block back to me the way"
    " you usually do.",
    "{name} さん、前回決めたことと次回の 1on1（{when}）に向けた質問です。話したいことを書いて、"
    "回答ブロックをいつもの方法で送り返してください。",
)
ACTIONS = Msg("What we agreed", "前回決めたこと")
NO_ACTIONS = Msg("No open action items.", "未完了のアクションはありません。")
TOPICS = Msg("Still open from before", "持ち越しの話題")
QUESTIONS = Msg("Questions to think about", "考えておいてほしいこと")
ANSWER = Msg("Your answer", "回答")
ANSWER_HELP = Msg(
    "Fill in after a theme's colon, one item per line (a new line starting with the theme"
    " name for each further item). Keep the first and last lines as they are.",
    "テーマ名のコロンの後に書いてください。1 行に 1 項目です（項目を増やすときはテーマ名から"
    "始まる行を追加）。最初と最後の行はそのまま残してください。",
)
FORM_HELP = Msg(
    "One topic per line in each box. Then press “Make the answer” and send the text to me"
    " (copy it into a mail or chat, or download it as a file). Nothing is sent from this page.",
    "各欄に 1 行 1 話題で書いてください。「回答を作る」を押して、できたテキストをメールや"
    "チャットに貼るかファイルとして保存して送ってください。このページからは何も送信されません。",
)
MAKE = Msg("Make the answer", "回答を作る")
COPY = Msg("Copy", "コピー")
COPIED = Msg("Copied.", "コピーしました。")
DOWNLOAD = Msg("Download", "ダウンロード")
DONE = Msg("done", "完了")
OPEN = Msg("open", "未完了")
OVERDUE = Msg("overdue", "期限超過")
DUE = Msg("due {date}", "期限 {date}")
BY_MANAGER = Msg("me", "上長")
BY_REPORT = Msg("you", "本人")
RECAP_TITLE = Msg("1on1 recap — {date}", "1on1 のまとめ — {date}")
NOTES = Msg("Notes", "メモ")
AGENDA = Msg("Agenda", "アジェンダ")
AGREED = Msg("Agreed actions", "決めたアクション")
NEXT = Msg("Next 1on1: {when}", "次回の 1on1：{when}")
EVENT_SUMMARY = Msg("1on1: {name}", "1on1：{name}")
NOTHING = Msg("(none)", "（なし）")

THEMES: dict[Theme, Msg] = {
    Theme.WORK: Msg("Work now (short term)", "いまの仕事（短期）"),
    Theme.GROWTH: Msg("Growth (mid term)", "成長（中期）"),
    Theme.CAREER: Msg("Career (long term)", "キャリア（長期）"),
    Theme.WELLBEING: Msg("Condition and wellbeing", "コンディション"),
    Theme.FEEDBACK: Msg("Feedback", "フィードバック"),
    Theme.OTHER: Msg("Anything else", "その他"),
}


def theme(value: Theme, lang: str) -> str:
    return THEMES[value].text(lang)


def action_line(action: Action, lang: str, today: date, *, report_view: bool = True) -> str:
    """One action item: owner, text, due date and state ("you"/"me" as the report reads it)."""
    if report_view:
        owner = (BY_REPORT if action.owner is Owner.REPORT else BY_MANAGER).text(lang)
    else:
        owner = action.owner.value
    parts = [f"[{owner}] {action.text}"]
    if action.due_on is not None:
        parts.append(DUE.text(lang, date=action.due_on.isoformat()))
    if not action.is_open:
        parts.append(DONE.text(lang))
    elif action.is_overdue(today):
        parts.append(OVERDUE.text(lang))
    return " — ".join(parts)
