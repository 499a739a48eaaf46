"""``/v1/interpretation/check``: a human-written interpretation checked against its policy,
through the same function as ``zwgk check-interpretation``.

The body is JSON ``{"policy": "…", "interpretation": "…", "id": …}`` or a multipart upload with
the files ``policy`` and ``interpretation`` (any format the ingest reads). Quotations apply the
screen's redactions unless a key with the ``review`` scope asks for ``original=true``.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from api.documents import ERRORS, ORIGINAL_PARAM, off_loop, reveal_requested
from api.security import require

router = APIRouter(prefix="/v1", tags=["公文"])

_FIELDS = ("policy", "interpretation")
_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": list(_FIELDS),
                    "properties": {
                        "policy": {"type": "string", "description": "政策文件全文"},
                        "interpretation": {"type": "string", "description": "解读材料全文"},
                        "id": {"type": "string"},
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": list(_FIELDS),
                    "properties": {
                        "policy": {"type": "string", "format": "binary"},
                        "interpretation": {"type": "string", "format": "binary"},
                        "id": {"type": "string"},
                    },
                }
            },
        },
    },
    "parameters": [ORIGINAL_PARAM],
}


async def _texts(request: Request) -> tuple[str, str, str | None]:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        return await _uploads(request)
    if ctype and not ctype.startswith("application/json"):
        raise HTTPException(415, "请用 application/json 或 multipart/form-data 提交")
    try:
        payload = json.loads(await request.body())
    except json.JSONDecodeError as exc:
        raise HTTPException(422, f"请求体不是合法的 JSON（{exc.msg}）") from exc
    if not isinstance(payload, dict):
        raise HTTPException(422, "请求体应为 JSON 对象")
    for key in _FIELDS:
        if not isinstance(payload.get(key), str) or not payload[key].strip():
            raise HTTPException(422, f"缺少字段 {key}（文字）")
    doc_id = payload.get("id")
    return payload["policy"], payload["interpretation"], doc_id if isinstance(doc_id, str) else None


async def _uploads(request: Request) -> tuple[str, str, str | None]:
    from pipeline.ingest import IngestError, load_bytes

    try:
        form = await request.form()
    except Exception as exc:  # starlette raises its own 400 for a broken multipart body
        raise HTTPException(422, f"multipart 请求格式错误：{exc}") from exc
    texts = []
    for key in _FIELDS:
        upload = form.get(key)
        if upload is None:
            raise HTTPException(422, f"multipart 请求缺少文件字段 {key}")
        if isinstance(upload, str):
            texts.append(upload)
            continue
        data = await upload.read()
        try:
            doc = await run_in_threadpool(load_bytes, data, upload.filename or f"{key}.txt")
        except IngestError as exc:
            raise HTTPException(422, exc.message) from exc
        texts.append(doc.text)
    doc_id = form.get("id")
    return texts[0], texts[1], doc_id if isinstance(doc_id, str) else None


def _check(request: Request, policy: str, interpretation: str, reveal: bool) -> dict[str, Any]:
    from pipeline.outline.check_report import check_interpretation

    screener = request.app.state.screener
    return check_interpretation(policy, interpretation, reveal=reveal, screener=screener)


@router.post(
    "/interpretation/check",
    responses=ERRORS,
    openapi_extra=_BODY,
    summary="核对政策解读：数字、限定词、日期、文号、标题与原文是否一致，解读要素，个人信息审查",
    dependencies=[Depends(require("outline"))],
)
async def check_interpretation(request: Request) -> dict[str, Any]:
    policy, interpretation, doc_id = await _texts(request)
    reveal = reveal_requested(request)
    report = await off_loop(request, _check, request, policy, interpretation, reveal)
    verdict = "mismatch" if report["mismatches"] else "consistent"
    extra = {"doc_id": doc_id, "chars": len(interpretation), "verdict": verdict}
    request.scope.setdefault("state", {})["log_extra"] = extra
    return {"id": doc_id, **report}
