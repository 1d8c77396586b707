"""Typed queries over the vault (people, meetings, topics, actions, search). No Qt here.

``Store(db)`` is the one entry point the CLI and the GUI use; SQL lives only in this package
and in :mod:`taiwa.vault`. Every method returns the dataclasses of :mod:`taiwa.domain.models`
and validates its input before writing, raising an :class:`~taiwa.errors.InputError`
subclass (see :mod:`taiwa.domain.errors`) with nothing changed.
"""

from __future__ import annotations

from datetime import tzinfo

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
from taiwa.vault.database import Database

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
        self.people = People(db)
        self.meetings = Meetings(db)
        self.topics = Topics(db)
        self.actions = Actions(db)
        self.search = Search(db)
        self.reports = Reports(db, zone)
        self.questions = Questions(db)
        self.settings = Settings(db)
        self.drafts = Drafts(db)
        self.retention = Retention(db)
        self.rollups = Rollups(db, self.reports)
