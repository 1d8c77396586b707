"""Child processes for crash tests: do vault work and SIGKILL themselves at a chosen point.

Run as ``python -m tests.support.crash_child ACTION POINT`` with the environment of
:func:`tests.support.vaults.subprocess_env`; the recovery secret comes from TAIWA_RECOVERY.

Actions:
    rotate POINT   rotate the database key and die at POINT (see ``ROTATE_POINTS``).
    write SENTINEL keep committing notes holding SENTINEL; print "committed N" after each
                   commit (the parent kills it).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROTATE_POINTS = (
    "after_pending_header",
    "after_pending_keyring",
    "during_rekey",
    "late_in_rekey",
    "after_rekey",
    "after_keyring_swap",
    "after_pending_removed",
    "after_final_header",
    "none",
)


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def rotate(point: str) -> None:
    from taiwa.vault import header as header_mod
    from taiwa.vault import service
    from taiwa.vault.database import Database
    from taiwa.vault.keystore import Keystore

    folder = Path(os.environ["TAIWA_VAULT"])
    real_set = Keystore.set
    real_delete = Keystore.delete
    real_write = header_mod.write_header
    real_rekey = Database.rekey
    writes = {"n": 0}

    def set_hook(self: Keystore, vault_id: str, key: Any, *, pending: bool = False) -> None:
        real_set(self, vault_id, key, pending=pending)
        if pending and point == "after_pending_keyring":
            die()
        if not pending and point == "after_keyring_swap":
            die()

    def delete_hook(self: Keystore, vault_id: str, *, pending: bool = False) -> None:
        real_delete(self, vault_id, pending=pending)
        if pending and point == "after_pending_removed":
            die()

    def write_hook(folder_: Path, header: Any) -> None:
        real_write(folder_, header)
        writes["n"] += 1
        if writes["n"] == 1 and point == "after_pending_header":
            die()
        if writes["n"] == 2 and point == "after_final_header":
            die()

    def rekey_hook(self: Database, key: Any) -> None:
        fired = threading.Event()
        if point in ("during_rekey", "late_in_rekey"):
            journal = Path(f"{self.path}-journal")
            db_file = Path(self.path)
            before = db_file.stat().st_mtime_ns

            def watch() -> None:
                # A tight loop: the re-key runs in C without the GIL, so this sees the hot
                # journal within microseconds. "late": also wait until the database file
                # itself is being rewritten under the new key.
                while True:
                    if journal.exists() and (
                        point == "during_rekey" or db_file.stat().st_mtime_ns != before
                    ):
                        fired.set()
                        die()

            threading.Thread(target=watch, daemon=True).start()
        real_rekey(self, key)
        if point in ("during_rekey", "late_in_rekey"):
            time.sleep(2)  # the watcher kills us mid-transaction
            print("missed: the re-key finished before the watcher saw it", flush=True)
            os._exit(3)
        if point == "after_rekey":
            die()

    Keystore.set = set_hook  # type: ignore[method-assign]
    Keystore.delete = delete_hook  # type: ignore[method-assign]
    service.write_header = write_hook  # type: ignore[assignment]
    Database.rekey = rekey_hook  # type: ignore[method-assign]
    db = service.open_vault(folder)
    print("rotating", flush=True)
    service.rotate_key(db, os.environ["TAIWA_RECOVERY"])
    db.close()
    print("done", flush=True)


def write(sentinel: str) -> None:
    from taiwa.vault import service

    folder = Path(os.environ["TAIWA_VAULT"])
    db = service.open_vault(folder)
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('P', 'x', 'x')")
    n = 0
    while True:
        n += 1
        with db.transaction() as conn:
            conn.execute(
                "INSERT INTO meeting(person_id, starts_at, created_at, updated_at,"
                " shared_notes, private_notes) VALUES (1, '2026-01-01T00:00:00Z', 'x', 'x', ?, ?)",
                (f"{sentinel} shared {n} " + "x" * 2000, f"{sentinel} private {n}"),
            )
        print(f"committed {n}", flush=True)


if __name__ == "__main__":
    action, arg = sys.argv[1], sys.argv[2]
    if action == "rotate":
        rotate(arg)
    elif action == "write":
        write(arg)
    else:
        raise SystemExit(f"unknown action {action}")
