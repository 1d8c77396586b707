"""Benchmark: opening a vault with the keyring key, against a bare sqlcipher3 open.

Run: ``python -m bench.bench_vault`` (``--meetings N`` for the vault's size, ``--repeat N``,
``--json FILE`` to keep the figures).

A vault is created in a temporary folder with an in-process keyring (the real keyring is never
touched) and filled with ``--meetings`` meetings of about 1 KB of notes each, indexed by FTS5.
Measured, paired and interleaved so load spikes hit both alike:

* ours: ``open_vault`` (header, instance lock, keyring read, key check, PRAGMA key, cipher
  version, ``sqlite_master``, pragmas, WAL, the unclean-shutdown marker), the first query,
  ``close()``;
* floor: ``sqlcipher3.connect``, ``PRAGMA key``, the same first query, ``close()``;
* and both again with ``quick_check``, as the first open after a crash or an upgrade runs it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from bench.common import Result, paired_ms, report
from taiwa.vault.keys import RawKey
from taiwa.vault.keystore import Keystore
from taiwa.vault.service import create_vault, open_vault

FIRST_QUERY = "SELECT count(*) FROM person"
# No budget for the bare open: it is a millisecond, and Taiwa's fixed costs (header MAC, lock,
# marker, checkpoint on close) are what the whole-process budgets of bench_cli include.
BUDGET_RATIO = None
CHECKED_BUDGET_RATIO = 1.2


class _ProcessKeyring(KeyringBackend):
    """Keys in this process's memory only: the benchmark never touches the user's keyring."""

    priority = 0  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def build(folder: Path, store: Keystore, meetings: int) -> RawKey:
    """A vault with ``meetings`` meetings; returns its key (for the bare floor)."""
    db = create_vault(folder, keystore=store).database
    try:
        with db.transaction() as conn:
            people = max(1, meetings // 200)
            conn.executemany(
                "INSERT INTO person(name, created_at, updated_at) VALUES (?, 'x', 'x')",
                [(f"Person {i}",) for i in range(people)],
            )
            conn.executemany(
                "INSERT INTO meeting(person_id, starts_at, created_at, updated_at, shared_notes,"
                " private_notes) VALUES (?, '2026-01-01T00:00:00Z', 'x', 'x', ?, ?)",
                [
                    (
                        i % people + 1,
                        f"1on1 {i}: キャリアの相談、チームの状況、次のアクション。" * 12,
                        f"private {i} " * 20,
                    )
                    for i in range(meetings)
                ],
            )
        key: RawKey = db.key  # type: ignore[attr-defined]
    finally:
        db.close()
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="taiwa-bench-vault-"))
    try:
        folder = base / "vault"
        store = Keystore(_ProcessKeyring())
        key = build(folder, store, args.meetings)
        path = folder / "taiwa.db"
        size_mb = path.stat().st_size / 1e6
        print(f"vault: {args.meetings} meetings, {size_mb:.1f} MB")

        def ours() -> None:
            db = open_vault(folder, keystore=store)
            db.query_one(FIRST_QUERY)
            db.close()

        def floor() -> None:
            conn = sqlcipher.connect(str(path))
            conn.execute(f"PRAGMA key = {key.sql_literal()}")
            conn.execute(FIRST_QUERY).fetchone()
            conn.close()

        def ours_checked() -> None:
            db = open_vault(folder, keystore=store, check_integrity=True)
            db.query_one(FIRST_QUERY)
            db.close()

        def floor_with_quick_check() -> None:
            conn = sqlcipher.connect(str(path))
            conn.execute(f"PRAGMA key = {key.sql_literal()}")
            conn.execute("PRAGMA quick_check").fetchall()
            conn.execute(FIRST_QUERY).fetchone()
            conn.close()

        ours_ms, floor_ms = paired_ms(ours, floor, repeat=args.repeat)
        check_ms, bare_ms = paired_ms(ours_checked, floor_with_quick_check, repeat=args.repeat)
        results = [
            # Taiwa's own cost on top of SQLCipher: header, lock, keyring, key check, pragmas,
            # the unclean-shutdown marker; no quick_check (see taiwa.vault.integrity).
            Result(
                "open vault (keyring key) vs bare sqlcipher3 open", ours_ms, floor_ms, BUDGET_RATIO
            ),
            Result(
                "open vault with quick_check (after a crash) vs bare open + quick_check",
                check_ms,
                bare_ms,
                CHECKED_BUDGET_RATIO,
            ),
        ]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return report(results, args.json)


if __name__ == "__main__":
    sys.exit(main())
