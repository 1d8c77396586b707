"""`taiwa doctor`: open the vault and report whether it is healthy.

The report is plain data (its keys are documented in the README and stable for ``--json``).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from taiwa import hardening
from taiwa.vault import errors
from taiwa.vault import integrity as integrity_state
from taiwa.vault.header import DATABASE_NAME, HEADER_NAME, LOCK_NAME
from taiwa.vault.keystore import Keystore
from taiwa.vault.service import VaultDatabase, latest_schema, open_vault


def _mode(path: Path) -> str:
    return f"{stat.S_IMODE(path.stat().st_mode):04o}"


def permissions(folder: Path) -> dict[str, Any]:
    """Modes of the vault folder and its files; ``ok`` when nothing is open to others."""
    result: dict[str, Any] = {"folder": None, "files": {}, "ok": True}
    if not folder.is_dir():
        result["ok"] = False
        return result
    result["folder"] = _mode(folder)
    check_modes = os.name == "posix"
    if check_modes and folder.stat().st_mode & 0o077:
        result["ok"] = False
    names = [
        DATABASE_NAME,
        f"{DATABASE_NAME}-wal",
        f"{DATABASE_NAME}-shm",
        HEADER_NAME,
        LOCK_NAME,
        integrity_state.OPEN_MARKER,
        integrity_state.STATE_NAME,
    ]
    files = [folder / n for n in names]
    backups = folder / "backups"
    if backups.is_dir():
        files.append(backups)
        files.extend(sorted(backups.iterdir()))
    for path in files:
        if not path.exists():
            continue
        rel = path.relative_to(folder).as_posix()
        result["files"][rel] = _mode(path)
        if check_modes and path.stat().st_mode & 0o077:
            result["ok"] = False
    return result


def process_state() -> dict[str, Any]:
    """Core dumps and ptrace-ability of this process (the CLI hardens itself at start-up)."""
    core: int | None = None
    try:
        import resource

        core = resource.getrlimit(resource.RLIMIT_CORE)[0]
    except (ImportError, ValueError, OSError):
        core = None
    return {
        "core_dumps_disabled": core == 0 if core is not None else None,
        "dumpable": hardening.is_dumpable(),
        "platform": sys.platform,
    }


def diagnose(
    folder: Path, *, recovery_secret: str | None = None, keystore: Keystore | None = None
) -> dict[str, Any]:
    """Open the vault in ``folder`` and check it.

    Returns:
        The report (``healthy`` is True only when everything checked out). When the vault does
        not open, ``error`` holds the failure's code and translated message.
    """
    folder = Path(folder).absolute()
    store = keystore or Keystore()
    report: dict[str, Any] = {
        "vault": str(folder),
        "healthy": False,
        "error": None,
        "problems": [],
        "permissions": permissions(folder),
        "process": process_state(),
    }
    try:
        # No quick_check on open: the full integrity_check below reads every page anyway, and
        # reports damage as a finding instead of refusing to open.
        db = open_vault(
            folder, recovery_secret=recovery_secret, keystore=store, check_integrity=False
        )
    except errors.VaultError as exc:
        report["error"] = {"code": exc.code, "message": exc.localized()}
        report["problems"].append(exc.code)
        return report
    try:
        report.update(_inspect(db, store))
    finally:
        db.close()
    report["permissions"] = permissions(folder)
    problems: list[str] = report["problems"]
    if not report["permissions"]["ok"]:
        problems.append("permissions")
    proc = report["process"]
    if proc["dumpable"] is True:
        problems.append("dumpable")
    if proc["core_dumps_disabled"] is False:
        problems.append("core_dumps")
    report["healthy"] = not problems
    return report


def _inspect(db: VaultDatabase, store: Keystore) -> dict[str, Any]:
    problems: list[str] = []
    cipher = str(db.pragma("cipher_version") or "")
    if not cipher.startswith("4."):
        problems.append("cipher_version")
    integrity = [str(r[0]) for r in db.query("PRAGMA integrity_check")]
    # cipher_integrity_check verifies every page's HMAC; it returns no rows when all are fine.
    cipher_errors = len(db.query("PRAGMA cipher_integrity_check"))
    integrity_ok = integrity == ["ok"] and cipher_errors == 0
    if integrity_ok:
        # It settles a check owed since an unclean shutdown or an upgrade.
        integrity_state.record_check(db.folder)
        db.integrity_verified = True
        db.integrity_pending = False
    else:
        problems.append("integrity")
    temp_store = int(db.pragma("temp_store"))
    if temp_store != 2:  # 2 = MEMORY: SQLite's temp files are never encrypted
        problems.append("temp_store")
    if int(db.pragma("secure_delete")) != 1:
        problems.append("secure_delete")
    journal = str(db.pragma("journal_mode")).lower()
    if journal != "wal":
        problems.append("journal_mode")
    header = db.header
    where: str | None = None
    if header.uses_keyring:
        try:
            where = store.where()
        except errors.VaultError:
            where = None
    return {
        "problems": problems,
        "vault_id": header.vault_id,
        "format": header.format,
        "cipher_version": cipher,
        "cipher_provider": str(db.pragma("cipher_provider") or ""),
        "integrity": "ok" if integrity_ok else "failed",
        "schema_version": db.user_version,
        "schema_latest": latest_schema(),
        "key_store": header.key_store,
        "keyring_backend": where,
        "recovery_kind": header.key.recovery.kind,
        "rotation_pending": header.pending is not None,
        "temp_store": "memory" if temp_store == 2 else "file",
        "journal_mode": journal,
    }
