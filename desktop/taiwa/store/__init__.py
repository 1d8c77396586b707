"""Typed queries over the vault (people, meetings, topics, actions, search). No Qt here.

``Store(db)`` is the one entry point the CLI and the GUI use; SQL lives only in this package
and in :mod:`taiwa.vault`. Every method returns the dataclasses of :mod:`taiwa.domain.models`
and validates its input before writing, raising an :class:`~taiwa.errors.InputError`
subclass (see :mod:`taiwa.domain.errors`) with nothing changed.
"""

from __future__ import annotations

from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING

from taiwa.vault.database import Database

if TYPE_CHECKING:
    from taiwa.store.actions import Actions
    from taiwa.store.drafts import Drafts
    from taiwa.store.meetings import Meetings
    from taiwa.store.people import People
    from taiwa.store.questions import Questions
    from taiwa.store.reports import Reports
    from taiwa.store.retention import Retention
    from taiwa.store.rollups import Rollups
    from taiwa.store.search import Search
    from taiwa.store.settings import Settings
    from taiwa.store.topics import Topics

__all__ = ["Store"]


class Store:
    """The vault's content, grouped by what it holds.

    Attributes:
        people: direct reports (:class:`~taiwa.store.people.People`).
        meetings: meetings with carry-over (:class:`~taiwa.store.meetings.Meetings`).
        topics: agenda topics (:class:`~taiwa.store.topics.Topics`).
        actions: action items (:class:`~taiwa.store.actions.Actions`).
        search: full-text search (:class:`~taiwa.store.search.Search`).
        reports: execution rate, signals, upcoming, overview
            (:class:`~taiwa.store.reports.Reports`).
        questions: question banks (:class:`~taiwa.store.questions.Questions`).
        settings: in-vault JSON settings (:class:`~taiwa.store.settings.Settings`).
        drafts: text typed but not saved yet (:class:`~taiwa.store.drafts.Drafts`).
        retention: the rule erasing archived people after N years
            (:class:`~taiwa.store.retention.Retention`).
        rollups: the roll-up's facts, signing seed and received files
            (:class:`~taiwa.store.rollups.Rollups`).

    Args:
        db: the open vault.
        zone: the zone whose days reports count in (default: the machine's local zone).
    """

    def __init__(self, db: Database, zone: tzinfo | None = None) -> None:
        self.db = db
        self._zone = zone

    # Each part is made (and its module imported) on first use: a CLI command reads one or two
    # of them, and importing all eleven cost ~15 ms of every command's start.

    @cached_property
    def people(self) -> People:
        from taiwa.store.people import People

        return People(self.db)

    @cached_property
    def meetings(self) -> Meetings:
        from taiwa.store.meetings import Meetings

        return Meetings(self.db)

    @cached_property
    def topics(self) -> Topics:
        from taiwa.store.topics import Topics

        return Topics(self.db)

    @cached_property
    def actions(self) -> Actions:
        from taiwa.store.actions import Actions

        return Actions(self.db)

    @cached_property
    def search(self) -> Search:
        from taiwa.store.search import Search

        return Search(self.db)

    @cached_property
    def reports(self) -> Reports:
        from taiwa.store.reports import Reports

        return Reports(self.db, self._zone)

    @cached_property
    def questions(self) -> Questions:
        from taiwa.store.questions import Questions

        return Questions(self.db)

    @cached_property
    def settings(self) -> Settings:
        from taiwa.store.settings import Settings

        return Settings(self.db)

    @cached_property
    def drafts(self) -> Drafts:
        from taiwa.store.drafts import Drafts

        return Drafts(self.db)

    @cached_property
    def retention(self) -> Retention:
        from taiwa.store.retention import Retention

        return Retention(self.db)

    @cached_property
    def rollups(self) -> Rollups:
        from taiwa.store.rollups import Rollups

        return Rollups(self.db, self.reports)
