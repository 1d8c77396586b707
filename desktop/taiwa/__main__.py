"""Entry point: `taiwa` (the app) and `taiwa <command>` (the CLI); `python -m taiwa` too.

Only parses arguments, hardens the process and hands over; the composition root of the GUI is
``taiwa.ui.app``.
"""

from __future__ import annotations

import sys

from taiwa.hardening import harden_process


def main(argv: list[str] | None = None) -> int:
    harden_process()
    from taiwa.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
