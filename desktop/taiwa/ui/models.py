"""Qt item models over the domain objects the store returns.

Conventions (after Vorta's ``archive_table_model`` and Anki's browser table):

- Column constants per model; ``OBJECT_ROLE`` returns the domain object of a row, ``ID_ROLE``
  its id, ``SORT_ROLE`` a value that sorts correctly (dates as ISO text, counts as ints).
- Updates are narrow: changing one row emits ``dataChanged`` for that row only, and inserts or
  removes emit ``beginInsertRows``/``beginRemoveRows`` for exactly those rows.
- Long lists fetch lazily: :class:`MeetingHistoryModel` holds the count and loads pages of rows
  as the view scrolls (``canFetchMore``/``fetchMore``); :class:`SearchResultsModel` asks for the
  next page of hits off the GUI thread and appends them when they arrive.
- Models never write to the vault. Editable models emit a request signal (``done_toggled``,
  ``text_edited`` …); the page turns it into an undoable command, writes, and then calls the
  model's ``update_*`` method with the stored object.
- Note text is exposed as plain strings; no model returns rich text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from taiwa.domain.models import Action, MeetingStatus, Owner, Theme, Topic, TopicState
from taiwa.ui.theme import qcolor, readable
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import dot_pixmap

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
#: A search hit's snippet as a list of (text, highlighted) pairs (painted by
#: :class:`~taiwa.ui.widgets.snippets.SnippetDelegate`).
SEGMENTS_ROLE = Qt.ItemDataRole.UserRole + 20
#: The one-line heading above a search hit's snippet (who · when · where).
HEADING_ROLE = Qt.ItemDataRole.UserRole + 21


def as_pairs(snippet: Iterable[Any]) -> list[tuple[str, bool]]:
    """Accept store ``Segment`` objects or ``(text, highlighted)`` tuples."""
    out: list[tuple[str, bool]] = []
    for seg in snippet:
        if isinstance(seg, tuple):
            text, hl = seg
        else:
            text, hl = seg.text, seg.highlighted
        # Snippets are one line in the list: line breaks become spaces.
        out.append((str(text).replace("\r", " ").replace("\n", " "), bool(hl)))
    return out


Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_D = Qt.ItemDataRole


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("Models", text, disambiguation, n)


def _first_line(text: str, limit: int = 140) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _iso(value: date | datetime | None) -> str:
    return "" if value is None else value.isoformat()


class _RowsTableModel(QAbstractTableModel):
    """Shared plumbing: a list of objects with an ``id``, one per row."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- Qt API -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    #: How many columns the model has (fixed; the views ask for it very often).
    COLUMNS = 1

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def header_labels(self) -> tuple[str, ...]:
        return self.headers

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _D.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D.DisplayRole:
            names = self.header_labels()
            if 0 <= section < len(names):
                return names[section]
        return None

    def data(self, index: Index, role: int = _D.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        obj = self._rows[index.row()]
        if role == OBJECT_ROLE:
            return obj
        if role == ID_ROLE:
            return self._id_of(obj)
        return self.cell(obj, index.column(), role)

    def cell(self, obj: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- content ----------------------------------------------------------------------------

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return getattr(obj, "id", None)

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def clear(self) -> None:
        self.set_rows([])

    def row_of(self, obj_id: Any) -> int:
        for i, obj in enumerate(self._rows):
            if self._id_of(obj) == obj_id:
                return i
        return -1

    def object_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def update_row(self, obj: Any) -> bool:
        """Replace the row with the same id; emits dataChanged for that row only."""
        row = self.row_of(self._id_of(obj))
        if row < 0:
            return False
        self._rows[row] = obj
        last = self.columnCount() - 1
        if last >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return True

    def insert_row(self, obj: Any, row: int | None = None) -> None:
        at = len(self._rows) if row is None else max(0, min(row, len(self._rows)))
        self.beginInsertRows(_ROOT, at, at)
        self._rows.insert(at, obj)
        self.endInsertRows()

    def remove_id(self, obj_id: Any) -> bool:
        row = self.row_of(obj_id)
        if row < 0:
            return False
        self.beginRemoveRows(_ROOT, row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True


# -- people -------------------------------------------------------------------------------------


class PeopleModel(_RowsTableModel):
    """People with their status at a glance (rows: :class:`PersonStatus`)."""

    NAME, TEAM, LAST_MET, NEXT_DUE, OPEN_ACTIONS = range(5)
    COLUMNS = 5

    def header_labels(self) -> tuple[str, ...]:
        return (
            _tr("Name"),
            #: Column: the person's role and team.
            _tr("Role · Team"),
            #: Column: the date of the last held 1on1.
            _tr("Last met"),
            #: Column: when the next 1on1 is due by the cadence (or booked).
            _tr("Next due"),
            #: Column: number of open action items (mine / theirs).
            _tr("Open actions"),
        )

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return obj.person.id

    def cell(self, st: Any, column: int, role: int) -> Any:
        person = st.person
        if role == _D.DisplayRole:
            if column == self.NAME:
                return person.name
            if column == self.TEAM:
                return " · ".join(x for x in (person.role, person.team) if x)
            if column == self.LAST_MET:
                return labels.format_date(st.last_held) if st.last_held else _tr("Never")
            if column == self.NEXT_DUE:
                # Overdue wins over a booked meeting: the cadence was missed either way.
                if st.days_overdue > 0:
                    return _overdue_text(labels.format_date(st.next_due), st.days_overdue)
                if st.next_planned is not None:
                    return labels.format_date(st.next_planned, with_time=True)
                return labels.format_date(st.next_due)
            if column == self.OPEN_ACTIONS:
                theirs = st.open_actions - st.open_manager_actions
                if st.open_actions == 0:
                    return "0"
                return (
                    _tr("%1 (me %2 · them %3)")
                    .replace("%1", str(st.open_actions))
                    .replace("%2", str(st.open_manager_actions))
                    .replace("%3", str(theirs))
                )
        elif role == SORT_ROLE:
            if column == self.NAME:
                return person.name.casefold()
            if column == self.TEAM:
                return f"{person.team}\x00{person.role}".casefold()
            if column == self.LAST_MET:
                return _iso(st.last_held)
            if column == self.NEXT_DUE:
                if st.days_overdue > 0 or st.next_planned is None:
                    return _iso(st.next_due)
                return _iso(st.next_planned.astimezone().date())
            if column == self.OPEN_ACTIONS:
                return st.open_actions
        elif role == _D.ForegroundRole:
            if column == self.NEXT_DUE and st.days_overdue > 0:
                return qcolor("danger")
            if column == self.OPEN_ACTIONS and st.overdue_actions > 0:
                return readable(labels.WARN)
        elif role == _D.ToolTipRole:
            if column == self.NEXT_DUE and st.days_overdue > 0:
                return _tr("Cadence: every %1 days").replace("%1", str(person.cadence_days))
            if column == self.OPEN_ACTIONS and st.overdue_actions > 0:
                return _tr("%1 overdue").replace("%1", str(st.overdue_actions))
        elif role == _D.TextAlignmentRole and column == self.OPEN_ACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == _D.FontRole and column == self.NAME:
            f = QFont()
            f.setWeight(QFont.Weight.DemiBold)
            return f
        return None


def _overdue_text(date_text: str, days: int) -> str:
    return _tr("%1 · %2 d overdue").replace("%1", date_text).replace("%2", str(days))


class PeopleFilterProxy(QSortFilterProxyModel):
    """Search-as-you-type over name, role, team and e-mails, plus the privacy restriction.

    Every whitespace-separated term must match (case- and width-insensitive). In privacy mode
    ``only_ids`` limits the rows to the people the screen may show (the opened person or none).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._only: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @staticmethod
    def _fold(text: str) -> str:
        # NFKC folds full-width Latin (ＡＢＣ) typed with a Japanese IME to ASCII.
        return unicodedata.normalize("NFKC", text).casefold()

    def set_query(self, text: str) -> None:
        # begin/endFilterChange replace the deprecated invalidateRowsFilter() (Qt 6.10).
        self.beginFilterChange()
        self._terms = [self._fold(t) for t in text.split() if t]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_ids(self, ids: Iterable[int] | None) -> None:
        self.beginFilterChange()
        self._only = None if ids is None else frozenset(ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        st = model.data(model.index(source_row, 0, source_parent), OBJECT_ROLE)
        if st is None:
            return False
        person = st.person
        if self._only is not None and person.id not in self._only:
            return False
        if not self._terms:
            return True
        hay = self._fold(" ".join((person.name, person.role, person.team, *person.emails)))
        return all(term in hay for term in self._terms)


# -- meetings -----------------------------------------------------------------------------------


class MeetingHistoryModel(_RowsTableModel):
    """A person's meetings, newest first, fetched a page at a time as the view scrolls.

    ``fetch_page(offset, limit)`` returns :class:`MeetingSummary` rows; ``total`` is the count.
    Only the ids and summaries of fetched pages are held, never note text.
    """

    DATE, STATUS, MOOD, AGENDA, PURPOSE = range(5)
    COLUMNS = 5
    PAGE = 30  # about a screenful and a half; more arrive as the list scrolls

    def __init__(self, parent: QObject | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact  # dates without the time (the editor's narrow list)
        self.mood_hidden = False  # privacy mode: the mood column gives nothing, in no role
        self._fetching = False
        self._fetch: Callable[[int, int], Sequence[Any]] | None = None
        self._total = 0

    def header_labels(self) -> tuple[str, ...]:
        return (
            _tr("Date"),
            _tr("Status"),
            #: Column: mood of the report, 1 to 5.
            _tr("Mood"),
            #: Column: number of agenda topics and action items of a meeting.
            _tr("Topics · Actions"),
            #: Column: the purpose of the meeting.
            _tr("Purpose"),
        )

    def set_source(self, fetch_page: Callable[[int, int], Sequence[Any]], total: int) -> None:
        """Start over with a new person: load the first page only."""
        self.beginResetModel()
        self._fetch = fetch_page
        self._total = max(0, int(total))
        self._rows = list(fetch_page(0, self.PAGE)) if self._total else []
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._fetch = None
        self._total = 0
        self._rows = []
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def set_mood_hidden(self, hidden: bool) -> None:
        """Privacy mode: the mood is private (no text, tooltip or sort key of it)."""
        if hidden == self.mood_hidden:
            return
        self.mood_hidden = hidden
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.MOOD), self.index(len(self._rows) - 1, self.MOOD)
            )

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        # Re-entrancy guard: a view (or the model tester) may ask again from inside
        # beginInsertRows, before the new rows are counted, and would fetch the page twice.
        if self._fetching or not self.canFetchMore(parent) or self._fetch is None:
            return
        self._fetching = True
        try:
            page = list(self._fetch(len(self._rows), self.PAGE))
            known = {r.id for r in self._rows}
            page = [r for r in page if r.id not in known]
            if not page:  # the vault changed under us: stop asking
                self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def insert_meeting(self, summary: Any) -> None:
        """A new meeting appears in its place by date (usually the top)."""
        at = 0
        while at < len(self._rows) and self._rows[at].starts_at > summary.starts_at:
            at += 1
        self._total += 1
        self.insert_row(summary, at)

    def remove_meeting(self, meeting_id: int) -> None:
        if self.remove_id(meeting_id):
            self._total = max(0, self._total - 1)

    def cell(self, m: Any, column: int, role: int) -> Any:
        if column == self.MOOD and self.mood_hidden:
            return None
        if role == _D.DisplayRole:
            if column == self.DATE:
                return labels.format_weekday_date(m.starts_at, with_time=not self.compact)
            if column == self.STATUS:
                return _status_text(m)
            if column == self.MOOD:
                return "" if m.mood is None else str(m.mood)
            if column == self.AGENDA:
                return f"{_topic_count(m)} · {_action_count(m)}"
            if column == self.PURPOSE:
                return _first_line(m.purpose)
        elif role == SORT_ROLE:
            return {
                self.DATE: _iso(m.starts_at),
                self.STATUS: "to_confirm" if awaits_confirmation(m) else str(m.status),
                self.MOOD: m.mood or 0,
                self.AGENDA: _topic_count(m),
                self.PURPOSE: m.purpose,
            }.get(column)
        elif role == _D.ForegroundRole and column == self.STATUS:
            return readable(_status_color(m))
        elif role == _D.DecorationRole and (
            column == self.STATUS or (self.compact and column == self.DATE)
        ):
            # Compact lists show the status as a coloured dot before the date.
            return dot_pixmap(_status_color(m))
        elif role == _D.ToolTipRole and self.compact and column == self.DATE:
            return _status_text(m)
        elif role == _D.TextAlignmentRole and column in (self.MOOD, self.AGENDA):
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == _D.ToolTipRole and column == self.MOOD and m.mood is not None:
            return labels.mood_name(m.mood)
        return None


def awaits_confirmation(m: Any, now: datetime | None = None) -> bool:
    """Whether a meeting row (summary or full meeting) is a past calendar occurrence nobody
    confirmed yet: :func:`taiwa.domain.stats.awaits_confirmation`, the dashboard's rule."""
    from taiwa.domain.facts import MeetingFact
    from taiwa.domain.models import MeetingSource
    from taiwa.domain.stats import awaits_confirmation as rule

    if getattr(m, "source", None) is None or str(m.status) != MeetingStatus.PLANNED:
        return False
    written = getattr(m, "has_content", None)
    if written is None:
        # A summary: whatever the vault's "no content" test looks at (as the SQL does).
        written = bool(
            getattr(m, "held", False)
            or (getattr(m, "purpose", "") or "").strip()
            or getattr(m, "mood", None) is not None
            or _topic_count(m)
            or _action_count(m)
        )
    fact = MeetingFact(
        id=m.id,
        person_id=m.person_id,
        starts_at=m.starts_at,
        day=m.starts_at.date(),
        status=MeetingStatus(m.status),
        source=MeetingSource(m.source),
        has_content=bool(written),
    )
    return rule(fact, now or datetime.now(UTC))


def _status_text(m: Any) -> str:
    if awaits_confirmation(m):
        #: Meeting status shown for a past calendar 1on1 nobody marked held, cancelled or skipped.
        return _tr("To confirm", "meeting status")
    return labels.status_name(MeetingStatus(m.status))


def _status_color(m: Any) -> str:
    return labels.WARN if awaits_confirmation(m) else labels.STATUS_COLORS[MeetingStatus(m.status)]


def _topic_count(m: Any) -> int:
    n = getattr(m, "topic_count", None)
    return len(m.topics) if n is None else int(n)


def _action_count(m: Any) -> int:
    n = getattr(m, "action_count", None)
    if n is not None:
        return int(n)
    own = getattr(m, "own_actions", None)
    return len(own if own is not None else m.actions)


# -- action items -------------------------------------------------------------------------------


class ActionsModel(_RowsTableModel):
    """Action items: done checkbox, text, owner, due date, and where they come from.

    With ``editable`` the done box and the text can be changed; the model only *asks*
    (``done_toggled``, ``text_edited``) and the page writes and calls :meth:`update_row`.
    ``current_meeting_id`` marks actions from earlier meetings as carried over.
    """

    DONE, TEXT, OWNER, DUE, ORIGIN = range(5)
    COLUMNS = 5

    done_toggled = Signal(int, bool)  # action id, done
    text_edited = Signal(int, str)  # action id, new text
    field_edited = Signal(int, str, object)  # action id, "owner" | "due_on", new value

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        editable: bool = False,
        person_names: dict[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.editable = editable
        self.current_meeting_id: int | None = None
        self.today = date.today()
        self.person_names = person_names  # when set, ORIGIN shows the person (dashboard)

    def header_labels(self) -> tuple[str, ...]:
        return (
            # The done column holds only check boxes: a tick keeps it narrow.
            "✓",
            #: Column: what is to be done.
            _tr("Action item"),
            #: Column: who does it (me or them).
            _tr("Owner"),
            #: Column: due date.
            _tr("Due"),
            #: Narrow column marking action items carried over from earlier meetings.
            _tr("Person") if self.person_names is not None else "",
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _D.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and section == self.DONE
            and role
            in (
                _D.ToolTipRole,
                _D.AccessibleTextRole,
            )
        ):
            #: Column header (tooltip) of the "done" check boxes of action items.
            return _tr("Done")
        return super().headerData(section, orientation, role)

    def is_carried(self, a: Action) -> bool:
        return self.current_meeting_id is not None and a.meeting_id != self.current_meeting_id

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == self.DONE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
            if not self.editable:
                base &= ~Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in (self.TEXT, self.OWNER, self.DUE):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, a: Action, column: int, role: int) -> Any:
        if role == _D.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Checked if a.done_on else Qt.CheckState.Unchecked
        if role == _D.EditRole and column == self.OWNER:
            return Owner(a.owner).value
        if role == _D.EditRole and column == self.DUE:
            return a.due_on  # a date or None (the delegate offers "no due date")
        if role in (_D.DisplayRole, _D.EditRole):
            if column == self.TEXT:
                return a.text
            if column == self.OWNER:
                return labels.owner_name(Owner(a.owner))
            if column == self.DUE:
                return labels.format_date(a.due_on) if a.due_on else ""
            if column == self.ORIGIN:
                if self.person_names is not None:
                    return self.person_names.get(a.person_id, "")
                # A compact marker: the column stays narrow, the tooltip says what it means.
                return "↪" if self.is_carried(a) else ""
        elif role == SORT_ROLE:
            return {
                self.DONE: 1 if a.done_on else 0,
                self.TEXT: a.text.casefold(),
                self.OWNER: str(a.owner),
                self.DUE: _iso(a.due_on) or "9999",
                self.ORIGIN: a.meeting_id or 0,
            }.get(column)
        elif role == _D.ForegroundRole:
            if column == self.DUE and a.is_overdue(self.today):
                return qcolor("danger")
            if column == self.ORIGIN and self.person_names is None and self.is_carried(a):
                return qcolor("private_text")
            if a.done_on and column == self.TEXT:
                return qcolor("muted")
        elif role == _D.FontRole and column == self.TEXT and a.done_on:
            f = QFont()
            f.setStrikeOut(True)
            return f
        elif role == _D.ToolTipRole:
            if column == self.DUE and a.is_overdue(self.today):
                return _tr("Overdue")
            if column == self.TEXT:
                return labels.plain_tooltip(a.text)
            if column == self.ORIGIN and self.person_names is None and self.is_carried(a):
                return _tr("Carried over from an earlier meeting")
        elif role == _D.AccessibleTextRole and column == self.DONE:
            return _tr("Done") if a.done_on else _tr("Open")
        return None

    def setData(self, index: Index, value: Any, role: int = _D.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        a = self._rows[index.row()]
        if role == _D.CheckStateRole and index.column() == self.DONE:
            done = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            if done != bool(a.done_on):
                self.done_toggled.emit(a.id, done)
            return True
        if role == _D.EditRole and index.column() == self.TEXT:
            text = str(value).strip()
            if text and text != a.text:
                self.text_edited.emit(a.id, text)
                return True
            return False
        if role == _D.EditRole and index.column() == self.OWNER:
            owner = Owner(str(value))
            if owner != Owner(a.owner):
                self.field_edited.emit(a.id, "owner", owner)
            return True
        if role == _D.EditRole and index.column() == self.DUE:
            due = value if isinstance(value, date) or value is None else None
            if due != a.due_on:
                self.field_edited.emit(a.id, "due_on", due)
            return True
        return False


# -- agenda topics, grouped by theme -------------------------------------------------------------


class TopicTreeModel(QAbstractItemModel):
    """Agenda topics grouped under their theme (two levels: theme → topics).

    Column ``TEXT`` holds the topic with a check box meaning "discussed"; column ``STATE`` shows
    the state, and carried-over topics are marked there. Only themes with topics appear.
    """

    TEXT, STATE = range(2)
    _GROUP = 0  # internalId of theme rows; topic rows use (group index + 1)

    state_toggled = Signal(int, bool)  # topic id, discussed
    text_edited = Signal(int, str)  # topic id, new text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[Theme, list[Topic]]] = []

    # -- content ----------------------------------------------------------------------------

    def set_topics(self, topics: Iterable[Topic]) -> None:
        self.beginResetModel()
        self._groups = self._grouped(topics)
        self.endResetModel()

    @staticmethod
    def _grouped(topics: Iterable[Topic]) -> list[tuple[Theme, list[Topic]]]:
        by: dict[Theme, list[Topic]] = {}
        for t in topics:
            by.setdefault(Theme(t.theme), []).append(t)
        return [(th, sorted(by[th], key=lambda t: (t.position, t.id))) for th in Theme if th in by]

    def topics(self) -> list[Topic]:
        return [t for _, ts in self._groups for t in ts]

    def clear(self) -> None:
        self.set_topics([])

    def topic_index(self, topic_id: int, column: int = 0) -> QModelIndex:
        for gi, (_, ts) in enumerate(self._groups):
            for ti, t in enumerate(ts):
                if t.id == topic_id:
                    return self.createIndex(ti, column, gi + 1)
        return QModelIndex()

    def group_index(self, theme: Theme) -> QModelIndex:
        for gi, (th, _) in enumerate(self._groups):
            if th == theme:
                return self.createIndex(gi, 0, self._GROUP)
        return QModelIndex()

    def add_topic(self, topic: Topic) -> QModelIndex:
        """Insert one topic (creating its theme group if needed); narrow insert signals."""
        theme = Theme(topic.theme)
        gi = next((i for i, (th, _) in enumerate(self._groups) if th == theme), -1)
        if gi < 0:
            order = list(Theme)
            gi = sum(1 for th, _ in self._groups if order.index(th) < order.index(theme))
            self.beginInsertRows(QModelIndex(), gi, gi)
            self._groups.insert(gi, (theme, [topic]))
            self.endInsertRows()
            return self.createIndex(0, 0, gi + 1)
        ts = self._groups[gi][1]
        at = len(ts)
        parent = self.createIndex(gi, 0, self._GROUP)
        self.beginInsertRows(parent, at, at)
        ts.append(topic)
        self.endInsertRows()
        self.dataChanged.emit(parent, parent)  # the count in the group label
        return self.createIndex(at, 0, gi + 1)

    def remove_topic(self, topic_id: int) -> bool:
        idx = self.topic_index(topic_id)
        if not idx.isValid():
            return False
        gi = idx.internalId() - 1
        ts = self._groups[gi][1]
        if len(ts) == 1:
            self.beginRemoveRows(QModelIndex(), gi, gi)
            del self._groups[gi]
            self.endRemoveRows()
            return True
        parent = self.createIndex(gi, 0, self._GROUP)
        self.beginRemoveRows(parent, idx.row(), idx.row())
        del ts[idx.row()]
        self.endRemoveRows()
        self.dataChanged.emit(parent, parent)
        return True

    def update_topic(self, topic: Topic) -> bool:
        idx = self.topic_index(topic.id)
        if not idx.isValid():
            return False
        gi = idx.internalId() - 1
        if Theme(topic.theme) != self._groups[gi][0]:  # moved to another theme
            self.remove_topic(topic.id)
            self.add_topic(topic)
            return True
        self._groups[gi][1][idx.row()] = topic
        self.dataChanged.emit(
            self.index(idx.row(), 0, idx.parent()), self.index(idx.row(), self.STATE, idx.parent())
        )
        return True

    # -- Qt API -----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, self._GROUP)
        if parent.internalId() != self._GROUP or parent.column() != 0:
            return QModelIndex()
        gi = parent.row()
        if gi >= len(self._groups) or row >= len(self._groups[gi][1]):
            return QModelIndex()
        return self.createIndex(row, column, gi + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == self._GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, self._GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == self._GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1]) if parent.row() < len(self._groups) else 0
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _D.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _D.DisplayRole:
            #: Column headers of the agenda: the topic text and its state.
            return (_tr("Topic"), _tr("State"))[section] if section in (0, 1) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != self._GROUP and index.column() == self.TEXT:
            base |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = _D.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == self._GROUP:
            if index.row() >= len(self._groups):
                return None
            theme, ts = self._groups[index.row()]
            if index.column() == self.TEXT:
                if role == _D.DisplayRole:
                    return f"{labels.theme_name(theme)}  ({len(ts)})"
                if role == _D.DecorationRole:
                    return dot_pixmap(labels.THEME_COLORS[theme], 12)
                if role == _D.FontRole:
                    f = QFont()
                    f.setWeight(QFont.Weight.DemiBold)
                    return f
                if role == OBJECT_ROLE:
                    return theme
            return None
        gi = index.internalId() - 1
        if gi >= len(self._groups) or index.row() >= len(self._groups[gi][1]):
            return None
        t = self._groups[gi][1][index.row()]
        if role == OBJECT_ROLE:
            return t
        if role == ID_ROLE:
            return t.id
        col = index.column()
        if col == self.TEXT:
            if role in (_D.DisplayRole, _D.EditRole):
                return t.text
            if role == _D.CheckStateRole:
                return (
                    Qt.CheckState.Checked
                    if t.state == TopicState.DISCUSSED
                    else Qt.CheckState.Unchecked
                )
            if role == _D.ToolTipRole and t.is_carried:
                return _tr("Carried over from the previous meeting")
        elif col == self.STATE:
            if role == _D.DisplayRole:
                if t.is_carried and t.state != TopicState.DISCUSSED:
                    return "↪ " + _tr("Carried over")
                if t.is_carried:
                    return "↪ " + labels.topic_state_name(TopicState.DISCUSSED)
                return labels.topic_state_name(TopicState(t.state))
            if role == _D.ForegroundRole:
                if t.is_carried:
                    return qcolor("private_text")
                if t.state == TopicState.DISCUSSED:
                    return readable(labels.GOOD)
        return None

    def setData(self, index: Index, value: Any, role: int = _D.EditRole) -> bool:
        if not index.isValid() or index.internalId() == self._GROUP:
            return False
        t = self.data(index, OBJECT_ROLE)
        if t is None:
            return False
        if role == _D.CheckStateRole and index.column() == self.TEXT:
            done = (
                value
                if isinstance(value, bool)
                else (Qt.CheckState(value) == Qt.CheckState.Checked)
            )
            if done != (t.state == TopicState.DISCUSSED):
                self.state_toggled.emit(t.id, done)
            return True
        if role == _D.EditRole and index.column() == self.TEXT:
            text = str(value).strip()
            if text and text != t.text:
                self.text_edited.emit(t.id, text)
                return True
        return False


# -- dashboard lists ----------------------------------------------------------------------------


class UpcomingModel(_RowsTableModel):
    """Upcoming 1on1s: booked meetings (manual or calendar) and cadence slots."""

    WHEN, PERSON, KIND = range(3)
    COLUMNS = 3

    def header_labels(self) -> tuple[str, ...]:
        return (_tr("When"), _tr("Person"), _tr("Source"))

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return (obj.person_id, obj.meeting_id, _iso(obj.due_on))

    def cell(self, u: Any, column: int, role: int) -> Any:
        if role == _D.DisplayRole:
            if column == self.WHEN:
                if u.starts_at is not None:
                    return labels.format_weekday_date(u.starts_at)
                return labels.format_date(u.due_on)
            if column == self.PERSON:
                return u.person_name
            if column == self.KIND:
                if str(u.kind) == "cadence":
                    #: Upcoming item: no meeting booked, the cadence says it is due.
                    return _tr("Due by cadence") if not u.overdue else _tr("Overdue by cadence")
                if u.source is not None and str(u.source) == "calendar":
                    return _tr("Calendar")
                return _tr("Planned")
        elif role == SORT_ROLE:
            return (_iso(u.starts_at) or _iso(u.due_on)) if column == self.WHEN else None
        elif role == _D.ForegroundRole:
            if u.overdue:
                return qcolor("danger")
            if column == self.KIND and str(u.kind) == "cadence":
                return qcolor("muted")
        return None


class SignalsModel(_RowsTableModel):
    """Signals for the manager's eyes only: who, and the reason, as a prompt (never a score)."""

    PERSON, REASON = range(2)
    COLUMNS = 2

    def header_labels(self) -> tuple[str, ...]:
        return (_tr("Person"), _tr("Why it may need attention"))

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return (getattr(obj, "person_id", None), str(getattr(obj, "kind", "")))

    def cell(self, s: Any, column: int, role: int) -> Any:
        if role == _D.DisplayRole:
            if column == self.PERSON:
                return getattr(s, "person_name", "")
            if column == self.REASON:
                return signal_reason(s)
        elif role == _D.ToolTipRole and column == self.REASON:
            return labels.plain_tooltip(signal_reason(s))
        return None


def signal_reason(s: Any) -> str:
    """The prompt for a signal in the current language (the domain words it, en and ja)."""
    reason = getattr(s, "reason", None)
    if callable(reason):
        return str(reason())
    return str(getattr(s, "kind", ""))


# -- search results -----------------------------------------------------------------------------


class SearchResultsModel(_RowsTableModel):
    """Search hits, one column, painted by :class:`SnippetDelegate`; pages arrive lazily.

    ``set_loader(fn)``: ``fn(offset)`` starts fetching the next page (off the GUI thread) and
    later calls :meth:`append_page`. ``canFetchMore`` is true while the last page was full and
    no page is on its way.
    """

    HIT = 0
    COLUMNS = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader: Callable[[int], None] | None = None
        self._more = False
        self._loading = False

    def header_labels(self) -> tuple[str, ...]:
        return (_tr("Result"),)

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return (str(obj.kind), obj.source_id)

    def reset_results(
        self, hits: Sequence[Any], *, more: bool, loader: Callable[[int], None] | None
    ) -> None:
        self.beginResetModel()
        self._rows = list(hits)
        self._more = more
        self._loader = loader
        self._loading = False
        self.endResetModel()

    def clear(self) -> None:
        self.reset_results([], more=False, loader=None)

    def append_page(self, hits: Sequence[Any], *, more: bool) -> None:
        self._loading = False
        known = {self._id_of(h) for h in self._rows}
        fresh = [h for h in hits if self._id_of(h) not in known]
        self._more = more and bool(fresh)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return (
            not parent.isValid() and self._more and not self._loading and self._loader is not None
        )

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent) and self._loader is not None:
            self._loading = True
            self._loader(len(self._rows))

    def cell(self, h: Any, column: int, role: int) -> Any:
        if role == SEGMENTS_ROLE:
            return as_pairs(h.snippet)
        if role == HEADING_ROLE:
            return hit_heading(h)
        if role in (_D.DisplayRole, _D.AccessibleTextRole):
            return hit_heading(h) + " — " + "".join(t for t, _ in as_pairs(h.snippet))
        if role == _D.DecorationRole:
            if str(h.kind) == "private_notes":
                from taiwa.ui.widgets.chips import lock_pixmap

                return lock_pixmap(16, labels.PRIVATE_ACCENT)
            return dot_pixmap(HIT_KIND_COLORS.get(str(h.kind), "#8C8C8C"), 10)
        return None


# A marker per kind of hit, painted beside the text (the kind is also named in the heading).
HIT_KIND_COLORS = {
    "shared_notes": "#4C78A8",
    "topic": "#54A24B",
    "action": "#E4944C",
    "purpose": "#8E6CC0",
    "career_goals": "#3FA7A0",
}


def hit_kind_name(kind: Any) -> str:
    k = str(kind)
    names = {
        "shared_notes": _tr("Shared notes"),
        "private_notes": _tr("Private notes"),
        "topic": _tr("Topic"),
        "action": _tr("Action item"),
        "purpose": _tr("Purpose"),
        "career_goals": _tr("Career goals"),
    }
    return names.get(k, k)


def hit_heading(h: Any) -> str:
    parts = [h.person_name]
    if h.starts_at is not None:
        parts.append(labels.format_date(h.starts_at, with_time=True))
    parts.append(hit_kind_name(h.kind))
    # A grouped row (taiwa.store.search.HitGroup) says what it folds.
    more = len(getattr(h, "hits", ())) - 1
    if more > 0:
        parts.append(_tr("more in this meeting: %n", None, more))
    repeats = len(getattr(h, "repeats", ()))
    if repeats:
        parts.append(_tr("same text in other meetings: %n", None, repeats))
    return "  ·  ".join(parts)
