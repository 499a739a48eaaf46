"""A service over a temporary SQLite ledger, with one API key per role."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path):
    """A real ``zwgk serve`` process on a free port: (url, data dir)."""
    port = _free_port()
    env = {**os.environ, "ZWGK_DATA_DIR": str(tmp_path), "ZWGK_NER": "0"}
    cmd = [sys.executable, "-m", "pipeline.cli", "serve", "--port", str(port)]
    cmd += ["--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as resp:
                if resp.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"server did not start: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.3)
    yield url, tmp_path
    proc.terminate()
    proc.wait(timeout=20)
