"""``taiwa screenshots`` renders every screen, in a temporary demo vault, for the laptop size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from taiwa.ui import screenshots, theme, window_size


@pytest.mark.slow
def test_every_screen_is_rendered_in_the_asked_look(qapp: Any, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    written = screenshots.render_screenshots(out, lang="en", schemes=("dark",), zooms=(100,))
    expected = {f"en-dark-100-{name}.png" for name in screenshots.SCREENS}
    assert {p.name for p in written} == expected
    assert {p.name for p in out.iterdir()} == expected
    image = QImage(str(out / "en-dark-100-dashboard.png"))
    assert (image.width(), image.height()) == screenshots.WINDOW_SIZE
    # Dark: the page background is dark.
    assert image.pixelColor(image.width() - 5, image.height() // 2).lightness() < 80
    # The look and the assumed screen are put back for the rest of the app.
    assert theme.scheme() != "dark" or theme.system_scheme(qapp) == "dark"
    assert window_size.assumed_room is None
