"""The Qt side of translation: which language, and the installed translators.

Widgets translate with ``self.tr()`` / ``QCoreApplication.translate``; the sources are
``resources/translations/taiwa_ja.ts`` (and ``taiwa_en.ts``, whose entries are the source text),
compiled to ``.qm`` by ``scripts/update-translations`` (pyside6-lupdate + pyside6-lrelease) and
committed. Messages of the non-Qt layers are :class:`taiwa.i18n.Msg`; :func:`install` sets their
language too, so the whole app speaks one language.

``TAIWA_STRETCH_STRINGS=1`` (Vorta has the same idea) makes every translated string about 40 %
longer, to find labels and buttons that clip when a translation runs long.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from taiwa import i18n, paths

STRETCH_ENV = "TAIWA_STRETCH_STRINGS"
LANG_NAMES = {"en": "English", "ja": "日本語"}

_installed: list[QTranslator] = []


def system_language() -> str:
    """The OS's language as a supported one (``TAIWA_LANG`` overrides, for tests and scripts)."""
    env = os.environ.get("TAIWA_LANG")
    if env:
        return i18n.normalize(env)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return i18n.normalize(value)
    return i18n.normalize(QLocale.system().name())


def effective_language(preference: str | None) -> str:
    """The language to use: the saved preference, else the OS's."""
    return i18n.normalize(preference) if preference else system_language()


class _StretchTranslator(QTranslator):
    """Wraps the real translation and lengthens it (placeholders kept at their place)."""

    def __init__(self, inner: QTranslator | None) -> None:
        super().__init__()
        self._inner = inner

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        text = ""
        if self._inner is not None:
            text = self._inner.translate(context, source, disambiguation, n) or ""
        text = text or source
        if not text:
            return text
        return text + " " + "ˍ" * max(2, len(text) * 2 // 5)


def install(lang: str) -> str:
    """Install the translators for ``lang`` ("en"/"ja") on the running application.

    Returns:
        The language installed.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    lang = i18n.normalize(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if lang == "ja" else QLocale.Country.UnitedStates,
        )
    )

    ours: QTranslator | None = None
    qm = paths.resource_path("translations", f"taiwa_{lang}.qm")
    if qm.exists():
        ours = QTranslator()
        if not ours.load(str(qm)):
            ours = None
    if lang != "en":
        # Qt's own strings (OK/Cancel, file dialogs, context menus of text fields).
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if os.environ.get(STRETCH_ENV) == "1":
        stretch = _StretchTranslator(ours)
        app.installTranslator(stretch)
        _installed.append(stretch)
    elif ours is not None:
        app.installTranslator(ours)
        _installed.append(ours)
    return lang


def translators() -> list[QTranslator]:
    """The installed translators (tests)."""
    return list(_installed)
