"""The look: the bundled Japanese-capable font and one calm stylesheet.

The font (IPAex Gothic, ``resources/fonts/ipaexg.ttf``, licence beside it) is registered with
Qt at start-up and made the application font, so Japanese and English render the same on every
machine — and the PDF export uses the very same file.

Object names the stylesheet knows (pages set them with ``setObjectName``):

- ``pageTitle`` (QLabel): the big title of a page; ``sectionTitle``: a section header;
  ``muted``: secondary text; ``hint``: small explanatory text.
- ``card`` (QFrame): a white rounded panel on the page background.
- ``privateNotes`` (QPlainTextEdit / QFrame): the private notes, visibly distinct (warm tint).
- ``banner`` / ``errorBanner`` (QLabel or QFrame): inline information / error strip.
- ``primary`` (QPushButton): the one main action of a screen.
- ``sidebar`` (QListWidget): the left navigation.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from taiwa import paths

log = logging.getLogger(__name__)

FONT_FILE = ("fonts", "ipaexg.ttf")
FALLBACK_FAMILY = "IPAexGothic"
BASE_POINT_SIZE = 10

# A quiet palette: warm paper background, ink text, one muted blue accent, amber for private.
COLORS = {
    "window": "#F6F5F2",
    "surface": "#FFFFFF",
    "sidebar": "#ECEAE5",
    "border": "#DEDBD4",
    "text": "#23272E",
    "muted": "#6B6F76",
    "accent": "#2F6B8A",
    "accent_soft": "#DCE9F0",
    "private": "#FFF6E0",
    "private_border": "#E2B64F",
    "danger": "#B4453A",
    "danger_soft": "#F8E3E0",
    "ok": "#3C7D5A",
}

_family: str | None = None


def register_font() -> str:
    """Register the bundled font once and return its family name."""
    global _family  # noqa: PLW0603 - registered once per process
    if _family is not None:
        return _family
    path = paths.resource_path(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled font could not be loaded")
        _family = FALLBACK_FAMILY
    else:
        _family = families[0]
    return _family


def stylesheet() -> str:
    c = COLORS
    return f"""
QMainWindow, QDialog {{ background: {c["window"]}; }}
QWidget {{ color: {c["text"]}; }}
QToolTip {{ background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]};
    padding: 4px; }}
QToolBar {{ background: {c["window"]}; border: none; border-bottom: 1px solid {c["border"]};
    padding: 4px 8px; spacing: 6px; }}
QToolBar QToolButton {{ padding: 4px 8px; border-radius: 6px; }}
QToolBar QToolButton:hover {{ background: {c["accent_soft"]}; }}
QToolBar QToolButton:checked {{ background: {c["accent"]}; color: white; }}
QMenuBar {{ background: {c["window"]}; }}
QMenu {{ background: {c["surface"]}; border: 1px solid {c["border"]}; padding: 4px; }}
QMenu::item {{ padding: 5px 22px 5px 18px; border-radius: 4px; }}
QMenu::item:selected {{ background: {c["accent_soft"]}; color: {c["text"]}; }}
QStatusBar {{ color: {c["muted"]}; }}
QListWidget#sidebar {{ background: transparent; border: none; outline: none; }}
QListWidget#sidebar::item {{ padding: 0 12px; border-radius: 6px; margin: 1px 0; }}
QListWidget#sidebar::item:selected {{ background: {c["surface"]}; color: {c["accent"]};
    font-weight: bold; }}
QListWidget#sidebar::item:hover:!selected {{ background: #E3E0D9; }}
QLabel#pageTitle {{ font-size: 18pt; font-weight: bold; }}
QLabel#dialogTitle {{ font-size: 15pt; font-weight: bold; }}
QLabel#sectionTitle {{ font-size: 11pt; font-weight: bold; color: {c["text"]}; }}
QLabel#muted, QLabel#hint {{ color: {c["muted"]}; }}
QFrame#card {{ background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 10px; }}
QFrame#lockCard {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: 14px; }}
QPlainTextEdit#privateNotes {{ background: {c["private"]}; border: 1px solid {c["private_border"]};
    border-radius: 6px; }}
QFrame#privateNotes {{ background: {c["private"]}; border: 1px solid {c["private_border"]};
    border-radius: 8px; }}
QLabel#banner, QFrame#banner {{ background: {c["accent_soft"]}; border-radius: 6px; padding: 8px 12px; }}
QLabel#errorBanner, QFrame#errorBanner {{ background: {c["danger_soft"]}; color: {c["danger"]};
    border-radius: 6px; padding: 8px 12px; }}
QLabel#recoveryCode {{ font-family: "DejaVu Sans Mono", monospace; font-size: 13pt;
    background: {c["surface"]}; border: 1px dashed {c["accent"]}; border-radius: 8px;
    padding: 12px; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    padding: 4px 6px; selection-background-color: {c["accent"]}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 1px solid {c["accent"]}; }}
QPushButton {{ background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    padding: 6px 14px; }}
QPushButton:hover {{ border-color: {c["accent"]}; }}
QPushButton:focus {{ border-color: {c["accent"]}; }}
QPushButton:disabled {{ color: {c["muted"]}; }}
QPushButton#primary {{ background: {c["accent"]}; color: white; border: 1px solid {c["accent"]};
    font-weight: bold; }}
QPushButton#primary:disabled {{ background: #9DB6C4; border-color: #9DB6C4; }}
QTabWidget::pane {{ border: 1px solid {c["border"]}; border-radius: 6px; background: {c["surface"]}; }}
QTabBar::tab {{ padding: 6px 14px; }}
QTabBar::tab:selected {{ color: {c["accent"]}; font-weight: bold; }}
QHeaderView::section {{ background: {c["window"]}; border: none;
    border-bottom: 1px solid {c["border"]}; padding: 5px 8px; color: {c["muted"]}; }}
QTableView, QTreeView, QListView {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: 6px; selection-background-color: {c["accent_soft"]};
    selection-color: {c["text"]}; alternate-background-color: #FAF9F7; }}
QTableView::item {{ padding-left: 8px; padding-right: 8px; }}
QScrollArea {{ border: none; background: transparent; }}
QProgressBar {{ border: 1px solid {c["border"]}; border-radius: 5px; background: {c["surface"]};
    text-align: center; height: 12px; }}
QProgressBar::chunk {{ background: {c["accent"]}; border-radius: 4px; }}
"""


def apply(app: QApplication) -> None:
    """Install the bundled font, a palette and the stylesheet on ``app``."""
    family = register_font()
    font = QFont(family)
    font.setPointSize(BASE_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(COLORS["window"]))
    palette.setColor(QPalette.ColorRole.Base, QColor(COLORS["surface"]))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#FAF9F7"))
    palette.setColor(QPalette.ColorRole.Text, QColor(COLORS["text"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(COLORS["text"]))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(COLORS["text"]))
    palette.setColor(QPalette.ColorRole.Button, QColor(COLORS["surface"]))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(COLORS["accent"]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(COLORS["muted"]))
    palette.setColor(QPalette.ColorRole.Link, QColor(COLORS["accent"]))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet())
