"""The look: the bundled Japanese-capable font, the OS colour scheme, text zoom, one stylesheet.

The font (IPAex Gothic, ``resources/fonts/ipaexg.ttf``, licence beside it) is registered with
Qt at start-up and made the application font, so Japanese and English render the same on every
machine — and the PDF export uses the very same file. Its *size* is the desktop's (a user who
asked the OS for 14 pt gets 14 pt), times the text zoom (View ▸ Zoom, Ctrl+= / Ctrl+- / Ctrl+0).

Secondary text is drawn in an opaque muted colour: a style sheet's ``color`` otherwise makes
Qt derive the placeholder colour (which MutedLabel and empty fields use) at 50 % alpha — about
2:1. Colours follow the OS: light or dark (``QStyleHints.colorScheme``) and high contrast
(``QAccessibilityHints.contrastPreference``), re-applied when either changes. Every text colour
drawn on a background is listed in :data:`TEXT_PAIRS`, and a test holds each pair to WCAG's
4.5:1 in every scheme — add a pair there when a rule below draws text on a new background.

Object names the stylesheet knows (pages set them with ``setObjectName``):

- ``pageTitle`` (QLabel): the big title of a page; ``sectionTitle``: a section header;
  ``muted``: secondary text; ``hint``: small explanatory text.
- ``card`` (QFrame): a raised rounded panel on the page background.
- ``privateNotes`` (QPlainTextEdit / QFrame): the private notes, visibly distinct (warm tint).
- ``banner`` / ``errorBanner`` (QLabel or QFrame): inline information / error strip.
- ``primary`` (QPushButton): the one main action of a screen.
- ``sidebar`` (QListWidget), ``sidebarPanel`` (QFrame), ``brand`` (QLabel): the left navigation.
- ``privacyBanner`` (QLabel): the strip shown while privacy mode is on.
- ``segment`` (QToolButton): one checkable button of a row of choices (mood, expectation).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from taiwa import paths

log = logging.getLogger(__name__)

FONT_FILE = ("fonts", "ipaexg.ttf")
FALLBACK_FAMILY = "IPAexGothic"
# Used only when the platform reports no font size at all.
BASE_POINT_SIZE = 10
# The text zoom in percent: the View menu's steps, and the bounds a saved value is clamped to.
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
DEFAULT_ZOOM = 100

# A quiet palette: warm paper background, ink text, one muted blue accent, amber for private.
# "accent" is the accent used as text or a line; "accent_fill" is the accent as a background
# under "on_accent" text (in the dark scheme the two differ: light text needs a dark fill).
LIGHT = {
    "window": "#F6F5F2",
    "surface": "#FFFFFF",
    "alternate": "#FAF9F7",
    "sidebar": "#ECEAE5",
    "sidebar_hover": "#E3E0D9",
    "border": "#DEDBD4",
    "text": "#23272E",
    "muted": "#5C6067",
    "accent": "#2F6B8A",
    "accent_fill": "#2F6B8A",
    "on_accent": "#FFFFFF",
    "accent_soft": "#DCE9F0",
    "disabled_fill": "#E4E2DD",
    "private": "#FFF6E0",
    "private_border": "#E2B64F",
    "private_text": "#8A5A00",
    "danger": "#A63A30",
    "danger_soft": "#F8E3E0",
    "ok": "#2F6E4C",
    "highlight_bg": "#FFE58F",
    "highlight_fg": "#1F1F1F",
}
DARK = {
    "window": "#1E2024",
    "surface": "#26292E",
    "alternate": "#2B2E33",
    "sidebar": "#191B1F",
    "sidebar_hover": "#2A2D33",
    "border": "#3A3E45",
    "text": "#E6E4DF",
    "muted": "#A9ADB4",
    "accent": "#8CC4E0",
    "accent_fill": "#2F6B8A",
    "on_accent": "#FFFFFF",
    "accent_soft": "#2A3F4C",
    "disabled_fill": "#30343A",
    "private": "#3A3322",
    "private_border": "#B7791F",
    "private_text": "#E8BE62",
    "danger": "#F08C80",
    "danger_soft": "#4A2623",
    "ok": "#7CC49A",
    "highlight_bg": "#6B5A12",
    "highlight_fg": "#FFFFFF",
}
# High contrast: the same layout with black/white ink and no mid greys for text.
LIGHT_HC = {
    **LIGHT,
    "window": "#FFFFFF",
    "alternate": "#F4F4F4",
    "sidebar": "#FFFFFF",
    "sidebar_hover": "#E8E8E8",
    "border": "#000000",
    "text": "#000000",
    "muted": "#303030",
    "accent": "#00466B",
    "accent_fill": "#00466B",
    "accent_soft": "#CFE3F0",
    "danger": "#8A1C12",
    "private_border": "#7A5000",
    "highlight_bg": "#FFE000",
    "highlight_fg": "#000000",
}
DARK_HC = {
    **DARK,
    "window": "#000000",
    "surface": "#0A0A0A",
    "alternate": "#161616",
    "sidebar": "#000000",
    "sidebar_hover": "#202020",
    "border": "#FFFFFF",
    "text": "#FFFFFF",
    "muted": "#E0E0E0",
    "accent": "#9FD8FF",
    "accent_fill": "#00466B",
    "accent_soft": "#00334F",
    "danger": "#FFB3AA",
    "private_border": "#FFC857",
    "highlight_bg": "#FFE000",
    "highlight_fg": "#000000",
}
SCHEMES = {"light": LIGHT, "dark": DARK, "light-hc": LIGHT_HC, "dark-hc": DARK_HC}

# Every (text colour, background) the stylesheet, the palette and the painters draw, by key.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "alternate"),
    ("text", "sidebar"),
    ("text", "accent_soft"),
    ("text", "private"),
    ("muted", "window"),
    ("muted", "surface"),
    ("muted", "alternate"),
    ("muted", "sidebar"),
    ("muted", "disabled_fill"),
    ("accent", "surface"),
    ("accent", "sidebar"),
    ("accent", "window"),
    ("on_accent", "accent_fill"),
    ("private_text", "surface"),
    ("private_text", "alternate"),
    ("private_text", "private"),
    ("danger", "danger_soft"),
    ("danger", "alternate"),
    ("danger", "window"),
    ("danger", "surface"),
    ("ok", "surface"),
    ("ok", "window"),
    ("highlight_fg", "highlight_bg"),
)

# The colours in use now (a copy of one of SCHEMES, updated in place by :func:`apply`).
COLORS: dict[str, str] = dict(LIGHT)

_family: str | None = None
_desktop_point_size: float = 0.0
_zoom = DEFAULT_ZOOM
_scheme = "light"
_forced = False  # a scheme chosen by force_scheme() wins over the OS


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


def qcolor(key: str) -> QColor:
    """The current scheme's colour ``key`` (for painters and item models)."""
    return QColor(COLORS[key])


def readable(color: str, on: str = "surface") -> QColor:
    """``color`` (a status or theme colour) as text on ``on``: darkened in a light scheme,
    lightened in a dark one, just enough to reach 4.5:1 — the hue stays recognisable."""
    return QColor(readable_hex(color, COLORS[on]))


def readable_hex(color: str, background: str) -> str:
    """The nearest mix of ``color`` toward black or white that reads at 4.5:1 on ``background``."""
    target = (0, 0, 0) if luminance(background) > 0.4 else (255, 255, 255)
    rgb = [int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = color
    for step in range(21):
        t = step / 20
        mixed = "#" + "".join(
            f"{round(c + (g - c) * t):02X}" for c, g in zip(rgb, target, strict=True)
        )
        if contrast(mixed, background) >= 4.5:
            break
    return mixed


def luminance(color: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    channels = [int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 … 21)."""
    low, high = sorted((luminance(foreground), luminance(background)))
    return (high + 0.05) / (low + 0.05)


def clamp_zoom(percent: int) -> int:
    """A zoom within the View menu's range."""
    return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], int(percent)))


def next_zoom(percent: int, step: int) -> int:
    """The zoom one step in (``step`` > 0) or out (< 0) from ``percent``."""
    if step > 0:
        return next((z for z in ZOOM_STEPS if z > percent), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < percent), ZOOM_STEPS[0])


def zoom() -> int:
    """The text zoom in use, in percent."""
    return _zoom


def scheme() -> str:
    """The colour scheme in use: ``light``, ``dark``, ``light-hc`` or ``dark-hc``."""
    return _scheme


def system_scheme(app: QGuiApplication) -> str:
    """The scheme the OS asks for (light when it does not say)."""
    hints = app.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    high = False
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is not None:
        high = accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    return ("dark" if dark else "light") + ("-hc" if high else "")


def _pt(size: float) -> str:
    """A stylesheet font size scaled by the zoom (pt, one decimal)."""
    return f"{size * _zoom / 100:.1f}pt"


def stylesheet() -> str:
    c = COLORS
    return f"""
QMainWindow, QDialog {{ background: {c["window"]}; }}
QWidget {{ color: {c["text"]}; placeholder-text-color: {c["muted"]}; }}
QToolTip {{ background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]};
    padding: 4px; }}
QToolBar {{ background: {c["window"]}; border: none; border-bottom: 1px solid {c["border"]};
    padding: 4px 8px; spacing: 6px; }}
QToolBar QToolButton {{ padding: 4px 8px; border-radius: 6px; }}
QToolBar QToolButton:hover {{ background: {c["accent_soft"]}; }}
QToolBar QToolButton:focus {{ border: 1px solid {c["accent"]}; }}
QToolBar QToolButton:checked {{ background: {c["accent_fill"]}; color: {c["on_accent"]}; }}
QMenuBar {{ background: {c["window"]}; }}
QMenu {{ background: {c["surface"]}; border: 1px solid {c["border"]}; padding: 4px; }}
QMenu::item {{ padding: 5px 22px 5px 18px; border-radius: 4px; }}
QMenu::item:selected {{ background: {c["accent_soft"]}; color: {c["text"]}; }}
QStatusBar {{ color: {c["muted"]}; }}
QFrame#sidebarPanel {{ background: {c["sidebar"]}; border-right: 1px solid {c["border"]}; }}
QLabel#brand {{ font-size: {_pt(13)}; font-weight: bold; color: {c["accent"]};
    padding: 0 8px 8px 8px; }}
QLabel#privacyBanner {{ background: {c["accent_fill"]}; color: {c["on_accent"]}; padding: 6px; }}
QListWidget#sidebar {{ background: transparent; border: none; }}
QListWidget#sidebar::item {{ padding: 0 12px; border-radius: 6px; margin: 1px 0; }}
QListWidget#sidebar::item:selected {{ background: {c["surface"]}; color: {c["accent"]};
    font-weight: bold; }}
QListWidget#sidebar::item:hover:!selected {{ background: {c["sidebar_hover"]}; }}
QListWidget#sidebar:focus {{ border: 1px solid {c["accent"]}; border-radius: 6px; }}
QLabel#pageTitle {{ font-size: {_pt(18)}; font-weight: bold; }}
QLabel#dialogTitle {{ font-size: {_pt(15)}; font-weight: bold; }}
QLabel#sectionTitle {{ font-size: {_pt(11)}; font-weight: bold; color: {c["text"]}; }}
QLabel#muted, QLabel#hint {{ color: {c["muted"]}; placeholder-text-color: {c["muted"]}; }}
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
QLabel#recoveryCode {{ font-family: "DejaVu Sans Mono", monospace; font-size: {_pt(13)};
    background: {c["surface"]}; border: 1px dashed {c["accent"]}; border-radius: 8px;
    padding: 12px; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    padding: 4px 6px; selection-background-color: {c["accent_fill"]};
    selection-color: {c["on_accent"]}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 1px solid {c["accent"]}; }}
QPushButton {{ background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    padding: 6px 14px; }}
QPushButton:hover {{ border-color: {c["accent"]}; }}
QPushButton:focus {{ border: 2px solid {c["accent"]}; padding: 5px 13px; }}
QPushButton:disabled {{ color: {c["muted"]}; }}
QPushButton#primary {{ background: {c["accent_fill"]}; color: {c["on_accent"]};
    border: 1px solid {c["accent_fill"]}; font-weight: bold; }}
QPushButton#primary:focus {{ border: 2px solid {c["text"]}; padding: 5px 13px; }}
QPushButton#primary:disabled {{ background: {c["disabled_fill"]}; color: {c["muted"]};
    border-color: {c["border"]}; }}
QToolButton#segment {{ padding: 4px 10px; border: 1px solid {c["border"]}; border-radius: 6px;
    background: {c["surface"]}; }}
QToolButton#segment:checked {{ background: {c["accent_fill"]}; color: {c["on_accent"]};
    border-color: {c["accent_fill"]}; }}
QToolButton#segment:focus {{ padding: 3px 9px; border: 2px solid {c["accent"]}; }}
QToolButton#segment:checked:focus {{ border-color: {c["text"]}; }}
QTabWidget::pane {{ border: 1px solid {c["border"]}; border-radius: 6px; background: {c["surface"]}; }}
QTabBar::tab {{ padding: 6px 14px; }}
QTabBar::tab:selected {{ color: {c["accent"]}; font-weight: bold; }}
QHeaderView::section {{ background: {c["window"]}; border: none;
    border-bottom: 1px solid {c["border"]}; padding: 5px 8px; color: {c["muted"]}; }}
QTableView, QTreeView, QListView {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: 6px; selection-background-color: {c["accent_soft"]};
    selection-color: {c["text"]}; alternate-background-color: {c["alternate"]}; }}
QTableView::item {{ padding-left: 8px; padding-right: 8px; }}
QScrollArea {{ border: none; background: transparent; }}
QProgressBar {{ border: 1px solid {c["border"]}; border-radius: 5px; background: {c["surface"]};
    text-align: center; height: 12px; }}
QProgressBar::chunk {{ background: {c["accent_fill"]}; border-radius: 4px; }}
"""


def palette(base: QPalette) -> QPalette:
    """``base`` with the current scheme's colours."""
    c = COLORS
    pal = QPalette(base)
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"),
        (role.Base, "surface"),
        (role.AlternateBase, "alternate"),
        (role.Text, "text"),
        (role.WindowText, "text"),
        (role.ButtonText, "text"),
        (role.Button, "surface"),
        (role.ToolTipBase, "surface"),
        (role.ToolTipText, "text"),
        (role.Highlight, "accent_fill"),
        (role.HighlightedText, "on_accent"),
        (role.PlaceholderText, "muted"),
        (role.Link, "accent"),
        (role.BrightText, "on_accent"),
    ):
        pal.setColor(r, QColor(c[key]))
    # Disabled text stays readable (Fusion would draw it at a contrast far below 4.5:1).
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(c["muted"]))
    return pal


def base_point_size() -> float:
    """The desktop's font size (pt), read once before Taiwa sets its own font."""
    return _desktop_point_size or BASE_POINT_SIZE


def apply(app: QApplication, *, zoom: int | None = None, scheme: str | None = None) -> None:
    """Install the font (desktop size × zoom), the palette and the stylesheet on ``app``.

    Args:
        app: the application.
        zoom: the text zoom in percent (default: keep the current one).
        scheme: one of :data:`SCHEMES` (default: what the OS asks for).
    """
    global _desktop_point_size, _zoom, _scheme  # noqa: PLW0603 - one look per process
    if not _desktop_point_size:
        size = QGuiApplication.font().pointSizeF()
        _desktop_point_size = size if size > 0 else float(BASE_POINT_SIZE)
    if zoom is not None:
        _zoom = clamp_zoom(zoom)
    _scheme = scheme if scheme in SCHEMES else system_scheme(app)
    COLORS.clear()
    COLORS.update(SCHEMES[_scheme])
    font = QFont(register_font())
    font.setPointSizeF(round(base_point_size() * _zoom / 100, 1))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if app.font() != font:
        app.setFont(font)
    pal = palette(app.palette())
    if pal != app.palette():
        app.setPalette(pal)
    # Re-polishing every widget takes a while in a full window: only when something changed.
    sheet = stylesheet()
    if sheet != app.styleSheet():
        app.setStyleSheet(sheet)


def set_zoom(app: QApplication, percent: int) -> int:
    """Change the text zoom now (every widget follows); returns the zoom in use."""
    apply(app, zoom=percent, scheme=_scheme if _forced else None)
    return _zoom


def follow_system(app: QApplication, *, on_change: Callable[[], None] | None = None) -> QObject:
    """Re-apply the look whenever the OS switches light/dark or high contrast.

    Returns the connection holder (parented to ``app``); ``on_change`` runs after each switch.
    """
    holder = QObject(app)
    holder.setObjectName("themeFollower")

    def refresh(*_args: object) -> None:
        if _forced:
            return
        apply(app)
        if on_change is not None:
            on_change()

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(refresh)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(refresh)
    return holder


def force_scheme(app: QApplication, name: str | None, *, zoom: int | None = None) -> None:
    """Use ``name`` regardless of the OS (screenshots, tests); None follows the OS again."""
    global _forced  # noqa: PLW0603 - one look per process
    _forced = name is not None
    apply(app, scheme=name, zoom=zoom)
