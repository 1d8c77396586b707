"""Settings: language, auto-lock, cadence, question banks, calendar matching, keys and backups.

Two kinds of setting, kept apart on purpose:

- preferences of this laptop that are not personal data (language, auto-lock minutes) go to
  :class:`taiwa.prefs.Prefs` (a JSON file in the config folder);
- choices that are personal data (calendar keywords, the calendar owner's e-mail, the default
  cadence) and the question banks live in the encrypted vault (``store.settings``,
  ``store.questions``).

Every vault read/write runs through :class:`~taiwa.ui.ops.Op`. Changes apply on OK; the
question banks are edited in place (each edit is saved at once).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.models import DEFAULT_CADENCE_DAYS, Theme
from taiwa.prefs import MAX_AUTO_LOCK_MINUTES
from taiwa.ui import i18n as ui_i18n
from taiwa.ui import window_size
from taiwa.ui.context import AppContext
from taiwa.ui.ops import Op, error_text
from taiwa.ui.recovery_sheet import friendly_keyring_name
from taiwa.ui.window_size import scrolling

# Vault setting keys shared with the calendar import (taiwa.ics.service) and the log (store).
CALENDAR_OWNER = "calendar.owner"
CALENDAR_KEYWORDS = "calendar.keywords"
CALENDAR_EXCLUDE = "calendar.exclude"
DEFAULT_CADENCE = "log.default_cadence_days"


def _lines(text: str) -> list[str]:
    seen: list[str] = []
    for line in text.splitlines():
        item = line.strip()
        if item and item not in seen:
            seen.append(item)
    return seen


class SettingsDialog(QDialog):
    """The settings, in tabs; emits what the main window must apply live."""

    language_changed = Signal()
    auto_lock_changed = Signal(int)
    #: The reminder or tray settings changed: the tray applies them at once.
    tray_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(640, 540)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        # Each tab scrolls: at a large text zoom its texts need more room than a laptop has.
        self.tabs.addTab(scrolling(self._build_general()), self.tr("General"))
        self.tabs.addTab(self._build_questions(), self.tr("Question banks"))
        self.tabs.addTab(scrolling(self._build_calendar()), self.tr("Calendar"))
        self.tabs.addTab(scrolling(self._build_security()), self.tr("Keys and backups"))
        lay.addWidget(self.tabs)
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay.addWidget(buttons)
        self._load_vault_settings()
        # As large as the tabs want at the current text zoom, within the screen, or as the
        # user last left it on a screen of this size.
        window_size.fit_and_remember(self, self.sizeHint(), name="settings", prefs=ctx.prefs)

    # -- general -----------------------------------------------------------------------------

    def _build_general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(12)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        system = ui_i18n.LANG_NAMES[ui_i18n.system_language()]
        self.language.addItem(
            self.tr("Follow the system ({language})").format(language=system), None
        )
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        index = self.language.findData(self.ctx.prefs.language)
        self.language.setCurrentIndex(max(0, index))
        form.addRow(self.tr("&Language:"), self.language)

        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("autoLockMinutes")
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(self.ctx.prefs.auto_lock_minutes)
        form.addRow(self.tr("Loc&k after inactivity:"), self.auto_lock)
        hint = QLabel(
            self.tr(
                "Taiwa also locks when the screen locks or the computer sleeps, and with Ctrl+L."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setMinimumWidth(360)
        form.addRow("", hint)

        self.cadence = QSpinBox()
        self.cadence.setObjectName("defaultCadence")
        self.cadence.setRange(1, 365)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(DEFAULT_CADENCE_DAYS)
        form.addRow(self.tr("Default 1on1 &cadence:"), self.cadence)
        cadence_hint = QLabel(
            self.tr("How often you meet a new person unless you set another cadence for them.")
        )
        cadence_hint.setObjectName("hint")
        cadence_hint.setWordWrap(True)
        cadence_hint.setMinimumWidth(360)
        form.addRow("", cadence_hint)

        self.retention = QSpinBox()
        self.retention.setObjectName("retentionYears")
        self.retention.setRange(0, 100)
        #: Retention rule switched off (the spin box at 0).
        self.retention.setSpecialValueText(self.tr("Never"))
        self.retention.setSuffix(self.tr(" years after archiving"))
        self.retention.setValue(0)
        form.addRow(self.tr("&Erase archived people:"), self.retention)
        retention_hint = QLabel(
            self.tr(
                "Applied each time the vault is unlocked, so that nothing is kept longer than"
                " needed. Earlier backups still hold what it erases."
            )
        )
        retention_hint.setObjectName("hint")
        retention_hint.setWordWrap(True)
        retention_hint.setMinimumWidth(360)
        form.addRow("", retention_hint)
        self._build_reminders(form)
        return page

    def _build_reminders(self, form: QFormLayout) -> None:
        """1on1 reminders and the tray. The lead time and names are vault settings (shared with
        ``taiwa reminders --lead/--names``); the tray and login choices are this laptop's."""
        from taiwa.prep import reminders
        from taiwa.ui import autostart

        self.reminder_lead = QSpinBox()
        self.reminder_lead.setObjectName("reminderLead")
        self.reminder_lead.setRange(0, 24 * 60)
        self.reminder_lead.setSuffix(self.tr(" min"))
        self.reminder_lead.setValue(reminders.DEFAULT_LEAD_MINUTES)
        form.addRow(self.tr("&Remind me before a 1on1:"), self.reminder_lead)
        self.reminder_names = QCheckBox(self.tr("Show &names in notifications"))
        self.reminder_names.setObjectName("reminderNames")
        form.addRow("", self.reminder_names)
        self.keep_in_tray = QCheckBox(
            self.tr("Keep running in the &tray when the window is closed")
        )
        self.keep_in_tray.setObjectName("keepInTray")
        self.keep_in_tray.setChecked(self.ctx.prefs.keep_in_tray)
        form.addRow("", self.keep_in_tray)
        self.start_at_login = QCheckBox(self.tr("Start at lo&gin"))
        self.start_at_login.setObjectName("startAtLogin")
        self.start_at_login.setChecked(autostart.is_enabled())
        form.addRow("", self.start_at_login)
        if autostart.supported():
            text = self.tr(
                "Notifications never show note text, and names only when allowed above (never"
                " in privacy mode). Nothing of Taiwa runs while it is closed unless it starts"
                " at login."
            )
        else:
            self.start_at_login.setEnabled(False)
            text = self.tr("Starting at login is not available on this system yet.")
        tray_hint = QLabel(text)
        tray_hint.setObjectName("hint")
        tray_hint.setWordWrap(True)
        tray_hint.setMinimumWidth(360)
        form.addRow("", tray_hint)

    # -- question banks ----------------------------------------------------------------------

    def _build_questions(self) -> QWidget:
        from taiwa.ui.widgets.labels import theme_name

        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        self.q_lang = QComboBox()
        self.q_lang.addItem("日本語", "ja")
        self.q_lang.addItem("English", "en")
        self.q_lang.setCurrentIndex(
            0 if ui_i18n.effective_language(self.ctx.prefs.language) == "ja" else 1
        )
        self.q_theme = QComboBox()
        for theme in Theme:
            self.q_theme.addItem(theme_name(theme), theme.value)
        lang_label = QLabel(self.tr("&Bank:"))
        lang_label.setBuddy(self.q_lang)
        row.addWidget(lang_label)
        row.addWidget(self.q_lang)
        theme_label = QLabel(self.tr("T&heme:"))
        theme_label.setBuddy(self.q_theme)
        row.addWidget(theme_label)
        row.addWidget(self.q_theme, 1)
        lay.addLayout(row)
        self.q_list = QListWidget()
        self.q_list.setObjectName("questionList")
        self.q_list.setWordWrap(True)
        self.q_list.itemActivated.connect(lambda _item: self._on_edit_question())
        lay.addWidget(self.q_list, 1)
        buttons = QHBoxLayout()
        self.q_add = QPushButton(self.tr("&Add…"))
        self.q_edit = QPushButton(self.tr("&Edit…"))
        self.q_delete = QPushButton(self.tr("&Delete"))
        self.q_add.clicked.connect(self._on_add_question)
        self.q_edit.clicked.connect(self._on_edit_question)
        self.q_delete.clicked.connect(self._on_delete_question)
        for button in (self.q_add, self.q_edit, self.q_delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.q_lang.currentIndexChanged.connect(self._load_questions)
        self.q_theme.currentIndexChanged.connect(self._load_questions)
        self._load_questions()
        return page

    def _load_questions(self) -> None:
        store = self.ctx.store
        lang, theme = self.q_lang.currentData(), self.q_theme.currentData()
        Op(self, lambda: store.questions.list(lang, theme)).success(self._on_questions).failure(
            self._show_error
        ).run()

    def _on_questions(self, questions: list[Any]) -> None:
        self.q_list.clear()
        for question in questions:
            item = QListWidgetItem(question.text)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            self.q_list.addItem(item)
        has = self.q_list.count() > 0
        self.q_edit.setEnabled(has)
        self.q_delete.setEnabled(has)

    def _ask_text(self, title: str, text: str = "") -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Question:"))
        dialog.setTextValue(text)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
        dialog.resize(480, 200)
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.isVisible():
            return None
        value = dialog.textValue().strip()
        return value or None

    def _on_add_question(self) -> None:
        text = self._ask_text(self.tr("Add a question"))
        if text is None:
            return
        store = self.ctx.store
        lang, theme = self.q_lang.currentData(), self.q_theme.currentData()
        Op(self, lambda: store.questions.add(lang, theme, text)).success(
            lambda _q: self._load_questions()
        ).failure(self._show_error).run()

    def _on_edit_question(self) -> None:
        if self.q_list.currentRow() < 0:
            return
        item = self.q_list.currentItem()
        text = self._ask_text(self.tr("Edit the question"), item.text())
        if text is None:
            return
        store = self.ctx.store
        qid = int(item.data(Qt.ItemDataRole.UserRole))
        Op(self, lambda: store.questions.update(qid, text=text)).success(
            lambda _q: self._load_questions()
        ).failure(self._show_error).run()

    def _on_delete_question(self) -> None:
        if self.q_list.currentRow() < 0:
            return
        item = self.q_list.currentItem()
        store = self.ctx.store
        qid = int(item.data(Qt.ItemDataRole.UserRole))
        Op(self, lambda: store.questions.delete(qid)).success(
            lambda _r: self._load_questions()
        ).failure(self._show_error).run()

    # -- calendar ----------------------------------------------------------------------------

    def _build_calendar(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.owner = QLineEdit()
        self.owner.setObjectName("calendarOwner")
        self.owner.setPlaceholderText(self.tr("you@example.com"))
        form.addRow(self.tr("Your calendar e-&mail:"), self.owner)
        owner_hint = QLabel(
            self.tr("You are left out when Taiwa looks for the one other attendee of a 1on1.")
        )
        owner_hint.setObjectName("hint")
        owner_hint.setWordWrap(True)
        owner_hint.setMinimumWidth(360)
        form.addRow("", owner_hint)
        self.keywords = QPlainTextEdit()
        self.keywords.setObjectName("calendarKeywords")
        self.keywords.setTabChangesFocus(True)
        self.keywords.setMaximumHeight(120)
        form.addRow(self.tr("&Titles that mean a 1on1\n(one per line):"), self.keywords)
        self.exclude = QPlainTextEdit()
        self.exclude.setObjectName("calendarExclude")
        self.exclude.setTabChangesFocus(True)
        self.exclude.setMaximumHeight(90)
        form.addRow(self.tr("Titles that &never do\n(one per line):"), self.exclude)
        rules_hint = QLabel(
            self.tr(
                "Case and full- or half-width forms do not matter; a space also stands for '-',"
                " '_', '・' or nothing (\"one on one\" finds One-on-one). The text of an exclusion"
                ' is left out before keywords are looked for ("採用 面談" keeps 採用面談 out).'
            )
        )
        rules_hint.setObjectName("hint")
        rules_hint.setWordWrap(True)
        rules_hint.setMinimumWidth(360)
        form.addRow("", rules_hint)
        return page

    # -- security ----------------------------------------------------------------------------

    def _build_security(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(10)
        self.key_store = QLabel(self.tr("Checking…"))
        self.key_store.setObjectName("keyStore")
        self.key_store.setWordWrap(True)
        self.key_store.setTextFormat(Qt.TextFormat.PlainText)
        title = QLabel(self.tr("Where the key is kept"))
        title.setObjectName("sectionTitle")
        lay.addWidget(title)
        lay.addWidget(self.key_store)
        folder = QLabel(self.tr("Vault folder: {folder}").format(folder=str(self.ctx.vault_dir)))
        folder.setObjectName("hint")
        folder.setWordWrap(True)
        folder.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(folder)

        rec_title = QLabel(self.tr("Recovery secret"))
        rec_title.setObjectName("sectionTitle")
        lay.addWidget(rec_title)
        rec_text = QLabel(
            self.tr(
                "Replace your recovery code, for example if someone may have seen it. Backups "
                "made before keep opening with the old code."
            )
        )
        rec_text.setWordWrap(True)
        lay.addWidget(rec_text)
        rec_row = QHBoxLayout()
        self.new_code_button = QPushButton(self.tr("New recovery &code…"))
        self.new_code_button.clicked.connect(self._on_new_code)
        self.new_pass_button = QPushButton(self.tr("Use a &passphrase instead…"))
        self.new_pass_button.clicked.connect(self._on_new_passphrase)
        rec_row.addWidget(self.new_code_button)
        rec_row.addWidget(self.new_pass_button)
        rec_row.addStretch(1)
        lay.addLayout(rec_row)

        backup_title = QLabel(self.tr("Backups"))
        backup_title.setObjectName("sectionTitle")
        lay.addWidget(backup_title)
        backup_text = QLabel(
            self.tr(
                "A backup is one encrypted file that opens with your recovery code alone, also on "
                "a new computer. Keep it on another disk."
            )
        )
        backup_text.setWordWrap(True)
        lay.addWidget(backup_text)
        backup_row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up…"))
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button = QPushButton(self.tr("&Restore from backup…"))
        self.restore_button.clicked.connect(self._on_restore)
        backup_row.addWidget(self.backup_button)
        backup_row.addWidget(self.restore_button)
        backup_row.addStretch(1)
        lay.addLayout(backup_row)
        lay.addStretch(1)
        return page

    def _describe_key_store(self, info: tuple[bool, str]) -> None:
        uses_keyring, where = info
        if uses_keyring:
            self.key_store.setText(
                self.tr(
                    "In your system keyring ({where}). Taiwa opens without a password while you are logged in."
                ).format(where=where or self.tr("unknown keyring"))
            )
        else:
            self.key_store.setText(
                self.tr(
                    "Nowhere: this vault opens only with its passphrase (passphrase-only mode)."
                )
            )

    # -- loading and saving ------------------------------------------------------------------

    def _load_vault_settings(self) -> None:
        store = self.ctx.store
        db = self.ctx.db

        def work() -> dict[str, Any]:
            from taiwa.ics.service import matching_settings
            from taiwa.prep import reminders

            settings = store.settings
            # The stored lists, or the built-in 1on1 rules (resources/calendar/1on1-rules.json).
            _, keywords, exclude = matching_settings(db)
            header = getattr(db, "header", None)
            uses_keyring = bool(getattr(header, "uses_keyring", True))
            where = ""
            if uses_keyring:
                keystore = getattr(db, "keystore", None)
                try:
                    where = keystore.where() if keystore is not None else ""
                except Exception:
                    where = ""
            return {
                "owner": settings.get(CALENDAR_OWNER, "") or "",
                "keywords": keywords,
                "exclude": exclude,
                "cadence": settings.get(DEFAULT_CADENCE, DEFAULT_CADENCE_DAYS),
                "retention": store.retention.years() or 0,
                "reminders": reminders.preferences(store),
                "key_store": (uses_keyring, friendly_keyring_name(where)),
            }

        Op(self, work).success(self._on_vault_settings).failure(self._show_error).run()

    def _on_vault_settings(self, values: dict[str, Any]) -> None:
        self.owner.setText(str(values["owner"]))
        self.keywords.setPlainText("\n".join(str(k) for k in values["keywords"]))
        self.exclude.setPlainText("\n".join(str(k) for k in values["exclude"]))
        try:
            self.cadence.setValue(int(values["cadence"]))
        except (TypeError, ValueError):
            self.cadence.setValue(DEFAULT_CADENCE_DAYS)
        self.retention.setValue(int(values.get("retention") or 0))
        lead, names = values["reminders"]
        self.reminder_lead.setValue(int(lead.total_seconds() // 60))
        self.reminder_names.setChecked(bool(names))
        self._describe_key_store(values["key_store"])
        self._loaded = True

    def _show_error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.ok_button.setEnabled(True)

    def _on_ok(self) -> None:
        prefs = self.ctx.prefs
        language = self.language.currentData()
        language_changed = language != prefs.language
        minutes = self.auto_lock.value()
        minutes_changed = minutes != prefs.auto_lock_minutes
        prefs.language = language
        prefs.auto_lock_minutes = minutes
        prefs.keep_in_tray = self.keep_in_tray.isChecked()
        try:
            prefs.save()
            from taiwa.ui import autostart

            if self.start_at_login.isEnabled() and (
                self.start_at_login.isChecked() != autostart.is_enabled()
            ):
                autostart.set_enabled(self.start_at_login.isChecked())
        except OSError as exc:
            self._show_error(exc)
            return
        if not getattr(self, "_loaded", False):
            self._finish(language_changed, minutes_changed, minutes)
            return
        store = self.ctx.store
        db = self.ctx.db
        owner = self.owner.text().strip()
        keywords = _lines(self.keywords.toPlainText())
        exclude = _lines(self.exclude.toPlainText())
        cadence = self.cadence.value()
        retention = self.retention.value() or None
        lead = self.reminder_lead.value()
        names = self.reminder_names.isChecked()

        def work() -> None:
            settings = store.settings
            if owner:
                settings.set(CALENDAR_OWNER, owner)
            else:
                settings.delete(CALENDAR_OWNER)
            from taiwa.ics.service import save_keywords

            # The built-in rules are not stored, so that later versions' rules reach this vault.
            save_keywords(db, keywords, exclude)
            settings.set(DEFAULT_CADENCE, cadence)
            store.retention.set_years(retention)
            from taiwa.prep import reminders

            settings.set(reminders.LEAD_SETTING, lead)
            settings.set(reminders.NAMES_SETTING, names)

        self.ok_button.setEnabled(False)
        Op(self, work).success(
            lambda _r: self._finish(language_changed, minutes_changed, minutes)
        ).failure(self._show_error).run()

    def _finish(self, language_changed: bool, minutes_changed: bool, minutes: int) -> None:
        self.accept()
        self.tray_changed.emit()
        if minutes_changed:
            self.auto_lock_changed.emit(minutes)
        if language_changed:
            ui_i18n.install(ui_i18n.effective_language(self.ctx.prefs.language))
            self.language_changed.emit()
        self.ctx.events.data_changed.emit()

    # -- recovery and backups ----------------------------------------------------------------

    def _on_new_code(self) -> None:
        from taiwa.ui.recovery_dialog import NewRecoveryDialog

        dialog = NewRecoveryDialog(self.ctx, self, passphrase=False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_new_passphrase(self) -> None:
        from taiwa.ui.recovery_dialog import NewRecoveryDialog

        dialog = NewRecoveryDialog(self.ctx, self, passphrase=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_backup(self) -> None:
        from taiwa.ui.backup import start_backup

        start_backup(self.ctx, self.parentWidget() or self)

    def _on_restore(self) -> None:
        from taiwa.ui.backup import start_restore

        window = self.parentWidget() or self
        self.reject()
        start_restore(self.ctx, window)
