"""``taiwa rollup``: export, show (text, JSON, CSV, PDF), keep and forget; bad input refused
with one clear line; a hostile file costs bounded time and memory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import keyring
from tests.support.cli_inproc import InProcessVault
from tests.support.limits import run_limited
from tests.support.memkeyring import MemoryKeyring
from tests.support.vaults import subprocess_env


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str], str]]:
    """Six people (five in one team) with a held 1on1 each, made once for the module (with
    its keyring entry: each test gets a copy of both)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        v = InProcessVault.create(tmp_path_factory.mktemp("template") / "vault")
        for i in range(6):
            team = "Platform" if i < 5 else "Solo"
            v.ok("person", "add", f"Secret Person {i}", "--team", team)
            v.ok("meeting", "add", f"Secret Person {i}", "--at", "2026-08-03T10:00",
                 "--status", "held", "--shared", "SENTINEL-NOTE")  # fmt: skip
    finally:
        keyring.set_keyring(previous)
    return v.dir, dict(backend.secrets)


@pytest.fixture
def vault(
    tmp_path: Path,
    template: tuple[Path, dict[tuple[str, str], str]],
    memory_keyring: MemoryKeyring,
) -> InProcessVault:
    folder, secrets = template
    shutil.copytree(folder, tmp_path / "vault")
    memory_keyring.secrets.update(secrets)
    return InProcessVault(tmp_path / "vault")


def test_export_show_keep_forget(vault: InProcessVault, tmp_path: Path) -> None:
    out = tmp_path / "q3.json"
    text = vault.ok(
        "rollup", "export", "--from", "2026-07-01", "--to", "2026-09-30", "-o", str(out)
    )
    assert "6 reports" in text and "pseudonymous" in text and "Execution rate" in text
    content = out.read_text()
    assert "Secret Person" not in content and "SENTINEL-NOTE" not in content
    assert out.stat().st_mode & 0o777 == 0o600
    shown = json.loads(vault.ok("rollup", "show", str(out), "--json"))
    assert [t["label"] for t in shown["teams"]] == ["Platform"]
    assert shown["folded_reports"] == 1 and shown["overall"]["reports"] == 6
    assert shown["overall"]["held"] == 6
    text = vault.ok("rollup", "show", str(out), "--target", "95")
    assert "Platform" in text and "Solo" not in text
    csv_path, pdf_path = tmp_path / "v.csv", tmp_path / "v.pdf"
    vault.ok("rollup", "show", str(out), "--csv", str(csv_path), "--pdf", str(pdf_path))
    assert csv_path.exists() and pdf_path.read_bytes().startswith(b"%PDF")
    vault.ok("rollup", "show", str(out), "--keep")
    kept = json.loads(vault.ok("rollup", "list", "--json"))
    assert len(kept) == 1 and kept[0]["reports"] == 6
    shown = json.loads(vault.ok("rollup", "show", "--kept", "--json"))
    assert shown["overall"]["reports"] == 6
    vault.ok("rollup", "forget", str(kept[0]["id"]))
    assert json.loads(vault.ok("rollup", "list", "--json")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show"], "Give roll-up files"),
        (["show", "{file}", "--target", "0"], "--target must be"),
        (["show", "{file}", "--target", "abc"], "--target must be"),
        (["show", "{file}", "--min-group", "2.5"], "--min-group must be"),
        (["show", "{missing}"], "Cannot read"),
        (["show", "{tampered}"], "signature does not match"),
        (["show", "{file}", "{tampered}", "--keep"], "signature does not match"),
        (["export", "--from", "2026-09-30", "--to", "2026-07-01", "-o", "{new}"], "period"),
        (
            ["export", "--from", "2026-13-01", "--to", "2026-07-01", "-o", "{new}"],
            "not a valid date",
        ),
        (
            ["export", "--from", "2026-07-01", "--to", "2026-09-30", "-o", "{file}"],
            "exists already",
        ),
        (["forget", "99"], "no kept roll-up"),
        (["forget", "x"], "not a roll-up id"),
    ],
)
def test_bad_input_refused_changing_nothing(
    vault: InProcessVault, tmp_path: Path, args: list[str], message: str
) -> None:
    good = tmp_path / "good.json"
    vault.ok("rollup", "export", "--from", "2026-07-01", "--to", "2026-09-30", "-o", str(good))
    doc = json.loads(good.read_text())
    doc["payload"]["reports"][0]["held"] = 0
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(doc))
    before = vault.dump()
    paths = {"file": good, "missing": tmp_path / "nope.json", "tampered": tampered,
             "new": tmp_path / "new.json"}  # fmt: skip
    result = vault.run("rollup", *[a.format(**paths) for a in args])
    assert result.code != 0
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Secret Person" not in result.err and "SENTINEL" not in result.err
    assert vault.dump() == before
    assert not (tmp_path / "new.json").exists()


def test_hostile_files_cost_bounded_time_and_memory(tmp_path: Path) -> None:
    """A deeply nested, a huge and a many-reports file: each refused within 10 s and 300 MB."""
    env = subprocess_env(tmp_path / "env", tmp_path / "vault", tmp_path / "keyring.json")
    hostile = {
        "deep.json": b'{"format": "taiwa-rollup", "payload": ' + b"[" * 3_000_000,
        "huge.json": b'{"format": "taiwa-rollup", "x": "' + b"a" * (64 * 1024 * 1024),
        "wide.json": json.dumps(
            {"format": "taiwa-rollup", "version": 1, "payload": {"reports": [{}] * 400_000}}
        ).encode(),
    }
    for name, data in hostile.items():
        path = tmp_path / name
        path.write_bytes(data)
        run = run_limited(["rollup", "show", str(path)], env)
        assert not run.timed_out and not run.over_cpu, name
        assert run.returncode == 2 or run.returncode == 1, (name, run.stderr[-500:])
        assert run.peak_rss_mb <= 300, (name, run.peak_rss_mb)
        assert "Traceback" not in run.stderr
        print(
            f"{name}: {len(data) / 1e6:.1f} MB, {run.seconds:.2f} s, {run.peak_rss_mb:.0f} MB RSS"
        )
