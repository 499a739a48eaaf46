"""The review ledger over HTTP: a document's findings, status changes, suggestions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import BaseModel, Field

from api.documents import off_loop
from api.schemas import ErrorOut
from api.security import require

router = APIRouter(
    prefix="/v1/ledger",
    tags=["台账"],
    responses={
        code: {"model": ErrorOut, "description": desc}
        for code, desc in (
            (400, "请求体无法解析"),
            (401, "缺少或无效的密钥"),
            (403, "角色无权"),
            (404, "没有这个编号"),
            (409, "状态流转不允许"),
            (422, "参数不符合要求"),
            (429, "请求过于频繁"),
            (504, "处理超时"),
        )
    },
)
RowId = Annotated[int, Path(ge=1, le=2**63 - 1, description="台账编号")]
LedgerKey = Annotated[Any, Depends(require("ledger"))]
ReviewKey = Annotated[Any, Depends(require("review"))]


class StatusIn(BaseModel):
    status: Literal["rectified", "retained", "false_positive", "open"]
    reason: str | None = Field(default=None, description="保留或重新打开时必填")


def _ledger_call(request: Request, name: str, *args: Any, **kwargs: Any) -> Any:
    from pipeline.ledger.records import InvalidTransition, LedgerError, NotFound

    try:
        return getattr(request.app.state.ledger, name)(*args, **kwargs)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except InvalidTransition as exc:
        raise HTTPException(409, str(exc)) from exc
    except LedgerError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/documents/{document_id}/findings", summary="某文档在台账中的发现项")
async def document_findings(
    document_id: RowId, request: Request, _key: LedgerKey
) -> list[dict[str, Any]]:
    rows = await off_loop(request, _ledger_call, request, "findings", document_id=document_id)
    return [r.to_dict() for r in rows]


@router.post("/findings/{finding_id}/status", summary="审核：整改 / 保留（附理由）/ 误报")
async def set_status(
    finding_id: RowId, body: StatusIn, request: Request, key: ReviewKey
) -> dict[str, Any]:
    actor = f"key:{key.id}:{key.name}" if key.name else f"key:{key.id}"
    row = await off_loop(
        request, _ledger_call, request, "set_status", finding_id, body.status, body.reason, actor
    )
    return dict(row.to_dict())


@router.get("/suggestions", summary="由审核反馈生成的白名单与规则建议")
async def suggestions(request: Request, _key: LedgerKey) -> list[dict[str, Any]]:
    rows = await off_loop(request, _ledger_call, request, "suggestions")
    return [r.to_dict() for r in rows]
