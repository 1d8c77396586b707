"""Child process for the leak tests: open the vault, plant notes, hold it open mid-work.

``python -m tests.support.leak_child SENTINEL [--temp-file]`` (environment from
:func:`tests.support.vaults.subprocess_env`). It commits notes holding SENTINEL, then leaves a
big sort and a temporary table in progress and prints ``ready``; on a line from stdin it
finishes, closes the vault and prints ``closed``.

``--temp-file`` is the control run: it forces ``temp_store=FILE`` with a tiny page cache, so
SQLite spills the sort and the temporary table to (unencrypted) temp files — which the parent
must then find the sentinel in, proving that its scan can see such files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from taiwa.vault.service import open_vault


def main(sentinel: str, control: bool) -> None:
    db = open_vault(Path(os.environ["TAIWA_VAULT"]))
    with db.transaction() as conn:
        conn.execute("INSERT INTO person(name, created_at, updated_at) VALUES ('P', 'x', 'x')")
        conn.executemany(
            "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes,"
            " private_notes) VALUES (1, '2026-01-01T00:00:00Z', 'x', 'x', ?, ?)",
            [(f"{sentinel} 共有 {i} " + "s" * 3000, f"{sentinel} 非公開 {i}") for i in range(400)],
        )
    conn = db.conn
    if control:
        conn.execute("PRAGMA temp_store = FILE")
        conn.execute("PRAGMA cache_size = 2")
    # A temporary table and a sort too big for the cache: where temp files would be written.
    conn.execute("CREATE TEMP TABLE scratch AS SELECT shared_notes, private_notes FROM meeting")
    cursor = conn.execute(
        "SELECT shared_notes, private_notes FROM meeting ORDER BY substr(shared_notes, 30), id"
    )
    cursor.fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
    cursor.close()
    conn.execute("DROP TABLE temp.scratch")
    db.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], "--temp-file" in sys.argv[2:])
