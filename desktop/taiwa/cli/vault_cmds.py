"""Vault commands: init, unlock, doctor, backup, restore, change-recovery, rotate-key.

Secrets come from ``TAIWA_RECOVERY`` / ``TAIWA_NEW_RECOVERY`` or a hidden prompt, never from an
argument. A generated recovery code is printed once, to stdout, and nowhere else.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from taiwa.cli.context import NEW_RECOVERY_ENV, PROMPT_NEW, RECOVERY_ENV, CliContext
from taiwa.i18n import Msg
from taiwa.vault import errors

CREATED = Msg("Created a vault at {path}.", "{path} に保管庫を作成しました。")
KEY_IN_KEYRING = Msg(
    "Its key is kept in the system keyring ({where}).",
    "鍵はシステムのキーリング（{where}）に保管されています。",
)
PASSPHRASE_ONLY = Msg(
    "Passphrase-only mode: nothing is in the keyring; the recovery passphrase opens it every time.",
    "パスフレーズ専用モードです。キーリングには何も保存せず、毎回リカバリーパスフレーズで開きます。",
)
CODE_INTRO = Msg(
    "Your recovery code (shown only this once — write it down and keep it somewhere safe; "
    "it opens the vault and its backups when the keyring is lost):",
    "リカバリーコード（表示はこの 1 回だけです。書き留めて安全な場所に保管してください。"
    "キーリングを失ったときに保管庫とバックアップを開けます）:",
)
PASSPHRASE_SET = Msg(
    "The recovery passphrase you gave opens the vault and its backups without the keyring.",
    "指定したリカバリーパスフレーズで、キーリングなしでも保管庫とバックアップを開けます。",
)
UNLOCKED_KEYRING = Msg(
    "The vault opens with the key from the system keyring.",
    "システムのキーリングの鍵で保管庫を開けます。",
)
UNLOCKED_RECOVERY = Msg(
    "Unlocked with the recovery secret; the key is back in the system keyring ({where}).",
    "リカバリーシークレットで解除しました。鍵をシステムのキーリング（{where}）に戻しました。",
)
UNLOCKED_PASSPHRASE = Msg(
    "The recovery passphrase opens the vault (passphrase-only mode).",
    "リカバリーパスフレーズで保管庫を開けます（パスフレーズ専用モード）。",
)
RECOVERY_CHANGED = Msg(
    "The recovery secret was changed. Backups made before keep opening with the old one.",
    "リカバリーシークレットを変更しました。以前のバックアップは古いシークレットで開きます。",
)
KEY_ROTATED = Msg(
    "The database was re-encrypted under a new key.",
    "データベースを新しい鍵で暗号化し直しました。",
)
BACKUP_WRITTEN = Msg(
    "Wrote an encrypted backup to {path}. It opens only with the recovery code or passphrase.",
    "暗号化したバックアップを {path} に書き出しました。リカバリーコードまたはパスフレーズでのみ開けます。",
)
RESTORED = Msg(
    "Restored the backup into a new vault at {path}.",
    "{path} に新しい保管庫としてバックアップを復元しました。",
)
LEFTOVER_REMOVED = Msg(
    "Removed {path}, left by an interrupted restore (it held no finished vault).",
    "中断された復元が残した {path} を削除しました（完成した保管庫ではありませんでした）。",
)
HEADER_UPGRADED = Msg(
    "The vault's header (vault.json) was upgraded to the authenticated format.",
    "保管庫のヘッダー（vault.json）を認証付きの形式に更新しました。",
)
KEYRING_UNPROVEN = Msg(
    "The old header said the key is kept in the keyring, but the keyring does not hold it, so "
    "the vault is now in passphrase-only mode and its key was not put into the keyring. If it "
    "did use the keyring, run 'taiwa unlock --recovery --keyring'.",
    "古いヘッダーでは鍵をキーリングに保管することになっていますが、キーリングに鍵がないため、"
    "保管庫をパスフレーズ専用モードにし、鍵はキーリングに入れていません。キーリングを使っていた"
    "場合は 'taiwa unlock --recovery --keyring' を実行してください。",
)
UPGRADE_DEFERRED = Msg(
    "The vault's header (vault.json) is of an older format; it will be upgraded once the "
    "system keyring can be reached.",
    "保管庫のヘッダー（vault.json）は古い形式です。システムのキーリングに接続できたときに更新します。",
)
FOLDER_COPIES_REMOVED = Msg(
    "Deleted {count} copies in the vault's backups/ folder that could not be re-encrypted under "
    "the new key.",
    "新しい鍵で暗号化し直せなかった保管庫の backups/ フォルダー内のコピー {count} 件を削除しました。",
)
STALE_AFTER_RECOVERY = Msg(
    "These backup files still open with the old recovery secret: {paths}. Delete them or keep "
    "them safe.",
    "次のバックアップファイルは古いリカバリーシークレットで開けます: {paths}。削除するか安全に保管してください。",
)
STALE_AFTER_ROTATION = Msg(
    "These backup files were written under the old key and still open with it (with a copy "
    "of the old vault.json), and with the recovery secret: {paths}. Delete them or keep them "
    "safe.",
    "次のバックアップファイルは古い鍵で書き出されたもので、古い鍵（古い vault.json と組み合わせて）"
    "とリカバリーシークレットで開けます: {paths}。削除するか安全に保管してください。",
)
HEALTHY = Msg("The vault is healthy.", "保管庫は正常です。")
UNHEALTHY = Msg("The vault has problems: {problems}", "保管庫に問題があります: {problems}")

DOCTOR_LINES = (
    ("vault", Msg("Vault", "保管庫")),
    ("cipher_version", Msg("SQLCipher", "SQLCipher")),
    ("integrity", Msg("Integrity", "整合性")),
    ("schema_version", Msg("Schema version", "スキーマバージョン")),
    ("key_store", Msg("Key kept in", "鍵の保管場所")),
    ("keyring_backend", Msg("Keyring", "キーリング")),
    ("recovery_kind", Msg("Recovery secret", "リカバリー方式")),
)

VALUE_NAMES = {
    ("key_store", "keyring"): Msg("system keyring", "システムのキーリング"),
    ("key_store", "passphrase"): Msg("nowhere (passphrase only)", "保存なし（パスフレーズのみ）"),
    ("recovery_kind", "code"): Msg("recovery code", "リカバリーコード"),
    ("recovery_kind", "passphrase"): Msg("passphrase", "パスフレーズ"),
    ("integrity", "ok"): Msg("ok", "正常"),
    ("integrity", "failed"): Msg("FAILED", "異常"),
    ("bool", "True"): Msg("yes", "はい"),
    ("bool", "False"): Msg("no", "いいえ"),
}

_KEYRING_CODES = {
    errors.KeyringUnavailableError.code,
    errors.KeyringLockedError.code,
    errors.KeyringEntryMissingError.code,
    errors.WrongKeyError.code,
}

PROBLEM_NAMES = {
    "permissions": Msg(
        "the folder or a file is readable by other users (want 0700/0600)",
        "フォルダーまたはファイルが他のユーザーから読めます（0700/0600 にしてください）",
    ),
    "integrity": Msg("the integrity check failed", "整合性チェックに失敗しました"),
    "cipher_version": Msg("SQLCipher is not version 4", "SQLCipher がバージョン 4 ではありません"),
    "temp_store": Msg("temporary data would go to files", "一時データがファイルに書かれます"),
    "secure_delete": Msg("secure delete is off", "secure_delete が無効です"),
    "journal_mode": Msg("the journal is not WAL", "ジャーナルが WAL ではありません"),
    "dumpable": Msg("this process could be dumped", "このプロセスはダンプ可能です"),
    "core_dumps": Msg("core dumps are enabled", "コアダンプが有効です"),
    "keyring_unavailable": Msg("no system keyring", "システムのキーリングがありません"),
    "keyring_locked": Msg("the keyring is locked", "キーリングがロックされています"),
    "keyring_entry_missing": Msg(
        "the keyring has no key for this vault", "キーリングにこの保管庫の鍵がありません"
    ),
    "wrong_key": Msg(
        "the keyring holds a wrong key for this vault",
        "キーリングの鍵がこの保管庫のものではありません",
    ),
}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the parser."""

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
        # Also accepted after the command (``taiwa restore FILE --vault DIR``); SUPPRESS keeps
        # a --vault given before the command from being overwritten by the default.
        parser.add_argument(
            "--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder"
        )
        return parser

    p = add("init", "create a new vault (prints the recovery code once)")
    p.add_argument(
        "--no-keyring",
        action="store_true",
        help="passphrase-only mode: keep nothing in the keyring (passphrase from TAIWA_RECOVERY or a prompt)",
    )
    p.set_defaults(handler=cmd_init)

    p = add("unlock", "check the vault opens; --recovery puts the key back into the keyring")
    p.add_argument(
        "--recovery",
        action="store_true",
        help="open with the recovery code or passphrase (TAIWA_RECOVERY or a prompt)",
    )
    p.add_argument(
        "--keyring",
        action="store_true",
        help="with --recovery: keep the key in the system keyring from now on",
    )
    p.set_defaults(handler=cmd_unlock)

    p = add("doctor", "check the vault: cipher, integrity, permissions, key store")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_doctor)

    p = add("backup", "write one encrypted backup file (opens with the recovery secret)")
    p.add_argument("file", type=Path, help="the new backup file (outside the vault folder)")
    p.set_defaults(handler=cmd_backup)

    p = add("restore", "turn a backup into a new vault (needs the recovery secret)")
    p.add_argument("file", type=Path, help="the backup file")
    p.add_argument("--no-keyring", action="store_true", help="restore in passphrase-only mode")
    p.set_defaults(handler=cmd_restore)

    p = add("change-recovery", "replace the recovery code (or set a passphrase)")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="use a passphrase (TAIWA_NEW_RECOVERY or a prompt) instead of a new code",
    )
    p.set_defaults(handler=cmd_change_recovery)

    p = add("rotate-key", "re-encrypt the database under a new key (needs the recovery secret)")
    p.set_defaults(handler=cmd_rotate_key)


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.files import vault_exists
    from taiwa.vault.service import check_passphrase, create_vault

    folder = ctx.vault_dir
    if vault_exists(folder):
        raise errors.VaultExistsError(path=str(folder))
    passphrase: str | None
    if args.no_keyring:
        passphrase = ctx.read_secret("TAIWA_RECOVERY", PROMPT_NEW, confirm=True)
    else:
        passphrase = os.environ.get("TAIWA_RECOVERY")
    if passphrase is not None:
        check_passphrase(passphrase)
    created = create_vault(folder, use_keyring=not args.no_keyring, recovery_passphrase=passphrase)
    db = created.database
    try:
        ctx.print(CREATED.text(path=str(folder)))
        if db.header.uses_keyring:
            ctx.print(KEY_IN_KEYRING.text(where=db.keystore.where()))
        else:
            ctx.print(PASSPHRASE_ONLY.text())
        if created.recovery_code:
            ctx.print()
            ctx.print(CODE_INTRO.text())
            ctx.print()
            ctx.print(f"    {created.recovery_code}")
            ctx.print()
        else:
            ctx.print(PASSPHRASE_SET.text())
    finally:
        db.close()
    return 0


def cmd_unlock(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.header import read_header
    from taiwa.vault.service import unlock_with_recovery

    if not args.recovery:
        db = ctx.database()
        header = db.header  # type: ignore[attr-defined]
        _print_notices(ctx, db)
        ctx.print((UNLOCKED_KEYRING if header.uses_keyring else UNLOCKED_PASSPHRASE).text())
        return 0
    read_header(ctx.vault_dir)  # "no vault" before asking for a secret
    vault = unlock_with_recovery(ctx.vault_dir, ctx.recovery_secret(), keep_in_keyring=args.keyring)
    try:
        _print_notices(ctx, vault)
        if vault.header.uses_keyring:
            ctx.print(UNLOCKED_RECOVERY.text(where=vault.keystore.where()))
        else:
            ctx.print(UNLOCKED_PASSPHRASE.text())
    finally:
        vault.close()
    return 0


def cmd_doctor(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.doctor import diagnose
    from taiwa.vault.header import read_header

    secret = None
    try:
        if not read_header(ctx.vault_dir).uses_keyring:
            secret = ctx.recovery_secret()
    except errors.VaultError:
        pass  # diagnose reports it
    report = diagnose(ctx.vault_dir, recovery_secret=secret)
    fallback = os.environ.get(RECOVERY_ENV)
    failed = report["error"]
    if failed is not None and failed["code"] in _KEYRING_CODES and secret is None and fallback:
        # Check the vault itself with the recovery secret, and report the keyring as a problem.
        report = diagnose(ctx.vault_dir, recovery_secret=fallback)
        report["problems"].append(failed["code"])
        report["healthy"] = False
    error = report["error"]
    if args.json:
        ctx.print_json(report)
    elif error is not None:
        print(f"taiwa: {error['message']}", file=ctx.err)
    else:
        for key, label in DOCTOR_LINES:
            value = report.get(key)
            if value is not None:
                shown = VALUE_NAMES.get((key, str(value)))
                ctx.print(f"{label.text()}: {shown.text() if shown else value}")
        perms = report["permissions"]
        ctx.print(
            f"{Msg('Permissions', 'アクセス権').text()}: {perms['folder']} "
            + ", ".join(f"{name} {mode}" for name, mode in sorted(perms["files"].items()))
        )
        proc = report["process"]
        dumpable = VALUE_NAMES.get(("bool", str(proc["dumpable"])))
        ctx.print(
            f"{Msg('Process dumpable', 'プロセスのダンプ可否').text()}: "
            f"{dumpable.text() if dumpable else proc['dumpable']}"
        )
        if report["healthy"]:
            ctx.print(HEALTHY.text())
        else:
            names = [
                PROBLEM_NAMES[p].text() if p in PROBLEM_NAMES else p for p in report["problems"]
            ]
            ctx.print(UNHEALTHY.text(problems=", ".join(names)))
    if error is not None:
        return int(_error_exit(error["code"]))
    return 0 if report["healthy"] else 1


def _error_exit(code: str) -> int:
    for cls in _all_subclasses(errors.VaultError):
        if cls.code == code:
            return cls.exit_code
    return errors.VaultError.exit_code


def _all_subclasses(cls: type[errors.VaultError]) -> list[type[errors.VaultError]]:
    found: list[type[errors.VaultError]] = []
    for child in cls.__subclasses__():
        found.append(child)
        found.extend(_all_subclasses(child))
    return found


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.service import VaultDatabase, backup_vault

    db = ctx.database()
    assert isinstance(db, VaultDatabase)
    backup_vault(db, args.file)
    ctx.print(BACKUP_WRITTEN.text(path=str(Path(args.file).absolute())))
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.files import vault_exists
    from taiwa.vault.service import clean_restore_leftovers, restore_vault

    folder = ctx.vault_dir
    for leftover in clean_restore_leftovers(folder):
        ctx.print(LEFTOVER_REMOVED.text(path=str(leftover)))
    if vault_exists(folder):
        raise errors.VaultExistsError(path=str(folder))
    if not Path(args.file).is_file():
        raise errors.BackupMissingError(path=str(Path(args.file).absolute()))
    secret = ctx.recovery_secret()
    # restore_vault opens and checks the backup before it creates anything.
    db = restore_vault(args.file, folder, secret, use_keyring=not args.no_keyring)
    db.close()
    ctx.print(RESTORED.text(path=str(folder)))
    return 0


def cmd_change_recovery(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.service import (
        VaultDatabase,
        change_recovery,
        check_passphrase,
        stale_backups,
    )

    db = ctx.database()
    assert isinstance(db, VaultDatabase)
    new = None
    if args.passphrase:
        new = ctx.read_secret(NEW_RECOVERY_ENV, PROMPT_NEW, confirm=True)
        check_passphrase(new)
    code = change_recovery(db, new)
    ctx.print(RECOVERY_CHANGED.text())
    stale = stale_backups(db)
    if stale:
        ctx.print(STALE_AFTER_RECOVERY.text(paths=", ".join(str(p) for p in stale)))
    if code:
        ctx.print()
        ctx.print(CODE_INTRO.text())
        ctx.print()
        ctx.print(f"    {code}")
        ctx.print()
    return 0


def cmd_rotate_key(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.vault.service import VaultDatabase, rotate_key, stale_backups

    db = ctx.database()
    assert isinstance(db, VaultDatabase)
    removed = rotate_key(db, ctx.recovery_secret())
    ctx.print(KEY_ROTATED.text())
    if removed:
        ctx.print(FOLDER_COPIES_REMOVED.text(count=len(removed)))
    stale = stale_backups(db)
    if stale:
        ctx.print(STALE_AFTER_ROTATION.text(paths=", ".join(str(p) for p in stale)))
    return 0


def _print_notices(ctx: CliContext, db: Any) -> None:
    from taiwa.vault import service

    messages = {
        service.NOTICE_HEADER_UPGRADED: HEADER_UPGRADED,
        service.NOTICE_KEYRING_UNPROVEN: KEYRING_UNPROVEN,
        service.NOTICE_UPGRADE_DEFERRED: UPGRADE_DEFERRED,
    }
    for notice in getattr(db, "notices", []):
        if notice in messages:
            print(f"taiwa: {messages[notice].text()}", file=ctx.err)
