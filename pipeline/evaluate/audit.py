"""Audit of *published* documents: every redact and review finding, grouped by rule and entity.

Published documents have been through an agency's review, so each redaction the screen makes
in them is either a false alarm or a leak the agency missed; both deserve a look. Input: JSONL
``{"id", "text", …}`` per line. Output: per file, the documents, the findings, the figures per
document and per 20 documents, and per (rule, entity) group the count, the actions and sample
contexts (≈30 characters either side, the value marked 【…】).

Usage: ``zwgk eval-screen --audit FILE.jsonl [FILE …] [--half even] [--sample 5] [--json]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pipeline.document import ENTITY_NAMES_ZH, ScreenResult
from pipeline.evaluate.masked_set import read_jsonl

Screen = Callable[[str], ScreenResult]
FLAGGED = ("redact", "review")
T = TypeVar("T")


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """``…left【value】right…`` on one line (line breaks shown as ⏎)."""
    left, right = text[max(0, start - width) : start], text[end : end + width]
    out = f"…{left}【{text[start:end]}】{right}…"
    return out.replace("\r", "").replace("\n", "⏎").replace("\t", "⇥")


@dataclass(slots=True)
class Hit:
    doc_id: str
    action: str
    rule: str
    entity: str
    text: str
    context: str


@dataclass(slots=True)
class FileAudit:
    file: str
    docs: int = 0
    chars: int = 0
    hits: list[Hit] = field(default_factory=list)
    per_doc: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def flagged_docs(self) -> int:
        return sum(1 for c in self.per_doc.values() if sum(c.values()))

    def per_20(self, n: int | None = None) -> float:
        return 20 * (len(self.hits) if n is None else n) / self.docs if self.docs else 0.0

    def groups(self) -> list[tuple[tuple[str, str], list[Hit]]]:
        """(rule, entity) → hits, the largest group first."""
        table: dict[tuple[str, str], list[Hit]] = {}
        for h in self.hits:
            table.setdefault((h.rule, h.entity), []).append(h)
        return sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def sample(hits: list[T], n: int) -> list[T]:
    """``n`` hits spread evenly over the list (deterministic; all of them when fewer)."""
    if n <= 0 or len(hits) <= n:
        return hits if n > 0 else []
    step = len(hits) / n
    return [hits[int(i * step)] for i in range(n)]


def audit_records(name: str, records: Iterable[dict], screen: Screen, width: int = 30) -> FileAudit:
    """Screen each record and keep its redact/review findings with their contexts."""
    fa = FileAudit(name)
    for rec in records:
        doc_id, text = str(rec.get("id", rec.get("_index", fa.docs))), str(rec.get("text", ""))
        fa.docs += 1
        fa.chars += len(text)
        counts: Counter[str] = Counter()
        fa.per_doc[doc_id] = counts
        try:
            findings = screen(text).findings
        except Exception as exc:  # one broken document must not stop the audit
            fa.errors.append((doc_id, f"{type(exc).__name__}: {exc}"))
            continue
        for f in findings:
            if f.action in FLAGGED:
                counts[f.action] += 1
                ctx = context(text, f.start, f.end, width)
                fa.hits.append(Hit(doc_id, f.action, f.rule, f.entity, f.text, ctx))
    return fa


def audit_files(
    paths: list[Path], half: str = "all", limit: int | None = None, screen: Screen | None = None
) -> list[FileAudit]:
    if screen is None:
        from pipeline.screen import screen_text

        screen = screen_text
    return [audit_records(Path(p).name, read_jsonl(Path(p), half, limit), screen) for p in paths]


def to_json(audits: list[FileAudit], n_sample: int = 5) -> dict[str, Any]:
    files = []
    for fa in audits:
        actions = Counter(h.action for h in fa.hits)
        groups = [
            {
                "rule": rule,
                "entity": entity,
                "count": len(hits),
                "per_20_docs": round(fa.per_20(len(hits)), 2),
                "docs": len({h.doc_id for h in hits}),
                "actions": dict(Counter(h.action for h in hits)),
                "samples": [
                    {"id": h.doc_id, "action": h.action, "text": h.text, "context": h.context}
                    for h in sample(hits, n_sample)
                ],
            }
            for (rule, entity), hits in fa.groups()
        ]
        files.append(
            {
                "file": fa.file,
                "docs": fa.docs,
                "chars": fa.chars,
                "findings": len(fa.hits),
                "redact": actions["redact"],
                "review": actions["review"],
                "per_doc": round(len(fa.hits) / fa.docs, 3) if fa.docs else 0.0,
                "per_20_docs": round(fa.per_20(), 2),
                "redact_per_20_docs": round(fa.per_20(actions["redact"]), 2),
                "flagged_docs": fa.flagged_docs,
                "groups": groups,
                "documents": [
                    {"id": d, **dict(c)} for d, c in fa.per_doc.items() if sum(c.values())
                ],
                "errors": [{"id": d, "error": e} for d, e in fa.errors],
            }
        )
    return {"files": files}


def format_audit(audits: list[FileAudit], n_sample: int = 3, top_docs: int = 5) -> str:
    """A Chinese plain-text audit: figures per file, groups by rule and entity, contexts."""
    out: list[str] = []
    for fa in audits:
        actions = Counter(h.action for h in fa.hits)
        out += [
            f"{fa.file}：文档 {fa.docs} 份，"
            f"遮蔽 {actions['redact']} 处、送审 {actions['review']} 处"
            f"（每份 {len(fa.hits) / max(fa.docs, 1):.2f}，每 20 份 {fa.per_20():.1f}，"
            f"其中遮蔽每 20 份 {fa.per_20(actions['redact']):.1f}），"
            f"有标记的文档 {fa.flagged_docs} 份",
            "  数量\t每20份\t文档数\t遮蔽/送审\t规则\t类型",
        ]
        for (rule, entity), hits in fa.groups():
            acts = Counter(h.action for h in hits)
            out.append(
                f"  {len(hits)}\t{fa.per_20(len(hits)):.1f}\t{len({h.doc_id for h in hits})}\t"
                f"{acts['redact']}/{acts['review']}\t{rule}\t{entity}"
                f"（{ENTITY_NAMES_ZH.get(entity, entity)}）"
            )
            for h in sample(hits, n_sample):
                out.append(f"      [{h.action}] {h.doc_id}: {h.context}")
        worst = sorted(fa.per_doc.items(), key=lambda kv: -sum(kv[1].values()))[:top_docs]
        worst = [(d, c) for d, c in worst if sum(c.values())]
        if worst:
            out.append("  标记最多的文档：" + "；".join(f"{d} {sum(c.values())}" for d, c in worst))
        for doc_id, msg in fa.errors:
            out.append(f"  出错：{doc_id}\t{msg}")
        out.append("")
    return "\n".join(out)
