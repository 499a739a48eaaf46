"""``/v1/parse``, ``/v1/classify`` and ``/v1/outline``: the document features of issues 4–5,
through the same Python functions as ``zwgk parse``, ``zwgk classify`` and ``zwgk outline``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.documents import (
    Incoming,
    document_route,
    log_document,
    off_loop,
    read_document,
    screen_document,
)

router = APIRouter(prefix="/v1", tags=["公文"])


@document_route(
    router, "/parse", "parse", "公文结构：标题、文号、日期、层级标题、表格、引用（均带原文偏移）"
)
async def parse(request: Request) -> dict[str, Any]:
    from pipeline.parse import parse_document

    doc = await read_document(request)
    parsed = await off_loop(request, parse_document, doc.text)
    log_document(request, doc, "parsed")
    return {"id": doc.id, **parsed.to_dict()}


def _classify(request: Request, doc: Incoming) -> dict[str, Any]:
    from pipeline.classify import default_classifier

    screening = screen_document(request, doc)
    result = default_classifier().classify(doc.text, doc_id=doc.id, screening=screening)
    out: dict[str, Any] = result.to_dict()
    return out


@document_route(
    router,
    "/classify",
    "classify",
    "公开属性（主动公开/依申请公开/部分公开/不予公开）及理由、条款、证据",
)
async def classify(request: Request) -> dict[str, Any]:
    doc = await read_document(request)
    out = await off_loop(request, _classify, request, doc)
    log_document(request, doc, str(out.get("attribute")))
    return out


@document_route(router, "/outline", "outline", "政策解读提纲草稿（每一点引用原文并经核对）")
async def outline(request: Request) -> dict[str, Any]:
    from pipeline.outline import draft_outline

    doc = await read_document(request)
    drafted = await off_loop(request, draft_outline, doc.text)
    log_document(request, doc, "outlined")
    out: dict[str, Any] = {"id": doc.id, **drafted.to_dict()}
    return out
