"""What the installers are made of agrees: one version, one app id, icons that match the SVG."""

from __future__ import annotations

import configparser
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INSTALLERS = REPO / "installers"
APP_ID = "app.taiwa.Taiwa"


def test_desktop_file_metainfo_and_app_agree_on_the_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(INSTALLERS / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID and desktop["Exec"] == "taiwa"
    meta = ET.parse(INSTALLERS / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    # The running window names the same .desktop file (Wayland docks match on it).
    app_py = (REPO / "desktop" / "taiwa" / "ui" / "app.py").read_text()
    assert f'setDesktopFileName("{APP_ID}")' in app_py
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    releases = [r.get("version") for r in meta.iter("release")]
    assert version in releases, "add a <release> for the new version to the metainfo"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_sizes_ico_and_icns_hold_what_they_claim() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = INSTALLERS / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(path.read_bytes()) == (size, size)
    ico = (INSTALLERS / "icons" / "taiwa.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        side = _png_size(ico[offset : offset + length])[0]
        assert side == (width or 256)
    icns = (INSTALLERS / "icons" / "taiwa.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, kinds = 8, []
    while pos < len(icns):
        kinds.append(icns[pos : pos + 4])
        pos += struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
    assert kinds == [b"icp4", b"icp5", b"icp6", b"ic07", b"ic08", b"ic09"]


def test_icons_are_rendered_from_the_current_svg(tmp_path: Path) -> None:
    """Re-render the 48 px icon from the SVG: the committed PNG must be what make_icons writes."""
    import os
    import subprocess
    import sys

    script = f"""
import sys; sys.path.insert(0, {str(INSTALLERS)!r})
import make_icons
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
image = make_icons.render(QSvgRenderer(str(make_icons.SOURCE)), 48)
sys.stdout.buffer.write(make_icons.png_bytes(image))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    fresh = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, check=True, timeout=60
    ).stdout
    committed = INSTALLERS / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    assert fresh == committed.read_bytes(), "run installers/make_icons.py after changing the SVG"


def test_bundle_lock_pins_pyinstaller_with_hashes() -> None:
    lock = (REPO / "requirements" / "bundle.lock").read_text()
    assert "pyinstaller==" in lock and "--hash=sha256:" in lock
    spec = (INSTALLERS / "taiwa.spec").read_text()
    # QtNetwork carries the single-instance socket: excluding it broke the first bundle.
    assert '"PySide6.QtNetwork"' in spec.split("excludes = [")[0]
