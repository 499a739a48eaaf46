"""``/v1/parse``, ``/v1/classify`` and ``/v1/outline``: the document features of issues 4–5,
through the same Python functions as ``zwgk parse``, ``zwgk classify`` and ``zwgk outline``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from api.documents import DOCUMENT_BODY, Incoming, off_loop, read_document
from api.routes.screening import ERRORS, _log, _screen
from api.security import require

router = APIRouter(prefix="/v1", tags=["公文"])


@router.post(
    "/parse",
    responses=ERRORS,
    openapi_extra=DOCUMENT_BODY,
    summary="公文结构：标题、文号、日期、层级标题、表格、引用（均带原文偏移）",
    dependencies=[Depends(require("parse"))],
)
async def parse(request: Request) -> dict[str, Any]:
    from pipeline.parse import parse_document

    doc = await read_document(request)
    parsed = await off_loop(request, parse_document, doc.text)
    _log(request, doc, "parsed")
    return {"id": doc.id, **parsed.to_dict()}


def _classify(request: Request, doc: Incoming) -> dict[str, Any]:
    from pipeline.classify import default_classifier

    screening = _screen(request, doc)
    result = default_classifier().classify(doc.text, doc_id=doc.id, screening=screening)
    out: dict[str, Any] = result.to_dict()
    return out


@router.post(
    "/classify",
    responses=ERRORS,
    openapi_extra=DOCUMENT_BODY,
    summary="公开属性（主动公开/依申请公开/部分公开/不予公开）及理由、条款、证据",
    dependencies=[Depends(require("classify"))],
)
async def classify(request: Request) -> dict[str, Any]:
    doc = await read_document(request)
    out = await off_loop(request, _classify, request, doc)
    _log(request, doc, str(out.get("attribute")))
    return out


@router.post(
    "/outline",
    responses=ERRORS,
    openapi_extra=DOCUMENT_BODY,
    summary="政策解读提纲草稿（每一点引用原文并经核对）",
    dependencies=[Depends(require("outline"))],
)
async def outline(request: Request) -> dict[str, Any]:
    from pipeline.outline import draft_outline

    doc = await read_document(request)
    drafted = await off_loop(request, draft_outline, doc.text)
    _log(request, doc, "outlined")
    out: dict[str, Any] = {"id": doc.id, **drafted.to_dict()}
    return out
