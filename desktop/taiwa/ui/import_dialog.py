"""The calendar import dialog: preview what an .ics import would do, then confirm it.

Opened by the main window from the menu and when .ics files are dropped on it
(``ImportDialog(ctx, paths, parent)``). Reading and matching the files (the plan) and writing
the import (one transaction) both run off the GUI thread through :class:`~taiwa.ui.ops.Op`,
with progress for big files.

Cancel (the button, Esc, the title bar's close) while the plan runs or before the write started
cancels the op's :class:`~taiwa.cancel.CancelToken`: the dialog shows "Cancelling…" and closes
once the worker has stopped — within a second; after :data:`CANCEL_GRACE_MS` it closes anyway,
and a second Cancel closes it at once. A write that has begun is one short transaction and
always completes (the import is then in the vault, and the dialog says so by closing as after
Import). Closing by any other path (lock, quitting the app) cancels the same way, at once.

The preview groups the 1on1 occurrences per person (adds / updates / cancellations), lists the
proposed new people with a checkbox each (only ticked ones are created), asks "who is this?"
for each series nobody known attends (a person, a new person, or ignore it — remembered per
series once imported, never by a preview), says why the preview is empty or short (counts
only: events outside the period, not 1on1s, unreadable), and lists the problems —
where they are in the file, never what the file says. When there are problems, the user agrees
to import the rest with a checkbox; without it the Import button stays disabled. In privacy mode
the preview shows counts only: no names, no meeting titles.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from taiwa.cancel import CancelToken
from taiwa.errors import TaiwaError
from taiwa.ics import service
from taiwa.ics.service import ImportPlan, ImportResult, Who
from taiwa.ui import window_size
from taiwa.ui.context import AppContext
from taiwa.ui.import_who import WhoPanel, WhyShort
from taiwa.ui.ops import Op, error_text, show_error

# Role of a proposal item: the proposed e-mail address.
EMAIL_ROLE = Qt.ItemDataRole.UserRole + 1
#: After Cancel, how long the dialog waits for the worker to stop before it closes anyway.
CANCEL_GRACE_MS = 1000


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ImportDialog(QDialog):
    """Preview, progress and confirmation of a calendar import (see the module's notes)."""

    # Emitted after the import was written, with its counts.
    imported = Signal(object)
    # Emitted when a preview (plan) is ready.
    planned = Signal(object)

    def __init__(self, ctx: AppContext, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.paths = [Path(p) for p in paths]
        self.plan: ImportPlan | None = None
        self._op: Op[Any] | None = None
        self._busy = False
        self._cancelling = False
        self._series: dict[int, list[Any]] = {}
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(CANCEL_GRACE_MS)
        self._grace.timeout.connect(self._on_cancel_grace)
        self.setWindowTitle(self.tr("Import calendar"))
        self.setModal(True)
        self._build()
        # Grows with the text zoom (its wrapped hints need the room), within the screen.
        line = self.fontMetrics().lineSpacing()
        window_size.fit_and_remember(
            self,
            QSize(max(760, 45 * line), max(560, 33 * line)),
            name="calendarImport",
            prefs=self.ctx.prefs,
        )
        # The preview shows names and titles: it goes away when the app locks.
        ctx.events.locked.connect(self._on_locked)
        self._refresh_plan()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        names = ", ".join(p.name for p in self.paths)
        self.files_label = QLabel(self.tr("Files: {names}").format(names=names))
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.files_label.setWordWrap(True)
        layout.addWidget(self.files_label)

        form = QFormLayout()
        now = datetime.now().astimezone()
        window = service.Window.around(now)
        self.from_edit = QDateEdit(_qdate(window.start.date()))
        self.to_edit = QDateEdit(_qdate(window.end.date()))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        # Row layouts get no buddy from addRow: name the field each label's Alt+letter reaches.
        period_label = QLabel(self.tr("Pe&riod:"))
        period_label.setBuddy(self.from_edit)
        form.addRow(period_label, period)
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("your e-mail address in the calendar"))
        self.owner_hint = QLabel()
        self.owner_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.owner_hint.setWordWrap(True)
        owner = QVBoxLayout()
        owner.addWidget(self.owner_edit)
        owner.addWidget(self.owner_hint)
        owner_label = QLabel(self.tr("Calendar &owner:"))
        owner_label.setBuddy(self.owner_edit)
        form.addRow(owner_label, owner)
        layout.addLayout(form)
        self.update_button = QPushButton(self.tr("&Update preview"))
        self.update_button.clicked.connect(self._on_update_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.update_button)
        layout.addLayout(row)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.privacy_hint = QLabel(
            self.tr("Privacy mode is on: names and meeting titles are hidden in this preview.")
        )
        self.privacy_hint.setWordWrap(True)
        self.privacy_hint.setVisible(self.ctx.privacy_mode)
        layout.addWidget(self.privacy_hint)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Person / date"), self.tr("Title"), self.tr("Calendar"), self.tr("Action")]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.tree, 3)

        self.why = WhyShort()
        layout.addWidget(self.why)
        self.who_box = WhoPanel()
        self.who_box.changed.connect(self._on_who_changed)
        layout.addWidget(self.who_box)

        self.problems_label = QLabel(self.tr("Problems (these events are not imported):"))
        self.problems = QListWidget()
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        self.accept_partial = QCheckBox(
            self.tr("Import the events that could be read and skip the ones with problems")
        )
        self.accept_partial.toggled.connect(self._update_buttons)
        layout.addWidget(self.accept_partial)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_problems([])
        self._update_buttons()

    # -- planning ---------------------------------------------------------------------------

    def _window(self) -> service.Window:
        zone = datetime.now().astimezone().tzinfo
        start = datetime.combine(_pydate(self.from_edit.date()), time(0), tzinfo=zone)
        end = datetime.combine(
            _pydate(self.to_edit.date()) + timedelta(days=1), time(0), tzinfo=zone
        )
        return service.Window(start, end)

    def _refresh_plan(self) -> None:
        if not self.ctx.is_unlocked:
            return
        owner = self.owner_edit.text().strip() or None
        try:
            window = self._window().check()
        except TaiwaError as exc:
            self.status.setText(exc.localized())
            return
        db = self.ctx.db
        paths = list(self.paths)
        token = CancelToken()

        def work(report: Any) -> ImportPlan:
            return service.plan_import(
                db,
                paths,
                window=window,
                owner=owner,
                now=datetime.now(UTC),
                progress=report,
                cancel=token.raise_if_cancelled,
            )

        self._set_busy(True, self.tr("Reading the calendar…"))
        self.tree.clear()
        self._op = (
            Op(self, work, token=token)
            .progress(self._on_progress)
            .success(self._on_planned)
            .failure(self._on_failed)
            .cancelled(self._on_cancelled)
            .run()
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_planned(self, plan: ImportPlan) -> None:
        if self._cancelling:
            self._close_now()  # it finished just as Cancel was pressed: the user is leaving
            return
        self.plan = plan
        self._set_busy(False, "")
        if plan.owner and not self.owner_edit.text().strip():
            self.owner_edit.setText(plan.owner)
        if plan.owner is None:
            self.owner_hint.setText(
                self.tr("Unknown: enter your address, then update the preview.")
            )
        elif plan.owner_guessed:
            self.owner_hint.setText(
                self.tr("Guessed (the address in most events). Correct it if it is not yours.")
            )
        elif plan.owner_given:
            self.owner_hint.setText(self.tr("As entered; remembered once you import."))
        else:
            self.owner_hint.setText(self.tr("Remembered from an earlier import."))
        self.who_box.fill(plan, hide=self.ctx.privacy_mode)
        self._fill_tree(plan)
        self.why.explain(plan)
        self._show_problems([p.message() for p in plan.problems])
        self._update_summary()
        self.planned.emit(plan)

    def _labels(self) -> dict[str, str]:
        return {
            service.ADD: self.tr("add"),
            service.UPDATE: self.tr("update"),
            service.CANCEL: self.tr("cancel"),
            service.SKIP: self.tr("unchanged"),
        }

    def _fill_tree(self, plan: ImportPlan) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._series.clear()
        hide = self.ctx.privacy_mode
        labels = self._labels()
        statuses = {"confirmed": self.tr("confirmed"), "cancelled": self.tr("cancelled")}
        for n, (name, items) in enumerate(plan.series(), start=1):
            first = items[0]
            heading = self.tr("Series {n}").format(n=n) if hide else name
            top = QTreeWidgetItem([heading, self._counts_text(plan, items, []), "", ""])
            if first.match.rule == "unknown":
                title = plan.unknown.get(first.occurrence.uid, "")
                top.setText(
                    0, heading if hide else self.tr("Who is this? {title}").format(title=title)
                )
            elif first.proposed:
                top.setText(
                    0,
                    heading
                    if hide
                    else self.tr("New person: {name} <{email}>").format(
                        name=plan.proposals.get(first.match.email or "", first.match.name),
                        email=first.match.email,
                    ),
                )
                top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                top.setCheckState(0, Qt.CheckState.Unchecked)
                top.setData(0, EMAIL_ROLE, first.match.email)
                top.setToolTip(0, self.tr("Tick to add this person and import their 1on1s."))
            self.tree.addTopLevelItem(top)
            self._series[id(top)] = items
            if hide:
                continue
            for item in items:
                occ = item.occurrence
                child = QTreeWidgetItem(
                    [
                        occ.start.astimezone().strftime("%Y-%m-%d %H:%M"),
                        occ.summary,
                        statuses.get(occ.status, occ.status),
                        labels[plan.kind(item, [], self.who())],
                    ]
                )
                top.addChild(child)
        self.tree.expandAll()
        self.tree.blockSignals(False)

    def _counts_text(self, plan: ImportPlan, items: list[Any], accepted: list[str]) -> str:
        who = self.who()
        kinds = [plan.kind(i, accepted, who) for i in items]
        return self.tr("{add} to add, {update} to update, {cancel} to cancel").format(
            add=kinds.count(service.ADD),
            update=kinds.count(service.UPDATE),
            cancel=kinds.count(service.CANCEL),
        )

    def _show_problems(self, messages: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(messages)
        visible = bool(messages)
        self.problems_label.setVisible(visible)
        self.problems.setVisible(visible)
        self.accept_partial.setVisible(visible)
        if not visible:
            self.accept_partial.setChecked(False)

    def accepted_people(self) -> list[str]:
        """The proposed e-mail addresses whose checkbox is ticked."""
        found: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            email = item.data(0, EMAIL_ROLE)
            if email and item.checkState(0) == Qt.CheckState.Checked:
                found.append(str(email))
        return found

    def who(self) -> dict[str, Who]:
        """The answers to "who is this?" chosen so far (skipped series are left out)."""
        return self.who_box.answers()

    def _on_who_changed(self) -> None:
        self._refresh_kinds()
        self._update_summary()

    def _refresh_kinds(self) -> None:
        """Each series' counts and each occurrence's action, for the current choices."""
        if self.plan is None:
            return
        accepted = self.accepted_people()
        who = self.who()
        labels = self._labels()
        self.tree.blockSignals(True)
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is None:
                continue
            items = self._series.get(id(top), [])
            top.setText(1, self._counts_text(self.plan, items, accepted))
            for i in range(top.childCount()):
                child = top.child(i)
                if child is not None and i < len(items):
                    child.setText(3, labels[self.plan.kind(items[i], accepted, who)])
        self.tree.blockSignals(False)

    def _update_summary(self) -> None:
        if self.plan is None:
            self.summary.setText("")
            return
        counts = self.plan.counts(self.accepted_people(), self.who())
        self.summary.setText(
            self.tr(
                "Will add {added}, update {updated}, cancel {cancelled}, leave {skipped} unchanged."
            ).format(**counts)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = plan is not None and not self._busy
        ok = ready and plan is not None and (not plan.problems or self.accept_partial.isChecked())
        self.import_button.setEnabled(bool(ok))
        self.update_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self.status.setText(text)
        self._update_buttons()

    # -- slots ------------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0 or not item.data(0, EMAIL_ROLE) or self.plan is None:
            return
        self._refresh_kinds()
        self._update_summary()

    def _on_update_clicked(self) -> None:
        if not self._busy:
            self.plan = None
            self._refresh_plan()

    def _on_failed(self, exc: BaseException) -> None:
        if self._cancelling:
            self._close_now()
            return
        self._set_busy(False, error_text(exc))
        self.plan = None
        self._update_buttons()

    def _on_cancelled(self) -> None:
        if self._cancelling:
            self._close_now()
            return
        self._set_busy(False, self.tr("Cancelled."))

    def _on_import_clicked(self) -> None:
        plan = self.plan
        if plan is None or self._busy or not self.ctx.is_unlocked:
            return
        db = self.ctx.db
        events = self.ctx.events
        accept_partial = self.accept_partial.isChecked()
        people = self.accepted_people()
        who = self.who()
        token = CancelToken()

        def work() -> ImportResult:
            # Cancelled before its transaction begins, nothing is written; once begun, it is
            # committed whole.
            return service.apply_import(
                db,
                plan,
                accept_partial=accept_partial,
                add_people=people,
                who=who,
                cancel=token.raise_if_cancelled,
            )

        def written(result: ImportResult) -> None:
            # Not tied to the dialog: pages must show an import that completed after it closed.
            events.data_changed.emit()
            if shiboken6.isValid(self):
                self._on_imported(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._on_failed(exc)
            else:
                show_error(None, exc)

        def stopped() -> None:
            if shiboken6.isValid(self):
                self._on_cancelled()

        self._set_busy(True, self.tr("Importing…"))
        self._op = (
            Op(None, work, token=token).success(written).failure(failed).cancelled(stopped).run()
        )

    def _on_imported(self, result: ImportResult) -> None:
        self._set_busy(False, "")
        self.status.setText(
            self.tr(
                "Imported: added {added}, updated {updated}, cancelled {cancelled},"
                " left {skipped} unchanged."
            ).format(
                added=result.added,
                updated=result.updated,
                cancelled=result.cancelled,
                skipped=result.skipped,
            )
        )
        self.plan = None
        self._update_buttons()
        self.imported.emit(result)
        self.accept()

    def _on_locked(self) -> None:
        self.plan = None
        self.tree.clear()
        self.problems.clear()
        # At once: nothing may hold up a lock (done() cancels what still runs).
        self.done(QDialog.DialogCode.Rejected)

    # -- cancelling and closing -------------------------------------------------------------

    def is_running(self) -> bool:
        """Whether a plan or a write has been started and has not come back yet."""
        return self._op is not None and not self._op.done

    def is_cancelling(self) -> bool:
        """Whether Cancel was pressed and the dialog waits for the worker to stop."""
        return self._cancelling

    def reject(self) -> None:
        """Cancel, Esc or the title bar's close: stop what runs first (see the module's notes)."""
        if not self.is_running():
            super().reject()
        elif self._cancelling:
            self._close_now()  # a second Cancel: do not wait for the worker
        else:
            self._cancelling = True
            assert self._op is not None
            self._op.cancel()
            self._set_busy(True, self.tr("Cancelling…"))
            self._grace.start()

    def _on_cancel_grace(self) -> None:
        if self._cancelling:
            self._close_now()  # the worker stops on its own; its result goes nowhere

    def _close_now(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        """Every way of closing ends here: whatever still runs is cancelled."""
        if self.is_running():
            assert self._op is not None
            self._op.cancel()
        self._grace.stop()
        self._cancelling = False
        super().done(result)
