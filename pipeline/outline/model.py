"""The outline of a policy interpretation (政策解读): sections of points that cite the source.

Every point carries ``evidence``: spans ``{"start", "end"}`` of the ORIGINAL text (or, with
``doc == "previous"``, of the previous version) that support it. ``status`` is ``auto`` when
the faithfulness guard found every figure, date, 文号 and 《》 title of the point in its
evidence, ``needs_editor`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: section id → heading, in the order of the outline (DOMAIN.md, 政策解读)
SECTIONS: dict[str, str] = {
    "meta": "文件信息",
    "background": "出台背景",
    "basis": "政策依据",
    "goals": "目标任务",
    "scope": "适用范围",
    "measures": "主要内容与重点举措",
    "standards": "执行标准",
    "benefits": "惠民利民举措",
    "diff": "新旧政策差异",
    "terms": "关键词诠释",
    "timeline": "实施时间",
    "safeguards": "保障措施",
    "guide": "办事指引",
}

#: what an editor must check marks
UNVERIFIED = "【待核实】"
MISSING = "【需编辑补充】"


@dataclass(slots=True)
class Evidence:
    """A cited span; ``doc`` is ``current`` (the policy) or ``previous`` (the old version)."""

    start: int
    end: int
    doc: str = "current"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.doc != "current":
            out["doc"] = self.doc
        return out


@dataclass(slots=True)
class Figure:
    """A checkable item of a point: a number, a date, a 文号 or a 《》 title."""

    kind: str  # number / date / doc_number / title
    text: str
    value: str  # normalised value the guard compares
    comparator: str | None = None
    #: offsets into the normalised text the item came from (-1: not known)
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "value": self.value}
        if self.comparator:
            out["comparator"] = self.comparator
        return out


@dataclass(slots=True)
class Point:
    """One point of the outline."""

    text: str
    evidence: list[Evidence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    status: str = "auto"  # auto / needs_editor
    label: str = ""  # what the point states (发文字号, 牵头单位 …), may be empty
    level: int = 1  # nesting for measures (1 = first-level heading)
    group: str = ""  # a sub-group inside the section (任务分解表 …)
    note: str = ""  # why an editor must look (Chinese)
    extractive: str = ""  # the extractive text when a language model rewrote ``text``

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "evidence": [e.to_dict() for e in self.evidence],
            "figures": [f.to_dict() for f in self.figures],
            "status": self.status,
        }
        for key in ("label", "group", "note", "extractive"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.level != 1:
            out["level"] = self.level
        return out


@dataclass(slots=True)
class OutlineSection:
    id: str
    heading: str
    points: list[Point] = field(default_factory=list)

    @property
    def status(self) -> str:
        if any(p.status != "auto" for p in self.points) or not self.points:
            return "needs_editor"
        return "auto"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "heading": self.heading,
            "status": self.status,
            "points": [p.to_dict() for p in self.points],
        }


@dataclass(slots=True)
class GuardIssue:
    section: str
    point: int
    kind: str  # number / date / doc_number / title / comparator / evidence / support
    value: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "point": self.point,
            "kind": self.kind,
            "value": self.value,
            "message": self.message,
        }


@dataclass(slots=True)
class GuardReport:
    """What the faithfulness guard checked and what failed."""

    points: int = 0
    items: int = 0
    issues: list[GuardIssue] = field(default_factory=list)
    unsupported_sections: list[str] = field(default_factory=list)
    polish: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.issues

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "points_checked": self.points,
            "items_checked": self.items,
            "issues": [i.to_dict() for i in self.issues],
            "unsupported_sections": self.unsupported_sections,
            "polish": self.polish,
        }


@dataclass(slots=True)
class Outline:
    """The draft outline of one policy document."""

    title: str
    sections: list[OutlineSection]
    guard: GuardReport = field(default_factory=GuardReport)
    source_length: int = 0
    previous_length: int | None = None
    warnings: list[str] = field(default_factory=list)

    def section(self, sid: str) -> OutlineSection:
        for s in self.sections:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source_length": self.source_length,
            "previous_length": self.previous_length,
            "sections": [s.to_dict() for s in self.sections],
            "guard": self.guard.to_dict(),
            "warnings": self.warnings,
        }
