"""The markup of an ingested PDF and the location of a text span in it.

Boxes are in PDF points, measured from the top-left corner of the page as displayed
(``/Rotate`` and the crop box applied): a rendered image's pixel box divided by ``dpi / 72``.
Characters that exist only in the extracted text (line breaks, the page breaks, OCR joiners)
have no box.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class PdfPage:
    """One page: ``number`` from 1, displayed size in points, its span of the text, and
    whether that text came from the text layer or from OCR."""

    number: int
    width: float
    height: float
    start: int
    end: int
    source: str = "text"
    #: why the page was read as it was (e.g. a garbled text layer replaced by OCR)
    note: str = ""


@dataclass(slots=True)
class PdfExtra:
    """A line of annotation or form text after the pages: ``[start, end)`` of the text, its
    page (0: a form field without a widget) and ``part`` (注释 / 注释作者 / 表单域 …)."""

    start: int
    end: int
    page: int
    part: str


@dataclass(slots=True)
class PdfMarkup:
    """What the PDF writer and ``locate`` need: per character of the text its page index
    (``-1``: no box) and its box (four floats per character, top-left origin, points)."""

    data: bytes
    pages: list[PdfPage] = field(default_factory=list)
    page_of: array = field(default_factory=lambda: array("i"))
    boxes: array = field(default_factory=lambda: array("f"))
    extras: list[PdfExtra] = field(default_factory=list)

    def box(self, i: int) -> tuple[int, Box] | None:
        """``(page index, box)`` of character ``i`` or None."""
        page = self.page_of[i]
        if page < 0:
            return None
        b = self.boxes
        return page, (b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3])


def span_boxes(markup: PdfMarkup, start: int, end: int) -> dict[int, list[Box]]:
    """The character boxes of ``text[start:end]`` by page index, in text order."""
    out: dict[int, list[Box]] = {}
    for i in range(start, min(end, len(markup.page_of))):
        hit = markup.box(i)
        if hit is not None:
            out.setdefault(hit[0], []).append(hit[1])
    return out


def locate_pdf(markup: PdfMarkup, start: int, end: int) -> dict[str, Any] | None:
    """``{"page": n, "box": [x0, y0, x1, y1]}`` (points, top-left origin, rounded to 0.1): the
    union of the span's character boxes on its first page; ``pages`` lists every page when
    the span crosses pages. None when no character of the span has a box."""
    for extra in markup.extras:
        if extra.start <= start < extra.end:
            from pipeline.ingest.pdf_extras import STRIPPED

            out: dict[str, Any] = {"part": extra.part, "note": STRIPPED}
            if extra.page:
                out["page"] = extra.page
            return out
    by_page = span_boxes(markup, start, end)
    if not by_page:
        return None
    first = min(by_page)
    boxes = by_page[first]
    union = [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]
    location: dict[str, Any] = {
        "page": markup.pages[first].number,
        "box": [round(v, 1) for v in union],
    }
    if len(by_page) > 1:
        location["pages"] = [markup.pages[p].number for p in sorted(by_page)]
    if markup.pages[first].note:
        location["note"] = markup.pages[first].note
    return location
