"""The title: candidates in the head, joined across lines, scored (next to a 文号 line, after
an issuer line, with 关于); 印发/转发 wrappers; a 文号 written after the title; issuers from the
title or from the red header 「某某文件」."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.head import date_line, doc_number_line, split_orgs
from pipeline.parse.model import DocNumber, Span, Title
from pipeline.parse.patterns import (
    CJK,
    CORE_GENRE_END_RE,
    DOC_NUMBER_RE,
    GENRE_END_RE,
    HEADING_RE,
    ORG_LINE_RE,
    WRAPPER_RE,
)
from pipeline.parse.text import DocView, Line

HEAD_LINES = 60


def _is_title_text(text: str) -> bool:
    return (
        4 <= len(text) <= 90
        and not text.startswith(("(", "【", "["))
        and not text.endswith(("。", ":", ";", ","))
        and bool(GENRE_END_RE.search(text))
    )


@dataclass(slots=True)
class TitleFound:
    """The title and what was learnt on the way."""

    title: Title
    issuers: list[Span]
    last_line: int
    inner: str | None  # normalised name of the document a 印发/转发 notice issues
    number: DocNumber | None  # a 文号 written after the title: …的通知(岳办发〔2017〕2号)
    score: int = 0


def find_title(view: DocView, skip: set[int]) -> TitleFound | None:
    """The best title candidate in the head (before the first heading or paragraph): the one
    next to a 文号 line, after an issuer line, with 关于; the first one on a tie."""
    content = [ln for ln in view.lines[:HEAD_LINES] if not ln.blank and ln.index not in skip]
    best: TitleFound | None = None
    for pos, line in enumerate(content):
        if HEADING_RE.match(line.text) or ("。" in line.text and len(line.text) > 40):
            break
        found = _candidate(view, content, pos)
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def _candidate(view: DocView, content: list[Line], pos: int) -> TitleFound | None:
    line = content[pos]
    if doc_number_line(view, line) or date_line(view, line):
        return None
    if "关于" not in line.text and not _is_title_text(_cut_number(line.text)[0]):
        return None
    parts = [line]
    joined = line.text
    for nxt in content[pos + 1 : pos + 3]:
        current = _cut_number(joined)[0]
        if CORE_GENRE_END_RE.search(current) or nxt.index - parts[-1].index > 2:
            break
        if len(nxt.text) > 40 or nxt.text.endswith(":"):
            break
        if doc_number_line(view, nxt) or date_line(view, nxt) or HEADING_RE.match(nxt.text):
            break
        if _is_title_text(current) and not CORE_GENRE_END_RE.search(joined + nxt.text):
            break  # 「…工作情况」 is whole unless the next line ends it as 「的报告」
        parts.append(nxt)
        joined += nxt.text
    text, cut = _cut_number(joined)
    if not _is_title_text(text) or cut > len(parts[-1].text):
        return None
    score = 1 if "关于" in text else 0
    issuers: list[Span] = []
    prev = content[pos - 1] if pos else None
    if (
        prev is not None
        and text.startswith("关于")
        and line.index - prev.index <= 3
        and ORG_LINE_RE.match(prev.text)
    ):
        parts.insert(0, prev)
        issuers = split_orgs(view, prev)
        score += 2
    else:
        issuers = title_issuers(view, line.index, "关于")
    number = None
    start, end = parts[0].start, parts[-1].end - cut
    if cut:
        number = _number_in_title(view, parts[-1], cut)
        score += 2
    near = content[max(0, pos - 3) : pos] + content[pos + len(parts) : pos + len(parts) + 3]
    if any(doc_number_line(view, ln) for ln in near):
        score += 2
    s, e = view.span(start, end)
    value = "".join(view.clean(p.start, p.end) for p in parts)
    if cut:
        value = view.clean(start, end)
    title = Title(s, e, view.original[s:e], value)
    inner = _set_inner(view, title, start, end)
    score += 1 if inner else 0
    return TitleFound(title, issuers, parts[-1].index, inner, number, score)


_TRAILING_NUMBER = re.compile(r"\s*\((?P<num>[^()]{4,30}号)\)$")


def _cut_number(text: str) -> tuple[str, int]:
    """The title without a trailing (文号), and how many characters were cut."""
    m = _TRAILING_NUMBER.search(text)
    if m is None or not DOC_NUMBER_RE.fullmatch(m.group("num").replace(" ", "")):
        return text, 0
    return text[: m.start()], len(m.group())


def _number_in_title(view: DocView, line: Line, cut: int) -> DocNumber | None:
    m = _TRAILING_NUMBER.search(line.text)
    if m is None:
        return None
    dm = DOC_NUMBER_RE.fullmatch(m.group("num").replace(" ", ""))
    if dm is None:
        return None
    p = view.piece(line.start + m.start("num"), line.start + m.end("num"))
    org, year, seq = dm.group("org"), int(dm.group("year")), int(dm.group("seq"))
    return DocNumber(p.start, p.end, p.text, p.value, org=org, year=year, seq=seq,
                     normalized=f"{org}〔{year}〕{seq}号")  # fmt: skip


def _set_inner(view: DocView, title: Title, start: int, end: int) -> str | None:
    """印发/转发 wrapper: the inner document's title, inside the title's own text."""
    m = WRAPPER_RE.search(view.text[start:end])
    if not m:
        return None
    i0, i1 = m.span("inner")
    inner = m.group("inner")
    if inner.startswith("《") and inner.endswith("》"):
        i0, i1 = i0 + 1, i1 - 1
    title.wrapper = m.group("verb")
    title.inner = view.piece(start + i0, start + i1)
    return view.text[start + i0 : start + i1]


_RED_HEADER_RE = re.compile(rf"^(?P<orgs>[{CJK}\s]{{4,60}}?)\s*文件$")


def red_header_issuers(view: DocView, skip: set[int], upto: int) -> list[Span]:
    """发文机关标志 「某某市人民政府办公室文件」 (joint: several names before 文件)."""
    for line in view.lines[:upto]:
        if line.blank or line.index in skip:
            continue
        m = _RED_HEADER_RE.match(line.text)
        if m is None:
            continue
        out = []
        for o in re.finditer(r"\S+", m.group("orgs")):
            if ORG_LINE_RE.match(o.group()):
                out.append(view.piece(line.start + o.start(), line.start + o.end()))
        if out:
            return out
    return []


def title_issuers(view: DocView, title_line: int | None, word: str) -> list[Span]:
    """Issuers written before 关于 on the title line (中共某省委办公厅 某省人民政府办公厅关于…)."""
    if title_line is None:
        return []
    line = view.lines[title_line]
    cut = line.text.find(word)
    if cut < 4:
        return []
    out = []
    for m in re.finditer(r"[^\s、]+", line.text[:cut]):
        if ORG_LINE_RE.match(m.group()):
            out.append(view.piece(line.start + m.start(), line.start + m.end()))
    return out
