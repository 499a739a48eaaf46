"""Every test (and every process a test starts) keeps its ledger, keys and secret key in a
temporary directory: never in the developer's data directory, home or working tree."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ZWGK_DATA_DIR`` and ``XDG_DATA_HOME`` in a fresh temporary directory per test, and
    no ``ZWGK_DATABASE_URL`` from the environment (tests that need one set their own)."""
    root = tmp_path_factory.mktemp("zwgk-home")
    monkeypatch.setenv("ZWGK_DATA_DIR", str(root / "zwgk-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.delenv("ZWGK_DATABASE_URL", raising=False)
