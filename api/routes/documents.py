"""``/v1/parse``, ``/v1/classify`` and ``/v1/outline``: the document features of issues 4–5,
through the same Python functions as ``zwgk parse``, ``zwgk classify`` and ``zwgk outline``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from api.documents import (
    Incoming,
    document_route,
    log_document,
    off_loop,
    quoter,
    read_document,
    reveal_requested,
    screen_document,
)

router = APIRouter(prefix="/v1", tags=["公文"])


def _parse(request: Request, doc: Incoming, reveal: bool) -> tuple[Any, str]:
    from pipeline.parse import parse_document

    text = quoter(request, doc, reveal).text  # same length: offsets index the original
    return parse_document(text), text


@document_route(
    router,
    "/parse",
    "parse",
    "公文结构：标题、文号、日期、层级标题、表格、引用（均带原文偏移；个人信息按审查结果遮蔽）",
    quotes=True,
)
async def parse(request: Request) -> dict[str, Any]:
    doc = await read_document(request)
    reveal = reveal_requested(request)
    parsed, text = await off_loop(request, _parse, request, doc, reveal)
    log_document(request, doc, "parsed", None if reveal else text)
    return {"id": doc.id, **parsed.to_dict()}


def _classify(request: Request, doc: Incoming, reveal: bool) -> tuple[dict[str, Any], str]:
    from pipeline.classify import default_classifier
    from pipeline.classify.quoting import quote_classification

    screening = screen_document(request, doc)
    result = default_classifier().classify(doc.text, doc_id=doc.id, screening=screening)
    quoting = quoter(request, doc, reveal, screening)
    out: dict[str, Any] = quote_classification(result, quoting).to_dict()
    return out, screening.redacted


@document_route(
    router,
    "/classify",
    "classify",
    "公开属性（主动公开/依申请公开/部分公开/不予公开）及理由、条款、证据（证据按审查结果遮蔽）",
    quotes=True,
)
async def classify(request: Request) -> dict[str, Any]:
    doc = await read_document(request)
    reveal = reveal_requested(request)
    out, redacted = await off_loop(request, _classify, request, doc, reveal)
    log_document(request, doc, str(out.get("attribute")), redacted)
    return out


def _outline(request: Request, doc: Incoming, reveal: bool) -> tuple[Any, str]:
    from pipeline.outline import draft_outline

    text = quoter(request, doc, reveal).text  # drafted from the screened text
    return draft_outline(text), text


@document_route(
    router,
    "/outline",
    "outline",
    "政策解读提纲草稿（每一点引用原文并经核对；个人信息按审查结果遮蔽）",
    quotes=True,
)
async def outline(request: Request) -> dict[str, Any]:
    doc = await read_document(request)
    reveal = reveal_requested(request)
    style = request.query_params.get("style", "outline").strip().lower() or "outline"
    if style not in ("outline", "qa"):
        raise HTTPException(422, "参数 style 应为 outline 或 qa")
    drafted, text = await off_loop(request, _outline, request, doc, reveal)
    log_document(request, doc, "outlined", None if reveal else text)
    if style == "qa":  # 简明问答 from the same screened, guarded draft
        from pipeline.outline.qa import draft_qa, qa_to_dict

        return {"id": doc.id, **qa_to_dict(draft_qa(text, drafted))}
    out: dict[str, Any] = {"id": doc.id, **drafted.to_dict()}
    return out
