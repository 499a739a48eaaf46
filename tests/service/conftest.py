"""A service over a temporary SQLite ledger, with one API key per role."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from api import create_app
from api.settings import Settings
from pipeline.ledger import open_ledger


@pytest.fixture
def ledger(tmp_path):
    led = open_ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    yield led
    led.close()


@pytest.fixture
def keys(ledger):
    return {
        role: ledger.create_key(role, f"测试{role}")[1] for role in ("hook", "reviewer", "admin")
    }


@pytest.fixture
def make_client(ledger):
    """``make_client(**settings)`` → a test client (use as a context manager)."""

    def make(**overrides):
        return TestClient(create_app(Settings(**overrides), ledger=ledger))

    return make


@pytest.fixture
def client(make_client):
    with make_client() as c:
        yield c
