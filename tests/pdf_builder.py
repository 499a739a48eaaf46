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
