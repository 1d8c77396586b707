"""The meeting summary and the person summary, laid out with reportlab platypus.

Every piece of user text goes through :func:`taiwa.export.markup.user` or
:func:`~taiwa.export.markup.plain` before it becomes a Paragraph; the markup added here is only
the fixed styling around it. The PDF is built in memory and returned as bytes: nothing is
written to disk here.

Not PDF/A-2b: reportlab 5.1 (the open-source toolkit) has no PDF/A mode. It writes no XMP
metadata with a pdfaid part and no OutputIntent with an ICC profile, and its charts and
backgrounds would need checking against the PDF/A rules; patching those in by hand could not
be verified here (no validator such as veraPDF), and PDF/A forbids encryption, which the
password-protected variant needs. A file that claims PDF/A without being it is worse than
one that does not claim it, so the export keeps a plain PDF 1.4 with the neutral title,
/Lang and an outline.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from taiwa.cancel import Cancel, check
from taiwa.domain.models import Action, Meeting, Person, Theme, TopicState
from taiwa.export import layout
from taiwa.export.career import career_sheet
from taiwa.export.charts import bucket_size, mood_chart, theme_chart
from taiwa.export.layout import PageDecor, para
from taiwa.export.markup import plain
from taiwa.export.model import (
    Audience,
    ExportOptions,
    MeetingDoc,
    PersonDoc,
    Progress,
)
from taiwa.export.parts import (
    Cell,
    Ctx,
    audience_mark,
    cover,
    due,
    kv_table,
    state_cells,
    table,
    topic_line,
    with_bullets,
)
from taiwa.export.texts import (
    OWNER_NAMES,
    STATUS_NAMES,
    THEME_NAMES,
    THEMES_CAPTIONS,
    TOPIC_STATE_NAMES,
    WANTED_NAMES,
    T,
    format_date,
    format_date_short,
    format_datetime,
    format_percent,
    tr,
)
from taiwa.i18n import Msg

# -- meeting summary ---------------------------------------------------------------------------


def _meeting_facts(c: Ctx, doc: MeetingDoc, when: str) -> Table:
    m, person = doc.meeting, doc.person
    pairs: list[tuple[Msg, str]] = [(T.DATE, when), (T.PERSON, person.name)]
    # The role and team recorded with the meeting, so an old summary reads as it was then.
    for label, value in ((T.ROLE, m.role or person.role), (T.TEAM, m.team or person.team)):
        if value:
            pairs.append((label, value))
    pairs.append((T.STATUS, c.t(STATUS_NAMES[m.status])))
    if m.purpose.strip():
        pairs.append((T.PURPOSE, m.purpose))
    if m.wanted_response is not None:
        pairs.append((T.WANTED, c.t(WANTED_NAMES[m.wanted_response])))
    if c.options.show_mood and m.mood is not None:
        pairs.append((T.MOOD, f"{m.mood} / 5"))
    # Up front rather than after the notes: it is what the reader acts on, and a summary
    # should not spill onto a second page for one line.
    pairs.append((T.NEXT_MEETING, _next_meeting_text(c, doc)))
    return kv_table(c, pairs)


def _agenda(c: Ctx, m: Meeting) -> list[Flowable]:
    story: list[Flowable] = [c.h(T.AGENDA)]
    if not m.topics:
        return [*story, c.fixed(T.NO_TOPICS, "small")]
    for theme in Theme:
        items: list[Flowable] = []
        for topic in sorted((t for t in m.topics if t.theme is theme), key=lambda t: t.position):
            extra = [c.t(TOPIC_STATE_NAMES[topic.state])]
            if topic.carried_from is not None and topic.state is not TopicState.CARRIED:
                extra.append(c.t(T.CARRIED))
            extra.append(c.t(T.RAISED_BY, who=c.t(OWNER_NAMES[topic.raised_by])))
            items.append(topic_line(c, topic.text, extra))
        if items:
            story.append(KeepTogether([c.h(THEME_NAMES[theme], "h2"), *with_bullets(items)]))
    return story


def _meeting_actions_table(c: Ctx, actions: Sequence[Action]) -> Table:
    widths = [26 * mm, 0.0, 24 * mm, 28 * mm]
    widths[1] = c.width() - sum(widths)
    rows: list[list[Cell]] = [[c.head(h) for h in (T.OWNER, T.ACTION, T.DUE, T.STATE)]]
    states, extra = state_cells(c, actions, 3)
    for action, state in zip(actions, states, strict=True):
        rows.append(
            [c.t(OWNER_NAMES[action.owner]), c.fit(action.text, widths[1]), due(c, action), state]
        )
    return table(rows, widths, extra=extra)


def meeting_story(
    doc: MeetingDoc, options: ExportOptions, cancel: Cancel | None = None
) -> list[Flowable]:
    """The flowables of a meeting summary (``cancel``: see :mod:`taiwa.cancel`)."""
    c = Ctx(options, cancel)
    m = doc.meeting
    when = format_datetime(c.local(m), c.lang)
    what = c.t(T.COVER_MEETING, person=doc.person.name, date=when)
    story = cover(c, T.MEETING_TITLE, what, doc.person.name)
    story.append(_meeting_facts(c, doc, when))
    story += _agenda(c, m)

    # A section heading (no keepWithNext): a long note starts under it and flows over pages.
    story += c.section(T.SHARED_NOTES, space=25 * mm)
    if m.shared_notes.strip():
        story.append(c.text(m.shared_notes, "note"))
    else:
        story.append(c.fixed(T.NO_SHARED_NOTES, "small"))
    if options.show_private and m.private_notes.strip():
        story += c.section(T.PRIVATE_NOTES, space=25 * mm)
        story.append(c.text(m.private_notes, "private"))

    # The store lists the open items carried over from earlier meetings with this one too.
    agreed = [a for a in m.actions if a.meeting_id == m.id]
    carried = [a for a in m.actions if a.meeting_id != m.id]
    story.append(c.h(T.ACTIONS))
    story.append(_meeting_actions_table(c, agreed) if agreed else c.fixed(T.NO_ACTIONS, "small"))
    if carried:
        story.append(c.h(T.CARRIED_ACTIONS, "h2"))
        story.append(_meeting_actions_table(c, carried))
    return story


def _next_meeting_text(c: Ctx, doc: MeetingDoc) -> str:
    if doc.next_meeting is not None:
        return format_datetime(c.local(doc.next_meeting), c.lang)
    days = doc.person.cadence_days
    due = date.fromordinal(c.day(doc.meeting).toordinal() + days)
    return c.t(T.NEXT_DUE, date=format_date(due, c.lang), days=days)


# -- person summary ----------------------------------------------------------------------------


def _range_text(c: Ctx, doc: PersonDoc) -> tuple[str, str]:
    days = [c.day(m) for m in doc.meetings]
    start = doc.start or (min(days) if days else c.today())
    end = doc.end or (max(days) if days else c.today())
    return format_date(start, c.lang), format_date(end, c.lang)


def _role_history(c: Ctx, meetings: Sequence[Meeting]) -> list[tuple[str, str, date, date]]:
    spans: list[tuple[str, str, date, date]] = []
    for m in meetings:
        if not (m.role or m.team):
            continue
        day = c.day(m)
        if spans and spans[-1][:2] == (m.role, m.team):
            spans[-1] = (m.role, m.team, spans[-1][2], day)
        else:
            spans.append((m.role, m.team, day, day))
    return spans


def person_story(
    doc: PersonDoc, options: ExportOptions, cancel: Cancel | None = None
) -> list[Flowable]:
    """The flowables of a person summary (the career-discussion document).

    ``cancel`` (optional) is called for every paragraph of user text and may raise to stop.
    """
    c = Ctx(options, cancel)
    person = doc.person
    meetings = sorted(doc.meetings, key=lambda m: m.starts_at)
    start, end = _range_text(c, doc)
    title = T.SHARED_TITLE if options.target is Audience.SHARED else T.PERSON_TITLE
    what = c.t(T.COVER_PERSON, person=person.name, start=start, end=end)
    story = cover(c, title, what, person.name)
    story += career_sheet(c, doc, meetings, start, end)
    story.append(PageBreak())
    width = c.width()

    story.append(c.h(T.PROFILE))
    story.append(kv_table(c, _profile_pairs(c, person)))
    history = _role_history(c, meetings)
    if history:
        story.append(c.h(T.ROLE_HISTORY, "h2"))
        rows: list[list[Cell]] = [[c.head(h) for h in (T.ROLE, T.TEAM, T.SINCE, T.UNTIL)]]
        for role, team, first, last in history:
            rows.append(
                [
                    c.cell(role or c.t(T.NONE_DASH)),
                    c.cell(team or c.t(T.NONE_DASH)),
                    format_date_short(first, c.lang),
                    format_date_short(last, c.lang),
                ]
            )
        rest = width - 56 * mm
        story.append(table(rows, [rest * 0.55, rest * 0.45, 28 * mm, 28 * mm]))

    story.append(c.h(T.CAREER_GOALS))
    if person.career_goals.strip():
        story.append(c.text(person.career_goals, "note"))
    else:
        story.append(c.fixed(T.NO_CAREER_GOALS, "small"))

    story += _meetings_section(c, doc, meetings)
    story += _charts_section(c, doc, meetings)
    if options.show_signals and doc.signals:
        bullets = with_bullets([para(plain(s, c.lang), "bullet", source=s) for s in doc.signals])
        story.append(KeepTogether([c.h(T.SIGNALS), c.fixed(T.SIGNALS_NOTE, "small"), *bullets]))
    story += _actions_section(c, doc, meetings)
    story += _topics_section(c, meetings)
    story += _notes_section(c, meetings)
    return story


def _profile_pairs(c: Ctx, person: Person) -> list[tuple[Msg, str]]:
    pairs: list[tuple[Msg, str]] = [(T.NAME, person.name)]
    if person.emails:
        pairs.append((T.EMAIL, ", ".join(person.emails)))
    if person.role:
        pairs.append((T.ROLE, person.role))
    if person.team:
        pairs.append((T.TEAM, person.team))
    if person.started_on:
        pairs.append((T.STARTED, format_date(person.started_on, c.lang)))
    pairs.append((T.CADENCE, c.t(T.CADENCE_DAYS, days=person.cadence_days)))
    return pairs


def _meetings_section(c: Ctx, doc: PersonDoc, meetings: Sequence[Meeting]) -> list[Flowable]:
    story: list[Flowable] = c.section(T.MEETINGS_HELD, space=45 * mm)
    figures = doc.execution
    if figures is not None:
        if figures.rate is None:
            story.append(c.fixed(T.EXECUTION_NONE, "body"))
        else:
            story.append(
                c.fixed(
                    T.EXECUTION,
                    "body",
                    held=figures.held,
                    planned=figures.planned,
                    rate=format_percent(figures.rate),
                    target=format_percent(0.9),
                )
            )
        story.append(Spacer(1, 1.5 * mm))
    if not meetings:
        story.append(c.fixed(T.NO_MEETINGS, "small"))
        return story
    show_mood = c.options.show_mood
    head = [T.DATE, T.STATUS, T.PURPOSE, T.TOPICS_COUNT, T.ACTIONS_COUNT]
    if show_mood:
        head.append(T.MOOD)
    widths = [26 * mm, 20 * mm, 0.0, 15 * mm, 19 * mm] + ([14 * mm] if show_mood else [])
    widths[2] = c.width() - sum(widths)
    rows: list[list[Cell]] = [[c.head(h) for h in head]]
    for m in meetings:
        row = [
            format_date_short(c.day(m), c.lang),
            c.t(STATUS_NAMES[m.status]),
            c.fit(m.purpose, widths[2]),
            str(len(m.topics)),
            str(len(m.actions)),
        ]
        if show_mood:
            row.append(str(m.mood) if m.mood is not None else c.t(T.NONE_DASH))
        rows.append(row)
    story.append(table(rows, widths))
    return story


def _charts_section(c: Ctx, doc: PersonDoc, meetings: Sequence[Meeting]) -> list[Flowable]:
    story: list[Flowable] = []
    width = c.width()
    topics = [(c.day(m), t.theme) for m in meetings for t in m.topics]
    title = c.h(T.THEMES_OVER_TIME)
    if topics:
        days = [c.day(m) for m in meetings]
        first = doc.start if doc.start and doc.start <= min(days) else min(days)
        last = doc.end if doc.end and doc.end >= max(days) else max(days)
        chart = theme_chart(topics, first, last, c.lang, width)
        caption = THEMES_CAPTIONS[bucket_size(first, last)]
        story.append(KeepTogether([title, chart, c.fixed(caption, "caption")]))
    else:
        story += [title, c.fixed(T.NO_THEMES, "small")]
    if c.options.show_mood:
        points = [(c.day(m), m.mood) for m in meetings if m.mood is not None]
        title = c.h(T.MOOD_TREND)
        if points:
            chart = mood_chart(points, c.lang, width)
            story.append(KeepTogether([title, chart, c.fixed(T.MOOD_CAPTION, "caption")]))
        else:
            story += [title, c.fixed(T.NO_MOOD, "small")]
    return story


def _actions_section(c: Ctx, doc: PersonDoc, meetings: Sequence[Meeting]) -> list[Flowable]:
    story: list[Flowable] = c.section(T.ALL_ACTIONS)
    actions = doc.all_actions()
    if not actions:
        story.append(c.fixed(T.NO_ACTIONS, "small"))
        return story
    agreed = {m.id: c.day(m) for m in meetings}

    def order(a: Action) -> tuple[date, int]:
        return (agreed.get(a.meeting_id or -1, date.min), a.id)

    ordered = sorted(actions, key=order)
    widths = [24 * mm, 24 * mm, 0.0, 22 * mm, 26 * mm]
    widths[2] = c.width() - sum(widths)
    rows: list[list[Cell]] = [[c.head(h) for h in (T.AGREED_ON, T.OWNER, T.ACTION, T.DUE, T.STATE)]]
    states, extra = state_cells(c, ordered, 4)
    for action, state in zip(ordered, states, strict=True):
        day = agreed.get(action.meeting_id or -1)
        rows.append(
            [
                format_date_short(day, c.lang) if day else c.t(T.NONE_DASH),
                c.t(OWNER_NAMES[action.owner]),
                c.fit(action.text, widths[2]),
                due(c, action),
                state,
            ]
        )
    story.append(table(rows, widths, extra=extra))
    return story


def _topics_section(c: Ctx, meetings: Sequence[Meeting]) -> list[Flowable]:
    # A section heading never ends a page: the page breaks before it instead.
    story: list[Flowable] = c.section(T.TOPICS_BY_THEME, space=40 * mm)
    widths = [24 * mm, 0.0, 24 * mm]
    widths[1] = c.width() - sum(widths)
    any_topic = False
    for theme in Theme:
        rows: list[list[Cell]] = [[c.head(T.DATE), c.head(T.TOPIC), c.head(T.STATE)]]
        for m in meetings:
            for topic in sorted(m.topics, key=lambda t: t.position):
                if topic.theme is theme:
                    rows.append(
                        [
                            format_date_short(c.day(m), c.lang),
                            c.fit(topic.text, widths[1]),
                            c.t(TOPIC_STATE_NAMES[topic.state]),
                        ]
                    )
        if len(rows) > 1:
            # The theme is the table's first row, repeated with the header on every page.
            name = c.t(THEME_NAMES[theme])
            story += [CondPageBreak(25 * mm), layout.anchor(name, 1)]
            any_topic = True
            story.append(table(rows, widths, caption=name))
    if not any_topic:
        story.append(c.fixed(T.NO_THEMES, "small"))
    return story


def _notes_section(c: Ctx, meetings: Sequence[Meeting]) -> list[Flowable]:
    show_private = c.options.show_private
    title = T.NOTES_ALL_IN_ORDER if show_private else T.NOTES_IN_ORDER
    story: list[Flowable] = c.section(title, space=40 * mm)
    written = 0
    for m in meetings:
        shared = m.shared_notes.strip()
        private = m.private_notes.strip() if show_private else ""
        if not shared and not private:
            continue
        written += 1
        heading = format_datetime(c.local(m), c.lang)
        if m.purpose.strip():
            heading_markup = plain(heading, c.lang) + "　" + plain(m.purpose, c.lang)
            heading_source = heading + m.purpose
        else:
            heading_markup, heading_source = plain(heading, c.lang), heading
        # "notehead" does not keep with the next flowable: the CondPageBreak above already keeps
        # it with the start of its notes, and keepWithNext would re-wrap long notes each time.
        head = para(heading_markup, "notehead", source=heading_source)
        block: list[Flowable] = [layout.outlined(head, _plain_title(c, m), 1)]
        if shared:
            block.append(c.text(m.shared_notes, "note"))
        if private:
            block.append(c.fixed(T.PRIVATE_NOTES, "h3"))
            block.append(c.text(m.private_notes, "private"))
        # Keep a heading with the start of its notes; long notes still flow over pages.
        if written > 1:
            story.append(CondPageBreak(25 * mm))
        story += block
    if not written:
        story.append(c.fixed(T.NO_SHARED_NOTES, "small"))
    return story


def _plain_title(c: Ctx, m: Meeting) -> str:
    """A meeting's outline entry: its date and purpose."""
    day = format_date(c.day(m), c.lang)
    return f"{day} {m.purpose.strip()}".strip()


# -- rendering ---------------------------------------------------------------------------------


def _render(
    story: list[Flowable],
    options: ExportOptions,
    decor: PageDecor,
    title: str,
    progress: Progress | None,
    *,
    cancel: Cancel | None = None,
) -> bytes:
    buffer = io.BytesIO()
    template = layout.OutlineDocTemplate(
        buffer,
        pagesize=layout.page_size(options.paper),
        leftMargin=layout.MARGIN_X,
        rightMargin=layout.MARGIN_X,
        topMargin=layout.MARGIN_TOP,
        bottomMargin=layout.MARGIN_BOTTOM,
        title=title,
        author="",
        subject="",
        creator="Taiwa",
        producer="Taiwa",
        lang="ja-JP" if options.lang == "ja" else "en",
        invariant=0,
    )
    if progress is not None or cancel is not None:
        total = [max(1, len(story))]
        last = [-1]

        def on_progress(kind: str, value: int) -> None:
            # reportlab calls this after every flowable and at every new page: the place to
            # stop a cancelled export (the exception leaves build() and nothing is written).
            check(cancel)
            if progress is None:
                return
            if kind == "SIZE_EST":
                total[0] = max(1, int(value))
            elif kind == "PROGRESS":
                done = min(int(value), total[0])
                # At most one report per percent: a GUI thread flooded with hundreds of
                # queued progress signals gains nothing and slows down.
                percent = done * 100 // total[0]
                if percent != last[0]:
                    last[0] = percent
                    progress(done, total[0])

        template.setProgressCallBack(on_progress)
    canvas_class = layout.make_canvas_class(decor, tr(T.PAGE, options.lang))
    template.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _decor(c: Ctx, left: str, right: str, person: str) -> PageDecor:
    mark = audience_mark(c, person)
    return PageDecor(
        lang=c.lang,
        header_left=left,
        header_right=right,
        footer_left=c.t(T.GENERATED, date=format_date(c.today(), c.lang)),
        footer_right=mark,
        footer_alert=c.options.target is Audience.MANAGER,
    )


def render_meeting(
    doc: MeetingDoc,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """The meeting summary as PDF bytes (unencrypted; see :mod:`taiwa.export.writer`)."""
    c = Ctx(options)
    when = format_date(c.day(doc.meeting), c.lang)
    decor = _decor(c, f"{c.t(T.MEETING_TITLE)} — {doc.person.name}", when, doc.person.name)
    story = meeting_story(doc, options, cancel)
    return _render(story, options, decor, c.t(T.MEETING_TITLE), progress, cancel=cancel)


def render_person(
    doc: PersonDoc,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """The person summary as PDF bytes (unencrypted; see :mod:`taiwa.export.writer`).

    ``cancel`` (optional, see :mod:`taiwa.cancel`) is called for every paragraph while the
    story is built and after every flowable and page while it is laid out.
    """
    c = Ctx(options)
    start, end = _range_text(c, doc)
    title = c.t(T.SHARED_TITLE if options.target is Audience.SHARED else T.PERSON_TITLE)
    decor = _decor(c, f"{title} — {doc.person.name}", f"{start} – {end}", doc.person.name)
    story = person_story(doc, options, cancel)
    return _render(story, options, decor, title, progress, cancel=cancel)
