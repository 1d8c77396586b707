"""Recovery codes, key wrapping, key checks and the header."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from taiwa.vault import errors
from taiwa.vault.header import KeySlot, VaultHeader, read_header, write_header
from taiwa.vault.keys import RawKey
from taiwa.vault.recovery import (
    CODE_ALPHABET,
    KdfParams,
    WrappedKey,
    generate_recovery_code,
    key_check,
    normalize_secret,
    secret_kind,
)

CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=1024)
VID = "0" * 32


def test_recovery_code_is_eight_groups_of_four_unambiguous_characters() -> None:
    codes = {generate_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", code)
        assert not set(code.replace("-", "")) - set(CODE_ALPHABET)
        assert not set("ILOU") & set(code)


def test_a_code_typed_sloppily_is_the_same_code() -> None:
    code = "7KQ2-M9XD-0AB1-CDEF-GHJK-MNPQ-RSTV-WXYZ"
    assert normalize_secret(" 7kq2 m9xd oab1 cdef-ghjk-mnpq rstv wxyz\n") == code.replace("-", "")
    assert normalize_secret("7KQ2M9XD0ABLCDEFGHJKMNPQRSTVWXYZ") == normalize_secret(
        "7KQ2M9XD0AB1CDEFGHJKMNPQRSTVWXYZ"
    )
    assert secret_kind(code.lower()) == "code"


def test_a_passphrase_is_used_exactly_as_typed() -> None:
    assert normalize_secret("Correct Horse battery staple") == "Correct Horse battery staple"
    assert normalize_secret("  spaces matter  ") == "  spaces matter  "
    assert secret_kind("my long passphrase 対話") == "passphrase"


def test_wrapped_key_opens_only_with_its_secret_and_vault_id() -> None:
    key = RawKey.generate()
    wrapped = WrappedKey.wrap(key, "a long passphrase", VID, CHEAP)
    assert wrapped.unwrap("a long passphrase", VID) == key
    assert wrapped.unwrap("a long passphrase!", VID) is None
    # The header's metadata is authenticated: another vault id (or cost) does not unwrap.
    assert wrapped.unwrap("a long passphrase", "1" * 32) is None
    tampered = WrappedKey(
        wrapped.kind,
        KdfParams(iterations=2, lanes=1, memory_kib=1024),
        wrapped.salt,
        wrapped.nonce,
        wrapped.wrapped,
    )
    assert tampered.unwrap("a long passphrase", VID) is None
    assert WrappedKey.from_json(json.loads(json.dumps(wrapped.to_json()))) == wrapped


def test_absurd_kdf_cost_in_a_header_is_refused() -> None:
    with pytest.raises(ValueError):
        KdfParams.from_json(
            {"name": "argon2id", "iterations": 3, "lanes": 4, "memory_kib": 1 << 40}
        )
    with pytest.raises(ValueError):
        KdfParams.from_json({"name": "pbkdf2", "iterations": 3, "lanes": 4, "memory_kib": 1024})


def test_key_check_tells_keys_and_vaults_apart() -> None:
    a, b = RawKey.generate(), RawKey.generate()
    assert key_check(a, VID) == key_check(RawKey(a.hex), VID)
    assert key_check(a, VID) != key_check(b, VID)
    assert key_check(a, VID) != key_check(a, "1" * 32)


def test_raw_key_with_salt_literal_is_validated() -> None:
    key = RawKey.generate()
    literal = key.sql_literal_with_salt(b"\x01" * 16)
    assert literal == "x'" + key.hex + "01" * 16 + "'"
    with pytest.raises(ValueError):
        key.sql_literal_with_salt(b"short")


def _header(key: RawKey | None = None) -> VaultHeader:
    key = key or RawKey.generate()
    slot = KeySlot.build(key, "x" * 20, VID)
    return VaultHeader(VID, "keyring", "2026-01-01T00:00:00Z", slot).sealed(key)


def test_header_round_trips_and_is_written_atomically(tmp_path: Path) -> None:
    header = _header()
    write_header(tmp_path, header)
    assert read_header(tmp_path) == header
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.json"]
    assert (tmp_path / "vault.json").stat().st_mode & 0o777 == 0o600
    text = (tmp_path / "vault.json").read_text()
    assert "x" * 20 not in text


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[]", b'{"format": 1}', b"\xff\xfe", b"{" + b" " * 70000 + b"}"]
)
def test_damaged_header_is_reported_as_such(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "vault.json").write_bytes(content)
    with pytest.raises(errors.HeaderCorruptError):
        read_header(tmp_path)


def test_header_of_a_newer_format_asks_for_a_newer_taiwa(tmp_path: Path) -> None:
    data = _header().to_json() | {"format": 99}
    (tmp_path / "vault.json").write_text(json.dumps(data))
    with pytest.raises(errors.VaultTooNewError):
        read_header(tmp_path)


def test_real_cost_is_argon2id_with_64_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the directory's cheap-cost fixture
    from taiwa.vault import recovery

    assert KdfParams("argon2id", 3, 4, 65536) == recovery.DEFAULT_KDF
    assert recovery.BACKUP_KDF == recovery.DEFAULT_KDF
