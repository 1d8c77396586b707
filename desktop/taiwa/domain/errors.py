"""What the 1on1 log refuses, each with one clear line in English and Japanese.

Every error is raised *before* anything is written, so a refused input changes nothing.
Messages may repeat what the user typed as a reference (a name, a date, a theme), never note text.
"""

from __future__ import annotations

from taiwa.errors import InputError, NotFoundError
from taiwa.i18n import Msg


class UnknownPersonError(NotFoundError):
    code = "unknown_person"
    message = Msg(
        "No person matches '{ref}'. Use a name, an e-mail or an id from 'taiwa person list'.",
        "'{ref}' に一致する人がいません。'taiwa person list' の名前・メール・ID を指定してください。",
    )


class AmbiguousPersonError(InputError):
    code = "ambiguous_person"
    message = Msg(
        "'{ref}' matches {count} people. Use their e-mail or id instead.",
        "'{ref}' に一致する人が {count} 人います。メールアドレスか ID で指定してください。",
    )


class MeetingNotFoundError(NotFoundError):
    code = "meeting_not_found"
    message = Msg("There is no meeting with id {id}.", "ID {id} のミーティングはありません。")


class TopicNotFoundError(NotFoundError):
    code = "topic_not_found"
    message = Msg("There is no topic with id {id}.", "ID {id} の話題はありません。")


class ActionNotFoundError(NotFoundError):
    code = "action_not_found"
    message = Msg(
        "There is no action item with id {id}.", "ID {id} のアクションアイテムはありません。"
    )


class QuestionNotFoundError(NotFoundError):
    code = "question_not_found"
    message = Msg("There is no question with id {id}.", "ID {id} の質問はありません。")


class BadDateError(InputError):
    code = "bad_date"
    message = Msg(
        "'{value}' is not a valid date. Use YYYY-MM-DD (or ISO-8601 with a time).",
        "'{value}' は正しい日付ではありません。YYYY-MM-DD（時刻付きは ISO-8601）で指定してください。",
    )


class DateRangeError(InputError):
    code = "date_out_of_range"
    message = Msg(
        "'{value}' is outside the years {low}–{high}.",
        "'{value}' は {low}〜{high} 年の範囲外です。",
    )


class BadEncodingError(InputError):
    code = "bad_encoding"
    message = Msg(
        "The text contains characters that are not valid Unicode (not UTF-8); nothing was"
        " changed. Check the terminal's or the file's encoding.",
        "テキストに正しくない文字（UTF-8 ではないバイト）が含まれています。変更はしていません。"
        "端末またはファイルの文字コードを確認してください。",
    )


class BadPeriodError(InputError):
    code = "bad_period"
    message = Msg("The period ends before it starts.", "期間の終わりが始まりより前になっています。")


class BadThemeError(InputError):
    code = "bad_theme"
    message = Msg(
        "'{value}' is not a theme. Use work, growth, career, wellbeing, feedback or other.",
        "'{value}' はテーマではありません。work・growth・career・wellbeing・feedback・other の"
        "いずれかを指定してください。",
    )


class BadStatusError(InputError):
    code = "bad_status"
    message = Msg(
        "'{value}' is not a meeting status. Use planned, held, cancelled or skipped.",
        "'{value}' はミーティングの状態ではありません。planned・held・cancelled・skipped の"
        "いずれかを指定してください。",
    )


class BadOwnerError(InputError):
    code = "bad_owner"
    message = Msg(
        "'{value}' is not an owner. Use manager or report.",
        "'{value}' は担当者の指定ではありません。manager か report を指定してください。",
    )


class BadTopicStateError(InputError):
    code = "bad_topic_state"
    message = Msg(
        "'{value}' is not a topic state. Use open, discussed or carried.",
        "'{value}' は話題の状態ではありません。open・discussed・carried のいずれかを指定してください。",
    )


class BadWantedResponseError(InputError):
    code = "bad_wanted_response"
    message = Msg(
        "'{value}' is not a wanted response. Use advise, think_together or just_listen.",
        "'{value}' は求める対応ではありません。advise・think_together・just_listen の"
        "いずれかを指定してください。",
    )


class MoodRangeError(InputError):
    code = "mood_out_of_range"
    message = Msg(
        "Mood must be a whole number from 1 to 5.", "気分は 1〜5 の整数で指定してください。"
    )


class CadenceRangeError(InputError):
    code = "cadence_out_of_range"
    message = Msg(
        "The cadence must be a whole number of days from 1 to 365.",
        "実施間隔は 1〜365 日の整数で指定してください。",
    )


class EmptyTextError(InputError):
    code = "empty_text"
    message = Msg("The text must not be empty.", "テキストを入力してください。")


class EmptyNameError(InputError):
    code = "empty_name"
    message = Msg("The name must not be empty.", "名前を入力してください。")


class TextTooLongError(InputError):
    code = "text_too_long"
    message = Msg(
        "The text is longer than {limit} characters.", "テキストが {limit} 文字を超えています。"
    )


class BadEmailError(InputError):
    code = "bad_email"
    message = Msg(
        "'{value}' is not an e-mail address.", "'{value}' はメールアドレスではありません。"
    )


class EmailTakenError(InputError):
    code = "email_taken"
    message = Msg(
        "The e-mail '{value}' already belongs to someone else.",
        "メールアドレス '{value}' は既に別の人に登録されています。",
    )


class BadLanguageError(InputError):
    code = "bad_language"
    message = Msg(
        "'{value}' is not a language; use ja or en.",
        "'{value}' は言語ではありません。ja か en を指定してください。",
    )


class BadFieldError(InputError):
    code = "bad_field"
    message = Msg("'{value}' cannot be changed here.", "'{value}' はここでは変更できません。")


class BadSettingError(InputError):
    code = "bad_setting"
    message = Msg(
        "The setting '{value}' cannot be stored (not JSON).",
        "設定 '{value}' を保存できません（JSON ではありません）。",
    )


class RetentionRangeError(InputError):
    code = "retention_range"
    message = Msg(
        "The retention period must be a whole number of years from 1 to {high}.",
        "保存期間は 1〜{high} の整数（年）で指定してください。",
    )


class SamePersonError(InputError):
    code = "same_person"
    message = Msg(
        "Meeting {id} already belongs to that person; nothing was changed.",
        "ミーティング {id} はすでにその人のものです。変更はしていません。",
    )
