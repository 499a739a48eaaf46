"""Shared fixtures: the classify documents; screening without the NER model."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classify"


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch):
    monkeypatch.setenv("ZWGK_NER", "0")


@pytest.fixture(scope="session")
def read():
    def _read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return _read
