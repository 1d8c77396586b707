"""The two kinds of failure (see qutebrowser's KnownError/BugError split).

A :class:`TaiwaError` is caused by the environment or by the user's input (wrong key, disk full,
unknown person): it is shown as one translated line and never as a traceback. Everything else is
a bug and goes to the crash path. Messages never quote note text or file content.
"""

from __future__ import annotations

from typing import Any, ClassVar

from taiwa.i18n import Msg


class TaiwaError(Exception):
    """An expected failure with a clear, translated, content-free message."""

    message: ClassVar[Msg] = Msg("Something went wrong.", "問題が発生しました。")
    #: Exit status of the CLI for this failure.
    exit_code: ClassVar[int] = 1
    #: Stable machine-readable name (JSON output, the UI's choice of remedy).
    code: ClassVar[str] = "error"

    def __init__(self, message: Msg | None = None, **params: Any) -> None:
        self._message = message or self.message
        self.params = params
        super().__init__(self._message.text("en", **params))

    def localized(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self._message.text(lang, **self.params)

    def __str__(self) -> str:
        return self.localized()


class InputError(TaiwaError):
    """The user's input was not acceptable (bad date, unknown person, empty text...)."""

    exit_code = 2
    code = "bad_input"
    message = Msg("The input is not valid.", "入力が正しくありません。")


class NotFoundError(InputError):
    """Something the user named does not exist."""

    code = "not_found"
    message = Msg("Not found.", "見つかりません。")
