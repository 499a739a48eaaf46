"""Request and response bodies: the CLI's JSON contracts, typed for the OpenAPI docs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class DocumentIn(BaseModel):
    """A document as JSON. (Files go as ``multipart/form-data`` with a ``file`` field.)"""

    text: str = Field(description="文档全文（UTF-8）")
    id: str | None = Field(default=None, description="调用方的文档编号，原样返回")
    source: str | None = Field(default=None, description="来源（网址或路径），写入台账")
    department: str | None = Field(default=None, description="发布部门，写入台账统计")


class FindingOut(BaseModel):
    entity: str
    start: int = Field(description="原文中的起始偏移（字符）")
    end: int
    text: str
    action: Literal["redact", "review", "allow"]
    score: float
    rule: str
    reason: str
    basis: str
    masked: str
    role: str
    recognizer: str
    explanation: str
    location: dict[str, Any] | None = Field(
        default=None, description="表格的工作表/单元格（sheet、cell、header）、压缩包成员（member）"
    )


class ScreenOut(BaseModel):
    """``zwgk screen --json``: the batch contract."""

    id: str | None
    verdict: Literal["pass", "review", "block"]
    doc_type: str
    findings: list[FindingOut]
    redacted: str
    ledger_document_id: int | None = Field(default=None, description="台账中的文档编号")
    source_text: str | None = Field(
        default=None, description="上传文件时：从文件提取的全文（偏移以此为准）"
    )
    previews: list[dict[str, Any]] | None = Field(
        default=None,
        description="上传图片/PDF/OFD 并带 ?previews=1：有发现项页面的缩略图及框线",
    )


class RedactOut(BaseModel):
    id: str | None
    redacted: str
    redactions: int = Field(description="遮蔽处数")


class HookOut(BaseModel):
    """The pre-publication verdict for a CMS."""

    id: str | None
    verdict: Literal["pass", "review", "block"]
    publishable: bool = Field(description="无需遮蔽或人工审核即可发布")
    summary: str = Field(description="中文摘要，可直接展示给编辑")
    counts: dict[str, int] = Field(description="按处置统计：redact / review / allow")
    findings: list[FindingOut] = Field(description="需遮蔽或审核的项（allow 项不列出）")
    redacted: str = Field(description="遮蔽后的全文")
    ledger_document_id: int | None = None


class ErrorOut(BaseModel):
    detail: str
