"""Making points from pieces of the source: a sentence, a clause, a parser span."""

from __future__ import annotations

import re

from pipeline.outline.figures import items_of
from pipeline.outline.model import Evidence, Point
from pipeline.outline.source import Sentence, Source

_CLAUSE_END = re.compile(r"[,;:。!?]")
MAX_POINT = 160  # characters of source text in one point before it is cut to a clause


def norm_point(
    src: Source, nstart: int, nend: int, label: str = "", prefix: str = "", **kw: object
) -> Point:
    """A point quoting the normalised range ``[nstart, nend)`` of the source."""
    start, end = src.span(nstart, nend)
    body = src.clean(nstart, nend)
    text = f"{prefix}{body}" if prefix else body
    point = Point(text, [Evidence(start, end, src.role)], label=label, **kw)  # type: ignore[arg-type]
    point.figures = items_of(src.text[nstart:nend], normalised=True).all()
    return point


def sentence_point(
    src: Source, s: Sentence, label: str = "", prefix: str = "", **kw: object
) -> Point:
    return norm_point(src, s.nstart, s.nend, label, prefix, **kw)


def clause_point(
    src: Source, s: Sentence, at: int, label: str = "", prefix: str = "", **kw: object
) -> Point:
    """The clause of sentence ``s`` around normalised offset ``at`` (whole sentence if short)."""
    if s.nend - s.nstart <= MAX_POINT:
        return sentence_point(src, s, label, prefix, **kw)
    a, b = clause_bounds(s.norm, at - s.nstart)
    return norm_point(src, s.nstart + a, s.nstart + b, label, prefix, **kw)


def lead_point(src: Source, s: Sentence, limit: int = 100, **kw: object) -> Point:
    """The start of sentence ``s``, cut at a clause boundary before ``limit`` characters."""
    if s.nend - s.nstart <= limit:
        return sentence_point(src, s, **kw)  # type: ignore[arg-type]
    cuts = [m.end() for m in _CLAUSE_END.finditer(s.norm, 20, limit)]
    end = cuts[-1] if cuts else limit
    return norm_point(src, s.nstart, s.nstart + end, **kw)  # type: ignore[arg-type]


def clause_bounds(text: str, at: int, min_len: int = 12) -> tuple[int, int]:
    """The comma-separated clause of ``text`` around ``at``, widened to ``min_len``."""
    a = 0
    for m in _CLAUSE_END.finditer(text, 0, max(0, at)):
        a = m.end()
    m2 = _CLAUSE_END.search(text, max(at, a))
    b = m2.end() if m2 else len(text)
    while b - a < min_len and a > 0:
        prev = [m.end() for m in _CLAUSE_END.finditer(text, 0, max(0, a - 1))]
        a = prev[-1] if prev else 0
    while a < b and text[a] in " ,;:":
        a += 1
    return a, b


def span_point(
    src: Source, start: int, end: int, text: str, label: str = "", **kw: object
) -> Point:
    """A point whose text the drafter composed from the original range ``[start, end)``."""
    point = Point(text, [Evidence(start, end, src.role)], label=label, **kw)  # type: ignore[arg-type]
    point.figures = items_of(text).all()
    return point


def dedupe(points: list[Point]) -> list[Point]:
    """Drop points that cite the same or an enclosed span as an earlier point."""
    seen: list[tuple[int, int]] = []
    out = []
    for p in points:
        if not p.evidence:
            out.append(p)
            continue
        e = p.evidence[0]
        if any(a <= e.start and e.end <= b for a, b in seen):
            continue
        seen.append((e.start, e.end))
        out.append(p)
    return out
