"""Taiwa: confidential 1on1-meeting notes, kept encrypted on the manager's own laptop."""

from importlib import metadata

try:
    __version__ = metadata.version("taiwa")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
