"""Character boxes of a PDF's text layer are computed per page when first asked for, and are
the same as when computed for every page up front."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium

from pipeline.ingest import pdf_boxes
from pipeline.ingest.locate import locate
from pipeline.ingest.pdf_file import load_pdf
from pipeline.ingest.pdf_markup import PdfMarkup
from tests.check_digits import with_check
from tests.pdf_builder import pdf_bytes

ID = with_check("42010619850723153")
PAGES = [
    ["城区街道办事处", "第一页无个人信息"],
    ["申请人：", f"身份证号{ID}，联系电话13871450296"],
    ["第三页", "抄送：区政府办公室"],
]


def _rotated() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes(PAGES)))
    pdf.pages[1].Rotate = 90
    pdf.pages[2].CropBox = [30, 40, 520, 800]
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def _eager(data: bytes, markup: PdfMarkup, text: str) -> list:
    """Every character's box computed directly from PDFium, page by page."""
    out: list = [None] * len(text)
    pdf = pdfium.PdfDocument(data)
    for n, span in enumerate(markup.pages):
        page = pdf[n]
        textpage = page.get_textpage()
        indices = list(markup.char_index[span.start : span.end])
        for k, box in enumerate(pdf_boxes.char_boxes(page, textpage, indices)):
            if box is not None:
                out[span.start + k] = (n, box)
    pdf.close()
    return out


def test_boxes_are_computed_only_for_the_page_asked_for():
    data = pdf_bytes(PAGES)
    doc = load_pdf(data, "答复.pdf")
    markup = doc.markup
    assert isinstance(markup, PdfMarkup) and markup.lazy == {0, 1, 2}
    start = doc.text.index(ID)
    where = locate(doc, start, start + len(ID))
    assert where is not None and where["page"] == 2
    assert markup.lazy == {0, 2}  # pages 1 and 3 still without boxes
    assert markup.pdf is not None and set(markup.held) == {0, 2}
    for i in range(len(doc.text)):
        markup.box(i)
    assert not markup.lazy and not markup.held and markup.pdf is None  # all released


def test_lazy_boxes_equal_eager_ones_on_rotated_and_cropped_pages():
    data = _rotated()
    doc = load_pdf(data, "答复.pdf")
    markup = doc.markup
    assert isinstance(markup, PdfMarkup)
    eager = _eager(data, markup, doc.text)
    lazy = [markup.box(i) for i in reversed(range(len(doc.text)))][::-1]  # last page first
    for a, b in zip(lazy, eager, strict=True):
        assert (a is None) == (b is None)
        if a is not None:
            assert a[0] == b[0] and all(abs(x - y) < 1e-3 for x, y in zip(a[1], b[1], strict=True))
    assert sum(b is not None for b in lazy) == sum(not c.isspace() for c in doc.text)
    start = doc.text.index(ID)
    x0, y0, x1, y1 = locate(doc, start, start + len(ID))["box"]  # type: ignore[index]
    assert x1 - x0 < y1 - y0  # page 2 is displayed turned by 90°: the number runs downwards


def test_pages_beyond_the_hold_are_reloaded(monkeypatch):
    monkeypatch.setattr("pipeline.ingest.pdf_file.HOLD", 1)
    data = pdf_bytes(PAGES)
    doc = load_pdf(data, "答复.pdf")
    markup = doc.markup
    assert isinstance(markup, PdfMarkup) and set(markup.held) == {0}
    start = doc.text.index(ID)
    assert locate(doc, start, start + len(ID))["page"] == 2  # type: ignore[index]
    fresh = load_pdf(data, "答复.pdf").markup
    assert isinstance(fresh, PdfMarkup)
    for i in range(len(doc.text)):
        assert markup.box(i) == fresh.box(i)
