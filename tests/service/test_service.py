"""The HTTP service end to end through FastAPI's test client (lifespan included)."""

from __future__ import annotations

import io
import json
import logging


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


DOC = "申请人张晓明，身份证号341502198503121230，联系电话13812345678。"
ID = "341502198503121230"


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["pipeline"] is True


def test_missing_or_wrong_key_is_401(client, keys):
    r = client.post("/v1/screen", json={"text": DOC})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = client.post("/v1/screen", json={"text": DOC}, headers=bearer("zwgk_not-a-key"))
    assert r.status_code == 401


def test_hook_role_may_screen_but_not_read_the_ledger(client, keys):
    assert client.post("/v1/screen", json={"text": DOC}, headers=bearer(keys["hook"])).is_success
    r = client.get("/v1/ledger/suggestions", headers=bearer(keys["hook"]))
    assert r.status_code == 403
    assert client.get("/v1/ledger/suggestions", headers=bearer(keys["reviewer"])).is_success


def test_revoked_key_is_refused(make_client, ledger):
    key_id, key = ledger.create_key("hook", "旧钩子")
    with make_client(key_cache_seconds=0) as c:
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(key)).is_success
        ledger.revoke_key(key_id)
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(key)).status_code == 401


def test_key_cache_delays_revocation_by_at_most_its_ttl(make_client, ledger):
    key_id, key = ledger.create_key("hook", "缓存")
    _, warm = ledger.create_key("hook", "预热")
    with make_client(key_cache_seconds=0.3) as c:
        # the first screen of a process loads the recognizers (can take longer than the TTL
        # on a slow machine); warm up with another key so the timed requests are quick
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(warm)).is_success
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(key)).is_success
        ledger.revoke_key(key_id)
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(key)).is_success
        __import__("time").sleep(0.35)
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(key)).status_code == 401


def test_prepublish_returns_verdict_redacted_text_and_records_the_ledger(client, keys, ledger):
    r = client.post(
        "/v1/hook/prepublish",
        json={"text": DOC, "id": "cms-42", "source": "https://example.gov.cn/a.html"},
        headers=bearer(keys["hook"]),
    )
    body = r.json()
    assert r.status_code == 200
    assert body["verdict"] == "block" and body["publishable"] is False
    assert ID not in body["redacted"] and "13812345678" not in body["redacted"]
    assert body["counts"]["redact"] >= 3 and "必须遮蔽" in body["summary"]
    assert all(f["action"] != "allow" for f in body["findings"])
    assert body["ledger_document_id"] is None  # queued for the background writer
    client.app.state.ledger_writer.flush()
    (doc,) = ledger.documents(source="https://example.gov.cn/a.html")
    rows = ledger.findings(document_id=doc.id)
    assert {f.entity for f in rows} >= {"PERSON", "ID_CARD", "MOBILE"}
    client.post(
        "/v1/hook/prepublish",
        json={"text": DOC, "source": "https://example.gov.cn/a.html"},
        headers=bearer(keys["hook"]),
    )
    client.app.state.ledger_writer.flush()
    assert len(ledger.documents(source="https://example.gov.cn/a.html")) == 1  # same content


def test_hook_results_queued_at_shutdown_are_recorded(make_client, keys, ledger):
    with make_client() as c:
        for i in range(30):
            text = f"申请人张晓明，电话138123456{i:02d}。"
            r = c.post("/v1/hook/prepublish", json={"text": text, "source": f"q-{i}"},
                       headers=bearer(keys["hook"]))  # fmt: skip
            assert r.status_code == 200
        writer = c.app.state.ledger_writer
    # leaving the client ran the lifespan's shutdown: the writer wrote everything queued
    assert writer.pending == 0 and writer.failed == 0 and writer.written == 30
    assert writer.batches <= 30
    assert len(ledger.documents()) == 30


def test_prepublish_can_record_before_answering(make_client, keys, ledger):
    with make_client(hook_record_async=False) as c:
        body = c.post(
            "/v1/hook/prepublish",
            json={"text": DOC, "source": "s-sync"},
            headers=bearer(keys["hook"]),
        ).json()
    assert body["ledger_document_id"] == ledger.documents(source="s-sync")[0].id


def test_clean_document_is_publishable(client, keys):
    r = client.post(
        "/v1/hook/prepublish",
        json={"text": "2024年全市经济运行总体平稳，地区生产总值增长5.2%。"},
        headers=bearer(keys["hook"]),
    )
    assert r.json()["verdict"] == "pass" and r.json()["publishable"] is True


def test_screen_contract_offsets_index_the_text(client, keys):
    body = client.post("/v1/screen", json={"text": DOC}, headers=bearer(keys["hook"])).json()
    assert body["verdict"] == "block"
    for f in body["findings"]:
        assert DOC[f["start"] : f["end"]] == f["text"]


def test_file_upload_returns_the_extracted_text(client, keys):
    html = f"<html><body><p>申请人：王小明</p><p>身份证号：{ID}</p></body></html>"
    files = {"file": ("reply.html", io.BytesIO(html.encode()), "text/html")}
    r = client.post("/v1/screen", files=files, data={"id": "u1"}, headers=bearer(keys["hook"]))
    body = r.json()
    assert r.status_code == 200 and body["id"] == "u1"
    text = body["source_text"]
    assert "<p>" not in text
    ids = [f for f in body["findings"] if f["entity"] == "ID_CARD"]
    assert ids and text[ids[0]["start"] : ids[0]["end"]] == ID


def test_broken_upload_is_a_named_422(client, keys):
    files = {"file": ("broken.docx", io.BytesIO(b"not a zip"), "application/octet-stream")}
    r = client.post("/v1/screen", files=files, headers=bearer(keys["hook"]))
    assert r.status_code == 422 and "broken.docx" in r.json()["detail"]


def test_bad_bodies(client, keys):
    h = bearer(keys["hook"])
    r = client.post(
        "/v1/screen", content=b"{not json", headers=h | {"content-type": "application/json"}
    )
    assert r.status_code == 422 and "JSON" in r.json()["detail"]
    r = client.post("/v1/screen", json={"txt": "x"}, headers=h)
    assert r.status_code == 422
    r = client.post("/v1/screen", content=DOC.encode(), headers=h | {"content-type": "text/plain"})
    assert r.status_code == 415


def test_oversized_request_is_413(make_client, keys):
    with make_client(max_request_bytes=1000) as c:
        r = c.post("/v1/screen", json={"text": "字" * 2000}, headers=bearer(keys["hook"]))
        assert r.status_code == 413 and "过大" in r.json()["detail"]
        assert c.post(
            "/v1/screen", json={"text": "字" * 100}, headers=bearer(keys["hook"])
        ).is_success


def test_rate_limit_is_429_per_key(make_client, keys):
    with make_client(rate_limit_per_minute=2) as c:
        codes = [
            c.post("/v1/screen", json={"text": "无"}, headers=bearer(keys["hook"])).status_code
            for _ in range(3)
        ]
        assert codes == [200, 200, 429]
        r = c.post("/v1/screen", json={"text": "无"}, headers=bearer(keys["hook"]))
        assert int(r.headers["retry-after"]) >= 1
        # another key has its own bucket
        assert c.post("/v1/screen", json={"text": "无"}, headers=bearer(keys["admin"])).is_success


def test_timeout_is_504(make_client, keys):
    with make_client(request_timeout_s=1e-6) as c:
        r = c.post("/v1/screen", json={"text": DOC * 200}, headers=bearer(keys["hook"]))
        assert r.status_code == 504


def test_reviewer_workflow_through_the_api(client, keys, ledger):
    doc_id = client.post(
        "/v1/screen", json={"text": DOC, "source": "s1"}, headers=bearer(keys["hook"])
    ).json()["ledger_document_id"]
    rows = client.get(f"/v1/ledger/documents/{doc_id}/findings", headers=bearer(keys["reviewer"]))
    by_entity = {r["entity"]: r for r in rows.json()}
    assert ID not in json.dumps(rows.json())  # the ledger keeps masked values only
    fid = by_entity["ID_CARD"]["id"]
    url = f"/v1/ledger/findings/{fid}/status"
    r = client.post(url, json={"status": "retained"}, headers=bearer(keys["reviewer"]))
    assert r.status_code == 422  # a reason is required
    r = client.post(url, json={"status": "rectified"}, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200 and r.json()["status"] == "rectified"
    r = client.post(url, json={"status": "false_positive"}, headers=bearer(keys["reviewer"]))
    assert r.status_code == 409
    r = client.post(url, json={"status": "rectified"}, headers=bearer(keys["hook"]))
    assert r.status_code == 403
    audit = ledger.audit_log()
    assert any(a.action == "finding.status" and "测试reviewer" in a.actor for a in audit)
    r = client.post("/v1/ledger/findings/999999/status", json={"status": "rectified"},
                    headers=bearer(keys["reviewer"]))  # fmt: skip
    assert r.status_code == 404


def test_metrics_and_openapi(client, keys):
    client.post("/v1/screen", json={"text": "无"}, headers=bearer(keys["hook"]))
    metrics = client.get("/metrics").text
    assert 'zwgk_requests_total{method="POST",route="/v1/screen",status="200"}' in metrics
    client.post("/v1/hook/prepublish", json={"text": DOC, "source": "m"},
                headers=bearer(keys["hook"]))  # fmt: skip
    client.app.state.ledger_writer.flush()
    metrics = client.get("/metrics").text
    assert 'zwgk_ledger_writer_documents{state="written"} 1.0' in metrics
    assert 'zwgk_ledger_writer_documents{state="pending"} 0.0' in metrics
    spec = client.get("/openapi.json").json()
    assert {"/v1/screen", "/v1/redact", "/v1/hook/prepublish"} <= set(spec["paths"])
    content = spec["paths"]["/v1/screen"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(content)


def test_logs_carry_no_document_text_unless_asked(make_client, keys, caplog):
    caplog.set_level(logging.INFO, logger="zwgk.access")
    with make_client() as c:
        c.post("/v1/screen", json={"text": DOC}, headers=bearer(keys["hook"]))
    lines = [r.getMessage() for r in caplog.records if r.name == "zwgk.access"]
    entry = json.loads(lines[-1])
    assert entry["route"] == "/v1/screen" and entry["status"] == 200 and entry["verdict"] == "block"
    assert ID not in "\n".join(lines) and "张晓明" not in "\n".join(lines)
    caplog.clear()
    with make_client(log_content=True) as c:
        c.post("/v1/screen", json={"text": DOC}, headers=bearer(keys["hook"]))
    logged = json.loads([r.getMessage() for r in caplog.records if r.name == "zwgk.access"][-1])
    # ZWGK_LOG_CONTENT logs the text as the screen redacts it, never the original values
    assert "身份证号" in logged["text"] and ID not in logged["text"]
    assert ID[:4] + "*" in logged["text"] and "张晓明" not in logged["text"]


def test_cors_is_off_by_default(make_client):
    with make_client() as c:
        r = c.options("/v1/screen", headers={"Origin": "https://evil.example",
                                             "Access-Control-Request-Method": "POST"})  # fmt: skip
        assert "access-control-allow-origin" not in r.headers
    with make_client(cors_origins=["https://cms.example.gov.cn"]) as c:
        r = c.options("/v1/screen", headers={"Origin": "https://cms.example.gov.cn",
                                             "Access-Control-Request-Method": "POST"})  # fmt: skip
        assert r.headers["access-control-allow-origin"] == "https://cms.example.gov.cn"


def test_web_page_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "个人信息审查" in page.text
    assert client.get("/web/app.js").status_code == 200
    assert client.get("/web/../app.py").status_code == 404


POLICY = (
    "六安市人民政府办公室关于印发六安市促进就业若干措施的通知\n"
    "六政办〔2024〕12号\n"
    "各县区人民政府，市政府各部门：\n"
    "根据《中华人民共和国就业促进法》和《安徽省就业促进条例》，现将有关措施通知如下。\n"
    "一、扩大就业岗位\n（一）对吸纳就业的企业给予补贴，每人不超过3000元。\n"
    "二、加强组织保障\n各地要于2024年12月31日前落实。\n"
    "六安市人民政府办公室\n2024年3月5日\n（此件公开发布）"
)


def test_parse_classify_outline_routes(client, keys, ledger):
    editor_key = ledger.create_key("editor", "编辑甲")[1]
    parsed = client.post("/v1/parse", json={"text": POLICY}, headers=bearer(keys["reviewer"]))
    body = parsed.json()
    assert parsed.status_code == 200
    number = body["doc_number"]
    assert POLICY[number["start"] : number["end"]] == "六政办〔2024〕12号"
    assert (
        client.post("/v1/parse", json={"text": POLICY}, headers=bearer(keys["hook"])).status_code
        == 403
    )

    cls = client.post(
        "/v1/classify", json={"text": POLICY}, headers=bearer(keys["reviewer"])
    ).json()
    assert cls["attribute"] == "主动公开" and cls["evidence"]
    leaky = POLICY.replace("各地要", "联系人张晓明，身份证号341502198503121230。各地要")
    cls = client.post("/v1/classify", json={"text": leaky}, headers=bearer(keys["reviewer"])).json()
    assert cls["attribute"] == "主动公开" and cls["to_mask"] >= 1  # masked, not withheld

    outline = client.post("/v1/outline", json={"text": POLICY}, headers=bearer(editor_key))
    sections = {s["id"]: s for s in outline.json()["sections"]}
    basis_text = " ".join(p["text"] for p in sections["basis"]["points"])
    assert "就业促进法" in basis_text
    for point in sections["measures"]["points"]:
        for ev in point["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(POLICY)
    assert (
        client.post(
            "/v1/outline", json={"text": POLICY}, headers=bearer(keys["reviewer"])
        ).status_code
        == 403
    )


def test_oversized_chunked_request_is_413(make_client, keys):
    def chunks():
        body = json.dumps({"text": "字" * 3000}).encode()
        for i in range(0, len(body), 500):
            yield body[i : i + 500]

    with make_client(max_request_bytes=1000) as c:
        headers = bearer(keys["hook"]) | {"content-type": "application/json"}
        r = c.post("/v1/screen", content=chunks(), headers=headers)
        assert r.request.headers.get("transfer-encoding") == "chunked"  # no Content-Length
        assert r.status_code == 413
