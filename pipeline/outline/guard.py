"""The faithfulness guard: every figure, date, 文号 and 《》 title of a point must occur in the
evidence it cites, with its comparator (不超过/最高/以上 …); the wording must come from the
evidence (shared character pairs), so invented content is caught as well.

A failing point is marked 【待核实】 and set to ``needs_editor``; an empty section gets one
【需编辑补充】 point. The report lists every failure; it is part of the outline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.normalise import normalise
from pipeline.outline.figures import Items, items_of, same_doc_number
from pipeline.outline.model import (
    MISSING,
    SECTIONS,
    UNVERIFIED,
    Evidence,
    GuardIssue,
    GuardReport,
    Outline,
    Point,
)

#: share of the point's character pairs that must occur in the evidence
MIN_SUPPORT = 0.5
_MARKS = re.compile(r"【(?:待核实|需编辑补充)】")
_LABEL = re.compile(r"^[^：:。,，]{1,10}[：:]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORDING = re.compile(r"[^\u3400-\u9fff0-9A-Za-z]")

Resolver = Callable[[Evidence], str]


def evidence_text(point: Point, resolve: Resolver) -> str:
    """The normalised text of everything a point cites, one span per line."""
    return "\n".join(_joined(normalise(resolve(e)).text) for e in point.evidence)


def _joined(text: str) -> str:
    """A span's lines joined (a title or 令号 may be broken across lines)."""
    return "".join(part.strip(" \t\u3000\r") for part in text.split("\n"))


def check_point(text: str, evidence: str) -> list[tuple[str, str, str]]:
    """Problems of ``text`` against the normalised ``evidence``: ``(kind, value, message)``."""
    return _check(text, evidence)[0]


def _check(text: str, evidence: str) -> tuple[list[tuple[str, str, str]], int]:
    """The problems and the number of checked items."""
    problems: list[tuple[str, str, str]] = []
    body = _MARKS.sub("", text)
    draft = items_of(body)
    count = len(draft.all())
    if not evidence.strip():
        return [("evidence", "", "没有引用原文")], count
    ev = items_of(evidence, normalised=True)
    flat_ev = re.sub(r"\s+", "", evidence)
    lines = {re.sub(r"\s+", "", line) for line in evidence.split("\n")}
    for t in draft.titles:
        # the whole title, as a 《》 title of the evidence or as a cited span of its own
        if f"《{t.value}》" not in flat_ev and t.value not in lines:
            problems.append(("title", t.text, f"标题{t.text}不在引用的原文中"))
    for d in draft.doc_numbers:
        if not any(same_doc_number(d.value, e.value) for e in ev.doc_numbers):
            problems.append(("doc_number", d.text, f"文号“{d.text}”不在引用的原文中"))
    for d in draft.dates:
        if not _date_supported(d.value, d.comparator, ev):
            problems.append(("date", d.text, f"日期“{d.text}”不在引用的原文中"))
    for n in draft.numbers:
        same = [e for e in ev.numbers if e.value == n.value]
        if not same and not _loose_number(n.value, ev):
            problems.append(("number", n.text, f"数字“{n.text}”不在引用的原文中"))
        elif same and not any(e.comparator == n.comparator for e in same):
            want = "、".join(sorted({e.comparator or "（无）" for e in same}))
            problems.append(("comparator", n.text, f"“{n.text}”的限定词与原文不符（原文：{want}）"))
    ratio = support(draft.text, flat_ev)
    if ratio is not None and ratio < MIN_SUPPORT:
        problems.append(("support", f"{ratio:.2f}", f"表述与引用的原文重合不足（{ratio:.0%}）"))
    return problems, count


def support(draft_norm: str, flat_evidence: str) -> float | None:
    """Share of the draft's character pairs (labels and marks removed) found in the evidence."""
    body = _LABEL.sub("", draft_norm.strip(), count=1)
    body = _WORDING.sub("", body)
    pairs = [body[i : i + 2] for i in range(len(body) - 1)]
    pairs = [p for p in pairs if _CJK.search(p)]
    if len(pairs) < 3:
        return None
    evidence = _WORDING.sub("", flat_evidence)
    return sum(1 for p in pairs if p in evidence) / len(pairs)


def _date_supported(iso: str, comparator: str | None, ev: Items) -> bool:
    return any(e.value == iso or e.value.startswith(iso + "-") for e in ev.dates)


def _loose_number(value: str, ev: Items) -> bool:
    """A year like 2023年 may also come from a date of the evidence (2023年7月)."""
    if value.endswith("年") and value[:-1].isdigit():
        return any(e.value.startswith(value[:-1]) for e in ev.dates)
    return False


def apply_guard(outline: Outline, resolve: Resolver) -> GuardReport:
    """Check every point; mark failures 【待核实】, empty sections 【需编辑补充】; the report."""
    report = outline.guard
    report.points = 0
    report.items = 0
    report.issues = []
    report.unsupported_sections = []
    for section in outline.sections:
        for i, point in enumerate(section.points):
            if point.status == "needs_editor" and not point.evidence:
                continue  # an editor placeholder
            report.points += 1
            problems, count = _check(point.text, evidence_text(point, resolve))
            report.items += count
            for kind, value, message in problems:
                report.issues.append(GuardIssue(section.id, i, kind, value, message))
            if problems:
                point.status = "needs_editor"
                if not point.text.startswith(UNVERIFIED):
                    point.text = UNVERIFIED + point.text
                note = "；".join(m for _, _, m in problems)
                point.note = f"{point.note}；{note}" if point.note else note
        if not section.points or not any(p.evidence for p in section.points):
            report.unsupported_sections.append(section.id)
            if not section.points:
                section.points.append(placeholder(section.id))
    return report


def placeholder(section_id: str, reason: str = "") -> Point:
    """The point an editor fills in when the source says nothing for the section."""
    why = reason or f"原文未见可作“{SECTIONS[section_id]}”依据的内容"
    return Point(f"{MISSING}{why}", status="needs_editor", note=why)
