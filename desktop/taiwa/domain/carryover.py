"""Carry-over: each meeting opens with what is still open from the ones before it.

The cycle of a 1on1 is "review last time → next actions", so nothing open may need retyping.

Topics
    A topic that was not discussed (state ``open`` or ``carried``) in an earlier meeting is
    copied into the new meeting with state ``carried`` and ``carried_from`` pointing at the
    original. An original that already has such a copy is not carried again: the chain moves on
    one meeting at a time, and a topic left undiscussed in the copy is carried from the copy
    next time. Deleting the copy gives the original back to the next meeting.

Action items
    Action items belong to the person, not to one meeting. A meeting shows the items agreed in
    it plus every item agreed in an earlier meeting that was still open on the meeting's day
    (not done, or done on that day or later). So the next meeting lists all open items without
    copying them, and an old meeting still shows what was open when it took place.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from taiwa.domain.models import Action, Topic, TopicDraft, TopicState


def topics_to_carry(earlier: Iterable[Topic], already_carried: Collection[int]) -> list[Topic]:
    """The topics of earlier meetings that a new meeting must start with.

    Args:
        earlier: topics of the person's meetings before the new one, oldest meeting first.
        already_carried: ids of topics that already have a carried copy somewhere.

    Returns:
        The topics to copy, in the order given.
    """
    return [
        t for t in earlier if t.state is not TopicState.DISCUSSED and t.id not in already_carried
    ]


def carried_draft(topic: Topic) -> TopicDraft:
    """The copy of ``topic`` that goes into the new meeting."""
    return TopicDraft(
        theme=topic.theme, text=topic.text, raised_by=topic.raised_by, state=TopicState.CARRIED
    )


def action_shown_in(
    action: Action, *, origin: datetime | None, meeting_id: int, meeting_start: datetime
) -> bool:
    """Whether ``action`` belongs on the page of the meeting ``meeting_id``.

    Args:
        action: the action item.
        origin: the start of the meeting it was agreed in (or when it was created).
        meeting_id: the meeting being shown.
        meeting_start: that meeting's start.
    """
    if action.meeting_id == meeting_id:
        return True
    if origin is None or origin >= meeting_start:
        return False
    return action.done_on is None or action.done_on >= meeting_start.date()
