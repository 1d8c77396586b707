"""Process hardening: no core dumps, not dumpable (checked in a fresh process)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_DUMPABLE is Linux's")
def test_harden_process_disables_core_dumps_and_dumpable() -> None:
    code = (
        "import resource\n"
        "from taiwa.hardening import harden_process, is_dumpable\n"
        "assert is_dumpable() is True\n"
        "harden_process()\n"
        "print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False (0, 0)"
