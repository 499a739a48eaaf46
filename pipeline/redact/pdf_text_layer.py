"""An invisible text layer for a rasterised page of a redacted PDF (optional).

A rasterised page is only a picture; with the text layer on (``ZWGK_PDF_TEXT_LAYER=1`` or
``redacted_pdf(..., text_layer=True)``) every character of the page that stays visible is
written again as invisible text (render mode 3) over its old box, so the page can still be
searched, copied and read aloud. Characters hidden by a redaction are not written at all.
The font is Adobe's STSong-Light with the predefined ``UniGB-UCS2-H`` CMap (not embedded:
invisible text needs no glyphs; readers map it to Unicode through the Adobe-GB1 collection);
characters outside the Basic Multilingual Plane are left out.
"""

from __future__ import annotations

import os
from typing import Any

from pipeline.ingest.pdf_markup import PdfMarkup

FONT_NAME = "/ZwgkText"


def wanted(text_layer: bool | None) -> bool:
    """``text_layer`` or, when None, ``ZWGK_PDF_TEXT_LAYER`` (off by default)."""
    if text_layer is not None:
        return text_layer
    return os.environ.get("ZWGK_PDF_TEXT_LAYER", "").strip().lower() in ("1", "true", "yes", "on")


def font(pdf: Any) -> Any:
    """The (indirect) Type0 font the layers use, one per output file."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name("/STSong-Light"),
        Flags=6,
        FontBBox=Array([-25, -254, 1000, 880]),
        ItalicAngle=0,
        Ascent=880,
        Descent=-120,
        CapHeight=880,
        StemV=93,
    )
    cid = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType0,
        BaseFont=Name("/STSong-Light"),
        CIDSystemInfo=Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("GB1"), Supplement=2
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=1000,
        W=Array([1, 95, 500]),  # Adobe-GB1 CIDs 1–95: the half-width ASCII forms
    )
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type0,
            BaseFont=Name("/STSong-Light"),
            Encoding=Name("/UniGB-UCS2-H"),
            DescendantFonts=Array([pdf.make_indirect(cid)]),
        )
    )


def _width(ch: str) -> int:
    """The glyph width (1/1000 em) the font's ``/W`` gives ``ch``: half width for ASCII."""
    return 500 if " " <= ch <= "~" else 1000


def layer(text: str, markup: PdfMarkup, index: int, hidden: set[int]) -> bytes:
    """Content-stream operators writing page ``index``'s visible characters invisibly: one
    size and baseline per text line (the tallest box, the lowest bottom: readers split a line
    where the size changes), each character at the left edge of its old box."""
    info = markup.pages[index]
    ops = [f"BT 3 Tr {FONT_NAME} 1 Tf"]
    line: list[tuple[str, tuple[float, float, float, float]]] = []

    def flush() -> None:
        # one text object per line (Tm at its first character, TJ offsets to each next one):
        # PDFium reads one-character text objects of a short page as vertical writing
        if line:
            h = max(b[3] - b[1] for _ch, b in line)
            baseline = info.height - max(b[3] for _ch, b in line) + 0.12 * h
            parts: list[str] = []
            for k, (ch, box) in enumerate(line):
                parts.append(f"<{ch.encode('utf-16-be').hex()}>")
                if k + 1 < len(line):
                    advance = h * _width(ch) / 1000
                    gap = line[k + 1][1][0] - (box[0] + advance)
                    parts.append(f"{-gap / h * 1000:.1f}")
            ops.append(f"{h:.3f} 0 0 {h:.3f} {line[0][1][0]:.3f} {baseline:.3f} Tm")
            ops.append(f"[{' '.join(parts)}] TJ")
            line.clear()

    for i in range(info.start, info.end):
        ch = text[i]
        if ch == "\n":
            flush()
            continue
        if i in hidden or ch.isspace() or ord(ch) > 0xFFFF:
            continue
        hit = markup.box(i)
        if hit is not None and hit[0] == index and hit[1][2] > hit[1][0] and hit[1][3] > hit[1][1]:
            line.append((ch, hit[1]))
    flush()
    ops.append("ET")
    return "\n".join(ops).encode("ascii")
