"""A redacted PDF: pages with findings rasterised with opaque boxes burnt in, the rest kept.

The text of a PDF cannot be removed reliably in place (pikepdf's documentation says so; the
glyphs, their encodings and the content stream layout vary per producer), so, like Dangerzone
and Stirling-PDF's safe mode, every page holding a redacted value is rendered by pypdfium2 at
``dpi`` (≥ 200; ``ZWGK_PDF_REDACT_DPI`` overrides the default 200), each value's character
boxes are filled black (:func:`pipeline.redact.raster.burn_boxes`, one rectangle per line of a
value, over the characters its masked form hides, as for pictures: ``1301**********3024``
keeps the first and last four digits visible) and the page's content is replaced by that
image (JPEG). The page object itself stays (outlines and links to it keep working); its fonts,
content streams and annotations are gone and are not written. Pages without findings are
copied unchanged (content streams byte for byte).

Whatever the output, the file is cleaned: document information and XMP metadata, embedded
files, JavaScript and other actions, the form (AcroForm and its widgets), annotations that
carry text (comments, pop-ups, free text) or files, the logical structure tree (its alternate
texts repeat the page text) and page-piece data are removed; outline (bookmark) titles have
redacted values replaced by their masked form. The whole file is built in memory: nothing is
written unless it is complete.
"""

from __future__ import annotations

import io
import os
from typing import Any

from pipeline.ingest.model import IngestedDocument
from pipeline.redact.raster import changed_span

DPI = 200
MIN_DPI = 200
MAX_DPI = 600
JPEG_QUALITY = 90
Replacement = tuple[int, int, str]
Box = tuple[float, float, float, float]

_ROOT_DROP = (
    "/Metadata",
    "/AcroForm",
    "/OpenAction",
    "/AA",
    "/StructTreeRoot",
    "/MarkInfo",
    "/PieceInfo",
    "/SpiderInfo",
    "/Perms",
    "/Collection",
    "/Threads",
    "/AF",
)
_NAMES_DROP = ("/EmbeddedFiles", "/JavaScript", "/AlternatePresentations", "/Renditions")
_PAGE_DROP = ("/AA", "/PieceInfo", "/Metadata", "/StructParents", "/Thumb", "/B", "/AF")
#: annotation types dropped everywhere (files, forms, media, scripts)
_ANNOT_DROP = {"/FileAttachment", "/Widget", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}


def redact_dpi(dpi: int | None = None) -> int:
    """The rasterising resolution: ``dpi`` or ``ZWGK_PDF_REDACT_DPI`` or 200, kept within
    200–600."""
    if dpi is None:
        try:
            dpi = int(os.environ.get("ZWGK_PDF_REDACT_DPI", DPI))
        except ValueError:
            dpi = DPI
    return max(MIN_DPI, min(MAX_DPI, dpi))


def _page_boxes(
    doc: IngestedDocument, reps: list[Replacement], hidden: set[int]
) -> dict[int, list[Box]]:
    """Per page index the rectangles (points) to black out: per value, one per line of the
    characters its masked form hides (the PDF shows what the text output shows); the offsets
    of those characters are added to ``hidden``."""
    from pipeline.ingest.pdf_markup import PdfMarkup
    from pipeline.redact.raster import merge_boxes

    markup = doc.markup
    assert isinstance(markup, PdfMarkup)
    out: dict[int, list[Box]] = {}
    for start, end, new in reps:
        by_page: dict[int, list[Box]] = {}
        for i in changed_span(doc.text[start:end], new):
            hidden.add(start + i)
            hit = markup.box(start + i)
            if hit is not None:
                by_page.setdefault(hit[0], []).append(hit[1])
        for page, boxes in by_page.items():
            out.setdefault(page, []).extend(merge_boxes(boxes))
    return out


def _rasterise(data: bytes, boxes: dict[int, list[Box]], dpi: int) -> dict[int, tuple]:
    """Per page index ``(jpeg bytes, width px, height px)`` of the page with boxes burnt."""
    import pypdfium2 as pdfium

    from pipeline.redact.raster import burn_boxes

    scale = dpi / 72
    pad = max(2.0, scale * 0.6)
    out: dict[int, tuple] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for index, rects in sorted(boxes.items()):
            page = pdf[index]
            image = page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGB")
            page.close()
            pixels = [(x0 * scale, y0 * scale, x1 * scale, y1 * scale) for x0, y0, x1, y1 in rects]
            image = burn_boxes(image, pixels, pad=pad)
            buf = io.BytesIO()
            image.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
            out[index] = (buf.getvalue(), image.width, image.height)
    finally:
        pdf.close()
    return out


def _replace_page(
    pdf: Any, page: Any, jpeg: bytes, size: tuple[int, int], pts: tuple, text: Any = None
) -> None:
    """Make ``page`` show only the image (same page object, everything else dropped);
    ``text`` is an optional ``(font, operators)`` invisible text layer."""
    import pikepdf
    from pikepdf import Name

    width, height = pts
    image = pikepdf.Stream(pdf, jpeg)
    image.Type = Name.XObject
    image.Subtype = Name.Image
    image.Width, image.Height = size
    image.ColorSpace = Name.DeviceRGB
    image.BitsPerComponent = 8
    image.Filter = Name.DCTDecode
    obj = page.obj
    for key in list(obj.keys()):
        if key not in ("/Type", "/Parent"):
            del obj[key]
    box = pikepdf.Array([0, 0, width, height])
    obj.MediaBox = box
    obj.CropBox = box
    obj.Rotate = 0  # /Rotate and the boxes are inheritable: set them on the page itself
    obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    content = f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /Im0 Do Q".encode()
    if text is not None:
        from pipeline.redact.pdf_text_layer import FONT_NAME

        obj.Resources.Font = pikepdf.Dictionary({FONT_NAME: text[0]})
        content += b"\n" + text[1]
    obj.Contents = pikepdf.Stream(pdf, content)


def _has_text(annot: Any) -> bool:
    for key in ("/Contents", "/RC", "/T", "/Subj"):
        value = annot.get(key)
        if value is not None and str(value).strip():
            return True
    return False


def _keep_annot(annot: Any) -> bool:
    import pikepdf

    if not isinstance(annot, pikepdf.Dictionary):
        return False
    if str(annot.get("/Subtype", "")) in _ANNOT_DROP or "/AA" in annot:
        return False
    action = annot.get("/A")
    if action is not None and str(action.get("/S", "")) not in ("/URI", "/GoTo"):
        return False
    return not _has_text(annot)


def _clean(pdf: Any, values: list[tuple[str, str]]) -> None:
    """Remove metadata, attachments, scripts, forms and text-bearing annotations; mask
    redacted values in outline titles."""
    import pikepdf

    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    root = pdf.Root
    for key in _ROOT_DROP:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key in _NAMES_DROP:
            if key in names:
                del names[key]
    for page in pdf.pages:
        obj = page.obj
        for key in _PAGE_DROP:
            if key in obj:
                del obj[key]
        annots = obj.get("/Annots")
        if annots is not None:
            kept = [a for a in annots if _keep_annot(a)]
            if kept:
                obj.Annots = pikepdf.Array(kept)
            else:
                del obj["/Annots"]
    for obj in pdf.objects:  # files attached anywhere else (an XObject's /AF, an action …)
        if isinstance(obj, pikepdf.Dictionary) and "/EF" in obj:
            del obj["/EF"]
        elif isinstance(obj, pikepdf.Stream) and obj.get("/Type") == "/EmbeddedFile":
            obj.write(b"")
            for key in ("/Params", "/Subtype"):
                if key in obj:
                    del obj[key]
    if values and "/Outlines" in root:
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                title = item.title or ""
                for old, new in values:
                    title = title.replace(old, new)
                item.title = title
                stack.extend(item.children)


def redacted_pdf(
    doc: IngestedDocument,
    reps: list[Replacement],
    dpi: int | None = None,
    text_layer: bool | None = None,
) -> bytes:
    """The redacted PDF of ``doc`` (a PDF ingested with its markup) as bytes; ``text_layer``
    (default ``ZWGK_PDF_TEXT_LAYER``, off) adds the invisible text of what stays visible to
    rasterised pages (:mod:`pipeline.redact.pdf_text_layer`)."""
    import pikepdf

    from pipeline.ingest.pdf_markup import PdfMarkup

    markup = doc.markup
    if not isinstance(markup, PdfMarkup):
        raise ValueError(f"{doc.source}：缺少 PDF 版面信息，无法输出脱敏后的 PDF")
    hidden: set[int] = set()
    boxes = _page_boxes(doc, reps, hidden)
    values = [(doc.text[s:e], new) for s, e, new in reps if doc.text[s:e].strip()]
    try:
        return _build(doc, markup, boxes, hidden, values, redact_dpi(dpi), text_layer)
    except (pikepdf.PdfError, pdfium_error()) as exc:
        raise ValueError(f"{doc.source}：PDF 无法重建为脱敏文件（{exc}）") from exc


def pdfium_error() -> type[Exception]:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def _build(
    doc: IngestedDocument,
    markup: Any,
    boxes: dict[int, list[Box]],
    hidden: set[int],
    values: list[tuple[str, str]],
    dpi: int,
    text_layer: bool | None,
) -> bytes:
    import pikepdf

    from pipeline.redact import pdf_text_layer

    images = _rasterise(markup.data, boxes, dpi)
    with pikepdf.open(io.BytesIO(markup.data)) as pdf:
        if len(pdf.pages) != len(markup.pages):
            raise ValueError(f"{doc.source}：PDF 页数与读取时不一致，无法输出")
        font = pdf_text_layer.font(pdf) if images and pdf_text_layer.wanted(text_layer) else None
        for index, (jpeg, w, h) in images.items():
            info = markup.pages[index]
            text = None
            if font is not None:
                text = (font, pdf_text_layer.layer(doc.text, markup, index, hidden))
            _replace_page(pdf, pdf.pages[index], jpeg, (w, h), (info.width, info.height), text)
        _clean(pdf, values)
        out = io.BytesIO()
        pdf.save(out, preserve_pdfa=False, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
