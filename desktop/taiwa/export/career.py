"""The career-discussion sheet: the first page of a person summary.

One page to talk over in a 評価面談 / career discussion: the period, 1on1s held against
planned, the balance of short-, mid- and long-term themes, the career goals, the agreed
actions with their state, and a sign-off block for the interviewer (面談者) and the employee
(本人). Everything on it is also in the detailed sections that follow, so it leaves out
nothing that the audience may not see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from taiwa.domain.models import Action, Meeting, Theme
from taiwa.export import layout
from taiwa.export.charts import THEME_COLORS
from taiwa.export.model import PersonDoc
from taiwa.export.parts import CELL_PAD, Cell, Ctx, due, kv_table, state_cells, table
from taiwa.export.texts import OWNER_NAMES, THEME_NAMES, T, format_percent
from taiwa.i18n import Msg

#: The themes whose balance the sheet shows, short term to long term.
TERMS = (Theme.WORK, Theme.GROWTH, Theme.CAREER)
OPEN_ROWS = 6


def career_sheet(
    c: Ctx, doc: PersonDoc, meetings: Sequence[Meeting], start: str, end: str
) -> list[Flowable]:
    """The sheet's flowables (the caller starts the next section on a new page)."""
    counts: Counter[Theme] = Counter(t.theme for m in meetings for t in m.topics)
    actions = doc.all_actions()
    pairs: list[tuple[Msg, str | list[Flowable]]] = [
        (T.PERIOD, c.t(T.PERIOD_RANGE, start=start, end=end))
    ]
    figures = doc.execution
    if figures is not None and figures.rate is not None:
        rate = format_percent(figures.rate)
        pairs.append(
            (T.HELD, c.t(T.HELD_VALUE, held=figures.held, planned=figures.planned, rate=rate))
        )
    balance: list[Flowable] = [c.cell(_balance_text(c, counts))]
    if sum(counts[t] for t in TERMS):
        balance.append(_balance_bar(c, counts))
    pairs.append((T.BALANCE, balance))
    pairs.append((T.CAREER_GOALS, doc.person.career_goals.strip() or c.t(T.NONE_DASH)))
    pairs.append((T.ALL_ACTIONS, _states_text(c, actions)))
    story: list[Flowable] = [c.h(T.SHEET), kv_table(c, pairs)]
    still_open = [a for a in actions if a.done_on is None]
    if still_open:
        story.append(c.h(T.OPEN_ACTIONS, "h2"))
        story.append(_open_table(c, still_open[:OPEN_ROWS]))
        if len(still_open) > OPEN_ROWS:
            story.append(c.fixed(T.MORE_ACTIONS, "small", count=len(still_open) - OPEN_ROWS))
    story += [c.h(T.SIGN_OFF, "h2"), _sign_off(c, doc.person.name)]
    return story


def _balance_text(c: Ctx, counts: Counter[Theme]) -> str:
    total = sum(counts[t] for t in TERMS)
    if not total:
        return c.t(T.BALANCE_NONE)
    sep = "・" if c.lang == "ja" else " · "
    return sep.join(
        c.t(
            T.BALANCE_ITEM,
            theme=c.t(THEME_NAMES[t]),
            count=counts[t],
            share=format_percent(counts[t] / total),
        )
        for t in TERMS
    )


def _balance_bar(c: Ctx, counts: Counter[Theme]) -> Drawing:
    """The three shares as one stacked bar, in the charts' colours (read with the text)."""
    span = c.width() - 38 * mm - 2 * CELL_PAD  # the value column of the table
    total = sum(counts[t] for t in TERMS)
    drawing = Drawing(span, 5 * mm)
    x = 0.0
    for theme in TERMS:
        w = span * counts[theme] / total
        if w > 0:
            drawing.add(
                Rect(x, 1 * mm, w, 3 * mm, fillColor=THEME_COLORS[theme], strokeColor=colors.white)
            )
        x += w
    return drawing


def _states_text(c: Ctx, actions: Sequence[Action]) -> str:
    today = c.today()
    done = sum(1 for a in actions if a.done_on is not None)
    overdue = sum(1 for a in actions if a.is_overdue(today))
    return c.t(T.ACTION_STATES, done=done, open=len(actions) - done - overdue, overdue=overdue)


def _open_table(c: Ctx, actions: Sequence[Action]) -> Table:
    widths = [26 * mm, 0.0, 24 * mm, 24 * mm]
    widths[1] = c.width() - sum(widths)
    rows: list[list[Cell]] = [[c.head(h) for h in (T.OWNER, T.ACTION, T.DUE, T.STATE)]]
    states, extra = state_cells(c, actions, 3)
    for action, state in zip(actions, states, strict=True):
        rows.append(
            [c.t(OWNER_NAMES[action.owner]), c.fit(action.text, widths[1]), due(c, action), state]
        )
    return table(rows, widths, extra=extra)


def _sign_off(c: Ctx, person: str) -> Table:
    """面談者 / 本人 columns with rows for the name, a signature and the date, to fill in."""
    label = 30 * mm
    half = (c.width() - label) / 2
    blank = c.t(T.DATE_BLANK)
    rows: list[list[Cell]] = [
        ["", c.head(T.INTERVIEWER), c.head(T.EMPLOYEE)],
        [c.head(T.NAME), "", c.cell(person)],
        [c.head(T.SIGNATURE), "", ""],
        [c.head(T.SIGNED_ON), blank, blank],
    ]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, layout.RULE),
        ("TEXTCOLOR", (0, 1), (0, -1), layout.ACCENT),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]
    # The signature row is tall enough to sign in.
    heights = [None, 9 * mm, 16 * mm, 9 * mm]
    return table(rows, [label, half, half], zebra=False, extra=style, row_heights=heights)
