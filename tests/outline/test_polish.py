"""Polishing by a language model: a real local HTTP server speaking the OpenAI
chat-completions shape, and a tiny random transformers model. The guard decides."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from pipeline.outline import (
    HTTPPolisher,
    PolishError,
    draft_outline,
    polisher_from_settings,
)
from pipeline.outline.polish import POLISHED


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        body["_path"] = self.path
        body["_auth"] = self.headers.get("Authorization")
        type(self).requests.append(body)
        user = body["messages"][-1]["content"]
        point = user.split("要点：", 1)[1].rsplit("\n改写：", 1)[0]
        if "5000" in point:
            answer = point.replace("5000", "8000")  # a corrupted figure
        elif "不超过3年" in point:
            answer = point.replace("不超过3年", "3年")  # a dropped comparator
        else:
            answer = "这一条明确：" + point  # a faithful rewording
        data = json.dumps(
            {
                "id": "x",
                "object": "chat.completion",
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": answer},
                    }
                ],
            }
        )
        raw = data.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_polishing_is_off_by_default() -> None:
    assert polisher_from_settings({}) is None
    assert polisher_from_settings({"ZWGK_LLM": "off"}) is None
    with pytest.raises(PolishError):
        polisher_from_settings({"ZWGK_LLM": "http"})
    with pytest.raises(PolishError):
        polisher_from_settings({"ZWGK_LLM": "gpt"})


def test_http_polish_keeps_what_the_guard_accepts(server: str, subsidy: str) -> None:
    env = {
        "ZWGK_LLM": "http",
        "ZWGK_LLM_URL": server,
        "ZWGK_LLM_MODEL": "qwen-local",
        "ZWGK_LLM_API_KEY": "k-test",
    }
    polisher = polisher_from_settings(env)
    assert isinstance(polisher, HTTPPolisher)
    plain = draft_outline(subsidy)
    outline = draft_outline(subsidy, polish=polisher)
    req = _Handler.requests[0]
    assert req["_path"] == "/v1/chat/completions" and req["_auth"] == "Bearer k-test"
    assert req["model"] == "qwen-local" and req["messages"][0]["role"] == "system"
    report = outline.guard.polish
    assert report["accepted"] > 5 and report["rejected"] >= 2 and report["errors"] == 0
    assert outline.guard.passed  # rejected rewordings never reach the outline
    for s_plain, s in zip(plain.sections, outline.sections, strict=True):
        for p_plain, p in zip(s_plain.points, s.points, strict=True):
            if p.extractive:
                assert s.id in POLISHED
                assert p.extractive == p_plain.text and p.text == "这一条明确：" + p_plain.text
            else:
                assert p.text == p_plain.text
            assert "8000" not in p.text
    reasons = [r for item in report["rejections"] for r in item["reasons"]]
    assert any("8000" in r for r in reasons)
    assert any("限定词" in r for r in reasons)


def test_http_server_down_falls_back(subsidy: str) -> None:
    polisher = HTTPPolisher("http://127.0.0.1:9/v1", timeout=0.5)
    outline = draft_outline(subsidy, polish=polisher)
    report = outline.guard.polish
    assert report["errors"] == 3 and report["accepted"] == 0 and "stopped" in report
    assert outline.guard.passed


def _tiny_model(tmp_path: Any, text: str) -> str:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    tokenizers = pytest.importorskip("tokenizers")
    from pipeline.outline.polish import SYSTEM

    torch.manual_seed(0)
    chars = sorted(set(text + SYSTEM + "原文要点改写：\n"))
    vocab = {"[PAD]": 0, "[UNK]": 1, "[EOS]": 2}
    for ch in chars:
        vocab.setdefault(ch, len(vocab))
    tok = tokenizers.Tokenizer(tokenizers.models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = tokenizers.pre_tokenizers.Split(
        tokenizers.Regex(r"[\s\S]"), behavior="isolated"
    )
    tok.decoder = tokenizers.decoders.Fuse()
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]"
    )
    config = transformers.GPT2Config(
        vocab_size=len(vocab),
        n_positions=1024,
        n_embd=32,
        n_layer=1,
        n_head=2,
        pad_token_id=0,
        eos_token_id=2,
    )
    model = transformers.GPT2LMHeadModel(config)
    path = tmp_path / "tiny-gpt2"
    model.save_pretrained(path)
    fast.save_pretrained(path)
    return str(path)


def test_transformers_gibberish_is_rejected(tmp_path: Any, traditional: str) -> None:
    path = _tiny_model(tmp_path, traditional)
    polisher = polisher_from_settings(
        {"ZWGK_LLM": "transformers", "ZWGK_LLM_PATH": path, "ZWGK_LLM_MAX_TOKENS": "12"}
    )
    assert polisher is not None and polisher.name.startswith("transformers:")
    answer = polisher.rewrite("要点", "原文")
    assert isinstance(answer, str)
    plain = draft_outline(traditional)
    outline = draft_outline(traditional, polish=polisher)
    report = outline.guard.polish
    assert report["accepted"] == 0 and report["rejected"] > 5 and report["errors"] == 0
    assert [p.text for s in outline.sections for p in s.points] == [
        p.text for s in plain.sections for p in s.points
    ]
    assert outline.guard.passed


def test_transformers_missing_directory(tmp_path: Any) -> None:
    pytest.importorskip("transformers")
    with pytest.raises(PolishError):
        polisher_from_settings(
            {"ZWGK_LLM": "transformers", "ZWGK_LLM_PATH": str(tmp_path / "nothing")}
        )
