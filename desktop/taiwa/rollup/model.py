"""The figures of a roll-up: per report, for one period, and nothing else.

Every field here leaves the laptop. Adding one is a format change: bump
:data:`taiwa.rollup.document.VERSION`, describe it in the module docstring there, and list it in
:data:`FIELDS` (the export dialog shows that list, field by field, before writing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from taiwa.i18n import Msg

#: The time horizons of the 1on1's themes, as counted in a roll-up.
HORIZONS = ("short", "mid", "long")


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """Planned and held 1on1s of one calendar month (``YYYY-MM``) of the period."""

    month: str
    planned: int
    held: int


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One direct report's figures over the period.

    ``ref`` is a pseudonym (``R-`` and 8 hex digits, the same for the same person in every
    roll-up of this vault) unless the manager chose names.
    """

    ref: str
    team: str
    planned: int
    held: int
    cancelled: int
    skipped: int
    cadence_days: int
    cadence_kept: bool
    longest_gap_days: int | None
    days_since_last: int | None
    short_term: int
    mid_term: int
    long_term: int
    open_actions: int
    overdue_actions: int
    months: tuple[MonthFigure, ...]

    @property
    def execution_rate(self) -> float | None:
        """Held ÷ planned, None when nothing was planned."""
        return None if self.planned == 0 else self.held / self.planned


@dataclass(frozen=True, slots=True)
class Rollup:
    """A manager's roll-up for ``[start, end]`` (both inclusive), made on ``created_on``."""

    manager: str
    start: date
    end: date
    created_on: date
    names: bool
    reports: tuple[ReportLine, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of the file, as the export dialog lists it."""

    key: str
    label: Msg


#: Every field a roll-up file holds, in the order the export dialog lists them.
FIELDS: tuple[Field, ...] = (
    Field(
        "manager",
        Msg(
            "Manager label (as you type it; may be empty)",
            "マネージャーの表示名（入力したとおり。空でも可）",
        ),
    ),
    Field("period", Msg("Period (first and last day)", "期間（初日と最終日）")),
    Field(
        "ref",
        Msg(
            "Report: pseudonym, or name if you choose names",
            "メンバー：仮名（名前を選んだ場合は名前）",
        ),
    ),
    Field("team", Msg("Team", "チーム")),
    Field("planned", Msg("1on1s planned", "予定した 1on1 の数")),
    Field("held", Msg("1on1s held", "実施した 1on1 の数")),
    Field("cancelled", Msg("1on1s cancelled", "中止した 1on1 の数")),
    Field("skipped", Msg("1on1s skipped", "スキップした 1on1 の数")),
    Field("execution_rate", Msg("Execution rate", "実施率")),
    Field(
        "cadence",
        Msg(
            "Cadence in days, whether it was kept, longest gap",
            "頻度（日数）、守れたか、最長の間隔",
        ),
    ),
    Field("days_since_last", Msg("Days since the last 1on1", "前回の 1on1 からの日数")),
    Field(
        "themes", Msg("Number of short-, mid- and long-term themes", "短期・中期・長期のテーマの数")
    ),
    Field(
        "actions",
        Msg("Open and overdue action items (counts)", "未完了・期限切れのアクションアイテムの数"),
    ),
    Field("months", Msg("Planned and held per month", "月ごとの予定数と実施数")),
    Field(
        "signature",
        Msg(
            "Signature and public key of this vault's roll-up key",
            "この保管庫のロールアップ鍵による署名と公開鍵",
        ),
    ),
)
