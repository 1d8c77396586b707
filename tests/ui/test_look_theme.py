"""The look: OS light/dark and high contrast, text contrast of 4.5:1, the desktop's font size,
the text zoom, and window sizes taken from the screen (and remembered per screen)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QPalette

from taiwa.prefs import Prefs
from taiwa.ui import theme, window_size

MIN_CONTRAST = 4.5


@pytest.fixture
def look(qapp: Any) -> Iterator[Any]:
    """Put the default look back after the test (other tests expect it)."""
    desktop = theme._desktop_point_size
    yield qapp
    theme._desktop_point_size = desktop
    theme.force_scheme(qapp, None)
    theme.apply(qapp, zoom=theme.DEFAULT_ZOOM)


@pytest.mark.parametrize("name", sorted(theme.SCHEMES))
def test_every_listed_text_pair_reaches_4_5(name: str) -> None:
    colors = theme.SCHEMES[name]
    low = {
        (fg, bg): round(theme.contrast(colors[fg], colors[bg]), 2)
        for fg, bg in theme.TEXT_PAIRS
        if theme.contrast(colors[fg], colors[bg]) < MIN_CONTRAST
    }
    assert low == {}


@pytest.mark.parametrize("name", sorted(theme.SCHEMES))
def test_stylesheet_rules_with_text_on_a_background_reach_4_5(look: Any, name: str) -> None:
    theme.force_scheme(look, name)
    sheet = theme.stylesheet()
    checked = 0
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        fg = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        bg = re.search(r"background:\s*(#[0-9A-Fa-f]{6})", body)
        if fg and bg:
            checked += 1
            ratio = theme.contrast(fg.group(1), bg.group(1))
            assert ratio >= MIN_CONTRAST, (selector.strip(), ratio)
        if fg and not bg:
            # Text on the window, a card or the sidebar: all three must be readable.
            for back in ("window", "surface", "sidebar"):
                ratio = theme.contrast(fg.group(1), theme.COLORS[back])
                assert ratio >= MIN_CONTRAST, (selector.strip(), back, ratio)
    assert checked >= 5


@pytest.mark.parametrize("name", sorted(theme.SCHEMES))
def test_palette_text_roles_reach_4_5(look: Any, name: str) -> None:
    theme.force_scheme(look, name)
    pal = look.palette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    pairs = [
        (pal.color(role.Text), pal.color(role.Base)),
        (pal.color(role.Text), pal.color(role.AlternateBase)),
        (pal.color(role.WindowText), pal.color(role.Window)),
        (pal.color(role.ButtonText), pal.color(role.Button)),
        (pal.color(role.HighlightedText), pal.color(role.Highlight)),
        (pal.color(role.PlaceholderText), pal.color(role.Base)),
        (pal.color(role.ToolTipText), pal.color(role.ToolTipBase)),
        (pal.color(group.Disabled, role.ButtonText), pal.color(role.Button)),
        (pal.color(group.Disabled, role.Text), pal.color(role.Base)),
    ]
    for fg, bg in pairs:
        assert theme.contrast(fg.name(), bg.name()) >= MIN_CONTRAST, (fg.name(), bg.name())


@pytest.mark.parametrize("name", sorted(theme.SCHEMES))
def test_secondary_text_and_placeholders_are_opaque_and_readable(
    qtbot: Any, look: Any, name: str
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from taiwa.ui.widgets.chips import MutedLabel

    theme.force_scheme(look, name)
    label, field = MutedLabel("secondary"), QLineEdit()
    field.setPlaceholderText("placeholder")
    for widget in (label, field):
        qtbot.addWidget(widget)
        widget.show()
    back = theme.COLORS["window"]
    for widget in (label, field):
        color = widget.palette().color(widget.foregroundRole())
        placeholder = widget.palette().color(QPalette.ColorRole.PlaceholderText)
        for c in (color, placeholder) if widget is field else (color,):
            assert c.alpha() == 255
            assert theme.contrast(c.name(), back) >= MIN_CONTRAST, (c.name(), back)


def test_dark_scheme_paints_dark_and_follows_the_os(look: Any, monkeypatch: Any) -> None:
    theme.force_scheme(look, "dark")
    assert theme.luminance(look.palette().color(QPalette.ColorRole.Window).name()) < 0.05
    theme.force_scheme(look, None)  # follow the OS again
    monkeypatch.setattr(theme, "system_scheme", lambda _app: "dark-hc")
    holder = theme.follow_system(look)
    try:
        look.styleHints().colorSchemeChanged.emit(look.styleHints().colorScheme())
        assert theme.scheme() == "dark-hc"
        assert look.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    finally:
        look.styleHints().colorSchemeChanged.disconnect()
        holder.deleteLater()


def test_desktop_font_size_is_kept_and_zoom_scales_it(look: Any) -> None:
    theme._desktop_point_size = 14.0  # as a desktop set to 14 pt reports it (reset by `look`)
    theme.apply(look, zoom=100)
    assert look.font().pointSizeF() == pytest.approx(14.0)
    theme.apply(look, zoom=150)
    assert look.font().pointSizeF() == pytest.approx(21.0)
    assert "27.0pt" in theme.stylesheet()  # the page title (18 pt) scales too


def test_zoom_steps_and_bounds() -> None:
    assert theme.next_zoom(100, 1) == 110
    assert theme.next_zoom(100, -1) == 90
    assert theme.next_zoom(200, 1) == 200
    assert theme.next_zoom(80, -1) == 80
    assert theme.clamp_zoom(1000) == 200


def test_zoom_shortcuts_change_and_remember_the_text_size(main_window: Any, look: Any) -> None:
    before = look.font().pointSizeF()
    main_window.act_zoom_in.trigger()
    assert look.font().pointSizeF() > before
    assert main_window.ctx.prefs.text_zoom == 110
    assert Prefs.load(main_window.ctx.prefs.path).text_zoom == 110
    main_window.act_zoom_out.trigger()
    main_window.act_zoom_out.trigger()
    assert main_window.ctx.prefs.text_zoom == 90
    for _ in range(8):
        main_window.act_zoom_in.trigger()
    assert main_window.ctx.prefs.text_zoom == 200
    brand = main_window._brand
    assert brand.fontMetrics().horizontalAdvance(brand.text()) <= brand.contentsRect().width()
    main_window.act_zoom_reset.trigger()
    assert main_window.ctx.prefs.text_zoom == 100
    assert look.font().pointSizeF() == pytest.approx(before)
    keys = {
        k.toString()
        for a in main_window.actions()
        if a is main_window.act_zoom_in
        for k in a.shortcuts()
    }
    assert {"Ctrl+=", "Ctrl++"} <= keys


def test_windows_open_within_the_screen_and_remember_their_size_per_screen(
    qtbot: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QWidget

    # A 1366x768 laptop: 1366x728 available, less the frame.
    monkeypatch.setattr(window_size, "available", lambda _w: QSize(1350, 688))
    prefs = Prefs(path=tmp_path / "prefs.json")
    widget = QWidget()
    qtbot.addWidget(widget)
    assert window_size.fit(widget, QSize(1200, 800), name="main", prefs=prefs) == QSize(1200, 688)
    widget.resize(1000, 600)
    window_size.remember(widget, "main", prefs)
    prefs.save()
    again = Prefs.load(prefs.path)
    other = QWidget()
    qtbot.addWidget(other)
    assert window_size.fit(other, QSize(1200, 800), name="main", prefs=again) == QSize(1000, 600)
    # Another screen size keeps its own.
    monkeypatch.setattr(window_size, "_screen_key", lambda _w: (2560, 1440))
    assert window_size.fit(other, QSize(1200, 800), name="main", prefs=again) == QSize(1200, 688)


@pytest.mark.parametrize("name", sorted(theme.SCHEMES))
def test_status_and_theme_colours_used_as_text_are_made_readable(name: str) -> None:
    from taiwa.ui.widgets import labels

    colors = theme.SCHEMES[name]
    used = [
        *labels.STATUS_COLORS.values(),
        labels.GOOD,
        labels.WARN,
        labels.BAD,
        labels.PRIVATE_ACCENT,
    ]
    for back in ("surface", "alternate", "private"):
        for color in used:
            fixed = theme.readable_hex(color, colors[back])
            assert theme.contrast(fixed, colors[back]) >= MIN_CONTRAST, (color, back)
    # A colour that already reads well is kept as it is.
    assert theme.readable_hex(colors["text"], colors["surface"]) == colors["text"]


def test_settings_dialog_remembers_its_size_per_screen(
    qtbot: Any, app_ctx: Any, monkeypatch: Any
) -> None:
    from taiwa.ui.settings_dialog import SettingsDialog

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(1350, 688))
    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, 650)
    dialog.close()
    saved = Prefs.load(app_ctx.prefs.path)
    assert list(saved.window_sizes.values()) == [[900, 650]]
    again = SettingsDialog(app_ctx)
    qtbot.addWidget(again)
    assert again.size() == QSize(900, 650)


def test_colours_set_on_single_widgets_follow_the_scheme_and_read_well(
    qtbot: Any, look: Any, app_ctx: Any
) -> None:
    """The export dialog's private warning, chips and the private notes' title take their
    colour from the theme and change with it (a colour fixed at build stayed light-scheme)."""
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.widgets.chips import Chip
    from taiwa.ui.widgets.labels import STATUS_COLORS
    from taiwa.ui.widgets.notes import PrivateNotesPanel

    theme.force_scheme(look, "light")
    person = app_ctx.store.people.add("Hanako Sato")
    dialog = ExportDialog(app_ctx, person_id=person.id)
    notes = PrivateNotesPanel()
    chips = [Chip("chip", color) for color in STATUS_COLORS.values()]
    for widget in (dialog, notes, *chips):
        qtbot.addWidget(widget)

    def ink(widget: Any) -> str:
        [color] = re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", widget.styleSheet())
        return str(color)

    seen = set()
    for name in sorted(theme.SCHEMES):
        theme.force_scheme(look, name)
        pairs = [
            (ink(dialog.private_warning), theme.COLORS["window"]),
            (ink(notes.title), theme.COLORS["private"]),
            *((ink(chip), Chip.background(color)) for chip, color in
              zip(chips, STATUS_COLORS.values(), strict=True)),
        ]  # fmt: skip
        for fore, back in pairs:
            assert theme.contrast(fore, back) >= MIN_CONTRAST, (name, fore, back)
        seen.add(ink(dialog.private_warning))
    assert len(seen) > 1  # re-applied on each change, not kept from the build


def _resizable_dialogs(ctx: Any, tmp_path: Any) -> dict[str, Any]:
    import shutil
    from pathlib import Path

    from taiwa.ui.data_dialogs import ExportDataDialog
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.import_data_dialog import ImportDataDialog
    from taiwa.ui.import_dialog import ImportDialog
    from taiwa.ui.rollup_dialogs import RollupExportDialog, RollupViewer

    person = ctx.store.people.add("Hanako Sato")
    ics = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_export.ics"
    shutil.copy(ics, tmp_path / ics.name)
    return {
        "pdf": lambda: ExportDialog(ctx, person_id=person.id),
        "calendar": lambda: ImportDialog(ctx, [tmp_path / ics.name]),
        "data_export": lambda: ExportDataDialog(ctx),
        "data_import": lambda: ImportDataDialog(ctx),
        "rollup_export": lambda: RollupExportDialog(ctx),
        "rollup_viewer": lambda: RollupViewer(ctx),
    }


def test_dialogs_remember_their_size_per_screen(
    qtbot: Any, app_ctx: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    from taiwa.ui import ops

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(1350, 688))
    for name, build in _resizable_dialogs(app_ctx, tmp_path).items():
        dialog = build()
        qtbot.addWidget(dialog)
        dialog.show()
        # A dialog that still reads its files stays open when closed.
        running = getattr(dialog, "is_running", bool)
        qtbot.waitUntil(lambda r=running: not r(), timeout=10_000)
        wanted = dialog.minimumSize().expandedTo(QSize(713, 607)).boundedTo(QSize(1350, 688))
        assert wanted != dialog.size(), name
        dialog.resize(wanted)
        dialog.close()
        ops.wait_for_pending(10_000)
        again = build()
        qtbot.addWidget(again)
        assert again.size() == wanted, name
        again.close()
        ops.wait_for_pending(10_000)
    assert len(Prefs.load(app_ctx.prefs.path).window_sizes) == 6
