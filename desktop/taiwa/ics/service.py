"""The calendar import as one service for the CLI and the GUI: plan (a preview), then apply.

``plan_import`` reads the files, finds the 1on1 occurrences in the window and works out what
importing them would do to the vault — added, updated, cancelled, skipped, proposed new people,
problems — without writing anything. ``apply_import`` writes that plan in one transaction.

Both take an optional ``cancel`` check (:mod:`taiwa.cancel`): planning checks it every few
milliseconds of work (it writes nothing, so it may stop anywhere); applying checks it only
before its transaction begins — a started import is committed whole, never cut short.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime
from pathlib import Path

from taiwa.cancel import Cancel, check, checked
from taiwa.domain import validate as _validate
from taiwa.errors import InputError
from taiwa.ics import decode, errors, scan
from taiwa.ics.errors import Problem
from taiwa.ics.expand import Occurrence, expand
from taiwa.ics.match import (
    DEFAULT_EXCLUDE,
    DEFAULT_KEYWORDS,
    KnownPerson,
    Match,
    Matcher,
    guess_owner,
    is_legacy_default,
)
from taiwa.ics.plan import (
    ADD,
    CANCEL,
    DAYS_AHEAD,
    DAYS_BACK,
    IGNORE,
    LINK,
    MAX_WINDOW_DAYS,
    NEW,
    SKIP,
    UPDATE,
    ImportPlan,
    ImportResult,
    PlannedItem,
    Progress,
    Vanished,
    Who,
    Window,
)
from taiwa.store import calendar as repo
from taiwa.vault.database import Database

# The plan's data model (taiwa.ics.plan) is part of this service's API: re-exported.
__all__ = [
    "ADD",
    "CANCEL",
    "DAYS_AHEAD",
    "DAYS_BACK",
    "EXCLUDE_KEY",
    "IGNORE",
    "KEYWORDS_KEY",
    "LINK",
    "MAX_WINDOW_DAYS",
    "NEW",
    "OWNER_KEY",
    "SKIP",
    "UPDATE",
    "ImportPlan",
    "ImportResult",
    "PlannedItem",
    "Progress",
    "Vanished",
    "Who",
    "Window",
    "apply_import",
    "matching_settings",
    "plan_import",
    "save_keywords",
]

#: Settings kept in the vault (they are personal data).
OWNER_KEY = "calendar.owner"
KEYWORDS_KEY = "calendar.keywords"
EXCLUDE_KEY = "calendar.exclude"

# -- settings -------------------------------------------------------------------------------


def matching_settings(db: Database) -> tuple[str | None, list[str], list[str]]:
    """The remembered owner e-mail, keywords and exclusions (the built-in rules when unset)."""
    owner = repo.get_setting(db, OWNER_KEY, None)
    keywords = repo.get_setting(db, KEYWORDS_KEY, None)
    exclude = repo.get_setting(db, EXCLUDE_KEY, None)
    words = [str(k) for k in keywords] if isinstance(keywords, list) else list(DEFAULT_KEYWORDS)
    unless = [str(k) for k in exclude] if isinstance(exclude, list) else list(DEFAULT_EXCLUDE)
    if is_legacy_default(words, unless):
        # An earlier version stored its defaults on every save: those follow today's rules.
        words, unless = list(DEFAULT_KEYWORDS), list(DEFAULT_EXCLUDE)
    return (owner if isinstance(owner, str) and owner else None, words, unless)


def save_keywords(db: Database, keywords: Sequence[str], exclude: Sequence[str]) -> None:
    """Remember edited keyword lists in the vault; the built-in ones are not stored.

    Storing the defaults would freeze them: a later version's better rules would never reach
    this vault.
    """
    words = [k for k in keywords if k.strip()]
    unless = [k for k in exclude if k.strip()]
    with db.transaction():
        if words == list(DEFAULT_KEYWORDS) and unless == list(DEFAULT_EXCLUDE):
            repo.delete_setting(db, KEYWORDS_KEY)
            repo.delete_setting(db, EXCLUDE_KEY)
        else:
            repo.set_setting(db, KEYWORDS_KEY, words)
            repo.set_setting(db, EXCLUDE_KEY, unless)


def _check_owner(value: str) -> str:
    try:
        return _validate.email(value).casefold()
    except InputError:
        raise errors.IcsOwnerError(value=value) from None


# -- planning -------------------------------------------------------------------------------


def plan_import(  # noqa: PLR0915 - the steps of a plan, read in order
    db: Database,
    paths: Sequence[Path],
    *,
    window: Window | None = None,
    owner: str | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportPlan:
    """Read ``paths`` and work out the import, writing nothing.

    A file that cannot be read at all raises when it is the only file; with several files it
    becomes a problem of the plan and the others are planned.

    Raises:
        IcsError: a subclass naming the file and what is wrong with it (never its content).
        Cancelled: ``cancel`` said stop (the vault is not read after that).
    """
    check(cancel)
    now = now or datetime.now(UTC)
    window = (window or Window.around(now)).check()
    remembered, keywords, exclude = matching_settings(db)
    owner_given = owner is not None
    owner_email = _check_owner(owner) if owner is not None else remembered
    # Archived people are still known (their address must not be proposed as someone new);
    # their occurrences are skipped.
    everyone = repo.people_repo(db).list(include_archived=True)
    people = [KnownPerson(p.id, p.name, tuple(e.casefold() for e in p.emails)) for p in everyone]
    archived = {p.id for p in everyone if p.archived}
    matcher = Matcher(
        people, owner=[owner_email] if owner_email else (), keywords=keywords, exclude=exclude
    )
    total = max(1, len(paths)) * 100
    scanned_files: list[scan.ScannedFile] = []
    problems: list[Problem] = []
    for n, path in enumerate(paths):
        display = path.name
        try:
            check(cancel)
            text = decode.read_text(path, display, cancel=cancel)
            if progress:
                progress(n * 100 + 10, total)
            scanned_files.append(scan.scan(text, display, cancel=cancel))
        except errors.IcsError as exc:
            if len(paths) == 1:
                raise
            problems.append(Problem.from_error(display, exc))
        if progress:
            progress(n * 100 + 30, total)
    owner_guessed = False
    if owner_email is None:
        # The owner is the manager, never one of their reports: known people are not guesses.
        known = set(matcher.by_email)
        owner_email = guess_owner(
            [m for m in e.emails if m not in known]
            for f in scanned_files
            for e in checked(_sample(f.events), cancel)
        )
        owner_guessed = owner_email is not None
        if owner_email:
            matcher.owner = {owner_email}
    plan = ImportPlan(
        files=[p.name for p in paths],
        window=window,
        owner=owner_email,
        owner_guessed=owner_guessed,
        owner_given=owner_given,
        problems=problems,
        people={p.id: p.name for p in people},
    )
    occurrences: list[Occurrence] = []
    seen_uids: set[str] = set()
    looked_at: set[str] = set()  # UIDs of events that could be 1on1s (title or a known person)
    for n, scanned in enumerate(scanned_files):
        plan.problems.extend(scanned.problems)
        mentioned = scanned.mentioning(matcher.by_email, cancel=cancel)
        candidates = {
            e.uid
            for i, e in enumerate(checked(scanned.events, cancel))
            if i in mentioned or matcher.title_matches(e.summary)
        }
        seen_uids |= {e.uid for e in scanned.events}
        looked_at |= candidates
        chosen = [e for e in scanned.events if e.uid in candidates]
        step = _scaled(progress, n * 100 + 30, total) if progress is not None else None
        found, bad = expand(scanned, chosen, window.start, window.end, step, cancel=cancel)
        occurrences.extend(found)
        plan.problems.extend(_relevant(bad, chosen, matcher))
        if progress:
            progress(n * 100 + 100, total)
    _plan_items(
        db,
        plan,
        matcher,
        occurrences,
        seen_uids=seen_uids,
        archived=archived,
        looked_at=looked_at,
        cancel=cancel,
    )
    return plan


#: Events read to guess the calendar's owner: the owner is in nearly every event, and reading
#: the people of all 70 000 events of a hostile file costs a second and a half.
OWNER_SAMPLE = 10_000


def _sample(events: list[scan.RawEvent]) -> list[scan.RawEvent]:
    """At most OWNER_SAMPLE events spread evenly over the file (all of a smaller file)."""
    step = -(-len(events) // OWNER_SAMPLE)  # ceiling division
    return events if step <= 1 else events[::step]


def _remembered(db: Database, plan: ImportPlan) -> dict[str, Who]:
    """The answers to "who is this?" of earlier imports (links to people since deleted drop)."""
    found: dict[str, Who] = {}
    for uid, (kind, person_id) in repo.series_choices(db).items():
        if kind == IGNORE:
            found[uid] = Who.ignore()
        elif kind == LINK and person_id in plan.people:
            found[uid] = Who.link(person_id)
    return found


def _explain(
    plan: ImportPlan, occurrences: list[Occurrence], seen: set[str], looked_at: AbstractSet[str]
) -> None:
    """Count why events are not in the preview (counts only: their titles are not ours)."""
    shown = {item.occurrence.uid for item in plan.items}
    inside = {o.uid for o in occurrences if plan.window.start <= o.start < plan.window.end}
    outside = looked_at - inside - shown
    plan.outside = len(outside)
    plan.not_1on1 = max(0, len(seen - shown - outside) - plan.ignored)


def _relevant(
    problems: list[Problem], events: list[scan.RawEvent], matcher: Matcher
) -> list[Problem]:
    """The problems of events that could be 1on1s; a broken team meeting is not our business.

    An event is parsed when it mentions a known person anywhere; when it then turns out broken,
    it is reported only if its raw title has a keyword or its attendees could leave one known
    person (a few addresses, one of them known) — otherwise a broken all-hands invitation would
    block the import of every good 1on1.
    """
    by_uid: dict[str, list[scan.RawEvent]] = {}
    index = {e.index: e for e in events}
    for event in events:
        by_uid.setdefault(event.uid, []).append(event)
    kept: list[Problem] = []
    for problem in problems:
        broken = index.get(problem.event or -1)
        if broken is None:
            kept.append(problem)
            continue
        group = by_uid.get(broken.uid, [broken])
        for raw in group:
            if matcher.title_matches(raw.summary) and not matcher.title_excluded(raw.summary):
                kept.append(problem)
                break
            others = set(raw.emails) - matcher.owner
            if others & set(matcher.by_email) and len(others) <= 4:
                kept.append(problem)
                break
    return kept


def _scaled(progress: Progress, base: int, total: int) -> Progress:
    # A file's series are 70 % of its share of the bar (reading and scanning the first 30 %).
    def step(done: int, count: int) -> None:
        progress(base + 70 * done // max(1, count), total)

    return step


def _propose(plan: ImportPlan, match: Match, occ: Occurrence) -> None:
    if match.person_id is not None or not match.email:
        return
    # Its series can also be answered with "who is this?" (link, new person, ignore).
    plan.strangers.setdefault(occ.uid, (match.email, occ.summary))
    # A name from an attendee's CN beats one made from the address.
    current = plan.proposals.get(match.email)
    if current is None or current == match.email.split("@")[0]:
        plan.proposals[match.email] = match.name


def _dedupe(matches: list[tuple[Occurrence, Match]]) -> list[tuple[Occurrence, Match]]:
    # The same occurrence in two files, or a UID exported twice: the highest SEQUENCE wins.
    best: dict[tuple[str, str], tuple[Occurrence, Match]] = {}
    for occ, match in matches:
        key = (occ.uid, occ.recurrence_id)
        if key not in best or occ.sequence > best[key][0].sequence:
            best[key] = (occ, match)
    return sorted(best.values(), key=lambda om: (om[0].start, om[0].uid))


def _plan_items(
    db: Database,
    plan: ImportPlan,
    matcher: Matcher,
    occurrences: list[Occurrence],
    *,
    seen_uids: set[str],
    archived: set[int],
    looked_at: AbstractSet[str] = frozenset(),
    cancel: Cancel | None = None,
) -> None:
    matched: list[tuple[Occurrence, Match]] = []
    series: dict[str, Match] = {}
    bare: list[Occurrence] = []
    asking: list[tuple[Occurrence, Match]] = []
    remembered = _remembered(db, plan)
    ignored: set[str] = set()
    for occ in checked(occurrences, cancel):
        if occ.start < plan.window.start or occ.start >= plan.window.end:
            continue
        match = matcher.classify(occ.summary, occ.participants)
        # An ignored series (it has attendees) falls through: neither matched nor bare.
        match = _recall(plan, occ.uid, match, remembered, ignored)
        if match is not None and match.rule == "unknown":
            asking.append((occ, match))
        elif match is not None:
            matched.append((occ, match))
            series.setdefault(occ.uid, match)
        elif not occ.participants:
            bare.append(occ)
    matched.extend(_answer_asking(plan, asking, series, remembered))
    plan.ignored += len(ignored)
    # A moved occurrence often carries no attendees of its own (only the master has them):
    # it belongs to the series' person all the same.
    matched.extend(
        (occ, series[occ.uid])
        for occ in bare
        if occ.uid in series and not matcher.title_excluded(occ.summary)
    )
    matched = _dedupe(matched)
    # The last read of the vault: a cancelled plan (the app quitting) never reaches it.
    check(cancel)
    existing = repo.calendar_meetings(db, {occ.uid for occ, _ in matched} | seen_uids)
    for occ, match in checked(matched, cancel):
        _propose(plan, match, occ)
        item = _decide(occ, match, existing.get((occ.uid, occ.recurrence_id)))
        if match.person_id in archived and item.action == ADD:
            item.action, item.reason = SKIP, "archived"
        plan.items.append(item)
    # Planned meetings of a series in these files whose occurrence is gone (EXDATE, deleted
    # instance, no longer a 1on1) are cancelled — unless a new occurrence of the same series
    # on the same day replaces it (the organizer moved the whole series): that is an update.
    present = {(occ.uid, occ.recurrence_id) for occ, _ in matched}
    adds = {
        (item.occurrence.uid, item.occurrence.start.astimezone(UTC).date()): item
        for item in plan.items
        if item.action == ADD and item.person_id is not None
    }
    for key, meeting in sorted(existing.items(), key=lambda kv: kv[1].starts_at):
        if key in present or key[0] not in seen_uids:
            continue
        if not plan.window.start <= meeting.starts_at < plan.window.end:
            continue
        if meeting.status != "planned" or meeting.has_content:
            continue
        twin = adds.pop((key[0], meeting.starts_at.date()), None)
        if twin is not None and twin.person_id == meeting.person_id:
            twin.action, twin.meeting_id = UPDATE, meeting.id
            continue
        plan.vanished.append(
            Vanished(meeting.id, meeting.person_id, key[0], key[1], meeting.starts_at)
        )
    _explain(plan, occurrences, seen_uids, looked_at)


def _recall(
    plan: ImportPlan,
    uid: str,
    match: Match | None,
    remembered: Mapping[str, Who],
    ignored: set[str],
) -> Match | None:
    """An unknown attendee with an e-mail as an earlier "who is this?" answered for the
    series: the linked person, or None when the series is ignored (added to ``ignored``)."""
    answer = remembered.get(uid)
    if match is None or match.person_id is not None or not match.email or answer is None:
        return match
    if answer.kind == IGNORE:
        ignored.add(uid)
        return None
    if answer.person_id is None:
        return match
    return Match("series", answer.person_id, None, plan.people.get(answer.person_id, ""))


def _answer_asking(
    plan: ImportPlan,
    asking: list[tuple[Occurrence, Match]],
    series: dict[str, Match],
    remembered: Mapping[str, Who],
) -> list[tuple[Occurrence, Match]]:
    """The occurrences nobody in them identifies: the series' person, an earlier answer, or ask."""
    matched: list[tuple[Occurrence, Match]] = []
    ignored: set[str] = set()
    for occ, match in asking:
        answer = remembered.get(occ.uid)
        if occ.uid in series:
            # A moved instance without attendees of a series whose master names its person.
            matched.append((occ, series[occ.uid]))
        elif answer is not None and answer.kind == IGNORE:
            ignored.add(occ.uid)
        elif answer is not None and answer.person_id is not None:
            name = plan.people.get(answer.person_id, "")
            matched.append((occ, Match("series", answer.person_id, None, name)))
        else:
            plan.unknown.setdefault(occ.uid, occ.summary)
            matched.append((occ, match))
    plan.ignored = len(ignored)
    return matched


def _decide(occ: Occurrence, match: Match, meeting: repo.CalendarMeeting | None) -> PlannedItem:
    if meeting is None:
        return PlannedItem(occ, match, ADD)
    item = PlannedItem(occ, match, SKIP, meeting_id=meeting.id)
    if meeting.has_content or meeting.status in ("held", "skipped"):
        item.reason = "has_notes" if meeting.has_content else "decided"
        return item
    if occ.status == "cancelled":
        if meeting.status == "cancelled":
            item.reason = "unchanged"
        else:
            item.action = CANCEL
        return item
    if occ.sequence < meeting.sequence:
        item.reason = "older"
        return item
    start = occ.start.astimezone(UTC).replace(microsecond=0)
    end = occ.end.astimezone(UTC).replace(microsecond=0) if occ.end else None
    changed = (
        meeting.starts_at != start
        or meeting.ends_at != end
        or meeting.status == "cancelled"
        or (match.person_id is not None and match.person_id != meeting.person_id)
    )
    if occ.sequence > meeting.sequence and changed:
        item.action = UPDATE
    else:
        # Equal SEQUENCE is the same version (RFC 5545); and recurring-ical-events gives every
        # occurrence of a series the highest SEQUENCE in it, so a newer export without changes
        # to this occurrence changes nothing either.
        item.reason = "unchanged" if not changed else "same_sequence"
    return item


# -- applying -------------------------------------------------------------------------------


def apply_import(
    db: Database,
    plan: ImportPlan,
    *,
    accept_partial: bool = False,
    add_people: Iterable[str] = (),
    who: Mapping[str, Who] = {},
    cancel: Cancel | None = None,
) -> ImportResult:
    """Write ``plan`` in one transaction; with problems only when ``accept_partial``.

    ``add_people`` lists the proposed e-mails the user accepted: those people are created
    and their occurrences imported; the others are skipped. ``who`` answers "who is this?"
    per series UID of ``plan.unknown`` (link, new person, ignore): the answers are remembered
    for the next imports — only now, never by a mere preview; unanswered series are skipped. ``cancel`` is checked once, just
    before the transaction: the write is short, and it is committed whole or not at all.

    Raises:
        IcsPartialError: the plan has problems and the user did not accept a partial import.
        Cancelled: ``cancel`` said stop before anything was written.
    """
    if plan.problems and not accept_partial:
        raise errors.IcsPartialError(count=len(plan.problems))
    accepted = {e.casefold() for e in add_people} & set(plan.proposals)
    answers = {uid: w for uid, w in who.items() if uid in plan.unknown or uid in plan.strangers}
    # A ticked person whose every series got its own answer is not created as well.
    answered = {plan.strangers[u][0] for u in answers if u in plan.strangers}
    waiting = {e for u, (e, _t) in plan.strangers.items() if u not in answers}
    accepted -= answered - waiting
    counts = plan.counts(accepted, answers)
    now = datetime.now(UTC)
    # The point of no return: nothing checks inside the transaction, which is short and is
    # committed whole (a quitting app waits for it; closing the database waits for its lock).
    check(cancel)
    with db.transaction():
        new_people: dict[str, int] = {}
        for email in sorted(accepted):
            new_people[email] = repo.add_person(db, plan.proposals[email], email)
        by_series: dict[str, int] = {}
        for uid, answer in sorted(answers.items()):
            if uid in plan.strangers:
                _answer_stranger(
                    db, plan, uid, answer=answer, new_people=new_people, by_series=by_series
                )
            elif answer.kind == NEW and answer.name:
                by_series[uid] = repo.add_person(db, answer.name, "")
            elif answer.kind == LINK and answer.person_id in plan.people:
                by_series[uid] = answer.person_id
        rows = [
            repo.Change(
                action=plan.effective(item, accepted, answers),
                meeting_id=item.meeting_id,
                person_id=item.person_id
                if item.person_id is not None
                else by_series.get(item.occurrence.uid)
                if item.match.rule == "unknown" or item.occurrence.uid in by_series
                else new_people.get(item.match.email or ""),
                uid=item.occurrence.uid,
                recurrence_id=item.occurrence.recurrence_id,
                sequence=item.occurrence.sequence,
                starts_at=item.occurrence.start,
                ends_at=item.occurrence.end,
                zone=item.occurrence.zone,
                status=item.occurrence.status,
                summary=item.occurrence.summary,
                email=item.match.email,
            )
            for item in plan.items
        ]
        repo.apply_changes(db, rows, [v.meeting_id for v in plan.vanished], now)
        choices: dict[str, tuple[str, int | None]] = {
            uid: (LINK, pid) for uid, pid in by_series.items()
        }
        choices.update({uid: (IGNORE, None) for uid, a in answers.items() if a.kind == IGNORE})
        if choices:
            repo.remember_series(db, choices)
        if plan.owner and (plan.owner_given or not plan.owner_guessed):
            repo.set_setting(db, OWNER_KEY, plan.owner)
    return ImportResult(
        added=counts["added"],
        updated=counts["updated"],
        cancelled=counts["cancelled"],
        skipped=counts["skipped"],
        people_added=len(new_people)
        + sum(1 for u, a in answers.items() if a.kind == NEW and u not in plan.strangers),
    )


def _answer_stranger(
    db: Database,
    plan: ImportPlan,
    uid: str,
    *,
    answer: Who,
    new_people: dict[str, int],
    by_series: dict[str, int],
) -> None:
    """Apply "who is this?" for a series whose unknown attendee has an e-mail (in the
    caller's transaction): a new person gets the e-mail, a linked one has it added.

    Raises:
        EmailTakenError: the e-mail belongs to someone else already (linked twice, or ticked
            as a new person too): nothing of the import is written.
    """
    email = plan.strangers[uid][0]
    if answer.kind == NEW and answer.name:
        if email not in new_people:
            new_people[email] = repo.add_person(db, answer.name, email)
        by_series[uid] = new_people[email]
    elif answer.kind == LINK and answer.person_id in plan.people:
        repo.add_email(db, answer.person_id, email)
        by_series[uid] = answer.person_id
