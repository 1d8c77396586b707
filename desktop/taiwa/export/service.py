"""The export service the CLI and the GUI share: gather from the store, lay out, protect, write.

A request is validated (target path, dates, password) before anything is read; the PDF is
built in memory, encrypted in memory when a password is given, and only then written
atomically. Nothing unencrypted or partial ever reaches the disk.

Who the PDF is for is ``ExportOptions.audience`` (:class:`~taiwa.export.model.Audience`):
shared with the person (the default), for HR, manager only, or the hand-over to the next
manager (``ExportRequest(DocKind.PERSON, person_id, ExportOptions(audience=Audience.HANDOVER))``:
no private notes, no mood, no signals).

An export can be cancelled (``cancel``, see :mod:`taiwa.cancel`): it is checked between the
reads, for every paragraph and flowable while laying out, and last just before the atomic
rename — a cancelled export leaves neither the PDF nor its temporary file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from taiwa.cancel import Cancel, check
from taiwa.domain import signals, validate
from taiwa.domain.errors import BadPeriodError
from taiwa.domain.models import Action, Meeting, MeetingStatus, Person
from taiwa.export import documents, writer
from taiwa.export.fonts import collect_missing, missing_chars
from taiwa.export.model import (
    Audience,
    DocKind,
    ExecutionFigures,
    ExportOptions,
    MeetingDoc,
    Paper,
    PersonDoc,
    Progress,
    local_zone,
    meeting_local,
)
from taiwa.export.texts import format_date
from taiwa.store import Store

__all__ = ["Audience", "DocKind", "ExportOptions", "ExportRequest", "build", "export", "preview"]

#: Build steps reported to a progress callback, as (step, done, total).
StepProgress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """One export: a meeting, or a person over an optional date range."""

    kind: DocKind
    target_id: int
    options: ExportOptions = field(default_factory=ExportOptions)
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise BadPeriodError()


@dataclass(frozen=True, slots=True)
class ExportPreview:
    """What an export will contain, for the dialog's preview (counts only, no note text)."""

    kind: DocKind
    person_name: str
    start: date | None
    end: date | None
    meetings: int
    topics: int
    actions: int
    shared_notes: int
    private_notes: int  # meetings with private notes in range (included only if asked)
    moods: int
    signals: int
    private_included: bool
    mood_included: bool
    signals_included: bool
    audience: Audience = Audience.SHARED
    #: Characters of the included text the PDF's fonts cannot show (printed as 〓 or ?).
    missing_chars: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    encrypted: bool
    size: int
    missing_chars: tuple[str, ...] = ()


def _day_start(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def parse_day(value: str | None) -> date | None:
    """A ``--from``/``--to`` value as a date (None stays None).

    Raises:
        BadDateError: not a date.
    """
    if value is None or not value.strip():
        return None
    return validate.parse_date(value)


def _agreed_in(meeting: Meeting) -> tuple[Action, ...]:
    """The actions agreed in ``meeting`` (the store also lists carried-over open ones)."""
    return tuple(a for a in meeting.actions if a.meeting_id == meeting.id)


def gather_meeting(store: Store, meeting_id: int, options: ExportOptions) -> MeetingDoc:
    """The data of a meeting summary.

    Raises:
        MeetingNotFoundError: no such meeting.
    """
    meeting = store.meetings.get(meeting_id)
    person = store.people.get(meeting.person_id)
    later = store.meetings.list_between(
        meeting.starts_at + timedelta(seconds=1),
        meeting.starts_at + timedelta(days=3660),
        person_id=person.id,
    )
    upcoming = [m for m in later if m.status in (MeetingStatus.PLANNED, MeetingStatus.HELD)]
    return MeetingDoc(
        person=person, meeting=meeting, next_meeting=upcoming[0] if upcoming else None
    )


def _now(options: ExportOptions) -> datetime:
    """The moment reports are computed for (the end of ``options.today`` when it is fixed)."""
    if options.today is None:
        return datetime.now(UTC)
    return datetime.combine(options.today, time(23, 59), tzinfo=local_zone(options))


def _execution(
    store: Store, person_id: int, start: date, end: date, now: datetime
) -> ExecutionFigures:
    report = store.reports.execution_rate(start, end, now=now, person_id=person_id)
    mine = next((p for p in report.people if p.person_id == person_id), None)
    if mine is None:
        return ExecutionFigures(held=0, planned=0)
    return ExecutionFigures(held=mine.execution.held, planned=mine.execution.planned)


def _signals(
    store: Store, person_id: int, now: datetime, options: ExportOptions
) -> tuple[str, ...]:
    """The signals as they stood at ``now`` (the end of the period), worded with the
    document's date style: a date in a signal's text never prints as ISO."""
    if not options.show_signals:
        return ()
    out: list[str] = []
    for s in store.reports.signals(now):
        if s.person_id != person_id:
            continue
        params = {
            k: format_date(v, options.lang) if isinstance(v, date) else v
            for k, v in s.params.items()
        }
        out.append(signals.MESSAGES[s.kind].text(options.lang, **params))
    return tuple(out)


def gather_person(
    store: Store,
    person_id: int,
    options: ExportOptions,
    start: date | None = None,
    end: date | None = None,
    *,
    cancel: Cancel | None = None,
) -> PersonDoc:
    """The data of a person summary over ``start``..``end`` (local dates, inclusive).

    Without ``start`` the range starts at the person's first meeting; without ``end`` it ends
    today (planned meetings after today are not part of a summary). ``cancel`` is checked
    between the reads.
    """
    person = store.people.get(person_id)
    zone = local_zone(options)
    today = options.today or datetime.now(zone).date()
    last = end or today
    first_dt = _day_start(start, zone) if start else datetime(1970, 1, 1, tzinfo=zone)
    meetings = store.meetings.list_between(
        first_dt, _day_start(last + timedelta(days=1), zone), person_id=person.id
    )
    first = start
    if first is None:
        first = meeting_local(meetings[0], options).date() if meetings else last
    agreed: dict[int, Action] = {}
    for m in meetings:
        for action in _agreed_in(m):
            agreed[action.id] = action
    # The latest state of every action agreed in the range (done since, reopened...).
    check(cancel)
    current = {a.id: a for a in store.actions.list_for_person(person.id)}
    actions = tuple(current.get(i, a) for i, a in agreed.items())
    check(cancel)
    # Signals and rates as they stood at the end of the period, not as of today.
    at = min(_now(options), _day_start(last + timedelta(days=1), zone) - timedelta(seconds=1))
    execution = _execution(store, person.id, first, last, at)
    check(cancel)
    return PersonDoc(
        person=person,
        start=first,
        end=last,
        meetings=tuple(replace(m, actions=_agreed_in(m)) for m in meetings),
        actions=actions,
        execution=execution,
        signals=_signals(store, person.id, at, options),
    )


def build(
    store: Store,
    request: ExportRequest,
    progress: Progress | None = None,
    *,
    cancel: Cancel | None = None,
) -> bytes:
    """The request's PDF as bytes, encrypted when the options carry a password.

    Raises:
        Cancelled: ``cancel`` said stop (checked every few milliseconds of work).
    """
    options = request.options
    check(cancel)
    if request.kind is DocKind.MEETING:
        meeting = gather_meeting(store, request.target_id, options)
        check(cancel)
        pdf = documents.render_meeting(meeting, options, progress, cancel)
    else:
        doc = gather_person(
            store, request.target_id, options, request.start, request.end, cancel=cancel
        )
        check(cancel)
        pdf = documents.render_person(doc, options, progress, cancel)
    if options.password:
        check(cancel)
        pdf = writer.encrypt(pdf, options.password)
    check(cancel)
    return pdf


PAPER_SETTING = "export.paper"


def default_paper(store: Store) -> Paper:
    """The paper size chosen in the settings (stored in the vault), A4 unless set to Letter."""
    value = store.settings.get(PAPER_SETTING, "a4")
    return "letter" if value == "letter" else "a4"


def export(
    store: Store,
    request: ExportRequest,
    path: Path,
    progress: Progress | None = None,
    *,
    overwrite: bool = False,
    cancel: Cancel | None = None,
    on_missing: Callable[[tuple[str, ...]], None] | None = None,
) -> ExportResult:
    """Build the request's PDF and write it to ``path`` atomically (mode 0600).

    ``overwrite`` replaces an existing file (the CLI's ``--force``, the GUI after asking);
    without it an existing file is refused before the PDF is built and left as it was.
    ``on_missing`` is told, before the file is written, the characters the fonts could not
    show (the CLI prints them as a warning; the dialog's preview lists them beforehand).

    Raises:
        InputError: bad target path, period or password; unknown meeting or person.
        ExportTargetExistsError: the file exists and ``overwrite`` is False (an InputError).
        ExportWriteError: the file could not be written (nothing is left behind).
        Cancelled: ``cancel`` said stop before the rename (nothing is left behind).
    """
    target = writer.check_target(path, overwrite=overwrite)
    if request.options.password is not None:
        writer.check_password(request.options.password)
    with collect_missing() as found:
        pdf = build(store, request, progress, cancel=cancel)
    missing = tuple(sorted(found))
    if missing and on_missing is not None:
        on_missing(missing)
    written = writer.write_atomic(target, pdf, overwrite=overwrite, cancel=cancel)
    return ExportResult(
        path=written,
        encrypted=bool(request.options.password),
        size=len(pdf),
        missing_chars=missing,
    )


def preview(store: Store, request: ExportRequest) -> ExportPreview:
    """What the export will include (counts), without laying anything out."""
    options = request.options
    if request.kind is DocKind.MEETING:
        doc = gather_meeting(store, request.target_id, options)
        meetings: tuple[Meeting, ...] = (doc.meeting,)
        person, start, end, signals = doc.person, None, None, 0
        actions = len(_agreed_in(doc.meeting))
    else:
        pdoc = gather_person(store, request.target_id, options, request.start, request.end)
        meetings, person, start, end = pdoc.meetings, pdoc.person, pdoc.start, pdoc.end
        signals = len(pdoc.signals)
        actions = len(pdoc.all_actions())
    return ExportPreview(
        kind=request.kind,
        person_name=person.name,
        start=start,
        end=end,
        meetings=len(meetings),
        topics=sum(len(m.topics) for m in meetings),
        actions=actions,
        shared_notes=sum(1 for m in meetings if m.shared_notes.strip()),
        private_notes=sum(1 for m in meetings if m.private_notes.strip()),
        moods=sum(1 for m in meetings if m.mood is not None),
        signals=signals,
        private_included=options.show_private,
        mood_included=options.show_mood,
        signals_included=options.show_signals,
        audience=options.target,
        missing_chars=_missing_in(meetings, person, options),
    )


def _missing_in(
    meetings: Sequence[Meeting], person: Person, options: ExportOptions
) -> tuple[str, ...]:
    """The characters the export's fonts cannot show, in the texts the options include."""
    texts = [person.name, person.role, person.team, person.career_goals, *person.emails]
    for m in meetings:
        texts += [m.purpose, m.shared_notes, m.role, m.team]
        texts += [t.text for t in m.topics] + [a.text for a in m.actions]
        if options.show_private:
            texts.append(m.private_notes)
    return tuple(sorted(missing_chars("\n".join(texts))))
