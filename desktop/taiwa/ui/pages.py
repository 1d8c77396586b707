"""The page protocol: what the main window asks of every page (dashboard, people, person,
meeting editor, search).

The main window calls these, in this order, when it matters:

- ``set_privacy(on)`` — privacy mode toggled (also called once right after the page is built).
  With ``on``: private notes, signals and other people's data must disappear from the screen
  (hide or replace them; do not just grey them out), until ``set_privacy(False)``.
- ``flush()`` — save every pending edit *now*, synchronously, on the GUI thread (before a lock,
  before switching pages, on quit). Must not open a dialog and must not raise for user input.
- ``clear()`` — drop every piece of vault data the page holds: models, editor texts, undo
  stacks, cached domain objects, selected ids. After it the page shows nothing personal (the
  database is about to close).
- ``refresh()`` — reload from ``ctx.store`` (after unlock, after ``events.data_changed``, when
  the page is shown). Use :class:`taiwa.ui.ops.Op` for anything that may be slow.

:class:`Page` gives no-op defaults so a page implements only what it needs; ``nav_key`` names
the page for the navigation and for tests.

How the main window finds and drives the pages (imported lazily, built as ``Cls(ctx, parent)``):

=================  ==================  =========================================================
module             class               navigation
=================  ==================  =========================================================
dashboard.py       ``DashboardPage``   left navigation "Dashboard"
people_page.py     ``PeoplePage``      left navigation "People"
search_page.py     ``SearchPage``      left navigation "Search"; ``focus_query(text="")`` is
                                       called by Ctrl+F / the toolbar search field
person_page.py     ``PersonPage``      ``show_person(person_id)`` on ``events.open_person``
meeting_editor/    ``MeetingEditor``   ``show_meeting(meeting_id)`` on ``events.open_meeting``
=================  ==================  =========================================================

``events.new_meeting(person_id)`` is handled by the window: with a person id it creates the
meeting (``store.meetings.create`` with carry-over, now) and opens it in the editor; with 0 it
asks which person first. Pages emit the events; they never switch pages themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from taiwa.ui.context import AppContext


class PageMixin:
    """The protocol as a mixin, for pages that derive from another widget class."""

    # Stable name used by the navigation and tests ("dashboard", "people", ...).
    nav_key: str = ""

    def set_privacy(self, on: bool) -> None:
        """Hide (``on``) or show again private notes, signals and other people's data."""

    def flush(self) -> None:
        """Save pending edits synchronously."""

    def clear(self) -> None:
        """Forget all vault data (models, editors, undo stacks)."""

    def refresh(self) -> None:
        """Reload from the vault."""


class Page(QWidget, PageMixin):
    """Base class of the main window's pages."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx


def is_page(widget: object) -> bool:
    """True when ``widget`` implements the page protocol (duck-typed)."""
    return all(
        callable(getattr(widget, name, None))
        for name in ("set_privacy", "flush", "clear", "refresh")
    )
