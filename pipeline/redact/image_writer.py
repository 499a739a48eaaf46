"""Redacted pictures: the same image with opaque black boxes over each redacted value.

Each replacement covers the characters it changes: when the masked form has the same length
as the original (``110101********1234``, ``张*``) only the changed characters are boxed, so the
picture shows what the text output shows; otherwise everything between the prefix and suffix
the masked form keeps (``太原市小店区***``: the part after 小店区). The boxes of one value
on one text line are merged into one rectangle (:func:`pipeline.redact.raster.merge_boxes`)
and grown by a small margin.

The output keeps the input's format: PNG → PNG, JPEG → JPEG (quality 95, no chroma
subsampling), BMP → BMP, TIFF → TIFF (LZW), GIF → GIF (a still image: only the first frame).
The pixels are copied into a fresh image, so EXIF, XMP, ICC profiles, text chunks and TIFF
tags of the original are not written; the EXIF orientation is already applied to the pixels.
"""

from __future__ import annotations

import io

from pipeline.ingest.image_file import Box, ImageMarkup, decode
from pipeline.ingest.model import IngestedDocument
from pipeline.redact.raster import burn_boxes, changed_span, merge_boxes

Replacement = tuple[int, int, str]
MEDIA_TYPES = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "GIF": "image/gif",
}


def pad_for(rects: list[Box]) -> float:
    """The margin around a value's rectangle: 8 % of the line height, at least 2 px."""
    height = max((r[3] - r[1] for r in rects), default=0.0)
    return max(2.0, 0.08 * height)


def value_rects(text: str, boxes: list[Box | None], rep: Replacement) -> list[Box]:
    """The rectangles to burn for one replacement."""
    start, end, new = rep
    return merge_boxes([boxes[start + i] for i in changed_span(text[start:end], new)])


def image_bytes(doc: IngestedDocument, reps: list[Replacement]) -> bytes:
    """The redacted picture, encoded in its original format."""
    from PIL import Image

    markup = doc.markup
    if not isinstance(markup, ImageMarkup) or len(markup.boxes) != len(doc.text):
        raise ValueError(f"{doc.source}：缺少图片文字位置信息，无法按原格式输出")
    image, _fmt, _frames = decode(markup.data, doc.source)
    rects: list[Box] = []
    for rep in reps:
        found = value_rects(doc.text, markup.boxes, rep)
        pad = pad_for(found)
        rects.extend((x0 - pad, y0 - pad, x1 + pad, y1 + pad) for x0, y0, x1, y1 in found)
    burnt = burn_boxes(image, rects, pad=0)
    fmt = markup.fmt if markup.fmt in MEDIA_TYPES else "PNG"
    if fmt == "JPEG" and burnt.mode not in ("RGB", "L", "CMYK"):
        burnt = burnt.convert("RGB")
    clean = Image.frombytes(burnt.mode, burnt.size, burnt.tobytes())
    if burnt.mode == "P":
        clean.putpalette(burnt.getpalette() or [])
    out = io.BytesIO()
    options: dict[str, object] = {}
    if fmt == "JPEG":
        options = {"quality": 95, "subsampling": 0}
    elif fmt == "TIFF":
        options = {"compression": "tiff_lzw"}
    try:
        clean.save(out, format=fmt, **options)
    except (OSError, ValueError):  # a mode the format cannot store (LA as BMP …)
        out = io.BytesIO()
        clean.convert("RGB").save(out, format=fmt, **options)
    return out.getvalue()


def media_type(doc: IngestedDocument) -> str:
    """The content type of the redacted picture."""
    fmt = getattr(doc.markup, "fmt", "PNG")
    return MEDIA_TYPES.get(fmt, "image/png")
