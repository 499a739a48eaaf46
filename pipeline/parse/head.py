"""The document's head and foot: title, 发文字号, issuers, 主送机关, 成文日期, 抄送/印发."""

from __future__ import annotations

import re

from pipeline.parse.model import DateSpan, DocNumber, Span
from pipeline.parse.numerals import DATE_RE, date_iso
from pipeline.parse.patterns import (
    CC_RE,
    CJK,
    DOC_NUMBER_LINE_RE,
    ORG_LINE_RE,
    PRINTED_RE,
)
from pipeline.parse.text import DocView, Line

HEAD_LINES = 60
_DATE_LINE_RE = re.compile(r"^\(?\s*(?P<d>.{6,20}?)\s*\)?$")
_TRUNCATED_DATE_RE = re.compile(r"^(?P<y>(?:19|20)[0-9]{2})年(?P<md>[0-9]{3,4})$")
_ADDRESSEE_SPLIT = re.compile(r"[,、;]")
_LIST_SPLIT = re.compile(r"[,、;\s]+")


def split_orgs(view: DocView, line: Line) -> list[Span]:
    out = []
    for m in re.finditer(r"\S+", line.text):
        out.append(view.piece(line.start + m.start(), line.start + m.end()))
    return out


def doc_number_line(view: DocView, line: Line) -> DocNumber | None:
    """A 发文字号 standing alone on its line (lenient: 号 or a bracket may be lost)."""
    cut = _SIGNER_RE.search(line.text)
    text = line.text[: cut.start() if cut else len(line.text)].rstrip()
    lead = 0
    wrapped = _WRAPPED_RE.match(text)  # ( 吉府发〔2003〕37号 )
    if wrapped:
        lead, text = wrapped.start("inner"), wrapped.group("inner")
    m = DOC_NUMBER_LINE_RE.match(text.replace(" ", ""))
    if not m:
        return None
    seq = m.group("seq")
    complete = bool(m.group("close") and seq and m.group("hao"))
    org, year = m.group("org"), int(m.group("year"))
    piece = view.piece(line.start + lead, line.start + lead + len(text))
    return DocNumber(
        piece.start, piece.end, piece.text, piece.value, org=org, year=year,
        seq=int(seq) if seq else None,
        normalized=f"{org}〔{year}〕{seq or '?'}号", complete=complete,
    )  # fmt: skip


_WRAPPED_RE = re.compile(r"^\(\s*(?P<inner>[^()]*?[^()\s])\s*\)$")
_SIGNER_RE = re.compile(r"\s+签\s*发\s*人\s*[:]\s*(?P<names>\S.*)$")


def signers_of(view: DocView, line: Line) -> list[Span]:
    """签发人 names written after the 文号 on its line."""
    m = _SIGNER_RE.search(line.text)
    if m is None:
        return []
    base = line.start + m.start("names")
    return [
        view.piece(base + n.start(), base + n.end()) for n in re.finditer(r"[^\s,、]+", m["names"])
    ]


_ORDER_HEAD_RE = re.compile(rf"^[{CJK}]{{2,30}}令$")
_ORDER_NO_RE = re.compile(r"^第\s*(?P<seq>[0-9]{1,5})\s*号$")
_ADOPTED_RE = re.compile(r"^\((?P<d>[^)]{6,20}?日)[^)]*(?:通过|发布|公布)")


def order_number(view: DocView, skip: set[int], upto: int) -> DocNumber | None:
    """规章的令号: 「某某市人民政府令」 then 「第15号」 on the next line."""
    for line in view.lines[:upto]:
        if line.blank or line.index in skip or not _ORDER_HEAD_RE.match(line.text):
            continue
        nxt = view.next_content(line.index, 3)
        m = _ORDER_NO_RE.match(nxt.text) if nxt is not None else None
        if nxt is None or m is None:
            continue
        p = view.piece(line.start, nxt.end)
        org = line.text
        return DocNumber(p.start, p.end, p.text, p.value, org=org, seq=int(m.group("seq")),
                         normalized=f"{org}第{m.group('seq')}号")  # fmt: skip
    return None


def adoption_date(view: DocView, skip: set[int], upto: int) -> DateSpan | None:
    """(2024年4月2日市人民政府第30次常务会议审议通过…): the date a 规章 was adopted."""
    for line in view.lines[: upto + 6]:
        m = _ADOPTED_RE.match(line.text) if not line.blank and line.index not in skip else None
        if m is None:
            continue
        dm = DATE_RE.match(m.group("d"))
        iso = date_iso(dm) if dm else None
        if dm is None or iso is None:
            continue
        p = view.piece(line.start + 1, line.start + 1 + dm.end())
        return DateSpan(p.start, p.end, p.text, p.value, iso=iso, role="成文日期")
    return None


def date_line(view: DocView, line: Line) -> DateSpan | None:
    """A date standing alone on its line, optionally in brackets: (2016年12月9日)."""
    m = _DATE_LINE_RE.match(line.text)
    if not m:
        return None
    dm = DATE_RE.fullmatch(m.group("d"))
    iso = date_iso(dm) if dm else None
    if dm is None or iso is None or len(iso) != 10:
        return None
    base = line.start + m.start("d")
    piece = view.piece(base, base + len(m.group("d")))
    return DateSpan(piece.start, piece.end, piece.text, piece.value, iso=iso, role="成文日期")


def truncated_date_line(view: DocView, line: Line) -> DateSpan | None:
    """2023年725 (web copies that lost 月/日): month and day from the digit count."""
    m = _TRUNCATED_DATE_RE.match(line.text)
    if not m:
        return None
    md = m.group("md")
    month, day = (int(md[0]), int(md[1:])) if len(md) == 3 else (int(md[:2]), int(md[2:]))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    piece = view.piece(line.start, line.end)
    iso = f"{m.group('y')}-{month:02d}-{day:02d}"
    return DateSpan(piece.start, piece.end, piece.text, piece.value, iso=iso, role="成文日期")


def find_signature(
    view: DocView, skip: set[int], after: int
) -> tuple[DateSpan | None, list[Span], list[str], int | None]:
    """成文日期 after the 署名 (issuer lines just above it, joint documents have several);
    else the first date line. Also the date's line index."""
    warnings: list[str] = []
    fallback: DateSpan | None = None
    fallback_line: int | None = None
    for line in view.lines[after:]:
        if line.blank or line.index in skip:
            continue
        date = date_line(view, line)
        truncated = None if date else truncated_date_line(view, line)
        if date is None and truncated is None:
            continue
        prev = view.prev_content(line.index, 3)
        if prev is not None and ORG_LINE_RE.match(prev.text):
            if truncated is not None:
                warnings.append(
                    f"成文日期“{truncated.text}”缺少“月”“日”，按数字位数推断为{truncated.iso}"
                )
            signers = split_orgs(view, prev)
            above = view.prev_content(prev.index, 2)
            while above is not None and ORG_LINE_RE.match(above.text) and len(signers) < 6:
                signers = split_orgs(view, above) + signers
                above = view.prev_content(above.index, 2)
            return date or truncated, signers, warnings, line.index
        if fallback is None and date is not None:
            fallback, fallback_line = date, line.index
    return fallback, [], warnings, fallback_line


def find_addressees(view: DocView, skip: set[int], after: int, before: int) -> list[Span]:
    """主送机关: the short line ending with ':' between the title and the body."""
    for line in view.lines[after:before]:
        if line.blank or line.index in skip:
            continue
        text = line.text
        if text.endswith(":") and len(text) <= 120 and "。" not in text:
            if not (text.startswith("各") or ORG_LINE_RE.match(_LIST_SPLIT.split(text[:-1])[0])):
                return []
            out = []
            for c0, c1 in _split_outside_brackets(text[:-1]):
                chunk = text[c0:c1]
                stripped = chunk.strip()
                if stripped:
                    s0 = line.start + c0 + chunk.index(stripped)
                    out.append(view.piece(s0, s0 + len(stripped)))
            return out
        if len(text) > 40:
            return []
    return []


def _split_outside_brackets(text: str) -> list[tuple[int, int]]:
    """Ranges between , 、 ; that are not inside brackets: 各县(市、区)人民政府 stays whole."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(〔【[":
            depth += 1
        elif ch in ")〕】]":
            depth = max(0, depth - 1)
        elif depth == 0 and _ADDRESSEE_SPLIT.match(ch):
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def find_cc(view: DocView, skip: set[int]) -> tuple[list[Span], Span | None, DateSpan | None]:
    """抄送 organisations, and the 印发 line's organisation and date."""
    cc: list[Span] = []
    printed: Span | None = None
    printed_date: DateSpan | None = None
    for line in view.lines:
        if line.blank or line.index in skip:
            continue
        m = CC_RE.match(line.text)
        if m:
            base = line.start + m.start("body")
            body = m.group("body").rstrip("。")
            for part in re.finditer(r"[^,、;\s]+", body):
                cc.append(view.piece(base + part.start(), base + part.end()))
            continue
        m = PRINTED_RE.match(line.text)
        if m:
            dm = DATE_RE.fullmatch(m.group("date").replace(" ", ""))
            iso = date_iso(dm) if dm else None
            if iso:
                printed = view.piece(line.start + m.start("org"), line.start + m.end("org"))
                d = view.piece(line.start + m.start("date"), line.start + m.end("date"))
                printed_date = DateSpan(d.start, d.end, d.text, d.value, iso=iso, role="印发日期")
    return cc, printed, printed_date
