"""Routes that quote document text (/v1/parse, /v1/classify, /v1/outline) quote it as the
screen redacts it; ``?original=true`` shows the original to a key with the review scope.
The access log never carries an original value."""

from __future__ import annotations

import json
import logging

import pytest

from tests.output.conftest import BULLETIN, DOCUMENTS, SECRETS, assert_hidden, digits


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


ROUTES = ("/v1/parse", "/v1/classify", "/v1/outline")


@pytest.fixture
def editor_key(ledger):
    return ledger.create_key("editor", "测试editor")[1]


@pytest.mark.parametrize("doc_name", sorted(DOCUMENTS))
@pytest.mark.parametrize("route", ROUTES)
def test_routes_quote_the_redacted_text(route, client, keys, doc_name):
    r = client.post(route, json={"text": DOCUMENTS[doc_name], "id": doc_name},
                    headers=bearer(keys["admin"]))  # fmt: skip
    assert r.status_code == 200, r.text
    assert_hidden(r.text, doc_name)


@pytest.mark.parametrize(("route", "name"), [("/v1/parse", "penalty"), ("/v1/parse", "bulletin"),
                                             ("/v1/outline", "notice")])  # fmt: skip
def test_original_shows_the_values_to_a_key_that_may_review(route, name, client, keys):
    r = client.post(f"{route}?original=true", json={"text": DOCUMENTS[name]},
                    headers=bearer(keys["admin"]))  # fmt: skip
    assert r.status_code == 200, r.text
    assert SECRETS[name][0] in digits(r.text)


def test_uploaded_file_is_quoted_redacted(client, keys):
    files = {"file": ("通报.txt", BULLETIN.encode("utf-8"), "text/plain")}
    r = client.post("/v1/parse", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.json()["title"]["text"].startswith("关于")
    assert_hidden(r.text, "bulletin")


def test_original_parameter_is_checked(client, keys, editor_key):
    body = {"text": DOCUMENTS["notice"]}
    r = client.post("/v1/parse?original=perhaps", json=body, headers=bearer(keys["reviewer"]))
    assert r.status_code == 422
    r = client.post("/v1/outline?original=false", json=body, headers=bearer(editor_key))
    assert r.status_code == 200
    assert_hidden(r.text, "notice")
    spec = client.get("/openapi.json").json()
    for route in ROUTES:
        names = [p["name"] for p in spec["paths"][route]["post"].get("parameters", [])]
        assert "original" in names


def test_original_needs_the_review_scope():
    """A key whose role lacks ``review`` (the hook's) gets 403 for the original."""
    from fastapi import HTTPException
    from starlette.requests import Request

    from api.documents import reveal_requested

    def request(role: str, query: bytes = b"original=true") -> Request:
        scope = {"type": "http", "method": "POST", "path": "/v1/parse", "query_string": query}
        return Request({**scope, "headers": [], "state": {"key_role": role}})

    with pytest.raises(HTTPException) as exc:
        reveal_requested(request("hook"))
    assert exc.value.status_code == 403
    assert reveal_requested(request("reviewer")) and reveal_requested(request("admin"))
    assert not reveal_requested(request("hook", b""))


def test_logged_content_is_redacted(make_client, keys, caplog):
    caplog.set_level(logging.INFO, logger="zwgk.access")
    with make_client(log_content=True) as c:
        for route in ROUTES:
            for name in ("notice", "penalty"):
                r = c.post(route, json={"text": DOCUMENTS[name]}, headers=bearer(keys["admin"]))
                assert r.status_code == 200
        c.post("/v1/parse?original=true", json={"text": DOCUMENTS["reply"]},
               headers=bearer(keys["admin"]))  # fmt: skip
    entries = [json.loads(r.getMessage()) for r in caplog.records if r.name == "zwgk.access"]
    logged = [e for e in entries if e.get("text")]
    assert len(logged) == 6  # each quoting route logs the redacted text; the original never
    for e in logged:
        name = "notice" if "低保" in e["text"] else "penalty"
        assert_hidden(json.dumps(e, ensure_ascii=False), name)
    assert_hidden("\n".join(json.dumps(e, ensure_ascii=False) for e in entries), "reply")


@pytest.mark.parametrize("doc_name", sorted(DOCUMENTS))
def test_qa_style_of_the_outline_route_quotes_the_redacted_text(client, keys, doc_name):
    r = client.post("/v1/outline?style=qa", json={"text": DOCUMENTS[doc_name], "id": doc_name},
                    headers=bearer(keys["admin"]))  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["style"] == "qa" and r.json()["items"]
    assert_hidden(r.text, doc_name)
