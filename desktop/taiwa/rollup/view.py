"""Several managers' roll-ups read together: per team and overall, against a target.

* The team table uses each signer's most recent roll-up (the latest period end); older ones of
  the same signer feed the monthly trend only (a month seen in two files of one signer counts
  once, from the newer file).
* Teams are the reports' team names (case and width folded); reports without a team form the
  group of their manager.
* Privacy by construction: a group smaller than ``min_group`` reports is never shown on its
  own. Small groups are pooled into "Other teams"; when even that pool is too small it is shown
  only inside the overall figures, and when the whole is too small nothing is shown at all.
  The same rule applies to each month of the trend.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from taiwa.rollup.document import SignedRollup
from taiwa.rollup.model import ReportLine

DEFAULT_TARGET = 90.0
DEFAULT_MIN_GROUP = 5


@dataclass(frozen=True, slots=True)
class Source:
    """One file read: who signed it, for which period, how many reports."""

    key_id: str
    manager: str
    start: str
    end: str
    reports: int
    names: bool
    latest: bool


@dataclass(slots=True)
class GroupRow:
    """The figures of a team, the pool of small teams, or everyone."""

    label: str
    kind: str  # "team", "pooled" or "overall"
    reports: int = 0
    planned: int = 0
    held: int = 0
    cancelled: int = 0
    skipped: int = 0
    cadence_gaps: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    short_term: int = 0
    mid_term: int = 0
    long_term: int = 0
    below_target: bool = False

    @property
    def rate(self) -> float | None:
        """Execution rate in percent, None when nothing was planned."""
        return None if self.planned == 0 else 100.0 * self.held / self.planned

    def add(self, line: ReportLine) -> None:
        self.reports += 1
        self.planned += line.planned
        self.held += line.held
        self.cancelled += line.cancelled
        self.skipped += line.skipped
        self.cadence_gaps += int(not line.cadence_kept)
        self.open_actions += line.open_actions
        self.overdue_actions += line.overdue_actions
        self.short_term += line.short_term
        self.mid_term += line.mid_term
        self.long_term += line.long_term


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: str
    reports: int
    planned: int
    held: int

    @property
    def rate(self) -> float | None:
        return None if self.planned == 0 else 100.0 * self.held / self.planned


@dataclass(slots=True)
class RollupView:
    target: float
    min_group: int
    sources: list[Source] = field(default_factory=list)
    teams: list[GroupRow] = field(default_factory=list)
    overall: GroupRow | None = None
    #: Reports of groups too small to show even pooled: inside ``overall`` only.
    folded_reports: int = 0
    #: Every report read (also when the whole is too small to show).
    total_reports: int = 0
    months: list[MonthRow] = field(default_factory=list)
    hidden_months: int = 0

    @property
    def below_target(self) -> list[GroupRow]:
        return [g for g in self.teams if g.below_target]


def team_key(team: str) -> str:
    return unicodedata.normalize("NFKC", team).strip().casefold()


def build(
    files: Sequence[SignedRollup],
    *,
    target: float = DEFAULT_TARGET,
    min_group: int = DEFAULT_MIN_GROUP,
) -> RollupView:
    """The view of ``files`` (already verified) with the group-size rule applied."""
    view = RollupView(target=target, min_group=max(1, min_group))
    latest: dict[str, SignedRollup] = {}
    for f in files:
        best = latest.get(f.key_id)
        if best is None or (f.rollup.end, f.rollup.created_on) > (
            best.rollup.end,
            best.rollup.created_on,
        ):
            latest[f.key_id] = f
    for f in files:
        r = f.rollup
        view.sources.append(
            Source(
                f.key_id,
                r.manager,
                r.start.isoformat(),
                r.end.isoformat(),
                len(r.reports),
                r.names,
                latest[f.key_id] is f,
            )
        )
    groups: dict[str, GroupRow] = {}
    overall = GroupRow("", "overall")
    for f in latest.values():
        for line in f.rollup.reports:
            key = team_key(line.team) or "\0" + f.key_id
            label = line.team.strip() or (f.rollup.manager or f.key_id)
            groups.setdefault(key, GroupRow(label, "team")).add(line)
            overall.add(line)
    view.total_reports = overall.reports
    if overall.reports < view.min_group:
        return _months(view, files)
    pooled = GroupRow("", "pooled")
    for key in sorted(groups, key=lambda k: groups[k].label.casefold()):
        group = groups[key]
        if group.reports >= view.min_group:
            view.teams.append(group)
        else:
            _merge(pooled, group)
    if pooled.reports >= view.min_group:
        view.teams.append(pooled)
    else:
        view.folded_reports = pooled.reports
    view.overall = overall
    for g in [*view.teams, overall]:
        g.below_target = g.rate is not None and g.rate < target
    return _months(view, files)


def _merge(into: GroupRow, other: GroupRow) -> None:
    for name in (
        "reports", "planned", "held", "cancelled", "skipped", "cadence_gaps",
        "open_actions", "overdue_actions", "short_term", "mid_term", "long_term",
    ):  # fmt: skip
        setattr(into, name, getattr(into, name) + getattr(other, name))


def _months(view: RollupView, files: Sequence[SignedRollup]) -> RollupView:
    # (signer, report, month) -> (created_on, planned, held): the newer file wins.
    seen: dict[tuple[str, str, str], tuple[str, int, int]] = {}
    for f in files:
        made = f.rollup.created_on.isoformat()
        for line in f.rollup.reports:
            for m in line.months:
                key = (f.key_id, line.ref, m.month)
                if key not in seen or seen[key][0] <= made:
                    seen[key] = (made, m.planned, m.held)
    totals: dict[str, list[int]] = {}
    for (_signer, _ref, month), (_made, planned, held) in seen.items():
        row = totals.setdefault(month, [0, 0, 0])
        row[0] += 1
        row[1] += planned
        row[2] += held
    for month in sorted(totals):
        reports, planned, held = totals[month]
        if reports < view.min_group:
            view.hidden_months += 1
            continue
        view.months.append(MonthRow(month, reports, planned, held))
    return view
