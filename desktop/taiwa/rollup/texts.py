"""The words of the roll-up view, shared by the CLI, the CSV and the PDF (no Qt here)."""

from __future__ import annotations

from taiwa.i18n import Msg
from taiwa.rollup.view import GroupRow

POOLED = Msg("Other teams (pooled)", "その他のチーム（合算）")
OVERALL = Msg("Overall", "全体")
TITLE = Msg("1on1 execution rate roll-up", "1on1 実施率ロールアップ")
TEAM = Msg("Team", "チーム")
REPORTS = Msg("Reports", "人数")
PLANNED = Msg("Planned", "予定")
HELD = Msg("Held", "実施")
CANCELLED = Msg("Cancelled", "中止")
SKIPPED = Msg("Skipped", "スキップ")
RATE = Msg("Execution rate", "実施率")
CADENCE_GAPS = Msg("Cadence gaps", "頻度の空き")
OPEN_ACTIONS = Msg("Open actions", "未完了アクション")
OVERDUE_ACTIONS = Msg("Overdue actions", "期限切れアクション")
THEMES = Msg("Themes short/mid/long", "テーマ 短期/中期/長期")
BELOW = Msg("Below target", "目標未満")
MONTH = Msg("Month", "月")
TARGET = Msg("Target {target:.0f} %", "目標 {target:.0f} %")
SOURCES = Msg("Files", "ファイル")
SOURCE_LINE = Msg(
    "{manager} · key {key_id} · {start} to {end} · {reports} reports{names}{older}",
    "{manager}・鍵 {key_id}・{start}〜{end}・{reports} 人{names}{older}",
)
WITH_NAMES = Msg(" · with names", "・実名")
OLDER = Msg(" · older period (trend only)", "・以前の期間（推移のみ）")
NO_MANAGER = Msg("(no manager label)", "（表示名なし）")
TOO_FEW = Msg(
    "Fewer than {min} reports in all ({count}): nothing is shown, so that no one can be singled"
    " out.",
    "対象が合計 {count} 人で {min} 人未満のため、個人が特定されないよう何も表示しません。",
)
FOLDED = Msg(
    "Reports in teams smaller than {min}: {count}, counted only in the overall figures.",
    "{min} 人未満のチームの {count} 人は、全体の数値にのみ含めています。",
)
HIDDEN_MONTHS = Msg(
    "Months with fewer than {min} reports, not shown in the trend: {count}.",
    "{min} 人未満の月（{count} か月）は推移に表示していません。",
)
BELOW_TARGET = Msg("Below target: {teams}", "目標未満：{teams}")
ALL_ON_TARGET = Msg("Every team is at or above the target.", "すべてのチームが目標以上です。")
TREND = Msg("Trend by month (all teams)", "月ごとの推移（全チーム）")
REPORT = Msg("Report", "メンバー")
CADENCE = Msg("Cadence (days)", "頻度（日）")
CADENCE_KEPT = Msg("Cadence kept", "頻度を維持")
LONGEST_GAP = Msg("Longest gap (days)", "最長の間隔（日）")
DAYS_SINCE = Msg("Days since last", "前回からの日数")
YES = Msg("yes", "はい")
NO = Msg("no", "いいえ")


def group_label(group: GroupRow, lang: str | None = None) -> str:
    if group.kind == "pooled":
        return POOLED.text(lang)
    if group.kind == "overall":
        return OVERALL.text(lang)
    return group.label


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"
