"""Fixtures of the UI tier: an AppContext on a fresh vault (in-memory keyring, private HOME).

- ``vault_dir``: an empty folder for a vault (it does not exist yet).
- ``app_ctx``: an :class:`~taiwa.ui.context.AppContext` with a freshly created, open vault
  (created through ``taiwa.vault.service`` so lock/unlock through the keyring works).
- ``recovery_code``: the recovery code of that vault.
Background ops are drained and the vault closed after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from taiwa.prefs import Prefs


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture(scope="session")
def _vault_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[Any, str]]:
    """One vault created per session (the recovery KDF is deliberately slow), copied per test."""
    import keyring
    from taiwa.vault.service import create_vault
    from tests.support.memkeyring import MemoryKeyring

    folder = tmp_path_factory.mktemp("template") / "vault"
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        created = create_vault(folder)
        created.database.close()
    finally:
        keyring.set_keyring(previous)
    return folder, str(created.recovery_code), dict(backend.secrets)


@pytest.fixture
def created_vault(vault_dir: Path, _vault_template: Any, memory_keyring: Any) -> Any:
    """A fresh vault, open (``.database``), with its ``.recovery_code`` and its keyring entry."""
    import shutil
    from types import SimpleNamespace

    from taiwa.vault.service import open_vault

    template, code, secrets = _vault_template
    shutil.copytree(template, vault_dir)
    memory_keyring.secrets.update(secrets)
    return SimpleNamespace(database=open_vault(vault_dir), recovery_code=code)


@pytest.fixture
def recovery_code(created_vault: Any) -> str:
    return str(created_vault.recovery_code)


@pytest.fixture
def app_ctx(qapp: Any, created_vault: Any, vault_dir: Path) -> Iterator[Any]:
    from taiwa.ui import ops
    from taiwa.ui.context import AppContext

    ctx = AppContext(vault_dir, db=created_vault.database, prefs=Prefs.load())
    try:
        yield ctx
    finally:
        ops.wait_for_pending(10_000)
        qapp.processEvents()
        ctx.detach()


@pytest.fixture
def no_dbus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock watcher must not talk to the machine's D-Bus in tests."""
    monkeypatch.setenv("TAIWA_NO_DBUS", "1")


@pytest.fixture
def main_window(qtbot: Any, app_ctx: Any, no_dbus: None) -> Iterator[Any]:
    """The main window on an open, empty vault, showing the workspace."""
    from taiwa.ui.main_window import MainWindow

    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.start()
    yield window
    window.watcher.set_active(False)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switched the language must not leave it switched for the next one."""
    yield
    from taiwa import i18n
    from taiwa.ui import i18n as ui_i18n

    if ui_i18n.translators():
        ui_i18n.install("en")
    i18n.set_language(None)
