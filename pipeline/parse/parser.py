"""``parse_document``: the official-document parser, stage by stage (see docs/parse.md)."""

from __future__ import annotations

from pipeline.parse.body import find_attachment_notes, find_headings, find_sections
from pipeline.parse.chrome import find_chrome, find_metadata
from pipeline.parse.citations import find_basis, find_citations, find_dates, find_doc_numbers
from pipeline.parse.head import (
    adoption_date,
    doc_number_line,
    find_addressees,
    find_cc,
    find_signature,
    order_number,
    signers_of,
)
from pipeline.parse.markers import find_markers
from pipeline.parse.model import DateSpan, DocNumber, ParsedDocument, Span, Title
from pipeline.parse.patterns import CC_RE, PRINTED_RE
from pipeline.parse.tables import cell_line_tables, tab_tables
from pipeline.parse.tables_space import space_tables
from pipeline.parse.text import DocView
from pipeline.parse.title import find_title, red_header_issuers


def parse_document(text: str) -> ParsedDocument:
    """Parse one official document; every offset in the result indexes ``text``."""
    view = DocView(text)
    doc = ParsedDocument(length=len(text))
    chrome_lines, doc.chrome = find_chrome(view)
    meta_lines, doc.metadata = find_metadata(view, chrome_lines)
    skip = chrome_lines | meta_lines
    found = find_title(view, skip)
    title = found.title if found else None
    issuers = found.issuers if found else []
    title_last = found.last_line if found else None
    inner = found.inner if found else None
    if title is None:  # a page whose only title is the metadata field
        meta_title = _meta_span(doc, "标题")
        if meta_title is not None:
            title = Title(meta_title.start, meta_title.end, meta_title.text, meta_title.value)
    doc.title = title
    body_from = (title_last + 1) if title_last is not None else 0
    head_skip = set(skip)
    if title is not None and title_last is not None:
        head_skip |= {
            ln.index for ln in view.lines[: title_last + 1] if not ln.blank and ln.start >= 0
        } - {ln.index for ln in view.lines if ln.blank}
    # 发文字号: alone on a line in the head, else the metadata field
    for line in view.lines[: min(len(view.lines), body_from + 12)]:
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
    if doc.doc_number is None and found is not None and found.number is not None:
        doc.doc_number = found.number
    if doc.doc_number is None:
        doc.doc_number = order_number(view, skip, body_from)
    doc.date, signers, warnings, date_line_no = find_signature(view, head_skip, body_from)
    doc.warnings.extend(warnings)
    if not issuers:
        issuers = red_header_issuers(view, skip, title_last or 0)
    doc.issuers = _dedupe(issuers + signers)
    if doc.date is None:
        doc.date = adoption_date(view, skip, body_from) or _meta_date(doc)
    if not doc.issuers:
        meta_issuer = _meta_span(doc, "发文机关")
        doc.issuers = [meta_issuer] if meta_issuer else []
    if doc.doc_number is None:
        doc.doc_number = _meta_doc_number(doc)
    first_body = _first_body_line(view, head_skip, body_from)
    doc.addressees = find_addressees(view, head_skip, body_from, first_body + 1)
    doc.markers = find_markers(view, meta_lines, doc.metadata)
    stop = {ln.index for ln in view.lines if not ln.blank and _is_date_or_number(view, ln)}
    notes, note_lines = find_attachment_notes(view, head_skip, body_from, len(view.lines))
    doc.attachment_notes = notes
    foot = {ln.index for ln in view.lines if CC_RE.match(ln.text) or PRINTED_RE.match(ln.text)}
    body_skip = head_skip | note_lines | stop | foot
    doc.sections, ranges = find_sections(view, body_skip, inner, body_from, date_line_no)
    doc.headings = find_headings(view, body_skip, doc.sections, ranges)
    for section, (lo, hi) in zip(doc.sections, ranges, strict=True):
        doc.tables.extend(tab_tables(view, skip, section.label, lo, hi))
        doc.tables.extend(cell_line_tables(view, skip, section.label, lo, hi))
        doc.tables.extend(space_tables(view, skip, section.label, lo, hi))
    doc.doc_numbers = find_doc_numbers(view)
    doc.citations = find_citations(view, doc.doc_numbers)
    doc.basis = find_basis(view, doc.citations)
    doc.dates = find_dates(view)
    doc.cc, doc.printed_by, doc.printed_date = find_cc(view, skip)
    return doc


def _is_date_or_number(view: DocView, line: object) -> bool:
    from pipeline.parse.head import date_line, truncated_date_line

    return bool(
        doc_number_line(view, line)  # type: ignore[arg-type]
        or date_line(view, line)  # type: ignore[arg-type]
        or truncated_date_line(view, line)  # type: ignore[arg-type]
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
