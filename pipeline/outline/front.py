"""Sections drawn from the head and preamble: meta, background, basis, goals, scope."""

from __future__ import annotations

import re

from pipeline.normalise import normalise
from pipeline.outline import applies
from pipeline.outline.model import UNVERIFIED, Evidence, Point
from pipeline.outline.points import (
    clause_point,
    dedupe,
    lead_point,
    norm_point,
    sentence_point,
    span_point,
)
from pipeline.outline.source import Sentence, Source

_HEAD_MARK = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百0-9]{1,5}条|[一二三四五六七八九十]{1,3}、"
    r"|\([一二三四五六七八九十]{1,3}\)|[0-9]{1,2}[.、])\s*"
)
_PURPOSE = re.compile(r"^(?:为了?|为进一步|为切实|为加快|为深入|为全面)")
_CONTEXT = re.compile(r"近年来|当前|目前|随着|新形势|面临|迫切|形势|意义|必要性")
_BACKGROUND_HEAD = re.compile(r"背景|意义|必要性|起草过程|形势")
_GOAL_HEAD = re.compile(r"总体要求|主要目标|工作目标|目标任务|总体目标|发展目标|指导思想|目标")
_GOAL = re.compile(r"到20[0-9]{2}年|力争|(?:主要|总体|工作|发展)目标(?:是|为|:)|目标是")


def meta(src: Source) -> list[Point]:
    doc = src.doc
    points: list[Point] = []
    if doc.title is not None:
        t = doc.title
        points.append(
            span_point(
                src,
                t.start,
                t.end,
                f"文件名称：{src.clean_original(t.start, t.end)}",
                label="文件名称",
            )
        )
        if t.inner is not None:
            points.append(
                span_point(
                    src,
                    t.inner.start,
                    t.inner.end,
                    f"{t.wrapper}文件：《{t.inner.value}》",
                    label="印发文件",
                )
            )
    n = doc.doc_number
    if n is not None:
        p = span_point(
            src, n.start, n.end, f"发文字号：{src.clean_original(n.start, n.end)}", label="发文字号"
        )
        if not n.complete:
            p.status = "needs_editor"
            p.text = UNVERIFIED + p.text
            p.note = f"原文文号不完整，解析为{n.normalized}，请核对"
        points.append(p)
    if doc.issuers:
        names = "、".join(src.clean_original(i.start, i.end) for i in doc.issuers)
        p = Point(
            f"发文机关：{names}", [Evidence(i.start, i.end) for i in doc.issuers], label="发文机关"
        )
        points.append(p)
    if doc.date is not None:
        d = doc.date
        p = span_point(
            src, d.start, d.end, f"成文日期：{src.clean_original(d.start, d.end)}", label="成文日期"
        )
        if any("日期" in w for w in doc.warnings):
            p.status = "needs_editor"
            p.text = UNVERIFIED + p.text
            p.note = f"原文日期不完整，解析为{d.iso}，请核对"
        points.append(p)
    explicit = any(m.source == "附注" for m in doc.markers)
    for m in doc.markers:
        if explicit and m.source == "元数据":
            continue
        text = f"公开属性：{src.clean_original(m.start, m.end)}（{m.attribute}）"
        points.append(span_point(src, m.start, m.end, text, label="公开属性"))
    return points


def _preamble_sentences(src: Source) -> list[Sentence]:
    out: list[Sentence] = []
    for a, b in src.preambles:
        out.extend(src.sentences_in(a, b))
    return out


def background(src: Source) -> list[Point]:
    points: list[Point] = []
    basis_spans = [(b.start, b.end) for b in src.doc.basis]
    for s in _preamble_sentences(src):
        if _PURPOSE.match(s.norm) or _CONTEXT.search(s.norm):
            points.append(_purpose_point(src, s, basis_spans))
    if not points:  # 规章: the purpose is the first article (第一条 为…根据…制定本办法)
        for section in src.doc.sections:
            if section.kind not in ("main", "inner"):
                continue
            for s in src.sentences_in(section.start, section.end)[:5]:
                if _PURPOSE.match(_HEAD_MARK.sub("", s.norm)):
                    points.append(_purpose_point(src, s, basis_spans))
                    break
    if not points:  # no purpose clause: the opening paragraph says why
        pre = _preamble_sentences(src)
        if pre:
            points.append(lead_point(src, pre[0], limit=120, label="背景"))
    for h in src.doc.headings:
        if h.level <= 5 and h.title is not None and _BACKGROUND_HEAD.search(h.title.value):
            first = src.first_sentence_after(h.end, h.scope_end)
            if first is not None:
                points.append(
                    sentence_point(src, first, label=h.title.value, prefix=f"{h.title.value}：")
                )
    return dedupe(points)[:6]


def _purpose_point(src: Source, s: Sentence, basis: list[tuple[int, int]]) -> Point:
    """The purpose sentence without its 根据/贯彻落实 clauses (those go to ``basis``)."""
    cut = [(a, b) for a, b in basis if s.start <= a and b <= s.end]
    if not cut:
        return clause_point(
            src, s, s.nstart, label="出台目的" if _PURPOSE.match(s.norm) else "背景"
        )
    # keep the pieces of the sentence outside the basis clauses (in normalised offsets)
    keep: list[tuple[int, int]] = []
    pos = s.nstart
    for a, b in cut:
        na = _to_norm(src, s, a)
        nb = _to_norm(src, s, b)
        if na - pos >= 6:
            keep.append((pos, na))
        pos = nb
    if s.nend - pos >= 6:
        keep.append((pos, s.nend))
    if not keep:
        return sentence_point(src, s, label="出台目的")
    parts = [norm_point(src, a, b) for a, b in keep]
    text = ""
    for p in parts:
        piece = p.text.strip(",，、;； ")
        text = f"{text}，{piece}" if text else piece
    point = Point(f"出台目的：{text}", [e for p in parts for e in p.evidence], label="出台目的")
    point.figures = [f for p in parts for f in p.figures]
    return point


def _to_norm(src: Source, s: Sentence, orig: int) -> int:
    """The normalised offset inside sentence ``s`` of original offset ``orig``."""
    for i in range(s.nstart, s.nend + 1):
        if src.span(i, i + 1)[0] >= orig:
            return i
    return s.nend


def basis(src: Source) -> list[Point]:
    doc = src.doc
    # the document itself is not its basis; a forwarded (转发) document is
    own = {_key(doc.title.value)} if doc.title else set()
    if doc.title is not None and doc.title.inner is not None and doc.title.wrapper != "转发":
        own.add(_key(doc.title.inner.value))
        own |= {_key(s.title.value) for s in doc.sections if s.kind == "inner" and s.title}
    points: list[Point] = []
    seen: set[str] = set()
    attached = {c.doc_number.start for c in doc.citations if c.doc_number is not None}

    def cite(ci: int, label: str) -> None:
        c = doc.citations[ci]
        key = _key(c.value)
        if key in own or key in seen:
            return
        seen.add(key)
        text = f"《{src.clean_original(c.start, c.end).strip('《》')}》"
        ev = [Evidence(c.start, c.end)]
        if c.doc_number is not None:
            text += f"（{src.clean_original(c.doc_number.start, c.doc_number.end)}）"
            ev.append(Evidence(c.doc_number.start, c.doc_number.end))
            seen.add(c.doc_number.normalized)
        p = span_point(src, c.start, c.end, text, label=label)
        p.evidence = ev
        points.append(p)

    def number(n: object) -> None:
        from pipeline.parse.model import DocNumber

        assert isinstance(n, DocNumber)
        if n.start in attached or n.normalized in seen:
            return
        seen.add(n.normalized)
        text = f"{src.clean_original(n.start, n.end)}号文件".replace("号号", "号")
        points.append(
            span_point(src, n.start, n.end, text, label="文号", note="原文未写明文件名称，请补全")
        )

    for a, b in src.preambles:
        for i, c in enumerate(doc.citations):
            if a <= c.start < b:
                cite(i, "前言引用")
        for n in doc.doc_numbers:
            if a <= n.start < b:
                number(n)
    for clause in doc.basis:
        for i in clause.citations:
            cite(i, clause.trigger)
        for n in doc.doc_numbers:
            if clause.start <= n.start < clause.end:
                number(n)
        in_preamble = any(a <= clause.start < b for a, b in src.preambles)
        if not clause.citations and in_preamble:
            points.append(
                span_point(
                    src,
                    clause.start,
                    clause.end,
                    f"依据：{src.clean_original(clause.start, clause.end)}",
                    label=clause.trigger,
                )
            )
    return points


def _key(title: str) -> str:
    """A title for comparison: no spaces, brackets or 的 (…发展的若干措施 = …发展若干措施)."""
    return re.sub(r"[\s《》〈〉<>的]", "", normalise(title).text)


def goals(src: Source) -> list[Point]:
    points: list[Point] = []
    heads = [
        h for h in src.doc.headings if h.title is not None and _GOAL_HEAD.search(h.title.value)
    ]
    for h in heads:
        inside = src.sentences_in(h.start, h.scope_end)
        found = False
        for s in inside:
            m = _GOAL.search(s.norm)
            if m:
                found = True
                points.append(clause_point(src, s, s.nstart + m.start(), label="目标"))
        first = src.first_sentence_after(h.end, h.scope_end)
        if not found and first is not None:
            points.append(lead_point(src, first, limit=120, label="目标"))
    for s in src.sentences:
        m = _GOAL.search(s.norm)
        if m and s.section in ("正文", "印发文件"):
            points.append(clause_point(src, s, s.nstart + m.start(), label="目标"))
    return dedupe(points)[:8]


def scope(src: Source) -> list[Point]:
    """适用范围: what the scope article says (see ``applies``), not any 适用范围 mention."""
    return applies.scope(src)
