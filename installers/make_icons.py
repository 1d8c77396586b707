"""Render the application icon (resources/icons/shell-app.svg, the one source) for installers.

    .venv/bin/python installers/make_icons.py

writes installers/icons/hicolor/<N>x<N>/apps/app.taiwa.Taiwa.png for the freedesktop icon theme
(16 to 512 px), taiwa.ico (Windows: 16-256 px as PNG frames) and taiwa.icns (macOS: 16-512 px
as PNG elements), every size rendered by Qt's SVG renderer from the same drawing. The outputs are committed;
run this again after changing the SVG (tests/unit/test_installers.py checks they match it).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "shell-app.svg"
OUT = ROOT / "installers" / "icons"
APP_ID = "app.taiwa.Taiwa"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico(pngs: dict[int, bytes], sizes: tuple[int, ...]) -> bytes:
    """A Windows .ico holding PNG frames (Vista and later read PNG frames of any size)."""
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


#: The icns element types that hold PNG data, by pixel size.
_ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
               (b"ic09", 512))  # fmt: skip


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements (what iconutil writes since 10.7)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in _ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        target = OUT / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png_bytes(image))
    pngs = {size: png_bytes(image) for size, image in images.items()}
    (OUT / "taiwa.ico").write_bytes(ico(pngs, (16, 24, 32, 48, 64, 128, 256)))
    (OUT / "taiwa.icns").write_bytes(icns(pngs))
    del app
    print(
        f"make_icons: {len(SIZES)} PNG sizes, taiwa.ico and taiwa.icns in {OUT.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
