"""``parse_document``: the official-document parser, stage by stage (see docs/parse.md)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.parse.body import find_attachment_notes, find_headings, find_sections
from pipeline.parse.chrome import find_chrome, find_metadata
from pipeline.parse.citations import find_basis, find_citations, find_dates, find_doc_numbers
from pipeline.parse.head import (
    adoption_date,
    date_line,
    doc_number_line,
    find_addressees,
    find_cc,
    find_signature,
    order_number,
    signers_of,
    truncated_date_line,
)
from pipeline.parse.markers import find_markers
from pipeline.parse.model import DateSpan, DocNumber, ParsedDocument, Span, Title
from pipeline.parse.patterns import CC_RE, PRINTED_RE
from pipeline.parse.tables import cell_line_tables, tab_tables
from pipeline.parse.tables_space import space_tables
from pipeline.parse.text import DocView, Line
from pipeline.parse.title import find_title, red_header_issuers


@dataclass(slots=True)
class _Head:
    """What the head tells the body: where the body starts and which lines are not body."""

    body_from: int
    skip: set[int]
    inner: str | None
    date_line: int | None


def parse_document(text: str) -> ParsedDocument:
    """Parse one official document; every offset in the result indexes ``text``."""
    view = DocView(text)
    doc = ParsedDocument(length=len(text))
    chrome_lines, doc.chrome = find_chrome(view)
    meta_lines, doc.metadata = find_metadata(view, chrome_lines)
    skip = chrome_lines | meta_lines
    head = _parse_head(view, doc, skip)
    doc.markers = find_markers(view, meta_lines, doc.metadata)
    _parse_body(view, doc, skip, head)
    doc.doc_numbers = find_doc_numbers(view)
    doc.citations = find_citations(view, doc.doc_numbers)
    doc.basis = find_basis(view, doc.citations)
    doc.dates = find_dates(view)
    doc.cc, doc.printed_by, doc.printed_date = find_cc(view, skip)
    return doc


def _parse_head(view: DocView, doc: ParsedDocument, skip: set[int]) -> _Head:
    """Title, 发文字号, 签发人, 成文日期, issuers and 主送机关."""
    found = find_title(view, skip)
    doc.title = found.title if found else None
    if doc.title is None:  # a page whose only title is the metadata field
        meta_title = _meta_span(doc, "标题")
        if meta_title is not None:
            doc.title = Title(meta_title.start, meta_title.end, meta_title.text, meta_title.value)
    title_last = found.last_line if found else None
    body_from = title_last + 1 if title_last is not None else 0
    head_skip = set(skip)
    if title_last is not None:  # everything down to the title is head, not body
        head_skip |= {ln.index for ln in view.lines[:body_from] if not ln.blank}
    for line in view.lines[: body_from + 12]:  # 文号 alone on a line near the title
        if line.blank or line.index in skip:
            continue
        number = doc_number_line(view, line)
        if number is not None:
            doc.doc_number = number
            doc.signers = signers_of(view, line)
            head_skip.add(line.index)
            if not number.complete:
                doc.warnings.append(f"发文字号“{number.text}”不完整，按{number.normalized}理解")
            break
    if doc.doc_number is None and found is not None:
        doc.doc_number = found.number
    if doc.doc_number is None:
        doc.doc_number = order_number(view, skip, body_from) or _meta_doc_number(doc)
    doc.date, signers, warnings, date_line_no = find_signature(view, head_skip, body_from)
    doc.warnings.extend(warnings)
    if doc.date is None:
        doc.date = adoption_date(view, skip, body_from) or _meta_date(doc)
    issuers = (found.issuers if found else []) or red_header_issuers(view, skip, body_from)
    doc.issuers = _dedupe(issuers + signers)
    if not doc.issuers:
        meta_issuer = _meta_span(doc, "发文机关")
        doc.issuers = [meta_issuer] if meta_issuer else []
    first_body = _first_body_line(view, head_skip, body_from)
    doc.addressees = find_addressees(view, head_skip, body_from, first_body + 1)
    return _Head(body_from, head_skip, found.inner if found else None, date_line_no)


def _parse_body(view: DocView, doc: ParsedDocument, skip: set[int], head: _Head) -> None:
    """附件 notes, sections, the heading tree per section, and tables."""
    stop = {ln.index for ln in view.lines if not ln.blank and _is_date_or_number(view, ln)}
    notes, note_lines = find_attachment_notes(view, head.skip, head.body_from, len(view.lines))
    doc.attachment_notes = notes
    foot = {ln.index for ln in view.lines if CC_RE.match(ln.text) or PRINTED_RE.match(ln.text)}
    body_skip = head.skip | note_lines | stop | foot
    doc.sections, ranges = find_sections(
        view, body_skip, head.inner, head.body_from, head.date_line
    )
    doc.headings = find_headings(view, body_skip, doc.sections, ranges)
    for section, (lo, hi) in zip(doc.sections, ranges, strict=True):
        doc.tables.extend(tab_tables(view, skip, section.label, lo, hi))
        doc.tables.extend(cell_line_tables(view, skip, section.label, lo, hi))
        doc.tables.extend(space_tables(view, skip, section.label, lo, hi))


def _is_date_or_number(view: DocView, line: Line) -> bool:
    return bool(
        doc_number_line(view, line) or date_line(view, line) or truncated_date_line(view, line)
    )


def _first_body_line(view: DocView, skip: set[int], start: int) -> int:
    for line in view.lines[start:]:
        if not line.blank and line.index not in skip and (len(line.text) > 40 or "。" in line.text):
            return line.index
    return len(view.lines)


def _dedupe(spans: list[Span]) -> list[Span]:
    seen: set[str] = set()
    out = []
    for s in spans:
        if s.value not in seen:
            seen.add(s.value)
            out.append(s)
    return out


def _meta_span(doc: ParsedDocument, key: str) -> Span | None:
    for f in doc.metadata:
        if f.key == key and f.value is not None and f.value.value:
            return f.value
    return None


def _meta_doc_number(doc: ParsedDocument) -> DocNumber | None:
    from pipeline.parse.citations import DOC_NUMBER_RE

    v = _meta_span(doc, "发文字号")
    if v is None:
        return None
    from pipeline.normalise import normalise

    m = DOC_NUMBER_RE.search(normalise(v.value).text)
    if m is None:
        return None
    year, seq = int(m.group("year")), int(m.group("seq"))
    return DocNumber(v.start, v.end, v.text, v.value, org=m.group("org"), year=year, seq=seq,
                     normalized=f"{m.group('org')}〔{year}〕{seq}号")  # fmt: skip


def _meta_date(doc: ParsedDocument) -> DateSpan | None:
    from pipeline.normalise import normalise
    from pipeline.parse.numerals import DATE_RE, date_iso

    v = _meta_span(doc, "成文日期")
    if v is None:
        return None
    m = DATE_RE.search(normalise(v.value).text)
    iso = date_iso(m) if m else None
    if iso is None:
        return None
    return DateSpan(v.start, v.end, v.text, v.value, iso=iso, role="成文日期")
