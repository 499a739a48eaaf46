"""Character boxes of a PDF's text layer, computed when first needed.

Reading a PDF keeps, per character of the text, its PDFium character index; the boxes of a
text-layer page are computed the first time a box on that page is asked for (locating a
finding, burning a redaction, writing a text layer, a preview), by loading that page again.
A document without findings never pays for its boxes; the text, its offsets and every box
are the same as when they were computed up front.
"""

from __future__ import annotations

import ctypes
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.ingest.pdf_markup import PdfMarkup

Box = tuple[float, float, float, float]
NAN = math.nan
#: lazy pages kept loaded after reading (text page memory ≈ 0.1 MB per page of text)
HOLD = 64


def display_matrix(page: Any) -> tuple[float, float, float, float, float, float]:
    """``(a, b, c, d, e, f)`` with display ``x = a·px + c·py + e``, ``y = b·px + d·py + f``:
    page space → top-left-origin points of the displayed page (pdfium's own mapping)."""
    import pypdfium2.raw as raw

    w, h = page.get_size()
    k = 64  # device units per point (FPDF_PageToDevice answers integers)
    dx, dy = ctypes.c_int(), ctypes.c_int()

    def to_device(x: float, y: float) -> tuple[float, float]:
        raw.FPDF_PageToDevice(page, 0, 0, round(w * k), round(h * k), 0, x, y, dx, dy)
        return dx.value / k, dy.value / k

    e, f = to_device(0.0, 0.0)
    x1, y1 = to_device(1000.0, 0.0)
    x2, y2 = to_device(0.0, 1000.0)
    return (x1 - e) / 1000, (y1 - f) / 1000, (x2 - e) / 1000, (y2 - f) / 1000, e, f


def char_boxes(page: Any, textpage: Any, indices: list[int]) -> list[Box | None]:
    """The display box of each PDFium character index (None for -1, generated characters
    and characters without a box)."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = display_matrix(page)
    upright = b == 0 and c == 0 and a > 0 and d < 0
    rect = raw.FS_RECTF()
    tp = textpage.raw  # the bare pointer: ctypes calls on it are several times faster
    generated, loose_box = raw.FPDFText_IsGenerated, raw.FPDFText_GetLooseCharBox
    out: list[Box | None] = []
    for i in indices:
        if i < 0 or generated(tp, i) or not loose_box(tp, i, rect):
            out.append(None)
        elif upright:  # the common case, without min/max
            out.append(
                (a * rect.left + e, d * rect.top + f, a * rect.right + e, d * rect.bottom + f)
            )
        else:
            xs = (a * rect.left + c * rect.bottom + e, a * rect.right + c * rect.top + e)
            ys = (b * rect.left + d * rect.bottom + f, b * rect.right + d * rect.top + f)
            out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def fill_page(markup: PdfMarkup, index: int) -> None:
    """Compute the boxes of text-layer page ``index`` (0-based) into ``markup.boxes``."""
    import pypdfium2 as pdfium

    markup.lazy.discard(index)
    span = markup.pages[index]
    held = markup.held.pop(index, None)
    if held is not None:
        page, textpage = held
    else:
        if markup.pdf is None:
            markup.pdf = pdfium.PdfDocument(markup.data)
        page = markup.pdf[index]
        textpage = page.get_textpage()
    try:
        boxes = char_boxes(page, textpage, list(markup.char_index[span.start : span.end]))
    finally:
        textpage.close()
        page.close()
        if not markup.lazy and markup.pdf is not None:  # every box known: let it go
            markup.pdf.close()
            markup.pdf = None
    target = markup.boxes  # NaN until now: a character without a box keeps it
    for k, box in enumerate(boxes):
        if box is not None:
            j = 4 * (span.start + k)
            target[j], target[j + 1], target[j + 2], target[j + 3] = box
