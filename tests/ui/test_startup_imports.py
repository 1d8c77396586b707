"""Start-up imports only what the first screen needs (issue 21).

A fresh ``taiwa`` process (the real entry point, offscreen, a small keyring vault) is stopped
once its dashboard is filled and idle; the heavy modules of other screens must not be loaded
yet. Then each of those screens is opened in the same process and must bring its modules in:
the laziness is proven, and so is that every screen still loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

#: Never on the first screen: libraries and screens that only a later action needs.
HEAVY = (
    "reportlab",
    "icalendar",
    "recurring_ical_events",
    "argon2",
    "PySide6.QtPrintSupport",
    "taiwa.export",
    "taiwa.ics",
    "taiwa.rollup",
    "taiwa.portable",
    "taiwa.ui.meeting_editor",
    "taiwa.ui.people_page",
    "taiwa.ui.person_page",
    "taiwa.ui.search_page",
    "taiwa.ui.settings_dialog",
    "taiwa.ui.export_dialog",
    "taiwa.ui.import_dialog",
    "taiwa.ui.data_dialogs",
    "taiwa.ui.rollup_dialogs",
    "taiwa.ui.rollup_chart",
    "taiwa.ui.prep_dialogs",
    "taiwa.ui.handover_dialog",
    "taiwa.ui.help",
    "taiwa.ui.unlock",
    "taiwa.ui.first_run",
    "taiwa.ui.welcome",  # a vault with people shows no welcome panel
)

# The child: ``taiwa --vault DIR --lang en`` with ``taiwa.ui.app.run`` replaced, as the module
# is imported, by one that runs the same ``launch`` and reports instead of serving the user.
CHILD = r"""
import json, sys
from importlib.machinery import PathFinder

HEAVY = json.loads(sys.argv[2])


def loaded():
    return sorted(m for m in HEAVY if m in sys.modules)


def report(module, window):
    from PySide6.QtCore import QTimer
    from taiwa.ui import ops

    app = module.application()
    ctx = window.ctx
    out = {}

    def first_screen():
        page = window.pages().get("dashboard")
        if not (ctx.is_unlocked and page is not None and page.data is not None
                and ops.pending_count() == 0):
            QTimer.singleShot(5, first_screen)
            return
        app.processEvents()
        out["pages"] = sorted(window.pages())
        out["first"] = loaded()
        out["people_in_overview"] = len(page.data.overview)
        # Each screen the way the user reaches it.
        window.show_page("people")
        window.show_page("search")
        person_id = page.data.overview[0].person.id
        ctx.events.open_person.emit(person_id)
        ctx.events.new_meeting.emit(person_id)
        window.act_settings.trigger()
        ctx.events.export_requested.emit(0, person_id)
        ops.wait_for_pending(20_000)
        app.processEvents()
        out["pages_after"] = sorted(window.pages())
        out["after"] = loaded()
        app.quit()

    QTimer.singleShot(0, first_screen)
    app.exec()
    print("RESULT " + json.dumps(out), flush=True)
    window.ctx.detach()
    return 0


class _PatchRun:
    def find_spec(self, name, path, target=None):
        if name != "taiwa.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)

        def run(vault_dir, *, lang=None, opening=None):
            return report(module, module.launch(vault_dir, lang=lang, opening=opening))

        module.run = run


sys.meta_path.insert(0, _PatchRun())
from taiwa.__main__ import main

sys.exit(main(["--vault", sys.argv[1], "--lang", "en"]))
"""


@pytest.fixture
def person_vault(cli_vault: Any) -> Any:
    """The CLI test vault with one person (the dashboard then shows its cards, not a welcome)."""
    result = cli_vault.run("person", "add", "Import Probe")
    assert result.returncode == 0, result.stderr[-400:]
    return cli_vault


def test_the_first_screen_leaves_other_screens_and_heavy_libraries_unloaded(
    person_vault: Any,
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(person_vault.dir), json.dumps(HEAVY)],
        env=person_vault.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-1500:]
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["people_in_overview"] == 1  # real data on the first screen, not a placeholder
    assert result["pages"] == ["dashboard"]
    assert result["first"] == []
    # Opening the screens brings their modules in (and nothing failed to load).
    assert set(result["pages_after"]) >= {"dashboard", "people", "search", "person", "meeting"}
    for module in (
        "taiwa.ui.people_page",
        "taiwa.ui.search_page",
        "taiwa.ui.person_page",
        "taiwa.ui.meeting_editor",
        "taiwa.ui.settings_dialog",
        "taiwa.ui.export_dialog",
    ):
        assert module in result["after"], module
