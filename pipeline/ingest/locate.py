"""Where a text span is in the original file: the optional ``location`` of a finding.

Spreadsheets: ``{"sheet", "cell", "header"}`` (A1 reference; ``header`` is the column's
header cell; no ``sheet`` for CSV). Archive members add ``{"member": "a.zip!dir/x.xlsx"}``
(the innermost member when archives are nested). Pictures: ``{"page": 1, "box": [x0, y0, x1,
y1]}`` (pixels). PDF: ``{"page": n, "box": [x0, y0, x1, y1]}`` in points from the top-left
corner of the displayed page (the union of the value's characters on its first page; ``pages``
lists all when it crosses pages). OFD: ``{"page", "box", "unit": "mm"}`` (millimetres from the
page's top-left), metadata ``{"part": "文档信息 作者"}``. Other kinds: no location.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.ingest.model import IngestedDocument


def locate(doc: IngestedDocument, start: int, end: int) -> dict[str, Any] | None:
    """The location of ``doc.text[start:end]`` in the file, or None."""
    from pipeline.ingest.archive import ArchiveMarkup, locate_member
    from pipeline.ingest.image_file import ImageMarkup, locate_box
    from pipeline.ingest.ofd_file import OfdMarkup, locate_ofd
    from pipeline.ingest.pdf_markup import PdfMarkup, locate_pdf
    from pipeline.ingest.spreadsheet import SheetMarkup, locate_cell

    markup = doc.markup
    if isinstance(markup, SheetMarkup):
        return locate_cell(markup, start, end)
    if isinstance(markup, ImageMarkup):
        return locate_box(markup, start, end)
    if isinstance(markup, PdfMarkup):
        return locate_pdf(markup, start, end)
    if isinstance(markup, OfdMarkup):
        return locate_ofd(markup, start, end)
    if isinstance(markup, ArchiveMarkup):
        hit = locate_member(markup, start, end)
        if hit is None:
            return None
        member, base = hit
        inner = locate(member.doc, start - base, end - base) or {}
        inner.setdefault("member", member.doc.source)
        return inner
    return None


def attach_locations(findings: Iterable[Any], doc: IngestedDocument | None) -> None:
    """Set ``location`` on each finding of a screened ``doc`` (nothing for plain text)."""
    if doc is None or doc.kind not in ("xlsx", "sheet", "csv", "zip", "image", "pdf", "ofd"):
        return
    for f in findings:
        f.location = locate(doc, f.start, f.end)


def location_label(location: dict[str, Any] | None) -> str:
    """``名单!C5`` / ``a.zip!x.xlsx 名单!C5`` for a console table ('' without a location)."""
    if not location:
        return ""
    parts = []
    if location.get("member"):
        parts.append(str(location["member"]).rsplit("!", 1)[-1])
    cell = location.get("cell")
    sheet = location.get("sheet")
    if cell:
        parts.append(f"{sheet}!{cell}" if sheet else str(cell))
    elif sheet:
        parts.append(f"工作表名 {sheet}")
    elif location.get("page"):
        parts.append(f"第{location['page']}页")
    if location.get("part"):
        parts.append(str(location["part"]))
    return " ".join(parts)
