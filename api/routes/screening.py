"""``/v1/screen``, ``/v1/redact`` and the CMS hook ``/v1/hook/prepublish``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from api.documents import (
    Incoming,
    document_route,
    log_document,
    off_loop,
    read_document,
    screen_document,
)
from api.redacted import FILE_RESPONSES, redacted_file, wants_file
from api.schemas import HookOut, RedactOut, ScreenOut
from pipeline.ingest.locate import attach_locations
from pipeline.ledger.recording import RecordRequest

router = APIRouter(prefix="/v1", tags=["审查"])


def _record(request: Request, doc: Incoming, contract: dict[str, Any]) -> int | None:
    """Write the result to the ledger (when configured); the ledger's document id."""
    if not request.app.state.settings.record_to_ledger:
        return None
    ledger = request.app.state.ledger
    outcome = ledger.record(contract, _source(doc), doc.department, text=doc.text)
    return int(outcome.document_id)


def _source(doc: Incoming) -> str:
    return doc.source or (f"api:{doc.id}" if doc.id else "api")


@document_route(router, "/screen", "screen", "审查文档中的个人信息", response_model=ScreenOut)
async def screen(request: Request) -> dict[str, Any]:
    """Every finding with its action, rule, reason and legal basis, plus the redacted text
    (the same contract as ``zwgk screen --json``)."""
    doc = await read_document(request)
    result = await off_loop(request, screen_document, request, doc)
    # sheet/cell, page/box, member; off the event loop: PDF boxes are computed on demand
    await off_loop(request, attach_locations, result.findings, doc.ingested)
    contract: dict[str, Any] = result.to_contract()
    contract["ledger_document_id"] = await off_loop(request, _record, request, doc, contract)
    if doc.uploaded:
        contract["source_text"] = doc.text
        if request.query_params.get("previews") == "1":  # the reviewer page's thumbnails
            from api.previews import page_previews

            findings = contract["findings"]
            contract["previews"] = await off_loop(request, page_previews, doc.ingested, findings)
    log_document(request, doc, contract["verdict"], result.redacted)
    return contract


@document_route(
    router,
    "/redact",
    "redact",
    "输出遮蔽后的文本；上传 HTML/DOCX 时输出同格式的遮蔽后文件",
    response_model=RedactOut,
    responses=FILE_RESPONSES,
)
async def redact(request: Request) -> Any:
    """JSON ``{id, redacted, redactions}`` for text; for an uploaded HTML or DOCX file the
    redacted file itself, markup kept, with the same content type (like ``zwgk redact``;
    headers ``X-Zwgk-Verdict``, ``X-Zwgk-Redactions``). ``Accept: application/json`` asks
    for the JSON body instead."""
    doc = await read_document(request)
    result = await off_loop(request, screen_document, request, doc)
    log_document(request, doc, result.verdict, result.redacted)
    count = sum(f.action in ("redact", "review") for f in result.findings)
    if wants_file(request, doc):
        return await off_loop(request, redacted_file, doc, result, count)
    return {"id": doc.id, "redacted": result.redacted, "redactions": count}


@document_route(
    router,
    "/hook/prepublish",
    "prepublish",
    "发布前审查钩子：结论 + 遮蔽稿",
    response_model=HookOut,
)
async def prepublish(request: Request) -> dict[str, Any]:
    """For a CMS: ``publishable`` is true only when nothing must be redacted or reviewed;
    otherwise publish ``redacted`` or send the document to a reviewer. With
    ``ZWGK_HOOK_RECORD_ASYNC`` (default) the result is queued for the ledger's background
    writer (recorded in batches, see pipeline/ledger/writer.py) and ``ledger_document_id``
    is null."""
    doc = await read_document(request)
    result = await off_loop(request, screen_document, request, doc)
    await off_loop(request, attach_locations, result.findings, doc.ingested)  # for the ledger
    contract = result.to_contract()
    ledger_id = None
    writer = request.app.state.ledger_writer
    if writer is not None:
        record = RecordRequest(contract, _source(doc), doc.department, doc.text)
        if not writer.try_submit(record):  # queue full: wait for room, off the event loop
            await run_in_threadpool(writer.submit, record)
    else:
        ledger_id = await off_loop(request, _record, request, doc, contract)
    log_document(request, doc, contract["verdict"], result.redacted)
    counts = {a: sum(f.action == a for f in result.findings) for a in ("redact", "review", "allow")}
    return {
        "id": doc.id,
        "verdict": contract["verdict"],
        "publishable": contract["verdict"] == "pass",
        "summary": _summary(contract["verdict"], counts),
        "counts": counts,
        "findings": [f for f in contract["findings"] if f["action"] != "allow"],
        "redacted": contract["redacted"],
        "ledger_document_id": ledger_id,
    }


def _summary(verdict: str, counts: dict[str, int]) -> str:
    if verdict == "pass":
        return "未发现需要遮蔽或审核的个人信息，可以发布"
    if verdict == "review":
        return f"有 {counts['review']} 处需人工审核，审核后再发布"
    return (
        f"有 {counts['redact']} 处个人信息必须遮蔽"
        + (f"，另有 {counts['review']} 处需人工审核" if counts["review"] else "")
        + "；请发布遮蔽稿或退回修改"
    )
