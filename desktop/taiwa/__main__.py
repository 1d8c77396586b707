"""Entry point: `taiwa` (the app) and `taiwa <command>` (the CLI); `python -m taiwa` too.

Only parses arguments, hardens the process and hands over; the composition root of the GUI is
``taiwa.ui.app``.
"""

from __future__ import annotations

import gc
import sys

from taiwa.hardening import harden_process


def main(argv: list[str] | None = None) -> int:
    # Start-up makes a great many objects that live as long as the process (modules, classes):
    # the cycle collector would walk them again and again for nothing. It is back on once a
    # command starts (taiwa.cli.main); while Qt runs, on the GUI thread only (taiwa.ui.collector).
    gc.disable()
    try:
        harden_process()
        from taiwa.cli import main as cli_main

        return cli_main(sys.argv[1:] if argv is None else argv)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
