"""The one class that owns an SQLCipher connection: open sequence, transactions, migrations.

Nothing above this module sees a raw ``sqlcipher3`` error: environment failures become
:class:`~taiwa.vault.errors.VaultError` subclasses, everything else a :class:`BugError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar

import sqlcipher3.dbapi2 as sqlcipher

from taiwa.atomic import atomic_file, atomic_path
from taiwa.vault import errors, schema
from taiwa.vault.keys import RawKey

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4's default page size
FILE_MODE = 0o600

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; its API is the standard library's sqlite3 API.
    from sqlite3 import Connection, Row
else:
    Row = sqlcipher.Row
    Connection = sqlcipher.Connection
SqlError = sqlcipher.Error
T = TypeVar("T")


def raise_sqlite_error(exc: BaseException) -> NoReturn:
    """Re-raise an sqlcipher3 error as "the environment" or "a bug" (qutebrowser's split)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        raise errors.DiskFullError() from exc
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        raise errors.VaultInUseError() from exc
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or (
        "readonly" in text or "unable to open database" in text
    ):
        raise errors.VaultNotWritableError() from exc
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or (
        "file is not a database" in text or "malformed" in text
    ):
        raise errors.DatabaseCorruptError() from exc
    if name.startswith("SQLITE_IOERR"):
        raise errors.VaultNotWritableError() from exc
    raise errors.BugError(f"{type(exc).__name__}: {exc}") from exc


def utc_now() -> str:
    """The current time as stored in the vault (UTC, ISO-8601, second precision)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _connect(path: Path) -> Connection:
    try:
        # Autocommit at the driver level; transactions are explicit (BEGIN IMMEDIATE) below.
        # check_same_thread=False: the UI hands the connection to one worker thread at a time,
        # serialised by Database._lock.
        conn: Connection = sqlcipher.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=5
        )
    except sqlcipher.Error as exc:
        raise_sqlite_error(exc)
    conn.row_factory = sqlcipher.Row
    # SQLCipher logs decryption failures to stderr by default; every failure here becomes one
    # translated line instead, and nothing of Taiwa's writes a log about the vault.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def apply_key(conn: Connection, key: RawKey, *, rekey: bool = False) -> None:
    """Key a fresh connection (the first statement on it), or re-key an open one."""
    pragma = "rekey" if rekey else "key"
    # Only a validated 64-hex literal is ever formatted into this statement (see RawKey).
    # executescript, not execute: execute() keeps each statement's text in the connection's
    # statement cache until the connection object is freed, and this text is the key.
    conn.executescript(f"PRAGMA {pragma} = {key.sql_literal()};")


def check_file(path: Path) -> None:
    """Cheap checks before SQLCipher sees the file, so each failure gets its own message."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise errors.VaultNotFoundError(path=str(path.parent)) from None
    if size == 0:
        raise errors.DatabaseEmptyError()
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_PLAIN_HEADER))
    if head == SQLITE_PLAIN_HEADER:
        raise errors.NotEncryptedError()
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise errors.DatabaseCorruptError()


class Database:
    """An open, keyed, checked and migrated vault database.

    Use :meth:`transaction` for every write and :meth:`query` for reads. The connection is used
    by one thread at a time (the lock serialises the UI's workers).
    """

    def __init__(self, conn: Connection, path: Path) -> None:
        self._conn: Connection | None = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        # False when the open sequence left the full-file quick_check to the caller
        # (``open(check_integrity=False)``): it must run :func:`verify_integrity` soon.
        self.integrity_verified = True

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        key: RawKey,
        *,
        backup_dir: Path | None = None,
        migrate: bool = True,
        check_integrity: bool = True,
    ) -> Self:
        """Open ``path`` with ``key`` following the design's open sequence.

        Args:
            path: the database file.
            key: its raw key.
            backup_dir: where a pre-migration copy goes (default: ``backups/`` beside it).
            migrate: bring the schema up to date.
            check_integrity: run ``PRAGMA quick_check`` now. It reads every page (seconds on a
                ten-year vault), so the app defers it to :func:`verify_integrity` on a second
                connection off the GUI thread. It always runs here before a migration writes.

        Raises:
            VaultError: a subclass naming what is wrong; the file is left as it was.
        """
        check_file(path)
        conn = _connect(path)
        try:
            apply_key(conn, key)
            _check_cipher(conn)
            # Nothing may be written until the file is known to be ours and intact.
            conn.execute("PRAGMA query_only = ON")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher.DatabaseError as exc:
                # SQLCipher cannot tell a wrong key from a damaged first page; the caller
                # (who holds the header's key check) turns this into WrongKeyError when needed.
                raise errors.DatabaseCorruptError() from exc
            checked = check_integrity or _needs_migration(conn, migrate)
            if checked:
                _quick_check(conn)
            conn.execute("PRAGMA query_only = OFF")
            _configure(conn)
            db = cls(conn, path)
            db.integrity_verified = checked
            if migrate:
                db._migrate(backup_dir)
            return db
        except errors.VaultError:
            conn.close()
            raise
        except sqlcipher.Error as exc:
            conn.close()
            raise_sqlite_error(exc)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def create(cls, path: Path, key: RawKey) -> Self:
        """Create a new database at ``path`` (written under a temporary name, then linked in).

        Raises:
            VaultExistsError: ``path`` already exists; it is not touched.
        """
        if path.exists():
            raise errors.VaultExistsError(path=str(path.parent))
        try:
            # A private folder beside ``path`` (no planted link can sit at the temporary name),
            # linked into place without ever replacing a database that appeared meanwhile.
            with atomic_path(path, overwrite=False) as new:
                _create_schema(new, key)
                os.chmod(new, FILE_MODE)
        except FileExistsError:
            raise errors.VaultExistsError(path=str(path.parent)) from None
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise errors.DiskFullError() from exc
            raise errors.VaultNotWritableError() from exc
        return cls.open(path, key, migrate=False)

    # -- use --------------------------------------------------------------------------------

    @property
    def conn(self) -> Connection:
        """The raw connection, for the store package only."""
        if self._conn is None:
            raise errors.BugError("the database is closed")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE``); nested calls become savepoints."""
        with self._lock:
            conn = self.conn
            depth = self._depth
            try:
                conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)
            self._depth += 1
            try:
                yield conn
            except BaseException as exc:
                self._depth -= 1
                with contextlib.suppress(sqlcipher.Error):
                    if depth == 0:
                        conn.execute("ROLLBACK")
                    else:
                        conn.execute(f"ROLLBACK TO sp{depth}")
                        conn.execute(f"RELEASE sp{depth}")
                if isinstance(exc, sqlcipher.Error):
                    raise_sqlite_error(exc)
                raise
            else:
                self._depth -= 1
                try:
                    conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
                except sqlcipher.Error as exc:
                    with contextlib.suppress(sqlcipher.Error):
                        conn.execute("ROLLBACK")
                    raise_sqlite_error(exc)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Run a read and return all rows."""
        with self._lock:
            try:
                return list(self.conn.execute(sql, params).fetchall())
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)

    def query_as(
        self,
        sql: str,
        params: Sequence[Any] | dict[str, Any],
        make: Callable[[Row], T],
    ) -> list[T]:
        """Run a read and return ``make(row)`` for each row, made as the rows arrive: the rows
        themselves are not all held at once (a big vault's reports read tens of thousands)."""
        with self._lock:
            try:
                return [make(row) for row in self.conn.execute(sql, params)]
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        """Run a read and return the first row or None."""
        with self._lock:
            try:
                row: Row | None = self.conn.execute(sql, params).fetchone()
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)
            return row

    def pragma(self, name: str) -> Any:
        """Read a single-valued PRAGMA (name from code, never from input)."""
        row = self.query_one(f"PRAGMA {name}")
        return None if row is None else row[0]

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a file copy or on close)."""
        with self._lock:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)

    def rekey(self, new_key: RawKey) -> None:
        """Re-encrypt every page under ``new_key`` (the caller makes it crash-safe)."""
        with self._lock:
            try:
                self.conn.execute("PRAGMA journal_mode = DELETE")
                apply_key(self.conn, new_key, rekey=True)
                self.conn.execute("PRAGMA journal_mode = WAL")
            except sqlcipher.Error as exc:
                raise_sqlite_error(exc)

    def close(self) -> None:
        """Checkpoint and close; safe to call twice."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ---------------------------------------------------------------------------

    @property
    def user_version(self) -> int:
        return int(self.pragma("user_version"))

    def _migrate(self, backup_dir: Path | None) -> None:
        current = self.user_version
        latest = schema.LATEST_VERSION
        if current > latest:
            raise errors.VaultTooNewError()
        if current == latest:
            return
        if current > 0:
            # A copy of the (still encrypted) file before the schema changes (Vorta does too).
            self.checkpoint()
            target_dir = backup_dir or self.path.parent / "backups"
            target_dir.mkdir(mode=0o700, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            copy = target_dir / f"{self.path.stem}-v{current}-{stamp}.db"
            with atomic_file(copy, overwrite=False) as out, self.path.open("rb") as src:
                shutil.copyfileobj(src, out)
        with self.transaction() as conn:
            schema.apply_from(conn, current)


def _create_schema(path: Path, key: RawKey) -> None:
    conn = _connect(path)
    try:
        apply_key(conn, key)
        _check_cipher(conn)
        # DELETE journal while the file has its temporary name: a -wal named after it would be
        # orphaned by the rename and its pages lost.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        schema.apply_all(conn)
        conn.execute("COMMIT")
    except sqlcipher.Error as exc:
        conn.close()
        raise_sqlite_error(exc)
    except BaseException:
        conn.close()
        raise
    conn.close()


def _check_cipher(conn: Connection) -> None:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    version = str(row[0]) if row else ""
    if not version.startswith("4."):
        raise errors.UnsupportedCipherError()


def _needs_migration(conn: Connection, migrate: bool) -> bool:
    if not migrate:
        return False
    row = conn.execute("PRAGMA user_version").fetchone()
    return row is None or int(row[0]) != schema.LATEST_VERSION


def verify_integrity(
    path: Path,
    key: RawKey,
    *,
    deadline: float | None = None,
    cancel: Callable[[], None] | None = None,
) -> bool:
    """``PRAGMA quick_check`` on a separate read-only connection.

    WAL lets it read a consistent snapshot while the app's own connection keeps working, so the
    app can show its first screen before this has read every page.

    Args:
        path: the database file.
        key: its raw key.
        deadline: a :func:`time.monotonic` value; the check stops there (time-boxed).
        cancel: raises :class:`~taiwa.cancel.Cancelled` when the check should stop; called
            every few thousand SQLite steps, from SQLite's progress handler.

    Returns:
        True when every page was checked and found intact; False when ``deadline`` came first
        (nothing was learnt: the caller tries again another time).

    Raises:
        DatabaseCorruptError: the check found damage.
        Cancelled: ``cancel`` raised it.
    """
    try:
        conn: Connection = sqlcipher.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5
        )
    except sqlcipher.Error as exc:
        raise_sqlite_error(exc)
    stopped: list[BaseException | None] = []

    def progress() -> int:
        # An exception raised here would be swallowed by SQLite: remember why, then interrupt.
        if deadline is not None and time.monotonic() > deadline:
            stopped.append(None)
            return 1
        if cancel is not None:
            try:
                cancel()
            except BaseException as exc:  # Cancelled derives from BaseException
                stopped.append(exc)
                return 1
        return 0

    try:
        apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
        if deadline is not None or cancel is not None:
            conn.set_progress_handler(progress, _PROGRESS_STEPS)
        try:
            _quick_check(conn)
        except errors.DatabaseCorruptError:
            if not stopped:
                raise
        if stopped:
            if stopped[0] is not None:
                raise stopped[0]
            return False
        return True
    except sqlcipher.Error as exc:
        raise_sqlite_error(exc)
    finally:
        conn.close()


# SQLite virtual-machine steps between two progress calls: about a millisecond of quick_check.
_PROGRESS_STEPS = 20_000


def _quick_check(conn: Connection) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher.DatabaseError as exc:
        raise errors.DatabaseCorruptError() from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        raise errors.DatabaseCorruptError()


def _configure(conn: Connection) -> None:
    # temp_store=MEMORY: SQLite's temp files (sorts, temp indices) are *not* encrypted.
    conn.execute("PRAGMA temp_store = MEMORY")
    # secure_delete: deleted note text is overwritten instead of lingering in free pages.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        raise errors.VaultNotWritableError()
    # FULL: a commit is on disk when it returns (WAL with NORMAL may lose the last commits).
    conn.execute("PRAGMA synchronous = FULL")
