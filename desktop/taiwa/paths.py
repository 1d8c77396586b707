"""Where Taiwa keeps things: the vault folder, the (non-secret) settings, bundled resources."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "Taiwa"
VAULT_ENV = "TAIWA_VAULT"
CONFIG_ENV = "TAIWA_CONFIG_DIR"


def default_vault_dir() -> Path:
    """The platform's user data folder, e.g. ``~/.local/share/Taiwa/vault`` on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "vault"


def vault_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The vault folder: ``--vault DIR``, else ``TAIWA_VAULT``, else the platform default."""
    if override:
        return Path(override).expanduser().absolute()
    env = os.environ.get(VAULT_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return default_vault_dir()


def config_dir() -> Path:
    """Folder for non-secret preferences (language, auto-lock minutes, window geometry)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def resource(*parts: str) -> Traversable:
    """A bundled file under ``resources/`` (fonts, translations, icons, question banks)."""
    node: Traversable = resources.files("taiwa.resources")
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A bundled resource as a real file path (reportlab and Qt want paths, not streams)."""
    node = resource(*parts)
    # Installed as a normal or editable package the resources are plain files on disk.
    return Path(str(node))
