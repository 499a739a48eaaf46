"""Citations: 《…》 titles with their 文号, 根据/依据/贯彻落实 clauses, every 文号 and date."""

from __future__ import annotations

import re

from pipeline.parse.model import Basis, Citation, DateSpan, DocNumber
from pipeline.parse.numerals import DATE_RE, date_iso
from pipeline.parse.patterns import DOC_NUMBER_RE, ORDER_RE
from pipeline.parse.text import DocView

_TITLE_RE = re.compile(r"《(?P<inner>[^《》\n]{1,200})》")
_ALIAS_RE = re.compile(r"^\s*\(以下简称[《“\"](?P<alias>[^》”\"]{1,20})[》”\"]\)")
_TRIGGER_RE = re.compile(
    r"(?:根据|依据|依照|按照|遵照|参照|贯彻落实|贯彻执行)(?![、,和及与等])(?![^\n]{0,2}?(?:实际|情况|需要))"
)
_TRIGGER_BEFORE = re.compile(r"(根据|依据|依照|按照|遵照|参照|贯彻落实|贯彻执行|落实)[^。;\n]*$")
#: words an organisation prefix of a 文号 never starts with (they belong to the sentence)
_LEAD_WORDS = re.compile(
    r"^(?:[和及与、的将按照根据依据落实贯彻执行转发印发关于经对由在为见详参]|以及|并)+"
)


def find_doc_numbers(view: DocView) -> list[DocNumber]:
    """Every 发文字号 and 令 number in the text."""
    out: list[DocNumber] = []
    for m in DOC_NUMBER_RE.finditer(view.text):
        org = m.group("org")
        trimmed = _LEAD_WORDS.sub("", org)
        if not trimmed:
            continue
        s0 = m.start("org") + (len(org) - len(trimmed))
        p = view.piece(s0, m.end())
        year, seq = int(m.group("year")), int(m.group("seq"))
        out.append(DocNumber(p.start, p.end, p.text, p.value, org=trimmed, year=year, seq=seq,
                             normalized=f"{trimmed}〔{year}〕{seq}号"))  # fmt: skip
    for m in ORDER_RE.finditer(view.text):
        org = _LEAD_WORDS.sub("", m.group("org"))
        s0 = m.end("org") - len(org)
        p = view.piece(s0, m.end())
        out.append(DocNumber(p.start, p.end, p.text, p.value, org=org, seq=int(m.group("seq")),
                             normalized=f"{org}第{m.group('seq')}号"))  # fmt: skip
    out.sort(key=lambda d: d.start)
    return out


def find_citations(view: DocView, numbers: list[DocNumber]) -> list[Citation]:
    """《…》 titles; a 文号 in brackets right after the title (or after 的通知) is attached."""
    citations: list[Citation] = []
    by_start = sorted(numbers, key=lambda d: d.start)
    for m in _TITLE_RE.finditer(view.text):
        p = view.piece(m.start("inner"), m.end("inner"))
        whole = view.span(m.start(), m.end())
        cit = Citation(whole[0], whole[1], view.original[whole[0] : whole[1]], p.value)
        after = view.text[m.end() : m.end() + 40]
        alias = _ALIAS_RE.match(after)
        if alias:
            cit.alias = alias.group("alias")
        gap = re.match(r"^[^《》。;,\n]{0,12}?\(", after)
        if gap:
            limit = view.span(m.end(), m.end() + gap.end() + 30)[1]
            for number in by_start:
                if whole[1] <= number.start <= limit:
                    cit.doc_number = number
                    break
        before = view.text[max(0, m.start() - 80) : m.start()]
        trig = _TRIGGER_BEFORE.search(before)
        if trig:
            cit.trigger = trig.group(1)
        citations.append(cit)
    return citations


def find_basis(view: DocView, citations: list[Citation]) -> list[Basis]:
    """根据/依据/贯彻落实 clauses, to the first comma or full stop outside 《》 and brackets."""
    out: list[Basis] = []
    text = view.text
    taken = -1
    for m in _TRIGGER_RE.finditer(text):
        if m.start() < taken:
            continue
        depth = 0
        pos = m.end()
        while pos < len(text):
            ch = text[pos]
            if ch in "《(〈":
                depth += 1
            elif ch in "》)〉":
                depth = max(0, depth - 1)
            elif ch in "。\n" or (depth == 0 and ch in ",;:"):
                break
            pos += 1
        if pos - m.start() < 4:
            continue
        p = view.piece(m.start(), pos)
        inside = [i for i, c in enumerate(citations) if p.start <= c.start and c.end <= p.end]
        clause = text[m.start() : pos]
        if not inside and not re.search(r"要求|规定|精神|部署|文件|条例|法", clause):
            continue
        out.append(Basis(p.start, p.end, p.text, p.value, trigger=m.group(), citations=inside))
        taken = pos
    return out


def find_dates(view: DocView) -> list[DateSpan]:
    out = []
    for m in DATE_RE.finditer(view.text):
        iso = date_iso(m)
        if iso is None:
            continue
        p = view.piece(m.start(), m.end())
        out.append(DateSpan(p.start, p.end, p.text, p.value, iso=iso))
    return out
