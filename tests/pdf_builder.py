"""Small PDFs with a real text layer for the ingest and parse tests (reportlab, CJK font)."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def pdf_bytes(pages: list[list[str]], **kwargs: Any) -> bytes:
    """One PDF page per item of ``pages``, one line of text per string; ``kwargs`` go to
    ``reportlab``'s ``Canvas`` (e.g. ``encrypt="secret"``)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kwargs)
    for lines in pages:
        c.setFont(FONT, 12)
        for i, line in enumerate(lines):
            c.drawString(72, 760 - 20 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def scan_image(lines: list[str], size: tuple[int, int] = (1400, 560), font_px: int = 40) -> Any:
    """A white picture with ``lines`` drawn in Noto Sans CJK (the caller skips the test when
    ``CJK_FONT`` is missing): what a scanner makes of a printed page."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(CJK_FONT, font_px)
    for i, line in enumerate(lines):
        draw.text((60, 50 + int(font_px * 1.8) * i), line, fill="black", font=font)
    return image


def scanned_pdf_bytes(pages: list[Any | list[str]], dpi: int = 200) -> bytes:
    """One page per item: a PIL image (or text lines drawn by ``scan_image``) as the whole
    page at ``dpi``, without a text layer; a list of strings that starts with "TEXT:" is a
    text-layer page instead (its remaining lines drawn with the CID font)."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for item in pages:
        if isinstance(item, list) and item and item[0] == "TEXT:":
            c.setPageSize((595, 842))
            c.setFont(FONT, 12)
            for i, line in enumerate(item[1:]):
                c.drawString(72, 760 - 20 * i, line)
        else:
            image = scan_image(item) if isinstance(item, list) else item
            w, h = image.width * 72 / dpi, image.height * 72 / dpi
            c.setPageSize((w, h))
            c.drawImage(ImageReader(image), 0, 0, width=w, height=h)
        c.showPage()
    c.save()
    return buf.getvalue()
