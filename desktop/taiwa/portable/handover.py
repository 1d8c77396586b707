"""Hand-over: one person's shared history for their next manager, as Markdown or PDF (no Qt).

What the next manager may read is what the report heard: the meetings' dates, purposes,
topics, shared notes and agreed actions, and the person's career goals. Never private notes,
mood or signals — the Markdown is built from records read without them
(:meth:`taiwa.store.transfer.Transfer.read` with ``include_private=False``), and the PDF is the
export service's person summary for the hand-over audience, which leaves out all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from taiwa.atomic import write_atomic
from taiwa.cancel import Cancel
from taiwa.i18n import Lang, Msg
from taiwa.portable.markdown import local_start
from taiwa.portable.problems import PortableError
from taiwa.store.transfer import Bundle, Transfer
from taiwa.vault.database import Database

if TYPE_CHECKING:
    from taiwa.store import Store

EXISTS = Msg(
    "{path} already exists; choose another name or use --force.",
    "{path} は既にあります。別の名前にするか --force を指定してください。",
)
CANNOT_WRITE = Msg(
    "The hand-over could not be written ({reason}); nothing was left behind.",
    "引き継ぎ資料を書き出せませんでした（{reason}）。書きかけのファイルは残していません。",
)

_TITLES: dict[str, tuple[str, ...]] = {
    # title, profile, role, team, started, career goals, meetings, purpose, topics, notes,
    # actions, open actions, done actions, none, footer
    "en": (
        "Hand-over: {name}",
        "Profile",
        "Role",
        "Team",
        "Started",
        "Career goals",
        "Meetings",
        "Purpose",
        "Topics",
        "Notes",
        "Action items",
        "Open",
        "Done",
        "(none)",
        "The shared history of the 1on1s: no private notes, mood or signals.",
    ),
    "ja": (
        "引き継ぎ：{name}",
        "プロフィール",
        "役割",
        "チーム",
        "開始日",
        "キャリアの目標",
        "ミーティング",
        "目的",
        "話題",
        "メモ",
        "アクションアイテム",
        "未完了",
        "完了",
        "（なし）",
        "1on1 で共有した記録です。非公開メモ・気分・シグナルは含みません。",
    ),
}


def markdown(bundle: Bundle, lang: Lang = "en") -> str:
    """The hand-over of the (single) person in ``bundle`` as Markdown."""
    if bundle.include_private:
        raise ValueError("a hand-over is built from records read without private parts")
    (title, profile, role, team, started, goals, meetings_h, purpose, topics_h, notes_h,
     actions_h, open_h, done_h, none, footer) = _TITLES["ja" if lang == "ja" else "en"]  # fmt: skip
    person = bundle.people[0]
    lines = [f"# {title.format(name=person.name)}", "", f"_{footer}_", "", f"## {profile}", ""]
    for label, value in (
        (role, person.role),
        (team, person.team),
        (started, person.started_on.isoformat() if person.started_on else ""),
    ):
        lines.append(f"- {label}: {value or none}")
    if person.career_goals.strip():
        lines += ["", f"### {goals}", "", person.career_goals.rstrip()]
    lines += ["", f"## {meetings_h}"]
    for m in sorted(bundle.meetings, key=lambda m: m.starts_at):
        lines += ["", f"### {local_start(m):%Y-%m-%d %H:%M} ({m.status.value})"]
        if m.purpose.strip():
            lines += ["", f"**{purpose}:** {' '.join(m.purpose.split())}"]
        if m.topics:
            lines += ["", f"**{topics_h}:**", ""]
            lines += [f"- [{t.theme.value}] {' '.join(t.text.split())}" for t in m.topics]
        if m.shared_notes.strip():
            lines += ["", f"**{notes_h}:**", "", m.shared_notes.rstrip()]
    if not bundle.meetings:
        lines += ["", none]
    lines += ["", f"## {actions_h}"]
    for heading, done in ((open_h, False), (done_h, True)):
        items = [a for a in bundle.actions if (a.done_on is not None) is done]
        lines += ["", f"### {heading}", ""]
        for a in items:
            due = f" — {a.due_on.isoformat()}" if a.due_on else ""
            lines.append(
                f"- [{'x' if done else ' '}] ({a.owner.value}) {' '.join(a.text.split())}{due}"
            )
        if not items:
            lines.append(none)
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(
    db: Database, person_id: int, path: Path, *, lang: Lang = "en", overwrite: bool = False
) -> Path:
    """Write the person's hand-over as Markdown (atomically, 0600).

    Raises:
        PortableError: the file exists (without ``overwrite``) or cannot be written.
    """
    bundle = Transfer(db).read(person_id, include_private=False)
    text = markdown(bundle, lang)
    try:
        return write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    except FileExistsError:
        raise PortableError(EXISTS, path=str(path)) from None
    except OSError as exc:
        raise PortableError(CANNOT_WRITE, reason=exc.strerror or type(exc).__name__) from None


def write_pdf(
    store: Store,
    person_id: int,
    path: Path,
    *,
    lang: Lang = "en",
    overwrite: bool = False,
    cancel: Cancel | None = None,
) -> Path:
    """Write the person's hand-over as a PDF through the export service (atomically, 0600).

    The service's hand-over audience leaves out private notes, mood and signals, whatever else
    is asked, and marks every page "Hand-over to the next manager"
    (:class:`taiwa.export.model.Audience`).

    Raises:
        InputError: a bad target (not .pdf, missing folder) or it exists without ``overwrite``.
        ExportWriteError: the file could not be written (nothing is left behind).
    """
    # Imported here: reportlab is heavy, and the Markdown hand-over does not need it.
    from taiwa.export import service, writer
    from taiwa.export.model import Audience, DocKind, ExportOptions

    target = writer.check_target(path, overwrite=overwrite)
    options = ExportOptions(
        lang=lang,
        include_private=False,
        audience=Audience.HANDOVER,
        paper=service.default_paper(store),
    )
    request = service.ExportRequest(DocKind.PERSON, person_id, options)
    return service.export(store, request, target, overwrite=overwrite, cancel=cancel).path
