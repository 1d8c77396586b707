"""Taiwa: confidential 1on1-meeting notes, kept encrypted on the manager's own laptop."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs ~0.1 s, and every CLI call imports taiwa.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("taiwa")
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    raise AttributeError(name)
