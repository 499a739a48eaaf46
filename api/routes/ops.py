"""Liveness, readiness and Prometheus metrics (no key needed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, Gauge, generate_latest

router = APIRouter(tags=["运维"])

LEDGER = Gauge(
    "zwgk_ledger_writer_documents",
    "Hook results of the background ledger writer, by state",
    ["state"],
)


@router.get("/healthz", summary="进程存活")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="已加载流水线与台账，可以接收请求",
    responses={503: {"description": "仍在加载"}},
)
async def readyz(request: Request, response: Response) -> dict[str, Any]:
    state = request.app.state
    checks = {
        "pipeline": getattr(state, "screener", None) is not None,
        "ledger": getattr(state, "ledger", None) is not None,
        "ner_model": getattr(state, "ner_model", None),
    }
    ready = checks["pipeline"] and checks["ledger"]
    response.status_code = 200 if ready else 503
    return {"status": "ready" if ready else "starting", **checks}


@router.get(
    "/metrics",
    summary="Prometheus 指标",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {}}, "description": "指标文本"}
    },
)
async def metrics(request: Request) -> Response:
    writer = getattr(request.app.state, "ledger_writer", None)
    if writer is not None:
        LEDGER.labels("pending").set(writer.pending)
        LEDGER.labels("written").set(writer.written)
        LEDGER.labels("failed").set(writer.failed)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
