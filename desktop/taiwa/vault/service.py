"""The vault service: create, open, recover, re-key, back up and restore a vault folder.

A vault folder holds ``taiwa.db`` (SQLCipher 4), ``vault.json`` (the non-secret header, see
:mod:`taiwa.vault.header`) and ``taiwa.lock`` (the instance lock). The CLI and the GUI both go
through these functions; every expected failure is a :class:`~taiwa.vault.errors.VaultError`
and leaves every file of the vault as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

import taiwa
from taiwa.vault import errors, schema
from taiwa.vault.database import (
    Database,
    apply_key,
    check_file,
    raise_sqlite_error,
    utc_now,
    verify_integrity,
)
from taiwa.vault.files import vault_exists
from taiwa.vault.header import (
    DATABASE_NAME,
    DIR_MODE,
    FILE_MODE,
    HEADER_NAME,
    LOCK_NAME,
    STORE_KEYRING,
    STORE_PASSPHRASE,
    KeySlot,
    VaultHeader,
    fsync_dir,
    header_path,
    new_vault_id,
    read_header,
    write_header,
)
from taiwa.vault.keys import RawKey
from taiwa.vault.keystore import Keystore
from taiwa.vault.lock import InstanceLock
from taiwa.vault.recovery import (
    KIND_PASSPHRASE,
    MIN_PASSPHRASE_LEN,
    backup_key_for,
    generate_recovery_code,
    secret_kind,
)

BACKUP_FORMAT = 1
BACKUP_META_TABLE = "taiwa_backup"

_SLOT_CURRENT = "current"
_SLOT_PENDING = "pending"


class VaultDatabase(Database):
    """A :class:`Database` opened through the vault service.

    It knows its folder, header and key, and holds the instance lock until :meth:`close`.
    """

    folder: Path
    header: VaultHeader
    keystore: Keystore
    _key: RawKey
    _instance_lock: InstanceLock | None

    def _attach_vault(
        self, folder: Path, header: VaultHeader, key: RawKey, lock: InstanceLock, store: Keystore
    ) -> None:
        self.folder = folder
        self.header = header
        self._key = key
        self._instance_lock = lock
        self.keystore = store

    @property
    def key(self) -> RawKey:
        """The database key (for re-wrapping; never log it)."""
        return self._key

    def verify_integrity(self) -> None:
        """The open sequence's ``quick_check``, deferred (see :func:`open_vault`).

        Safe to call from a worker thread while the connection is in use.

        Raises:
            DatabaseCorruptError: the database is damaged.
        """
        verify_integrity(self.path, self._key)

    def close(self) -> None:
        """Close the database, then give up the instance lock."""
        try:
            super().close()
        finally:
            lock = getattr(self, "_instance_lock", None)
            if lock is not None:
                lock.release()


@dataclass
class CreatedVault:
    """What :func:`create_vault` returns."""

    database: VaultDatabase
    #: The generated recovery code (show it once), or None when a passphrase was given.
    recovery_code: str | None


# -- checks -----------------------------------------------------------------------------------


def ensure_writable(folder: Path) -> None:
    """Refuse early when the vault folder cannot be written.

    ``os.access`` alone says yes to root, so the owner's write bits are checked too, and a probe
    file is created and removed (it also catches read-only mounts).

    Raises:
        VaultNotWritableError: the folder or one of the vault's files is not writable.
    """
    if not folder.is_dir():
        raise errors.VaultNotFoundError(path=str(folder))
    paths = [folder] + [folder / n for n in (DATABASE_NAME, HEADER_NAME, LOCK_NAME)]
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        # Root may write anything, but a folder or file without its owner's write bit was
        # made read-only on purpose: respect it (and behave the same for every user).
        if os.name == "posix" and info.st_uid == os.geteuid() and not info.st_mode & stat.S_IWUSR:
            raise errors.VaultNotWritableError()
        if not os.access(path, os.W_OK):
            raise errors.VaultNotWritableError()
    probe = folder / f".taiwa-probe-{secrets.token_hex(6)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFullError() from exc
        raise errors.VaultNotWritableError() from exc
    os.close(fd)
    probe.unlink(missing_ok=True)


def check_passphrase(secret: str) -> None:
    """A chosen passphrase must be long enough (a generated code always is).

    Raises:
        PassphraseTooShortError: fewer than the minimum number of characters.
    """
    if secret_kind(secret) == KIND_PASSPHRASE and len(secret.strip()) < MIN_PASSPHRASE_LEN:
        raise errors.PassphraseTooShortError(minimum=MIN_PASSPHRASE_LEN)


# -- create -----------------------------------------------------------------------------------


def create_vault(
    folder: Path,
    *,
    use_keyring: bool = True,
    recovery_passphrase: str | None = None,
    keystore: Keystore | None = None,
) -> CreatedVault:
    """Create a new vault in ``folder`` and return it open (holding the instance lock).

    The key is stored in the keyring and read back before the database exists; the header and
    database are written as ``*.new`` and renamed into place. On failure nothing is left behind
    (also no keyring entry).

    Args:
        folder: the vault folder (created 0700 when missing).
        use_keyring: False for passphrase-only mode (nothing in the keyring).
        recovery_passphrase: a chosen recovery passphrase; None generates a recovery code.
        keystore: the keyring wrapper (default: the system keyring).

    Raises:
        VaultExistsError: ``folder`` already holds a vault (left untouched).
        VaultError: keyring, permission or disk failures.
    """
    folder = Path(folder).absolute()
    if vault_exists(folder):
        raise errors.VaultExistsError(path=str(folder))
    secret = recovery_passphrase
    code = None
    if secret is None:
        code = generate_recovery_code()
        secret = code
    else:
        check_passphrase(secret)
    store = keystore or Keystore()
    if use_keyring and not store.available():
        # Fail before creating anything, with the way forward for a *new* vault.
        raise errors.NoKeyringForNewVaultError()
    created_folder = _make_folder(folder)
    vault_id = new_vault_id()
    key = RawKey.generate()
    made: list[Path] = []
    lock: InstanceLock | None = None
    stored = False
    try:
        ensure_writable(folder)
        lock = InstanceLock.acquire(folder / LOCK_NAME)
        made.append(folder / LOCK_NAME)
        if use_keyring:
            stored = True
            store.set(vault_id, key)  # read back and compared before the database exists
        header = VaultHeader(
            vault_id=vault_id,
            key_store=STORE_KEYRING if use_keyring else STORE_PASSPHRASE,
            created_at=utc_now(),
            key=KeySlot.build(key, secret, vault_id),
        )
        db_path = folder / DATABASE_NAME
        # Listed for clean-up only once written here: never remove a file someone else made.
        Database.create(db_path, key).close()
        made.append(db_path)
        write_header(folder, header)
        made.append(header_path(folder))
        db = VaultDatabase.open(db_path, key, migrate=False)
        db._attach_vault(folder, header, key, lock, store)
    except BaseException:
        if lock is not None:
            lock.release()
        for path in reversed(made):
            for extra in ("", "-wal", "-shm", ".new"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
        if stored:
            with contextlib.suppress(errors.VaultError):
                store.delete(vault_id)
        if created_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return CreatedVault(database=db, recovery_code=code)


def _make_folder(folder: Path) -> bool:
    """Create the vault folder 0700 (True when it was created here)."""
    if folder.exists():
        if not folder.is_dir():
            raise errors.VaultNotWritableError()
        # The folder becomes private (0700): never do that to a folder of other things.
        if any(folder.iterdir()):
            raise errors.VaultFolderNotEmptyError(path=str(folder))
        ensure_writable(folder)
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)
        return False
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    ensure_writable(parent)
    try:
        folder.mkdir(mode=DIR_MODE, parents=True)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFullError() from exc
        raise errors.VaultNotWritableError() from exc
    os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    return True


# -- open ------------------------------------------------------------------------------------


def open_vault(
    folder: Path,
    *,
    recovery_secret: str | None = None,
    keystore: Keystore | None = None,
    check_integrity: bool = True,
) -> VaultDatabase:
    """Open the vault in ``folder`` and hold its instance lock until ``close()``.

    In keyring mode the key comes from the OS keyring; with ``recovery_secret`` (or in
    passphrase-only mode, where it is required) it is unwrapped from the header instead. A key
    rotation that was interrupted is finished (or undone) here. With ``check_integrity=False``
    the caller must run :meth:`VaultDatabase.verify_integrity` soon after (the app does, off the
    GUI thread, while its first screen loads).

    Raises:
        VaultError: a subclass naming what is wrong; every file is left as it was.
    """
    folder = Path(folder).absolute()
    header = read_header(folder)
    db_path = folder / DATABASE_NAME
    if not db_path.exists():
        raise errors.DatabaseMissingError(path=str(folder))
    if recovery_secret is None and not header.uses_keyring:
        raise errors.RecoveryRequiredError()
    ensure_writable(folder)
    lock = InstanceLock.acquire(folder / LOCK_NAME)
    store = keystore or Keystore()
    try:
        # File checks first: a 0-byte or plaintext file has its own message whatever the key.
        check_file(db_path)
        candidates = _candidate_keys(header, store, recovery_secret)
        db, slot = _open_first(db_path, candidates, folder, check_integrity)
        db._attach_vault(folder, header, _key_of(candidates, slot), lock, store)
    except BaseException:
        lock.release()
        raise
    try:
        _settle_rotation(db, slot)
    except BaseException:
        db.close()
        raise
    return db


def unlock_with_recovery(
    folder: Path, secret: str, *, keystore: Keystore | None = None
) -> VaultDatabase:
    """Open the vault with its recovery secret and put the key back into the keyring.

    Raises:
        WrongRecoverySecretError: the secret does not unwrap the key.
        KeyNotPutBackError: the secret is right but the keyring would not take the key (the
            vault is closed again; ``open_vault(..., recovery_secret=...)`` still opens it).
        VaultError: other failures.
    """
    db = open_vault(folder, recovery_secret=secret, keystore=keystore)
    if db.header.uses_keyring:
        try:
            db.keystore.set(db.header.vault_id, db.key)
        except (
            errors.KeyringLockedError,
            errors.KeyringUnavailableError,
            errors.KeyringWriteError,
        ) as exc:
            db.close()
            raise errors.KeyNotPutBackError() from exc
        except BaseException:
            db.close()
            raise
    return db


def _candidate_keys(
    header: VaultHeader, store: Keystore, secret: str | None
) -> list[tuple[str, RawKey]]:
    """The keys to try, each with the header slot it belongs to (current first)."""
    vid = header.vault_id
    found: list[tuple[str, RawKey]] = []
    if secret is not None:
        slots = [(_SLOT_CURRENT, header.key)]
        if header.pending is not None:
            slots.append((_SLOT_PENDING, header.pending))
        for name, slot in slots:
            key = slot.recovery.unwrap(secret, vid)
            if key is not None and slot.matches(key, vid):
                found.append((name, key))
        if not found:
            raise errors.WrongRecoverySecretError()
        return found
    keys = [store.get(vid)]
    if header.pending is not None:
        pending = store.find(vid, pending=True)
        if pending is not None:
            keys.append(pending)
    for key in keys:
        if header.key.matches(key, vid):
            found.append((_SLOT_CURRENT, key))
        elif header.pending is not None and header.pending.matches(key, vid):
            found.append((_SLOT_PENDING, key))
    if not found:
        # The keyring holds a key, but not this vault's: never try it on the database.
        raise errors.WrongKeyError()
    found.sort(key=lambda item: item[0] != _SLOT_CURRENT)
    return found


def _key_of(candidates: list[tuple[str, RawKey]], slot: str) -> RawKey:
    return next(key for name, key in candidates if name == slot)


def _open_first(
    db_path: Path, candidates: list[tuple[str, RawKey]], folder: Path, check_integrity: bool
) -> tuple[VaultDatabase, str]:
    """Open with the first candidate that works. The key check already matched, so a
    "not a database" here means damage, not a wrong key."""
    failure: errors.VaultError | None = None
    seen: set[str] = set()
    for name, key in candidates:
        if name in seen:
            continue
        seen.add(name)
        try:
            db = VaultDatabase.open(
                db_path, key, backup_dir=folder / "backups", check_integrity=check_integrity
            )
        except errors.DatabaseCorruptError as exc:
            failure = exc
            continue
        return db, name
    assert failure is not None
    raise failure


def _settle_rotation(db: VaultDatabase, slot: str) -> None:
    """Finish a rotation that got past the re-key, or undo one that did not."""
    header = db.header
    if header.pending is None:
        return
    vid = header.vault_id
    if slot == _SLOT_PENDING:
        # The database is already under the new key: make it the current one everywhere.
        if header.uses_keyring:
            try:
                db.keystore.set(vid, db.key)
            except errors.VaultError:
                return  # the keyring is away: the pending slot still opens the vault
        final = header.with_changes(key=header.pending, pending=None)
    else:
        final = header.with_changes(pending=None)
    write_header(db.folder, final)
    db.header = final
    if header.uses_keyring:
        with contextlib.suppress(errors.VaultError):
            db.keystore.delete(vid, pending=True)


# -- recovery secret and key rotation --------------------------------------------------------------


def as_vault(db: Database) -> VaultDatabase:
    """``db`` as the vault it was opened as (it must come from this module)."""
    if not isinstance(db, VaultDatabase):
        raise errors.BugError("this needs a database opened through open_vault")
    return db


def verify_recovery_secret(db: Database, secret: str) -> None:
    """Check ``secret`` against the header.

    Raises:
        WrongRecoverySecretError: it does not unwrap this vault's key.
    """
    db = as_vault(db)
    key = db.header.key.recovery.unwrap(secret, db.header.vault_id)
    if key is None or key != db.key:
        raise errors.WrongRecoverySecretError()


def change_recovery(db: Database, new_passphrase: str | None = None) -> str | None:
    """Replace the recovery secret (one atomic header write).

    Args:
        db: the open vault.
        new_passphrase: the new passphrase; None generates a new recovery code.

    Returns:
        The new recovery code to show once, or None when a passphrase was given.
    """
    db = as_vault(db)
    code = None
    if new_passphrase is None:
        code = generate_recovery_code()
        secret = code
    else:
        check_passphrase(new_passphrase)
        secret = new_passphrase
    slot = KeySlot.build(db.key, secret, db.header.vault_id)
    # The new slot describes the key the database is under now, so a rotation that could not
    # be settled (keyring away at open) is settled by this too.
    final = db.header.with_changes(key=slot, pending=None)
    if db.header.pending is not None and db.header.uses_keyring:
        with contextlib.suppress(errors.VaultError):
            db.keystore.set(db.header.vault_id, db.key)
    write_header(db.folder, final)
    db.header = final
    return code


def rotate_key(db: Database, secret: str) -> None:
    """Re-encrypt the database under a new random key, crash-safely.

    Order: header gains a *pending* slot → new key into the keyring as a pending entry →
    ``PRAGMA rekey`` (atomic through SQLite's rollback journal) → keyring entry replaced →
    pending entry removed → header slot promoted. A kill at any point leaves a vault that
    :func:`open_vault` opens with the old or the new key (and then settles), and no stray entry
    in the keyring.

    Raises:
        WrongRecoverySecretError: ``secret`` is not this vault's recovery secret.
    """
    db = as_vault(db)
    verify_recovery_secret(db, secret)
    header = db.header
    vid = header.vault_id
    new_key = RawKey.generate()
    slot = KeySlot.build(new_key, secret, vid)
    keyring_mode = header.uses_keyring
    pending = header.with_changes(pending=slot)
    write_header(db.folder, pending)
    try:
        if keyring_mode:
            db.keystore.set(vid, new_key, pending=True)
        db.rekey(new_key)
    except BaseException:
        # The re-key is one transaction: the database is still under the old key.
        if keyring_mode:
            with contextlib.suppress(errors.VaultError):
                db.keystore.delete(vid, pending=True)
        write_header(db.folder, header)
        raise
    db._key = new_key
    db.header = pending
    if keyring_mode:
        db.keystore.set(vid, new_key)
        # Removed before the header is final: a kill in between still finds the new key as
        # the main entry, matching the pending slot, and open_vault finishes the job.
        db.keystore.delete(vid, pending=True)
    final = header.with_changes(key=slot, pending=None)
    write_header(db.folder, final)
    db.header = final


# -- backup and restore ----------------------------------------------------------------------


def backup_vault(db: Database, target: Path) -> None:
    """Write an encrypted copy of the vault to ``target`` (``sqlcipher_export``).

    The copy is keyed from the recovery secret (its salt is the file's first 16 bytes), so
    :func:`restore_vault` opens it on another machine with the recovery secret alone. It is
    written beside ``target`` under a temporary name, checked, and renamed into place.

    Raises:
        BackupTargetExistsError, BackupInsideVaultError, BackupTargetNotWritableError,
        DiskFullError.
    """
    db = as_vault(db)
    target = Path(target).absolute()
    if target.exists():
        raise errors.BackupTargetExistsError(path=str(target))
    if target.parent == db.folder or db.folder in target.parents:
        raise errors.BackupInsideVaultError()
    if not target.parent.is_dir():
        raise errors.BackupTargetNotWritableError(path=str(target))
    header = db.header
    try:
        backup_key = header.key.backup.open(db.key, header.vault_id)
    except ValueError:
        raise errors.HeaderCorruptError() from None
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    conn = db.conn
    try:
        with db._lock:
            conn.execute(
                "ATTACH DATABASE ? AS taiwa_backup KEY ?",
                (str(temp), backup_key.sql_literal_with_salt(header.key.backup.salt)),
            )
            try:
                conn.execute("SELECT sqlcipher_export('taiwa_backup')")
                # sqlcipher_export copies tables, not the schema version.
                conn.execute(f"PRAGMA taiwa_backup.user_version = {int(db.user_version)}")
                conn.execute(
                    f"CREATE TABLE taiwa_backup.{BACKUP_META_TABLE}"
                    " (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
                conn.executemany(
                    f"INSERT INTO taiwa_backup.{BACKUP_META_TABLE} VALUES (?, ?)",  # noqa: S608 - constant
                    [
                        ("format", str(BACKUP_FORMAT)),
                        ("vault_id", header.vault_id),
                        ("created_at", utc_now()),
                        ("taiwa_version", taiwa.__version__),
                        ("recovery_kind", header.key.recovery.kind),
                    ],
                )
            finally:
                conn.execute("DETACH DATABASE taiwa_backup")
        os.chmod(temp, FILE_MODE)
        _verify_backup(temp, backup_key)
        _fsync(temp)
        if target.exists():
            raise errors.BackupTargetExistsError(path=str(target))
        os.replace(temp, target)
        fsync_dir(target.parent)
    except sqlcipher.Error as exc:
        _remove_partial(temp)
        if "full" in str(exc).lower():
            raise errors.DiskFullError() from exc
        raise errors.BackupTargetNotWritableError(path=str(target)) from exc
    except OSError as exc:
        _remove_partial(temp)
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFullError() from exc
        raise errors.BackupTargetNotWritableError(path=str(target)) from exc
    except BaseException:
        _remove_partial(temp)
        raise


def _verify_backup(path: Path, key: RawKey) -> None:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
        rows = conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise errors.BugError("the backup did not verify")


def _remove_partial(path: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_backup_info(backup: Path, secret: str) -> dict[str, str]:
    """Open a backup read-only with the recovery secret and return its metadata.

    Raises:
        BackupMissingError, BackupUnreadableError.
    """
    return _open_backup(backup, secret)[0]


def _open_backup(backup: Path, secret: str) -> tuple[dict[str, str], RawKey]:
    backup = Path(backup).absolute()
    try:
        with backup.open("rb") as handle:
            salt = handle.read(16)
    except FileNotFoundError:
        raise errors.BackupMissingError(path=str(backup)) from None
    except OSError:
        raise errors.BackupUnreadableError() from None
    if len(salt) < 16 or salt.startswith(b"SQLite format 3"):
        raise errors.BackupUnreadableError()
    key = backup_key_for(secret, salt)
    try:
        conn = sqlcipher.connect(backup.as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlcipher.Error:
        raise errors.BackupUnreadableError() from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
        rows = conn.execute(
            f"SELECT name, value FROM {BACKUP_META_TABLE}"  # noqa: S608 - constant
        ).fetchall()
        check = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher.Error:
        raise errors.BackupUnreadableError() from None
    finally:
        conn.close()
    info = {str(r[0]): str(r[1]) for r in rows}
    if [tuple(r) for r in check] != [("ok",)] or info.get("format") != str(BACKUP_FORMAT):
        raise errors.BackupUnreadableError()
    return info, key


def restore_vault(
    backup: Path,
    folder: Path,
    secret: str,
    *,
    use_keyring: bool = True,
    keystore: Keystore | None = None,
) -> VaultDatabase:
    """Turn a backup into a working vault in ``folder``, with only the recovery secret.

    The restored vault gets a new vault id and a new random key (kept in the keyring unless
    ``use_keyring`` is False), wrapped under the same recovery secret.

    Raises:
        VaultExistsError: ``folder`` already holds a vault.
        BackupMissingError, BackupUnreadableError: the backup or the secret is wrong.
    """
    backup = Path(backup).absolute()
    folder = Path(folder).absolute()
    if vault_exists(folder):
        raise errors.VaultExistsError(path=str(folder))
    backup_key = _open_backup(backup, secret)[1]
    store = keystore or Keystore()
    if use_keyring and not store.available():
        # Fail before creating anything, with the way forward for a *new* vault.
        raise errors.NoKeyringForNewVaultError()
    created_folder = _make_folder(folder)
    vault_id = new_vault_id()
    key = RawKey.generate()
    db_path = folder / DATABASE_NAME
    new = db_path.with_name(db_path.name + ".new")
    made = [folder / LOCK_NAME, new, db_path, header_path(folder)]
    lock: InstanceLock | None = None
    stored = False
    try:
        ensure_writable(folder)
        lock = InstanceLock.acquire(folder / LOCK_NAME)
        if use_keyring:
            stored = True
            store.set(vault_id, key)
        _export_backup(backup, backup_key, new, key)
        os.replace(new, db_path)
        fsync_dir(folder)
        header = VaultHeader(
            vault_id=vault_id,
            key_store=STORE_KEYRING if use_keyring else STORE_PASSPHRASE,
            created_at=utc_now(),
            key=KeySlot.build(key, secret, vault_id),
        )
        write_header(folder, header)
        db = VaultDatabase.open(db_path, key, backup_dir=folder / "backups")
        db._attach_vault(folder, header, key, lock, store)
    except BaseException:
        if lock is not None:
            lock.release()
        for path in made:
            _remove_partial(path)
        if stored:
            with contextlib.suppress(errors.VaultError):
                store.delete(vault_id)
        if created_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return db


def _export_backup(backup: Path, backup_key: RawKey, new: Path, key: RawKey) -> None:
    """Copy the backup into a new database file keyed with ``key`` (no plaintext step)."""
    conn = sqlcipher.connect(str(new), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("ATTACH DATABASE ? AS src KEY ?", (str(backup), f"x'{backup_key.hex}'"))
        conn.execute("SELECT sqlcipher_export('main', 'src')")
        version = conn.execute("PRAGMA src.user_version").fetchone()[0]
        conn.execute("DETACH DATABASE src")
        conn.execute(f"DROP TABLE IF EXISTS main.{BACKUP_META_TABLE}")
        conn.execute(f"PRAGMA main.user_version = {int(version)}")
    except sqlcipher.Error as exc:
        conn.close()
        raise_sqlite_error(exc)
    conn.close()
    os.chmod(new, FILE_MODE)
    _fsync(new)


def latest_schema() -> int:
    """The schema version this Taiwa writes (for doctor)."""
    return schema.LATEST_VERSION
