"""``zwgk serve`` as a real process on a local port, called by the documented CMS client."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from pipeline.ledger import open_ledger

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _client_module():
    spec = importlib.util.spec_from_file_location(
        "cms_client", ROOT / "examples/cms_hook_client.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def server(tmp_path):
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


def test_cms_client_against_a_running_server(server):
    url, data_dir = server
    ledger = open_ledger(f"sqlite:///{data_dir.resolve()}/zwgk.db")
    _, key = ledger.create_key("hook", "cms")
    client = _client_module()
    text = "申请人张晓明，身份证号341502198503121230，手机13812345678。"
    body = client.prepublish(text, "page-1", url, key)
    assert body["verdict"] == "block" and "13812345678" not in body["redacted"]
    assert ledger.findings(document_id=body["ledger_document_id"])
    with pytest.raises(urllib.error.HTTPError) as err:
        client.prepublish("无", "page-2", url, "zwgk_wrong")
    assert err.value.code == 401
    assert json.loads(err.value.read())["detail"].startswith("API 密钥无效")
    ledger.close()
