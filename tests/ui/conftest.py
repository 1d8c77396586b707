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


@pytest.fixture
def created_vault(vault_dir: Path) -> Any:
    """The service's CreatedVault (``.database``, ``.recovery_code``)."""
    from taiwa.vault.service import create_vault

    return create_vault(vault_dir)


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


# The offscreen platform plugin warns on every shown top-level window/dialog; it says nothing
# about our code, and qt_log_level_fail=WARNING would fail every dialog test on it.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
