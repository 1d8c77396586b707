"""Failures of the vault, each with its own clear message and a way forward.

Every message is one line, translated, and never contains a key, a secret or note text.
"""

from __future__ import annotations

from taiwa.errors import TaiwaError
from taiwa.i18n import Msg


class VaultError(TaiwaError):
    """Base of every expected vault failure (the environment, not a bug)."""

    exit_code = 3
    code = "vault_error"
    message = Msg("The vault could not be opened.", "保管庫を開けませんでした。")


class VaultNotFoundError(VaultError):
    code = "vault_not_found"
    message = Msg(
        "No vault at {path}. Create one with 'taiwa init' or restore a backup.",
        "{path} に保管庫がありません。'taiwa init' で作成するか、バックアップから復元してください。",
    )


class VaultExistsError(VaultError):
    code = "vault_exists"
    message = Msg(
        "A vault already exists at {path}; it was left untouched.",
        "{path} には既に保管庫があります。変更していません。",
    )


class VaultInUseError(VaultError):
    code = "vault_in_use"
    message = Msg(
        "The vault is open in another Taiwa window or process. Close it and try again.",
        "保管庫は別の Taiwa で使用中です。そちらを閉じてからもう一度お試しください。",
    )


class VaultNotWritableError(VaultError):
    code = "vault_not_writable"
    message = Msg(
        "The vault folder cannot be written to. Check its permissions and free space.",
        "保管庫のフォルダーに書き込めません。アクセス権と空き容量を確認してください。",
    )


class DiskFullError(VaultError):
    code = "disk_full"
    message = Msg(
        "The disk is full; nothing was saved. Free some space and try again.",
        "ディスクがいっぱいのため保存できませんでした。空き容量を確保してもう一度お試しください。",
    )


class DatabaseEmptyError(VaultError):
    code = "database_empty"
    message = Msg(
        "The vault's database file is empty (0 bytes). Restore it from a backup.",
        "保管庫のデータベースファイルが空（0 バイト）です。バックアップから復元してください。",
    )


class DatabaseCorruptError(VaultError):
    code = "database_corrupt"
    message = Msg(
        "The vault's database file is damaged. It was left as it is; restore it from a backup.",
        "保管庫のデータベースファイルが破損しています。そのままにしてあります。バックアップから復元してください。",
    )


class NotEncryptedError(VaultError):
    code = "not_encrypted"
    message = Msg(
        "The vault's database file is an unencrypted SQLite file, not a Taiwa vault. It was left untouched.",
        "保管庫のデータベースファイルが暗号化されていない SQLite ファイルです。Taiwa の保管庫ではありません。変更していません。",
    )


class WrongKeyError(VaultError):
    code = "wrong_key"
    message = Msg(
        "The key in the keyring does not open this vault. Unlock it with your recovery code.",
        "キーリングの鍵ではこの保管庫を開けません。リカバリーコードで解除してください。",
    )


class WrongRecoverySecretError(VaultError):
    code = "wrong_recovery_secret"
    message = Msg(
        "That recovery code or passphrase is not right. Nothing was changed.",
        "リカバリーコードまたはパスフレーズが違います。何も変更していません。",
    )


class UnsupportedCipherError(VaultError):
    code = "unsupported_cipher"
    message = Msg(
        "This SQLCipher build is not version 4; Taiwa will not open the vault with it.",
        "SQLCipher のバージョンが 4 ではないため、保管庫を開きません。",
    )


class VaultTooNewError(VaultError):
    code = "vault_too_new"
    message = Msg(
        "This vault was written by a newer Taiwa. Update Taiwa to open it.",
        "この保管庫は新しいバージョンの Taiwa で作成されています。Taiwa を更新してください。",
    )


class BugError(Exception):
    """A database failure that the user cannot fix: a programming error. Goes to the crash path.

    The SQL error text is kept (it names tables and constraints, never bound values).
    """


class DatabaseMissingError(VaultError):
    code = "database_missing"
    message = Msg(
        "The vault at {path} has its header but no database file. Restore it from a backup.",
        "{path} の保管庫にはヘッダーはありますが、データベースファイルがありません。バックアップから復元してください。",
    )


class HeaderCorruptError(VaultError):
    code = "header_corrupt"
    message = Msg(
        "The vault's header file (vault.json) is damaged or unreadable. It was left as it is; restore the vault from a backup.",
        "保管庫のヘッダーファイル（vault.json）が破損しているか読めません。そのままにしてあります。バックアップから復元してください。",
    )


class KeyringUnavailableError(VaultError):
    code = "keyring_unavailable"
    message = Msg(
        "No system keyring is available (no keyring service or no D-Bus session). Unlock with 'taiwa unlock --recovery'.",
        "システムのキーリングが使えません（キーリングサービスまたは D-Bus セッションがありません）。'taiwa unlock --recovery' で解除してください。",
    )


class KeyringLockedError(VaultError):
    code = "keyring_locked"
    message = Msg(
        "The system keyring is locked. Unlock it (log in to your desktop session) and try again, or use 'taiwa unlock --recovery'.",
        "システムのキーリングがロックされています。キーリングを解除（デスクトップにログイン）してもう一度お試しいただくか、'taiwa unlock --recovery' を使ってください。",
    )


class KeyringEntryMissingError(VaultError):
    code = "keyring_entry_missing"
    message = Msg(
        "The keyring has no key for this vault. Unlock it with 'taiwa unlock --recovery'; that puts the key back.",
        "キーリングにこの保管庫の鍵がありません。'taiwa unlock --recovery' で解除すると鍵が戻ります。",
    )


class KeyringWriteError(VaultError):
    code = "keyring_write_failed"
    message = Msg(
        "The key could not be stored in the system keyring (it did not read back the same). Nothing was created.",
        "鍵をシステムのキーリングに保存できませんでした（読み戻した値が一致しません）。何も作成していません。",
    )


class RecoveryRequiredError(VaultError):
    code = "recovery_required"
    message = Msg(
        "This needs the vault's recovery code or passphrase: set TAIWA_RECOVERY or run it in a terminal.",
        "保管庫のリカバリーコードまたはパスフレーズが必要です。TAIWA_RECOVERY を設定するか、端末で実行してください。",
    )


class PassphraseTooShortError(VaultError):
    exit_code = 2
    code = "passphrase_too_short"
    message = Msg(
        "A recovery passphrase needs at least {minimum} characters. Nothing was changed.",
        "リカバリーパスフレーズは {minimum} 文字以上にしてください。何も変更していません。",
    )


class PassphraseMismatchError(VaultError):
    exit_code = 2
    code = "passphrase_mismatch"
    message = Msg(
        "The two passphrases differ. Nothing was changed.",
        "2 回入力したパスフレーズが一致しません。何も変更していません。",
    )


class BackupUnreadableError(VaultError):
    code = "backup_unreadable"
    message = Msg(
        "The backup cannot be opened with that recovery code or passphrase, or it is damaged. Nothing was restored.",
        "そのリカバリーコードまたはパスフレーズではバックアップを開けないか、バックアップが破損しています。何も復元していません。",
    )


class BackupTargetExistsError(VaultError):
    exit_code = 2
    code = "backup_target_exists"
    message = Msg(
        "{path} already exists; choose a new file name for the backup.",
        "{path} は既に存在します。バックアップには新しいファイル名を指定してください。",
    )


class BackupInsideVaultError(VaultError):
    exit_code = 2
    code = "backup_inside_vault"
    message = Msg(
        "Write the backup outside the vault folder (to another disk or a removable drive).",
        "バックアップは保管庫のフォルダーの外（別のディスクやリムーバブルドライブ）に書き出してください。",
    )


class BackupMissingError(VaultError):
    exit_code = 2
    code = "backup_missing"
    message = Msg(
        "There is no backup file at {path}.", "{path} にバックアップファイルがありません。"
    )


class BackupTargetNotWritableError(VaultError):
    code = "backup_target_not_writable"
    message = Msg(
        "The backup cannot be written to {path}. Check the folder exists, its permissions and free space.",
        "{path} にバックアップを書き込めません。フォルダーの有無、アクセス権、空き容量を確認してください。",
    )


class NoKeyringForNewVaultError(KeyringUnavailableError):
    code = "keyring_unavailable"
    message = Msg(
        "No system keyring is available (no keyring service or no D-Bus session). Nothing was created; use --no-keyring for passphrase-only mode.",
        "システムのキーリングが使えません（キーリングサービスまたは D-Bus セッションがありません）。何も作成していません。パスフレーズ専用モードにするには --no-keyring を付けてください。",
    )


class VaultFolderNotEmptyError(VaultError):
    exit_code = 2
    code = "vault_folder_not_empty"
    message = Msg(
        "{path} already holds other files; choose a new or empty folder for the vault. Nothing was changed.",
        "{path} には他のファイルがあります。保管庫には新しいフォルダーか空のフォルダーを指定してください。何も変更していません。",
    )


class KeyNotPutBackError(KeyringLockedError, KeyringUnavailableError):
    """The recovery secret was right; the keyring (locked or unavailable) refused the key.

    A subclass of both keyring errors, so callers that open the vault for the session only
    when the keyring cannot take the key back (the GUI's unlock page) catch it as before.
    """

    code = "key_not_put_back"
    message = Msg(
        "The recovery secret is right, but the key could not be put back into the system keyring (locked or unavailable). Unlock the keyring and run this again; until then TAIWA_RECOVERY opens the vault.",
        "リカバリーシークレットは正しいですが、鍵をシステムのキーリングに戻せませんでした（ロック中または利用不可）。キーリングを解除してもう一度実行してください。それまでは TAIWA_RECOVERY で保管庫を開けます。",
    )


class HeaderTamperedError(HeaderCorruptError):
    """The header was changed outside Taiwa: a field out of bounds, or its MAC does not match."""

    code = "header_tampered"
    message = Msg(
        "The vault's header file (vault.json) was changed outside Taiwa or is damaged ({field}); it was refused and nothing was changed. Put back vault.json from a copy of the vault folder, or restore the vault from a backup.",
        "保管庫のヘッダーファイル（vault.json）が Taiwa 以外で変更されたか破損しています（{field}）。読み込みを拒否し、何も変更していません。保管庫フォルダーのコピーから vault.json を戻すか、バックアップから保管庫を復元してください。",
    )


class HeaderDowngradeError(HeaderTamperedError):
    code = "header_downgrade"
    message = Msg(
        "The vault's header file (vault.json) is of an older format than this vault already uses: it was replaced by an old copy. It was refused and nothing was changed; put back the current vault.json, or restore the vault from a backup.",
        "保管庫のヘッダーファイル（vault.json）が、この保管庫で既に使っている形式より古い形式です（古いコピーに置き換えられています）。読み込みを拒否し、何も変更していません。現在の vault.json を戻すか、バックアップから保管庫を復元してください。",
    )


class EmptySecretError(VaultError):
    exit_code = 2
    code = "empty_secret"
    message = Msg(
        "The recovery code or passphrase is empty. Type it (or set TAIWA_RECOVERY to it); nothing was changed.",
        "リカバリーコードまたはパスフレーズが空です。入力するか TAIWA_RECOVERY に設定してください。何も変更していません。",
    )
