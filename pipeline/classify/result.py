"""The classifier's result: attribute, reason, article, topic, confidence and evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Evidence:
    """A cue in the ORIGINAL text (end exclusive): the words, what they count as (``basis``:
    the rule, the note, or the model feature named in words) and the sentence around them."""

    start: int
    end: int
    cue: str
    basis: str = ""
    sentence: str = ""
    sentence_span: tuple[int, int] | None = None


@dataclass(slots=True)
class Classification:
    attribute: str
    reason_code: str | None
    reason: str
    article: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    decided_by: str = ""
    rule: str | None = None
    id: str | None = None
    topic: str = "其他"
    topic_gov: str = "其他"
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    model: dict[str, Any] | None = None
    #: personal identifiers the screen says to mask before publication (去标识化)
    to_mask: int = 0
    topic_cues: list[str] = field(default_factory=list)
    #: the words that decided ``topic_gov`` (title words first; the page's own 主题分类 field)
    topic_gov_cues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The batch contract: id, attribute, reason_code, reason, article, topic, confidence,
        evidence first, then the audit fields."""
        data = asdict(self)
        head = ["id", "attribute", "reason_code", "reason", "article", "topic", "confidence",
                "evidence"]  # fmt: skip
        return {k: data[k] for k in head} | {k: v for k, v in data.items() if k not in head}

    def render(self, text: str) -> str:
        """A console summary in Chinese, cue snippets taken from ``text``."""
        lines = [
            f"== {self.id or ''}".rstrip(),
            f"公开属性：{self.attribute}" + (f"（{self.reason_code}）" if self.reason_code else ""),
            f"理由：{self.reason}",
            f"依据：{self.article}",
            f"判定来源：{self.decided_by}    置信度：{self.confidence:.2f}",
            f"主题：{self.topic}（{self.topic_gov}）"
            + (f"  依据词：{'、'.join(self.topic_cues)}" if self.topic_cues else "")
            + (f"；主题分类依据：{'、'.join(self.topic_gov_cues)}" if self.topic_gov_cues else ""),
        ]
        if self.to_mask:
            lines.append(f"公开前须遮蔽：{self.to_mask}处个人信息（见审查结果）")
        for ev in self.evidence:
            snippet = text[ev.start : ev.end].replace("\n", " ")
            basis = f"（{ev.basis}）" if ev.basis else ""
            lines.append(f"  证据 [{ev.start}-{ev.end}] {snippet}  ← {ev.cue}{basis}")
            if ev.sentence and ev.sentence != snippet:
                lines.append(f"      原句：{ev.sentence}")
        lines.extend(f"  ⚠ 冲突：{c}" for c in self.conflicts)
        lines.extend(f"  提示：{n}" for n in self.notes)
        return "\n".join(lines)
