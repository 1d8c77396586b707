"""What every CLI command gets: the parsed arguments, output streams, and the open vault."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from taiwa import paths
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.vault import errors
from taiwa.vault.database import Database

RECOVERY_ENV = "TAIWA_RECOVERY"
NEW_RECOVERY_ENV = "TAIWA_NEW_RECOVERY"

_KEYRING_FAILURES = (
    errors.KeyringUnavailableError,
    errors.KeyringLockedError,
    errors.KeyringEntryMissingError,
    errors.WrongKeyError,
)

PROMPT_RECOVERY = Msg("Recovery code or passphrase: ", "リカバリーコードまたはパスフレーズ: ")
PROMPT_NEW = Msg("New recovery passphrase: ", "新しいリカバリーパスフレーズ: ")
PROMPT_AGAIN = Msg("Repeat it: ", "もう一度入力してください: ")
SECRET_NOT_TEXT = Msg(
    "The secret in {source} is not valid UTF-8 text; set it again from a UTF-8 terminal."
    " Nothing was changed.",
    "{source} の秘密情報が正しい UTF-8 のテキストではありません。UTF-8 の端末で設定し直して"
    "ください。変更はしていません。",
)


def _text_secret(value: str, source: str) -> str:
    """``value`` if it can be encoded (a secret from bytes that were not UTF-8 holds lone
    surrogates, which the key derivation cannot take).

    Raises:
        InputError: it cannot; the message names where it came from, never the secret.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(SECRET_NOT_TEXT, source=source) from None
    return value


def check_secret_variables() -> None:
    """Refuse, before any command runs, a secret variable that is set but not text.

    Raises:
        InputError: ``TAIWA_RECOVERY`` or ``TAIWA_NEW_RECOVERY`` holds bytes that are not UTF-8.
    """
    for name in (RECOVERY_ENV, NEW_RECOVERY_ENV):
        value = os.environ.get(name)
        if value:
            _text_secret(value, name)


@dataclass
class CliContext:
    args: argparse.Namespace
    out: TextIO
    err: TextIO
    _db: Database | None = field(default=None, init=False, repr=False)
    _secret: str | None = field(default=None, init=False, repr=False)

    @property
    def vault_dir(self) -> Path:
        """``--vault DIR``, else ``TAIWA_VAULT``, else the platform's user data folder."""
        return paths.vault_dir(getattr(self.args, "vault", None))

    def database(self) -> Database:
        """The vault, opened once per command through the OS keyring.

        In passphrase-only mode the recovery passphrase comes from ``TAIWA_RECOVERY`` or a
        prompt on the terminal. When the keyring fails and ``TAIWA_RECOVERY`` is set, the vault
        is opened with it instead (the keyring is left alone: ``unlock --recovery`` repairs it).

        The full-file ``quick_check`` runs only when it is owed (the first open after an unclean
        shutdown or an upgrade, see :mod:`taiwa.vault.integrity`) and in ``doctor``: reading
        every page on every command cost seconds on a big vault, while SQLCipher's per-page HMAC
        already refuses a damaged page whenever a command reads it.
        """
        if self._db is None:
            from taiwa.vault.service import open_vault

            try:
                self._db = open_vault(self.vault_dir)
            except errors.RecoveryRequiredError:
                self._db = open_vault(self.vault_dir, recovery_secret=self.recovery_secret())
            except _KEYRING_FAILURES:
                # Scripts on a machine without a usable keyring (SSH, CI) may give the
                # recovery secret instead; without it the keyring's own message stands.
                if not os.environ.get(RECOVERY_ENV):
                    raise
                self._db = open_vault(self.vault_dir, recovery_secret=self.recovery_secret())
            erased = getattr(self._db, "retention_erased", 0)
            if erased:
                # Whatever the command: the user hears that the rule erased someone.
                from taiwa.cli.lifecycle_cmds import retention_notice

                print(f"taiwa: {retention_notice(erased)}", file=self.err)
        return self._db

    def recovery_secret(self) -> str:
        """The vault's recovery secret: ``TAIWA_RECOVERY``, else a hidden prompt (asked once).

        Never from a command-line argument: those are visible to every user in ``ps``.

        Raises:
            RecoveryRequiredError: no variable set and no terminal to ask on.
        """
        if self._secret is None:
            self._secret = self.read_secret(RECOVERY_ENV, PROMPT_RECOVERY)
        return self._secret

    def read_secret(self, env: str, prompt: Msg, *, confirm: bool = False) -> str:
        """A secret from the environment variable ``env`` or a hidden terminal prompt.

        Raises:
            RecoveryRequiredError: neither is available.
            PassphraseMismatchError: ``confirm`` and the two entries differ.
        """
        value = os.environ.get(env)
        if value is not None:
            # Set but empty (TAIWA_RECOVERY=''): refused, never taken as "no secret".
            if not value.strip():
                raise errors.EmptySecretError()
            return _text_secret(value, env)
        if not sys.stdin.isatty():
            raise errors.RecoveryRequiredError()
        first = _prompt(prompt.text())
        if not first.strip():
            raise errors.EmptySecretError()
        if confirm and _prompt(PROMPT_AGAIN.text()) != first:
            raise errors.PassphraseMismatchError()
        return first

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        """Stable JSON output: UTF-8 (Japanese unescaped), sorted keys, one document."""
        import json  # only for --json: most commands print text (issue 21)

        json.dump(value, self.out, ensure_ascii=False, sort_keys=True, indent=2)
        self.out.write("\n")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _prompt(text: str) -> str:
    """A hidden answer from the terminal; bytes that are not text get a message, not a bug."""
    import getpass  # termios and friends, for the few commands that prompt

    try:
        return _text_secret(getpass.getpass(text), "the terminal")
    except UnicodeDecodeError:
        raise InputError(SECRET_NOT_TEXT, source="the terminal") from None
