"""In-process vault tests use a cheap Argon2id cost (the header records it, so it is honest);
the end-to-end tests run the real cost."""

from __future__ import annotations

import pytest

from taiwa.vault import recovery


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = recovery.KdfParams(iterations=1, lanes=1, memory_kib=1024)
    monkeypatch.setattr(recovery, "DEFAULT_KDF", cheap)
    monkeypatch.setattr(recovery, "BACKUP_KDF", cheap)
    # The bounds a header's cost is checked against, lowered to let the cheap cost through.
    monkeypatch.setattr(recovery, "KDF_LIMITS", recovery.KdfLimits(min_memory_kib=1024))
