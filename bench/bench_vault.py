"""Benchmark: opening a vault with the keyring key, against a bare sqlcipher3 open.

Run: ``python -m bench.bench_vault`` (``--meetings N`` for the vault's size, ``--repeat N``,
``--json FILE`` to keep the figures).

A vault is created in a temporary folder with an in-process keyring (the real keyring is never
touched) and filled with ``--meetings`` meetings of about 1 KB of notes each, indexed by FTS5.
Measured, paired and interleaved so load spikes hit both alike:

* ours: ``open_vault`` (header, instance lock, keyring read, key check, PRAGMA key, cipher
  version, ``sqlite_master``, ``quick_check``, pragmas, WAL), the first query, ``close()``;
* floor: ``sqlcipher3.connect``, ``PRAGMA key``, the same first query, ``close()``.

The gap is what Taiwa's checks cost; ``quick_check`` reads every page, so it grows with the
vault, and is reported on its own too.
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
BUDGET_RATIO = 1.2


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

        def floor_with_quick_check() -> None:
            conn = sqlcipher.connect(str(path))
            conn.execute(f"PRAGMA key = {key.sql_literal()}")
            conn.execute("PRAGMA quick_check").fetchall()
            conn.execute(FIRST_QUERY).fetchone()
            conn.close()

        ours_ms, floor_ms = paired_ms(ours, floor, repeat=args.repeat)
        ours_qc_ms, floor_qc_ms = paired_ms(ours, floor_with_quick_check, repeat=args.repeat)
        # Informational: the design's open sequence runs quick_check, which reads every page,
        # so this ratio grows with the vault and has no budget.
        print(
            f"info open vault (keyring key): {ours_ms:.2f} ms vs bare sqlcipher3 open + first"
            f" query {floor_ms:.2f} ms = {ours_ms / floor_ms:.1f}x"
        )
        results = [
            # Taiwa's own cost on top of SQLCipher: header, lock, keyring, key check, pragmas.
            Result(
                "open vault (keyring key) vs bare sqlcipher3 open + quick_check",
                ours_qc_ms,
                floor_qc_ms,
                BUDGET_RATIO,
            ),
        ]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return report(results, args.json)


if __name__ == "__main__":
    sys.exit(main())
