"""The names of a vault's files, and whether a folder holds a vault.

Kept free of heavy imports (cryptography, keyring): the app asks "is there a vault?" on the GUI
thread at start-up, while a worker is already importing the rest of the vault package.
"""

from __future__ import annotations

from pathlib import Path

HEADER_NAME = "vault.json"
DATABASE_NAME = "taiwa.db"
LOCK_NAME = "taiwa.lock"


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault (its header or its database)."""
    folder = Path(folder)
    return (folder / HEADER_NAME).exists() or (folder / DATABASE_NAME).exists()
