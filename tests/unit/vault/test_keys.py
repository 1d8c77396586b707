"""RawKey keeps its bytes in a buffer it can zero, and a wiped key cannot be used."""

from __future__ import annotations

import gc

import pytest

from taiwa.vault.database import Database
from taiwa.vault.keys import KEY_BYTES, RawKey

HEX = "0123456789abcdef" * 4


def test_the_key_lives_in_a_bytearray_that_wipe_zeroes() -> None:
    key = RawKey(HEX)
    buffer = key._raw
    assert isinstance(buffer, bytearray) and buffer.hex() == HEX
    key.wipe()
    assert buffer == bytearray(KEY_BYTES)  # the same buffer, overwritten in place
    assert key.wiped
    assert repr(key) == "RawKey(<wiped>)"
    key.wipe()  # twice is fine


def test_a_wiped_key_refuses_to_be_used() -> None:
    key = RawKey.generate()
    key.wipe()
    for use in (
        lambda: key.hex,
        key.to_bytes,
        key.sql_literal,
        lambda: key.sql_literal_with_salt(bytes(16)),
    ):
        with pytest.raises(ValueError, match="wiped"):
            use()
    # Never mistaken for the all-zero key either.
    assert key != RawKey("0" * 64)


def test_from_bytes_copies_and_round_trips() -> None:
    raw = bytearray(range(KEY_BYTES))
    key = RawKey.from_bytes(raw)
    raw[:] = bytes(KEY_BYTES)  # the caller wiping its own buffer does not touch the key
    assert key.to_bytes() == bytes(range(KEY_BYTES))
    assert key.hex == bytes(range(KEY_BYTES)).hex()
    assert key.sql_literal() == "\"x'" + key.hex + "'\""
    assert key == RawKey(key.hex) and hash(key) == hash(RawKey(key.hex))


def test_a_dropped_key_is_zeroed_before_it_is_freed() -> None:
    key = RawKey.generate()
    buffer = key._raw
    del key
    gc.collect()
    assert buffer == bytearray(KEY_BYTES)


def test_a_database_keyed_then_wiped_key_opens_nothing(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "db.sqlite"
    key = RawKey.generate()
    Database.create(path, key).close()
    same = RawKey(key.hex)
    Database.open(path, same, migrate=False).close()
    same.wipe()
    with pytest.raises(ValueError, match="wiped"):
        Database.open(path, same, migrate=False)


def test_keying_a_connection_keeps_no_copy_of_the_statement(tmp_path: object) -> None:
    # sqlite3's execute() caches each statement's text for the life of the connection object
    # (even after close()): the PRAGMA key statement is the key in hex and must not be cached.
    import sys
    from pathlib import Path

    import sqlcipher3

    from taiwa.vault import database

    sent: list[str] = []

    class Spy(sqlcipher3.Connection):  # type: ignore[misc,name-defined,unused-ignore]
        def execute(self, sql: str, *args: object) -> object:
            sent.append(sql)
            return super().execute(sql, *args)

        def executescript(self, sql: str) -> object:
            sent.append(sql)
            return super().executescript(sql)

    path = Path(str(tmp_path)) / "db.sqlite"
    key = RawKey.generate()
    Database.create(path, key).close()
    conn = sqlcipher3.connect(str(path), isolation_level=None, factory=Spy)
    try:
        database.apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        (statement,) = [sql for sql in sent if key.hex in sql]
        # Held by `sent`, `statement` and getrefcount's argument only: nobody else keeps it.
        assert sys.getrefcount(statement) == 3
        # (A cached statement is held by the connection too, as the plain SELECT is.)
        assert sys.getrefcount(sent[-1]) > 2
    finally:
        conn.close()
