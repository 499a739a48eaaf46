"""Reading a document from a request: JSON ``{"text", "id", …}`` or a multipart upload."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from api.schemas import DocumentIn, ErrorOut
from api.security import require

T = TypeVar("T")

#: The OpenAPI description of a body that is either JSON or a file upload.
DOCUMENT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DocumentIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "id": {"type": "string"},
                        "source": {"type": "string"},
                        "department": {"type": "string"},
                    },
                }
            },
        },
    }
}


@dataclass
class Incoming:
    text: str
    id: str | None
    source: str | None
    department: str | None
    kind: str = "txt"
    warnings: tuple[str, ...] = ()
    uploaded: bool = False
    #: the ingested upload, markup included (for writing a redacted copy in its format)
    ingested: Any = None


async def read_document(request: Request) -> Incoming:
    """The document of a request; 415/422 with a Chinese message when it cannot be read."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        return await _from_upload(request)
    if ctype and not ctype.startswith("application/json"):
        raise HTTPException(415, "请用 application/json 或 multipart/form-data 提交文档")
    try:
        payload = json.loads(await request.body())
        doc = DocumentIn.model_validate(payload)
    except json.JSONDecodeError as exc:
        raise HTTPException(422, f"请求体不是合法的 JSON（{exc.msg}）") from exc
    except ValueError as exc:
        raise HTTPException(422, f"请求体不符合要求：{exc}") from exc
    return Incoming(doc.text, doc.id, doc.source, doc.department)


async def _from_upload(request: Request) -> Incoming:
    from pipeline.ingest import IngestError, load_bytes

    try:
        form = await request.form()
    except Exception as exc:  # starlette raises its own 400 for a broken multipart body
        raise HTTPException(422, f"multipart 请求格式错误：{exc}") from exc
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(422, "multipart 请求缺少文件字段 file")
    data = await upload.read()
    name = upload.filename or "upload.txt"
    try:
        doc = await run_in_threadpool(load_bytes, data, name)
    except IngestError as exc:
        raise HTTPException(422, exc.message) from exc

    def field(key: str) -> str | None:
        value = form.get(key)
        return value if isinstance(value, str) and value else None

    return Incoming(
        doc.text, field("id"), field("source") or name, field("department"), doc.kind,
        tuple(doc.warnings), uploaded=True, ingested=doc,
    )  # fmt: skip


async def off_loop(request: Request, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run CPU work in the thread pool under the request timeout (504 when exceeded)."""
    timeout = request.app.state.settings.request_timeout_s
    try:
        return await asyncio.wait_for(run_in_threadpool(fn, *args, **kwargs), timeout)
    except TimeoutError as exc:
        raise HTTPException(504, f"处理超时（超过 {timeout:g} 秒）") from exc


#: The error responses every document route documents.
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 413, 415, 422, 429, 504)
}


#: The query parameter of a route that quotes document text (see ``quoter``).
ORIGINAL_PARAM: dict[str, Any] = {
    "name": "original",
    "in": "query",
    "required": False,
    "schema": {"type": "boolean", "default": False},
    "description": "引用原文时不遮蔽个人信息（需要 review 权限的密钥；默认按审查结果遮蔽）",
}


def document_route(
    router: APIRouter, path: str, scope: str, summary: str, quotes: bool = False, **kw: Any
) -> Any:
    """``router.post`` for a route that takes a document (JSON or upload) and needs ``scope``
    (``responses`` given are added to the documented errors); ``quotes``: the route quotes
    document text and takes the ``original`` parameter."""
    extra = {**DOCUMENT_BODY, "parameters": [ORIGINAL_PARAM]} if quotes else DOCUMENT_BODY
    return router.post(
        path,
        responses={**ERRORS, **kw.pop("responses", {})},
        openapi_extra=extra,
        summary=summary,
        dependencies=[Depends(require(scope))],
        **kw,
    )


def screen_document(request: Request, doc: Incoming) -> Any:
    """The app's screener on one document (the per-document function of the CLI)."""
    return request.app.state.screener.screen(doc.text, doc.id)


def reveal_requested(request: Request) -> bool:
    """Whether the caller asks for the original (``?original=true``): allowed only to a key
    whose role has the ``review`` scope (403 otherwise)."""
    from pipeline.ledger.roles import allowed

    value = request.query_params.get("original", "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value not in ("1", "true", "yes"):
        raise HTTPException(422, "参数 original 应为 true 或 false")
    role = (request.scope.get("state") or {}).get("key_role", "")
    if not allowed(str(role), "review"):
        raise HTTPException(403, f"角色 {role} 无权查看未遮蔽的原文（需要 review 权限）")
    return True


def quoter(request: Request, doc: Incoming, reveal: bool, result: Any = None) -> Any:
    """The :class:`~pipeline.output.quote.Quoter` of a document: the app's screener's
    redactions (``result`` when the route has screened already), none with ``reveal``."""
    from pipeline.output.quote import Quoter

    if result is None and not reveal:
        result = screen_document(request, doc)
    return Quoter.screen(doc.text, reveal=reveal, result=result)


def log_document(request: Request, doc: Incoming, verdict: str, quoted: str | None = None) -> None:
    """What the access-log line says about the document. ``ZWGK_LOG_CONTENT`` logs
    ``quoted``: the text with the screen's redactions (a route passes the redacted text or
    its quoter's text), never the original."""
    extra = {"doc_id": doc.id, "chars": len(doc.text), "verdict": verdict}
    if request.app.state.settings.log_content and quoted is not None:
        extra["text"] = quoted
    request.scope.setdefault("state", {})["log_extra"] = extra
