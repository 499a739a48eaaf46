"""Scanned PDF pages: which pages need OCR, and reading them (rendered by pypdfium2 at
``OCR_DPI``, recognised by :mod:`pipeline.ingest.ocr`).

A page needs OCR when its text layer is negligible (fewer than ``MIN_TEXT`` visible
characters) but something is drawn on it (an image, or paths: text converted to outlines), or
when one image covers most of the page and the text layer is only a few words (a scan with a
stamped page number). A scan with a real (e.g. invisible OCR) text layer keeps that layer.
A blank page is not a scan: it stays empty, without a warning.
"""

from __future__ import annotations

from typing import Any

from pipeline.ingest.pdf_markup import Box

OCR_DPI = 300
#: fewer visible characters than this: the text layer is negligible
MIN_TEXT = 8
#: a page whose largest image covers this share of it is "essentially one image" …
IMAGE_SHARE = 0.7
#: … unless its text layer has at least this many visible characters
SCAN_TEXT = 40


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _drawn(page: Any) -> tuple[float, bool]:
    """The largest image's share of the page area and whether anything at all is drawn."""
    import pypdfium2.raw as raw

    w, h = page.get_size()
    area = max(w * h, 1.0)
    largest = 0.0
    anything = False
    for obj in page.get_objects(max_depth=4):
        if obj.type not in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH):
            continue
        anything = True
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            largest = max(largest, (right - left) * (top - bottom) / area)
    return min(largest, 1.0), anything


def needs_ocr(page: Any, text: str) -> bool:
    """Whether the page is a scan (see the module docstring)."""
    visible = _visible(text)
    if visible >= SCAN_TEXT:
        return False
    share, anything = _drawn(page)
    if visible < MIN_TEXT:
        return anything
    return share >= IMAGE_SHARE


def ocr_available() -> bool:
    """Whether the OCR component can be imported."""
    try:
        from pipeline.ingest import ocr  # noqa: F401
    except ImportError:
        return False
    return True


def ocr_page(page: Any, dpi: int = OCR_DPI) -> tuple[str, list[Box | None]] | None:
    """The page's OCR text and a display box (points, top-left origin) per character, or
    None without the OCR component."""
    if not ocr_available():
        return None
    from pipeline.ingest import ocr

    scale = dpi / 72
    image = page.render(scale=scale, draw_annots=False, may_draw_forms=False).to_pil()
    text, pixel_boxes = ocr.lines_text(ocr.recognise(image))
    text = text.replace("\f", "\n").replace("\r", "\n")
    boxes: list[Box | None] = []
    for box in pixel_boxes:
        if box is None:
            boxes.append(None)
        else:
            x0, y0, x1, y1 = box
            boxes.append((x0 / scale, y0 / scale, x1 / scale, y1 / scale))
    return text, boxes


def unread_reason(scanned: int, limit: int) -> str:
    """Why scanned pages were left out of the screening (for the warning)."""
    if scanned >= limit:
        return (
            f"超出 OCR 页数上限（每个文件 {limit} 页，已识别 {scanned} 页；"
            "可用环境变量 ZWGK_PDF_OCR_PAGES 调整），这些页未纳入审查"
        )
    return "OCR 组件不可用（需安装 rapidocr-onnxruntime），这些页未纳入审查"
