"""The vault service: create, open, recover, re-key, back up and restore a vault folder.

A vault folder holds ``taiwa.db`` (SQLCipher 4), ``vault.json`` (the non-secret header, see
:mod:`taiwa.vault.header`) and ``taiwa.lock`` (the instance lock). The CLI and the GUI both go
through these functions; every expected failure is a :class:`~taiwa.vault.errors.VaultError`
and leaves every file of the vault as it was.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

import taiwa
from taiwa.atomic import atomic_path, fsync_dir, fsync_file, write_atomic
from taiwa.cancel import Cancel
from taiwa.vault import errors, integrity, schema
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
    FORMAT_VERSION,
    HEADER_FORMAT_SETTING,
    HEADER_NAME,
    LEGACY_COPY_NAME,
    LOCK_NAME,
    STORE_KEYRING,
    STORE_PASSPHRASE,
    KeySlot,
    VaultHeader,
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
    b64,
    backup_key_for,
    generate_recovery_code,
    normalize_secret,
    secret_kind,
)

BACKUP_FORMAT = 1
BACKUP_META_TABLE = "taiwa_backup"

_SLOT_CURRENT = "current"
_SLOT_PENDING = "pending"

#: :attr:`VaultDatabase.notices`: the header was upgraded to the authenticated format.
NOTICE_HEADER_UPGRADED = "header_upgraded"
#: The old header said "keyring" but nothing proved it (the keyring did not hold this vault's
#: key), so the upgraded header is passphrase-only; ``unlock --recovery --keyring`` undoes it.
NOTICE_KEYRING_UNPROVEN = "keyring_unproven"
#: The old header could not be upgraded yet (keyring away with a rotation or a keyring claim to
#: check); it is tried again on the next open, and meanwhile nothing is put into the keyring.
NOTICE_UPGRADE_DEFERRED = "header_upgrade_deferred"
#: The retention rule erased archived people on this open (how many:
#: :attr:`VaultDatabase.retention_erased`).
NOTICE_RETENTION_ERASED = "retention_erased"


class VaultDatabase(Database):
    """A :class:`Database` opened through the vault service.

    It knows its folder, header and key, and holds the instance lock until :meth:`close`.
    """

    folder: Path
    header: VaultHeader
    keystore: Keystore
    _key: RawKey
    _instance_lock: InstanceLock | None
    #: What opening did that the user should hear about (``NOTICE_*``), for the CLI and GUI.
    notices: list[str]
    #: How many archived people the retention rule erased on this open.
    retention_erased: int
    #: A quick_check is owed (unclean shutdown, upgrade) and the open left it to the caller:
    #: until :meth:`verify_integrity` completes, the folder keeps its unclean-shutdown marker.
    integrity_pending: bool = False

    def _attach_vault(
        self, folder: Path, header: VaultHeader, key: RawKey, lock: InstanceLock, store: Keystore
    ) -> None:
        self.folder = folder
        self.header = header
        self._key = key
        self._instance_lock = lock
        self.keystore = store
        self.notices = []
        self.retention_erased = 0

    @property
    def key(self) -> RawKey:
        """The database key (for re-wrapping; never log it)."""
        return self._key

    def verify_integrity(
        self, *, deadline: float | None = None, cancel: Cancel | None = None
    ) -> bool:
        """The full-file ``quick_check`` on its own connection (see :mod:`taiwa.vault.integrity`).

        Safe to call from a worker thread while the connection is in use. A completed check is
        recorded in the vault folder and settles a check the open left owed.

        Returns:
            True when it completed; False when ``deadline`` (``time.monotonic()``) came first.

        Raises:
            DatabaseCorruptError: the database is damaged.
            Cancelled: ``cancel`` raised it.
        """
        if not verify_integrity(self.path, self._key, deadline=deadline, cancel=cancel):
            return False
        integrity.record_check(self.folder)
        self.integrity_verified = True
        self.integrity_pending = False
        return True

    def close(self) -> None:
        """Close the database, then give up the instance lock."""
        try:
            was_open = self.is_open
            super().close()
            # A clean close: the next open needs no check, unless one is still owed.
            if was_open and not self.integrity_pending and hasattr(self, "folder"):
                integrity.mark_closed(self.folder)
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


def check_secret(secret: str) -> None:
    """A recovery secret given to open, restore or rotate must not be empty.

    Raises:
        EmptySecretError: nothing (or only white space) was given.
    """
    if not normalize_secret(secret).strip():
        raise errors.EmptySecretError()


def check_passphrase(secret: str) -> None:
    """A chosen passphrase must be given and long enough (a generated code always is).

    Raises:
        EmptySecretError: the passphrase is empty.
        PassphraseTooShortError: fewer than the minimum number of characters.
    """
    check_secret(secret)
    if secret_kind(secret) == KIND_PASSPHRASE and len(secret.strip()) < MIN_PASSPHRASE_LEN:
        raise errors.PassphraseTooShortError(minimum=MIN_PASSPHRASE_LEN)


# -- create -----------------------------------------------------------------------------------


def create_vault(  # noqa: PLR0915 - one sequence, each step with its clean-up
    folder: Path,
    *,
    use_keyring: bool = True,
    recovery_passphrase: str | None = None,
    keystore: Keystore | None = None,
) -> CreatedVault:
    """Create a new vault in ``folder`` and return it open (holding the instance lock).

    The key is stored in the keyring and read back before the database exists; the header and
    database are written under temporary names and renamed into place. On failure nothing is left behind
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
        ).sealed(key)
        db_path = folder / DATABASE_NAME
        # Listed for clean-up only once written here: never remove a file someone else made.
        Database.create(db_path, key).close()
        made.append(db_path)
        db = VaultDatabase.open(db_path, key, migrate=False)
        try:
            # Recorded before the header exists: no format-1 header can ever pass for it.
            _record_header_format(db)
            write_header(folder, header)
        except BaseException:
            db.close()
            raise
        made.append(header_path(folder))
        db._attach_vault(folder, header, key, lock, store)
    except BaseException:
        if lock is not None:
            lock.release()
        for path in reversed(made):
            for extra in ("", "-wal", "-shm"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
        if stored:
            with contextlib.suppress(errors.VaultError):
                store.delete(vault_id)
        if created_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    # VaultDatabase.open above ran the quick_check: the next open owes none.
    integrity.record_check(folder)
    integrity.mark_open(folder)
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
    check_integrity: bool | None = None,
) -> VaultDatabase:
    """Open the vault in ``folder`` and hold its instance lock until ``close()``.

    In keyring mode the key comes from the OS keyring; with ``recovery_secret`` (or in
    passphrase-only mode, where it is required) it is unwrapped from the header instead. A key
    rotation that was interrupted is finished (or undone) here.

    The full-file ``quick_check`` runs when ``check_integrity`` is True; by default (None) only
    when it is owed: after an unclean shutdown or an upgrade (see :mod:`taiwa.vault.integrity`).
    With False it never runs here; when one was owed, :attr:`VaultDatabase.integrity_pending`
    says so and the caller runs :meth:`VaultDatabase.verify_integrity` soon after (the app
    does, off the GUI thread, once its first screen is up).

    The header is checked in three steps: bounds and lengths before any key derivation
    (:func:`read_header`), its MAC under every key found before the database is touched, and,
    for a header of the old format, the database's record of the format it already uses (a
    format-1 header put back in place of a format-2 one is refused). An old header is then
    rewritten in the authenticated format (see :attr:`VaultDatabase.notices`).

    Raises:
        HeaderTamperedError: the header was changed (every file is left as it was).
        VaultError: a subclass naming what is wrong; every file is left as it was.
    """
    folder = Path(folder).absolute()
    if recovery_secret is not None:
        check_secret(recovery_secret)
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
        # Under the lock: a marker seen now was left by a process that never closed the vault.
        owed = integrity.check_required(folder)
        if check_integrity is None:
            check_integrity = owed
        # File checks first: a 0-byte or plaintext file has its own message whatever the key.
        check_file(db_path)
        candidates = _candidate_keys(header, store, recovery_secret)
        # Before the database is touched: a header whose MAC fails is never acted on.
        for name, key in candidates:
            header.verify(key, pending=name == _SLOT_PENDING)
        # An old header: no schema migration (a write) until the downgrade check has passed.
        db, slot = _open_first(
            db_path, candidates, folder, check_integrity, migrate=header.authenticated
        )
        db._attach_vault(folder, header, _key_of(candidates, slot), lock, store)
    except BaseException:
        lock.release()
        raise
    try:
        if header.authenticated:
            _record_header_format(db)
            _remove_header_copies(folder)
            _settle_rotation(db, slot)
        else:
            _open_legacy(db, slot, from_keyring=recovery_secret is None)
        _apply_retention(db)
    except BaseException:
        db.close()
        raise
    # Only an open that succeeded writes these (a refused one leaves every file as it was).
    # Database.open also checks before a migration, whatever it was asked.
    if db.integrity_verified:
        integrity.record_check(folder)
    else:
        db.integrity_pending = owed
    integrity.mark_open(folder)
    return db


def _apply_retention(db: VaultDatabase) -> None:
    """Erase the archived people whose retention period is over (the rule is off by default).

    On every open, so that it holds whichever way the vault is unlocked (app, CLI). The rule
    lives with the people it erases (:mod:`taiwa.store.retention`), imported only here.
    """
    if db.user_version != schema.LATEST_VERSION:
        return  # an upgrade deferred: archived_at does not exist yet
    from taiwa.store.retention import Retention

    rule = Retention(db)
    if not rule.due():
        return
    if not db.integrity_verified:
        # The app defers the full check; nothing is erased from a file not known to be intact.
        db.verify_integrity()
        db.integrity_verified = True
    db.retention_erased = rule.apply()
    db.notices.append(NOTICE_RETENTION_ERASED)


def _recorded_header_format(db: Database) -> int:
    """The header format this vault's database says it uses (0: none recorded)."""
    row = db.query_one("SELECT value FROM setting WHERE key = ?", (HEADER_FORMAT_SETTING,))
    try:
        return int(row[0]) if row is not None else 0
    except ValueError:
        return 0


def _remove_header_copies(folder: Path) -> None:
    """Remove copies of an older header: the upgrade's ``vault.json.v1`` left by a kill after
    the new header was in place, and the fixed ``vault.json.new`` of Taiwa before the atomic
    helper. Each wraps the key under a recovery secret that may since have been changed."""
    for name in (LEGACY_COPY_NAME, HEADER_NAME + ".new"):
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def _record_header_format(db: Database) -> None:
    """Record in the database that its header is authenticated (once; a downgrade guard)."""
    if _recorded_header_format(db) >= FORMAT_VERSION:
        return
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (HEADER_FORMAT_SETTING, str(FORMAT_VERSION)),
        )


def _open_legacy(db: VaultDatabase, slot: str, *, from_keyring: bool) -> None:
    """Finish opening through a format-1 header: refuse a downgrade, migrate, upgrade it.

    A format-1 header authenticates nothing but the wrapped key, so what it says is trusted only
    as far as it can be proven: "keyring" is believed when the keyring holds this vault's key
    (it was read from there, or it is there now). Otherwise a passphrase-only vault whose header
    was edited to say "keyring" could be made to put its key into the keyring, so the upgraded
    header says passphrase-only and the user is told how to go back (NOTICE_KEYRING_UNPROVEN).
    """
    if _recorded_header_format(db) >= FORMAT_VERSION:
        raise errors.HeaderDowngradeError(field="format")
    # The schema migration that open() held back (it writes a backup copy first).
    if db.user_version != schema.LATEST_VERSION:
        if not db.integrity_verified:
            db.verify_integrity()
        db._migrate(db.folder / "backups")
    header = db.header
    vid = header.vault_id
    key_store = header.key_store
    if header.uses_keyring and not from_keyring:
        try:
            held = db.keystore.find(vid)
        except errors.VaultError:
            # Locked or away: nothing can be proven now. Keep the old header for next time.
            db.notices.append(NOTICE_UPGRADE_DEFERRED)
            return
        if held is None or held != db.key:
            key_store = STORE_PASSPHRASE
            db.notices.append(NOTICE_KEYRING_UNPROVEN)
    header = header.with_changes(key_store=key_store)
    if header.pending is not None:
        final = _settled_header(db, header, slot)
        if final is None:
            db.notices.append(NOTICE_UPGRADE_DEFERRED)
            return
        header = final
    upgraded = header.sealed(db.key)
    folder = db.folder
    old = header_path(folder).read_bytes()
    copy = folder / LEGACY_COPY_NAME
    # The old header is kept beside it until the new one and the database record are in place.
    try:
        write_atomic(copy, old, mode=FILE_MODE)
    except OSError as exc:
        raise _write_error(exc) from exc
    write_header(folder, upgraded)
    _record_header_format(db)
    copy.unlink(missing_ok=True)
    fsync_dir(folder)
    db.header = upgraded
    if header.uses_keyring and upgraded.uses_keyring:
        with contextlib.suppress(errors.VaultError):
            db.keystore.delete(vid, pending=True)
    db.notices.append(NOTICE_HEADER_UPGRADED)


def unlock_with_recovery(
    folder: Path,
    secret: str,
    *,
    keystore: Keystore | None = None,
    keep_in_keyring: bool = False,
) -> VaultDatabase:
    """Open the vault with its recovery secret and put the key back into the keyring.

    With ``keep_in_keyring`` a passphrase-only vault is switched to keyring mode (the user's
    explicit choice, e.g. after an old header's unproven keyring claim was not trusted).

    Raises:
        WrongRecoverySecretError: the secret does not unwrap the key.
        KeyNotPutBackError: the secret is right but the keyring would not take the key (the
            vault is closed again; ``open_vault(..., recovery_secret=...)`` still opens it).
        VaultError: other failures.
    """
    db = open_vault(folder, recovery_secret=secret, keystore=keystore)
    if keep_in_keyring and not db.header.uses_keyring and db.header.authenticated:
        try:
            db.keystore.set(db.header.vault_id, db.key)
            switched = db.header.with_changes(key_store=STORE_KEYRING).sealed(db.key)
            write_header(db.folder, switched)
            db.header = switched
        except BaseException:
            db.close()
            raise
        return db
    if db.header.uses_keyring:
        if not db.header.authenticated:
            # An old header whose keyring claim could not be checked (keyring away): the key
            # goes into the keyring only once an authenticated header says so.
            db.close()
            raise errors.KeyNotPutBackError()
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
    db_path: Path,
    candidates: list[tuple[str, RawKey]],
    folder: Path,
    check_integrity: bool,
    *,
    migrate: bool = True,
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
                db_path,
                key,
                backup_dir=folder / "backups",
                check_integrity=check_integrity,
                migrate=migrate,
            )
        except errors.DatabaseCorruptError as exc:
            failure = exc
            continue
        return db, name
    assert failure is not None
    raise failure


def _write_error(exc: OSError) -> errors.VaultError:
    if exc.errno == errno.ENOSPC:
        return errors.DiskFullError()
    return errors.VaultNotWritableError()


def _settled_header(db: VaultDatabase, header: VaultHeader, slot: str) -> VaultHeader | None:
    """The header once a rotation is finished (or undone); None while it cannot be yet.

    Puts the new key into the keyring when the database is already under it.
    """
    assert header.pending is not None
    if slot == _SLOT_PENDING:
        # The database is already under the new key: make it the current one everywhere.
        if header.uses_keyring:
            try:
                db.keystore.set(header.vault_id, db.key)
            except errors.VaultError:
                return None  # the keyring is away: the pending slot still opens the vault
        return header.with_changes(key=header.pending, pending=None)
    return header.with_changes(pending=None)


def _settle_rotation(db: VaultDatabase, slot: str) -> None:
    """Finish a rotation that got past the re-key, or undo one that did not."""
    header = db.header
    if header.pending is None:
        return
    vid = header.vault_id
    final = _settled_header(db, header, slot)
    if final is None:
        return
    final = final.sealed(db.key)
    write_header(db.folder, final)
    db.header = final
    if slot == _SLOT_PENDING:
        # A rotation killed before it re-encrypted the copies in backups/: the old key is gone,
        # so a copy still under it can only be deleted.
        _rekey_folder_copies(db.folder / "backups", None, db.key)
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
    _require_authenticated(db)
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
    final = db.header.with_changes(key=slot, pending=None).sealed(db.key)
    if db.header.pending is not None and db.header.uses_keyring:
        with contextlib.suppress(errors.VaultError):
            db.keystore.set(db.header.vault_id, db.key)
    # The old header (the only thing in the folder under the old secret) is replaced whole.
    # Backups written before keep opening with the old secret: see stale_backups().
    write_header(db.folder, final)
    db.header = final
    _remove_header_copies(db.folder)
    return code


def _require_authenticated(db: VaultDatabase) -> None:
    """Refuse to re-seal a format-1 header whose upgrade was deferred (keyring away)."""
    if not db.header.authenticated:
        # What it says about the keyring is unproven until the keyring can be asked.
        raise errors.KeyringLockedError()


def rotate_key(db: Database, secret: str) -> list[Path]:
    """Re-encrypt the database under a new random key, crash-safely.

    Order: header gains a *pending* slot → new key into the keyring as a pending entry →
    ``PRAGMA rekey`` (atomic through SQLite's rollback journal) → keyring entry replaced →
    pending entry removed → header slot promoted. A kill at any point leaves a vault that
    :func:`open_vault` opens with the old or the new key (and then settles), and no stray entry
    in the keyring.

    Then the copies in the vault folder's ``backups/`` (made before schema upgrades, under the
    old key) are re-encrypted under the new key, or deleted when that fails.

    Returns:
        The copies in ``backups/`` that were deleted because they could not be re-encrypted.

    Raises:
        WrongRecoverySecretError: ``secret`` is not this vault's recovery secret.
    """
    db = as_vault(db)
    check_secret(secret)
    _require_authenticated(db)
    verify_recovery_secret(db, secret)
    header = db.header
    old_key = db.key
    vid = header.vault_id
    new_key = RawKey.generate()
    slot = KeySlot.build(new_key, secret, vid)
    keyring_mode = header.uses_keyring
    # Authenticated under both keys: whichever a kill leaves the database under opens it.
    pending = header.with_changes(pending=slot).sealed(old_key, new_key)
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
    # Before the header is final: a kill in the middle leaves the rotation pending, and the
    # open that settles it deletes any copy still under the old key.
    removed = _rekey_folder_copies(db.folder / "backups", old_key, new_key)
    final = header.with_changes(key=slot, pending=None).sealed(new_key)
    write_header(db.folder, final)
    db.header = final
    return removed


def _rekey_folder_copies(folder: Path, old_key: RawKey | None, new_key: RawKey) -> list[Path]:
    """Re-encrypt every copy in ``backups/`` from ``old_key`` to ``new_key``.

    A copy already under ``new_key`` is left as it is. One that opens with neither key, or
    whose re-key fails, is deleted: a copy the vault's current key cannot open is of no use to
    it, and one under a leaked key is a leak. Returns the deleted ones.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for copy in sorted(folder.glob("*.db")):
        if not copy.is_file() or copy.is_symlink():
            continue
        if _opens_with(copy, new_key):
            continue
        try:
            if old_key is None:
                raise sqlcipher.DatabaseError("no old key")
            conn = sqlcipher.connect(str(copy), isolation_level=None)
            try:
                conn.execute("PRAGMA cipher_log_level = NONE")
                apply_key(conn, old_key)
                conn.execute("PRAGMA temp_store = MEMORY")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                # DELETE journal: PRAGMA rekey is then one transaction, all or nothing.
                conn.execute("PRAGMA journal_mode = DELETE")
                apply_key(conn, new_key, rekey=True)
            finally:
                conn.close()
        except sqlcipher.Error:
            _remove_partial(copy)
            removed.append(copy)
    return removed


def _opens_with(path: Path, key: RawKey) -> bool:
    try:
        conn = sqlcipher.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlcipher.Error:
        return False
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.Error:
        return False
    finally:
        conn.close()
    return True


#: The ``setting`` row that lists the backup files written by backup_vault (paths and salts).
BACKUPS_SETTING = "vault.backups"


def _remember_backup(db: VaultDatabase, target: Path) -> None:
    """Record (inside the encrypted vault) where a backup was written and under which slot."""
    entries = _remembered(db)
    entries = [e for e in entries if e.get("path") != str(target)]
    entries.append(
        {
            "path": str(target),
            "salt": b64(db.header.key.backup.salt),
            "created_at": utc_now(),
        }
    )
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (BACKUPS_SETTING, json.dumps(entries[-500:], ensure_ascii=False)),
        )


def _remembered(db: Database) -> list[dict[str, str]]:
    row = db.query_one("SELECT value FROM setting WHERE key = ?", (BACKUPS_SETTING,))
    try:
        value = json.loads(row[0]) if row is not None else []
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [e for e in value if isinstance(e, dict) and isinstance(e.get("path"), str)]


def stale_backups(db: Database) -> list[Path]:
    """Backup files written by :func:`backup_vault` that still open with an old secret.

    Every backup is keyed from the recovery secret (and its key is also sealed in the header
    under the database key of its day). After :func:`change_recovery` the old secret still opens
    those written before; after :func:`rotate_key` the old database key does too, with a copy
    of the old ``vault.json``. Taiwa cannot reach them to re-encrypt them; it names them. A
    recorded file is listed while it exists and still starts with its recorded salt, and was
    written under another slot than the current one.
    """
    db = as_vault(db)
    current = b64(db.header.key.backup.salt)
    found: list[Path] = []
    for entry in _remembered(db):
        if entry.get("salt") == current:
            continue
        path = Path(entry["path"])
        try:
            with path.open("rb") as handle:
                head = handle.read(16)
        except OSError:
            continue
        if b64(head) == entry.get("salt"):
            found.append(path)
    return found


def known_backups(db: Database) -> list[Path]:
    """Every copy of the vault it knows of that still exists: the copies made before schema
    upgrades in ``backups/`` and the backup files written by :func:`backup_vault`.

    A deletion for good cannot reach them; the CLI and the app name them before one.
    """
    db = as_vault(db)
    found: list[Path] = []
    with contextlib.suppress(OSError):
        found.extend(sorted(p for p in (db.folder / "backups").iterdir() if p.is_file()))
    for entry in _remembered(db):
        path = Path(entry["path"])
        with contextlib.suppress(OSError):
            if path.is_file() and path not in found:
                found.append(path)
    return found


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
    if _inside(target, db.folder):
        raise errors.BackupInsideVaultError()
    if not target.parent.is_dir():
        raise errors.BackupTargetNotWritableError(path=str(target))
    header = db.header
    try:
        backup_key = header.key.backup.open(db.key, header.vault_id)
    except ValueError:
        raise errors.HeaderCorruptError() from None
    conn = db.conn
    try:
        # SQLCipher writes the copy (and its -journal) in a private folder beside the target;
        # the rename refuses a target that appeared meanwhile (overwrite=False).
        with atomic_path(target, overwrite=False) as temp, db._lock:
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
    except sqlcipher.Error as exc:
        if "full" in str(exc).lower():
            raise errors.DiskFullError() from exc
        raise errors.BackupTargetNotWritableError(path=str(target)) from exc
    except FileExistsError as exc:
        raise errors.BackupTargetExistsError(path=str(target)) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFullError() from exc
        raise errors.BackupTargetNotWritableError(path=str(target)) from exc
    # So that a later change-recovery or rotate-key can name it (stale_backups).
    _remember_backup(db, target)


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies in it — lexically or once links are resolved.

    A path through a symlink (``~/link-to-vault/copy.db``) names a file in the vault folder
    just as much as the plain path does.
    """
    path, folder = Path(path).absolute(), Path(folder).absolute()
    if path == folder or folder in path.parents:
        return True
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


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


#: A restore is built in a hidden folder beside its target, named with this infix.
RESTORE_INFIX = ".taiwa-restore-"


def restore_leftovers(folder: Path) -> list[Path]:
    """The folders an interrupted restore into ``folder`` left beside it."""
    folder = Path(folder).absolute()
    parent = folder.parent
    if not parent.is_dir():
        return []
    prefix = f".{folder.name}{RESTORE_INFIX}"
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix) and not p.is_symlink())


def clean_restore_leftovers(folder: Path, *, keystore: Keystore | None = None) -> list[Path]:
    """Remove what an interrupted restore into ``folder`` left (and its keyring entry).

    A leftover another process is still building (its instance lock is held) is left alone.

    Returns:
        The folders removed.
    """
    removed: list[Path] = []
    for leftover in restore_leftovers(folder):
        if not leftover.is_dir():
            continue
        try:
            lock = InstanceLock.acquire(leftover / LOCK_NAME)
        except errors.VaultInUseError:
            continue  # a restore in progress
        except errors.VaultError:
            lock = None
        try:
            with contextlib.suppress(errors.VaultError):
                _forget_leftover_key(leftover, keystore or Keystore())
        finally:
            if lock is not None:
                lock.release()
        shutil.rmtree(leftover, ignore_errors=True)
        if not leftover.exists():
            removed.append(leftover)
    return removed


def _forget_leftover_key(leftover: Path, store: Keystore) -> None:
    """Remove the keyring entry of an unfinished restored vault (a random id of its own).

    Only when the entry holds the key that leftover's header was sealed with and that opens
    its database: a folder planted under a leftover's name with a copy of another vault's
    header cannot make this delete that vault's entry (a full copy of that vault, header and
    database, still could: whoever can read the vault folder has the secrets anyway).
    """
    header = read_header(leftover)
    key = store.find(header.vault_id)
    if key is None or not header.key.matches(key, header.vault_id):
        return
    header.verify(key)
    if (leftover / DATABASE_NAME).exists() and _opens_with(leftover / DATABASE_NAME, key):
        store.delete(header.vault_id)


def restore_vault(  # noqa: PLR0915 - one sequence, each step with its clean-up
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

    All or nothing: the vault is built in a hidden folder beside ``folder``
    (``.NAME.taiwa-restore-XXXX``) and renamed into place only once complete, so a kill leaves
    either no vault or the whole one. :func:`clean_restore_leftovers` removes what a killed
    restore left; the CLI runs it (and says so) before each restore.

    Raises:
        VaultExistsError: ``folder`` already holds a vault.
        VaultFolderNotEmptyError: ``folder`` holds other files.
        BackupMissingError, BackupUnreadableError: the backup or the secret is wrong.
        EmptySecretError: ``secret`` is empty.
    """
    check_secret(secret)
    backup = Path(backup).absolute()
    folder = Path(folder).absolute()
    if vault_exists(folder):
        raise errors.VaultExistsError(path=str(folder))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise errors.VaultFolderNotEmptyError(path=str(folder))
    backup_key = _open_backup(backup, secret)[1]
    store = keystore or Keystore()
    if use_keyring and not store.available():
        # Fail before creating anything, with the way forward for a *new* vault.
        raise errors.NoKeyringForNewVaultError()
    parent = folder.parent
    if not parent.is_dir():
        _make_folder(parent)
    ensure_writable(parent)
    work = parent / f".{folder.name}{RESTORE_INFIX}{secrets.token_hex(4)}"
    try:
        work.mkdir(mode=DIR_MODE)
    except OSError as exc:
        raise _write_error(exc) from exc
    vault_id = new_vault_id()
    key = RawKey.generate()
    stored = False
    try:
        os.chmod(work, DIR_MODE)
        lock = InstanceLock.acquire(work / LOCK_NAME)
        try:
            db_path = work / DATABASE_NAME
            _export_backup(backup, backup_key, db_path, key)
            header = VaultHeader(
                vault_id=vault_id,
                key_store=STORE_KEYRING if use_keyring else STORE_PASSPHRASE,
                created_at=utc_now(),
                key=KeySlot.build(key, secret, vault_id),
            ).sealed(key)
            with VaultDatabase.open(db_path, key, backup_dir=work / "backups") as db:
                _record_header_format(db)
                with db.transaction() as conn:
                    # Its backups' paths belong to the vault they were written from.
                    conn.execute("DELETE FROM setting WHERE key = ?", (BACKUPS_SETTING,))
            # The header before the keyring entry: a leftover names the entry to remove.
            write_header(work, header)
            if use_keyring:
                stored = True
                store.set(vault_id, key)
        finally:
            lock.release()
        try:
            if folder.exists():
                folder.rmdir()  # empty (checked above); a rename onto it is not portable
            os.rename(work, folder)
        except OSError as exc:
            if folder.exists():
                raise errors.VaultExistsError(path=str(folder)) from exc
            raise _write_error(exc) from exc
        fsync_dir(parent)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if stored:
            with contextlib.suppress(errors.VaultError):
                store.delete(vault_id)
        raise
    return open_vault(folder, recovery_secret=None if use_keyring else secret, keystore=store)


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
    fsync_file(new)


def latest_schema() -> int:
    """The schema version this Taiwa writes (for doctor)."""
    return schema.LATEST_VERSION
