"""``draft_outline``: the extractive, structural draft, optionally polished, always guarded."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.outline import body, front, terms
from pipeline.outline.diff import diff_points
from pipeline.outline.guard import apply_guard, placeholder
from pipeline.outline.model import SECTIONS, Evidence, Outline, OutlineSection, Point
from pipeline.outline.polish import Polisher, polish_outline
from pipeline.outline.source import Source

Builder = Callable[[Source], list[Point]]
BUILDERS: dict[str, Builder] = {
    "meta": front.meta,
    "background": front.background,
    "basis": front.basis,
    "goals": front.goals,
    "scope": front.scope,
    "measures": body.measures,
    "standards": body.standards,
    "benefits": body.benefits,
    "terms": terms.terms,
    "timeline": body.timeline,
    "safeguards": body.safeguards,
    "guide": body.guide,
}


def draft_outline(
    text: str, previous: str | None = None, polish: Polisher | None = None
) -> Outline:
    """Draft the interpretation outline of ``text`` (its previous version optional).

    Every point cites spans of ``text`` (``doc == "previous"``: of ``previous``); the guard
    has checked every point and its report is ``outline.guard``. ``polish`` (a language
    model behind :class:`Polisher`) may reword points; a rewording the guard rejects is
    dropped and the extractive text kept.
    """
    src = Source(text)
    old = Source(previous, "previous") if previous is not None else None
    sections = []
    for sid, heading in SECTIONS.items():
        section = OutlineSection(sid, heading)
        if sid == "diff":
            section.points = _diff(src, old)
        else:
            section.points = BUILDERS[sid](src)
        sections.append(section)
    title = src.doc.title.value if src.doc.title is not None else ""
    outline = Outline(
        title,
        sections,
        source_length=len(text),
        previous_length=len(previous) if previous is not None else None,
    )
    outline.warnings = list(src.doc.warnings)

    def resolve(e: Evidence) -> str:
        if e.doc == "previous":
            return old.original[e.start : e.end] if old is not None else ""
        return text[e.start : e.end]

    if polish is not None:
        outline.guard.polish = polish_outline(outline, resolve, polish)
    apply_guard(outline, resolve)
    outline.guard.polish.setdefault("used", polish is not None)
    return outline


def _diff(src: Source, old: Source | None) -> list[Point]:
    points = body.repeal(src)
    if old is not None:
        changes = diff_points(old, src)
        cited = [(e.start, e.end) for p in changes for e in p.evidence if e.doc == "current"]
        points = [
            p
            for p in points
            if not any(a <= p.evidence[0].start and p.evidence[0].end <= b for a, b in cited)
        ]
        points = changes + points
        if not points:
            points = [placeholder("diff", "与旧版本相比未发现文字差异")]
    elif not points:
        points = [placeholder("diff", "未提供旧版本（--previous），原文也未写明废止或调整的条款")]
    return points
