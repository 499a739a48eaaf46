"""The shared vocabulary of every stage: detections, findings and screening results.

All offsets are Python string indices into the ORIGINAL text the user gave (end exclusive),
except inside the detect stage, where recognizers work on normalised text and the engine
maps their spans back before anything leaves the stage.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Action = Literal["redact", "review", "allow"]
Verdict = Literal["block", "review", "pass"]

#: Entity labels, exactly as DOMAIN.md names them.
ENTITIES: tuple[str, ...] = (
    "ID_CARD",
    "MOBILE",
    "LANDLINE",
    "BANK_CARD",
    "EMAIL",
    "QQ",
    "WECHAT",
    "IP_ADDRESS",
    "PASSPORT",
    "LICENSE_PLATE",
    "PERSON",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "HEALTH",
    "RELIGION",
    "ETHNICITY",
    "CRIMINAL_RECORD",
    "MINOR",
    "BIOMETRIC",
)

ENTITY_NAMES_ZH: dict[str, str] = {
    "ID_CARD": "身份证号",
    "MOBILE": "手机号码",
    "LANDLINE": "固定电话",
    "BANK_CARD": "银行卡号",
    "EMAIL": "电子邮箱",
    "QQ": "QQ号",
    "WECHAT": "微信号",
    "IP_ADDRESS": "IP地址",
    "PASSPORT": "护照号",
    "LICENSE_PLATE": "车牌号",
    "PERSON": "姓名",
    "ADDRESS": "住址",
    "DATE_OF_BIRTH": "出生日期",
    "HEALTH": "健康信息",
    "RELIGION": "宗教信仰",
    "ETHNICITY": "民族",
    "CRIMINAL_RECORD": "违法犯罪记录",
    "MINOR": "未成年人信息",
    "BIOMETRIC": "生物识别信息",
}


@dataclass(slots=True)
class Detection:
    """A recognizer's hit: what was found, where, and how (before any decision)."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str
    explanation: str = ""
    #: Free-form attributes a recognizer wants the decide stage to see
    #: (e.g. ``{"column": "联系电话", "cue": "申请人", "validated": True}``).
    attrs: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, other: Detection) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Finding:
    """A detection with its decision, in original-text offsets: one row of the output."""

    entity: str
    start: int
    end: int
    text: str
    action: Action
    score: float
    rule: str
    reason: str
    basis: str
    masked: str
    role: str = "unknown"
    recognizer: str = ""
    explanation: str = ""
    #: where the value is in the file, when offsets alone do not say it (a spreadsheet's
    #: ``{"sheet", "cell", "header"}``, an archive's ``{"member"}``); see pipeline.ingest.locate
    location: dict[str, Any] | None = None

    def to_contract(self) -> dict[str, Any]:
        """The fields pinned by the batch contract (plus role/explanation for audit);
        ``location`` only when known."""
        out = asdict(self)
        if out["location"] is None:
            del out["location"]
        return out


@dataclass(slots=True)
class ScreenResult:
    """Everything ``screen`` returns for one document."""

    text: str
    doc_type: str
    findings: list[Finding]
    redacted: str
    id: str | None = None

    @property
    def verdict(self) -> Verdict:
        actions = {f.action for f in self.findings}
        if "redact" in actions:
            return "block"
        if "review" in actions:
            return "review"
        return "pass"

    def to_contract(self) -> dict[str, Any]:
        """The batch contract: one JSON object per input line."""
        return {
            "id": self.id,
            "verdict": self.verdict,
            "doc_type": self.doc_type,
            "findings": [f.to_contract() for f in self.findings],
            "redacted": self.redacted,
        }
