"""Search across notes, topics, action items, purposes and career goals.

The query runs off the GUI thread 250 ms after the last keystroke (a ten-year vault answers in
well under a second, but never on the GUI thread). Results arrive a page at a time: the list
asks for the next page when it is scrolled to the end. Each hit shows who, when and where, and a
snippet whose matches are highlighted by *painting* the store's ``(text, highlighted)`` segments
(:class:`~taiwa.ui.widgets.snippets.SnippetDelegate`) — typed text is never read as HTML.

Hits are grouped for reading (:func:`taiwa.store.search.group_hits`): one row per meeting, and
one row for the same text matched in many meetings of a person; each row's heading counts what
it folds. Down in the query field moves into the list, Up on its first row moves back.

Enter or a double-click opens the meeting and selects the matching text in the field it came
from (career goals open the person page).

Privacy mode: private notes are not searched, private hits already on screen are removed at
once, and — since other people's data must not show — only hits about the person who is open
remain (none when nobody is).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from taiwa.store.search import HitGroup, group_hits
from taiwa.ui.meeting_editor import request_person_reveal, request_reveal, shown_person
from taiwa.ui.models import OBJECT_ROLE, SearchResultsModel, as_pairs
from taiwa.ui.ops import Op
from taiwa.ui.pages import Page
from taiwa.ui.widgets.chips import MutedLabel, PageTitle
from taiwa.ui.widgets.snippets import SnippetDelegate

PAGE = 50
RAW_PAGE = PAGE * 4  # hits fetched per page: grouping folds many of them into fewer rows
DEBOUNCE_MS = 250


class SearchPage(Page):
    """The search page (see the module docstring)."""

    nav_key = "search"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._privacy = False
        self._archived = False
        self._generation = 0  # bumped per query: late pages of an older query are dropped
        self._query = ""
        self._fetched = 0  # hits fetched for the current query (the next page's offset)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 22, 28, 22)
        lay.setSpacing(12)
        lay.addWidget(PageTitle(self.tr("Search"), self))
        row = QHBoxLayout()
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Search notes, topics, action items and goals — Japanese works without spaces")
        )
        self.query.setAccessibleName(self.tr("Search"))
        self.query.textChanged.connect(self._on_text_changed)
        self.query.returnPressed.connect(self._on_return)
        row.addWidget(self.query, 1)
        # Archived people are kept for history: their records are searched only when asked.
        self.archived = QCheckBox(self.tr("Include &archived people"), self)
        self.archived.toggled.connect(lambda _on: self.run_search() if self._query else None)
        row.addWidget(self.archived)
        lay.addLayout(row)
        self.status = MutedLabel("", self)
        lay.addWidget(self.status)
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SnippetDelegate(self.view))
        self.view.setUniformItemSizes(True)  # every hit is two lines: fast scrolling
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.activated.connect(self.open_hit)
        self.view.doubleClicked.connect(self.open_hit)
        lay.addWidget(self.view, 1)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        down = QAction(self)
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._focus_results)
        self.query.addAction(down)
        up = QAction(self)
        up.setShortcut(QKeySequence(Qt.Key.Key_Up))
        up.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        up.triggered.connect(self._on_up_in_results)
        self.view.addAction(up)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        on = bool(on)
        if on == self._privacy:
            return
        self._privacy = on
        if on:
            # Drop what must not be seen right now, before the new query even starts.
            self.model.reset_results(self._regroup(self.model.rows()), more=False, loader=None)
        if self._query:
            self.run_search()
        else:
            self._show_idle()

    def flush(self) -> None:
        """Nothing to save."""

    def clear(self) -> None:
        self._generation += 1
        self._debounce.stop()
        self._query = ""
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self.model.clear()
        self.status.clear()

    def refresh(self) -> None:
        if self._query:
            self.run_search()
        else:
            self._show_idle()

    def focus_query(self, text: str = "") -> None:
        """Ctrl+F / the toolbar field: focus the query (and search for ``text`` at once)."""
        if text:
            self.query.blockSignals(True)
            self.query.setText(text)
            self.query.blockSignals(False)
            self.run_search()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    # -- searching --------------------------------------------------------------------------

    def _allowed(self, hit: Any) -> bool:
        if not self._privacy:
            return True
        if str(hit.kind) == "private_notes":
            return False
        return hit.person_id == shown_person(self.ctx)

    def _regroup(self, rows: list[Any]) -> list[HitGroup]:
        """``rows`` (groups) again, without the hits that must not be seen now."""
        hits = [h for row in rows for h in row.all_hits()]
        return group_hits([h for h in hits if self._allowed(h)])

    def _show_idle(self) -> None:
        if self._privacy:
            self.status.setText(
                self.tr("Privacy mode: only the open person is searched, without private notes.")
            )
        else:
            self.status.setText(
                self.tr("Type to search. Private notes are included while privacy mode is off.")
            )

    def _on_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_return(self) -> None:
        if self._debounce.isActive() or self.query.text().strip() != self._query:
            self._debounce.stop()
            self.run_search()
        elif self.model.rowCount():
            self._focus_results()

    def _fetch(self, query: str, offset: int, limit: int, private: bool) -> tuple[list[Any], bool]:
        """Runs on the vault worker (``private``: decided on the GUI thread when asked)."""
        hits = self.ctx.store.search.search(
            query,
            include_private=private,
            include_archived=self._archived,
            limit=limit,
            offset=offset,
        )
        return hits, len(hits) == limit

    def run_search(self) -> None:
        """Start the query now (off the GUI thread); results replace the list."""
        self._debounce.stop()
        query = self.query.text().strip()
        self._query = query
        self._generation += 1
        gen = self._generation
        if not query:
            self.model.clear()
            self._show_idle()
            return
        if not self.ctx.is_unlocked:
            return
        self.status.setText(self.tr("Searching…"))
        # Read on the GUI thread; the worker only reads the copy.
        self._archived = self.archived.isChecked()
        # In privacy mode hits are filtered to one person here, so ask for bigger pages.
        limit = RAW_PAGE * 2 if self._privacy else RAW_PAGE
        private = not self._privacy
        Op(self, lambda: self._fetch(query, 0, limit, private)).success(
            lambda res: self._on_first_page(gen, query, limit, res)
        ).failure(self._on_failed).run()

    def _on_first_page(self, gen: int, query: str, limit: int, res: tuple[list[Any], bool]) -> None:
        if gen != self._generation:
            return
        hits, more = res
        rows = group_hits(h for h in hits if self._allowed(h))
        self._fetched = len(hits)

        def load_more(_rows: int) -> None:
            # Paged by hits fetched, not by rows shown: grouping folds hits into rows.
            private, offset = not self._privacy, self._fetched
            Op(self, lambda: self._fetch(query, offset, limit, private)).success(
                lambda r: self._on_more(gen, r, load_more)
            ).failure(self._on_failed).run()

        self.model.reset_results(rows, more=more, loader=load_more)
        self._update_status()
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _on_more(self, gen: int, res: tuple[list[Any], bool], load_more: Any) -> None:
        if gen != self._generation:
            return
        hits, more = res
        self._fetched += len(hits)
        # Hits of meetings already listed join their rows; the rest become new rows.
        fresh = group_hits((h for h in hits if self._allowed(h)), into=self.model.rows())
        self.model.append_page(fresh, more=more)
        if more and not fresh:
            load_more(0)  # a page that only joined listed rows: fetch on, or the list stops
        count = self.model.rowCount()
        if count:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(count - 1, 0))
        self._update_status()

    def _update_status(self) -> None:
        n = self.model.rowCount()
        if n == 0:
            self.status.setText(self.tr("No results."))
        elif self.model.canFetchMore():
            self.status.setText(
                self.tr("Results: %1 so far — scroll for more").replace("%1", str(n))
            )
        else:
            self.status.setText(self.tr("Results: %1").replace("%1", str(n)))

    def _on_failed(self, exc: BaseException) -> None:
        from taiwa.errors import TaiwaError
        from taiwa.ui import ops

        if isinstance(exc, TaiwaError):
            self.status.setText(exc.localized())
        else:
            ops.show_crash(self, exc)

    # -- opening a hit ----------------------------------------------------------------------

    def _on_up_in_results(self) -> None:
        current = self.view.currentIndex()
        if current.isValid() and current.row() > 0:
            self.view.setCurrentIndex(self.model.index(current.row() - 1, 0))
        else:
            self.query.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_results(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def open_hit(self, index: QModelIndex) -> None:
        """Open the meeting at the hit (or the person, for career goals)."""
        hit = index.data(OBJECT_ROLE)
        if hit is None:
            return
        # Select the whole query where it appears as typed, else the first highlighted piece.
        pairs = as_pairs(hit.snippet)
        whole = "".join(t for t, _ in pairs)
        needle = (
            self._query
            if self._query and self._query.casefold() in whole.casefold()
            else next((t for t, hl in pairs if hl), self._query)
        )
        if hit.meeting_id:
            request_reveal(self.ctx, int(hit.meeting_id), str(hit.kind), needle)
            self.ctx.events.open_meeting.emit(int(hit.meeting_id))
        else:
            # Career goals (and actions without a meeting) live on the person page.
            request_person_reveal(self.ctx, int(hit.person_id), needle)
            self.ctx.events.open_person.emit(int(hit.person_id))
