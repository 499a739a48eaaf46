"""``zwgk serve`` as a real process on a local port, called by the documented CMS client."""

from __future__ import annotations

import importlib.util
import json
import time
import urllib.error
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from pipeline.ledger import open_ledger

ROOT = Path(__file__).resolve().parents[2]


def _client_module():
    spec = importlib.util.spec_from_file_location(
        "cms_client", ROOT / "examples/cms_hook_client.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cms_client_against_a_running_server(server):
    url, data_dir = server
    ledger = open_ledger(f"sqlite:///{data_dir.resolve()}/zwgk.db")
    _, key = ledger.create_key("hook", "cms")
    client = _client_module()
    text = "申请人张晓明，身份证号341502198503121230，手机13812345678。"
    body = client.prepublish(text, "page-1", url, key)
    assert body["verdict"] == "block" and "13812345678" not in body["redacted"]
    for _ in range(50):  # the hook records in the background, right after answering
        docs = ledger.documents(source="page-1")
        if docs:
            break
        time.sleep(0.1)
    assert docs and ledger.findings(document_id=docs[0].id)
    with pytest.raises(urllib.error.HTTPError) as err:
        client.prepublish("无", "page-2", url, "zwgk_wrong")
    assert err.value.code == 401
    assert json.loads(err.value.read())["detail"].startswith("API 密钥无效")
    ledger.close()
