"""Thumbnails of the pages that hold findings, with the finding boxes drawn (reviewer page).

For an uploaded picture, PDF or OFD (also inside an archive) every page with at least one
located finding (``location`` with ``page`` and ``box``) is drawn server-side with Pillow: a
picture downscaled, a PDF page rendered by pypdfium2, an OFD page as a schematic (its
characters at their positions, in the CJK font when the machine has one, else as grey
blocks). Each finding gets a rectangle in the colour of its action (redact red, review
orange, allow green). At most ``MAX_PAGES`` pages, each at most ``MAX_SIDE`` pixels on its
longer side, JPEG; pages without findings are not drawn. The thumbnails show the original
content: they are for the reviewer, like the marked-up text beside them.
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterable
from typing import Any

from pipeline.ingest.model import IngestedDocument

MAX_PAGES = 12
MAX_SIDE = 900
COLOURS = {"redact": (220, 38, 38), "review": (230, 130, 0), "allow": (22, 150, 70)}
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
A4_MM = (210.0, 297.0)

Key = tuple[str, int]  # (archive member or "", page number)


def _member_doc(doc: IngestedDocument, member: str) -> IngestedDocument | None:
    """The archive member named ``member`` (nested archives searched), or None."""
    from pipeline.ingest.archive import ArchiveMarkup

    if not isinstance(doc.markup, ArchiveMarkup):
        return None
    for m in doc.markup.members:
        if m.doc.source == member:
            return m.doc
        inner = _member_doc(m.doc, member)
        if inner is not None:
            return inner
    return None


def _grouped(findings: Iterable[dict[str, Any]]) -> dict[Key, list[tuple[int, dict[str, Any]]]]:
    pages: dict[Key, list[tuple[int, dict[str, Any]]]] = {}
    for i, f in enumerate(findings):
        loc = f.get("location") or {}
        if loc.get("page") and isinstance(loc.get("box"), list) and len(loc["box"]) == 4:
            pages.setdefault((str(loc.get("member") or ""), int(loc["page"])), []).append((i, f))
    return pages


def _fit(width: float, height: float) -> float:
    return min(1.0, MAX_SIDE / max(width, height, 1.0))


def _image_page(doc: IngestedDocument) -> tuple[Any, float]:
    from pipeline.ingest.image_file import decode

    image, _fmt, _frames = decode(doc.markup.data, doc.source)  # type: ignore[attr-defined]
    scale = _fit(*image.size)
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size)
    return image, scale


def _pdf_page(doc: IngestedDocument, number: int) -> tuple[Any, float]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(doc.markup.data)  # type: ignore[attr-defined]
    try:
        page = pdf[number - 1]
        scale = (MAX_SIDE - 0.5) / max(*page.get_size(), 1.0)  # pdfium rounds sizes up
        image = page.render(scale=scale, draw_annots=False, may_draw_forms=False).to_pil()
        page.close()
    finally:
        pdf.close()
    return image, scale


def _ofd_page(doc: IngestedDocument, number: int) -> tuple[Any, float]:
    """A white page with the page's characters at their boxes (mm → pixels)."""
    from PIL import Image, ImageDraw, ImageFont

    markup: Any = doc.markup
    starts = markup.page_starts
    start = starts[number - 1]
    end = starts[number] if number < len(starts) else len(markup.refs)
    chars = [(doc.text[i], b) for i in range(start, end) if (b := markup.boxes[i]) is not None]
    width = max([A4_MM[0]] + [b[2] + 5 for _, b in chars])
    height = max([A4_MM[1]] + [b[3] + 5 for _, b in chars])
    scale = MAX_SIDE / max(width, height)
    image = Image.new("RGB", (round(width * scale), round(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[int, Any] = {}
    for ch, (x0, y0, x1, y1) in chars:
        size = max(6, round((y1 - y0) * scale * 0.9))
        if os.path.exists(CJK_FONT):
            font = fonts.setdefault(size, ImageFont.truetype(CJK_FONT, size))
            draw.text((x0 * scale, y1 * scale), ch, fill="black", font=font, anchor="ls")
        elif not ch.isspace():
            draw.rectangle([x0 * scale, y0 * scale, x1 * scale, y1 * scale], fill=(190, 190, 190))
    return image, scale


def _draw(image: Any, boxes: list[tuple[str, list[float]]]) -> Any:
    from PIL import Image, ImageDraw

    base = image.convert("RGBA")
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    line = max(2, round(max(base.size) / 300))
    for action, (x0, y0, x1, y1) in boxes:
        rgb = COLOURS.get(action, COLOURS["review"])
        rect = [x0 - line, y0 - line, x1 + line, y1 + line]
        draw.rectangle(rect, fill=(*rgb, 50), outline=(*rgb, 255), width=line)
    return Image.alpha_composite(base, layer).convert("RGB")


def _render(doc: IngestedDocument, number: int) -> tuple[Any, float, str] | None:
    """The page as a Pillow image, the scale from location units to its pixels, the unit."""
    from pipeline.ingest.image_file import ImageMarkup
    from pipeline.ingest.ofd_file import OfdMarkup
    from pipeline.ingest.pdf_markup import PdfMarkup

    if isinstance(doc.markup, ImageMarkup) and number == 1:
        return (*_image_page(doc), "px")
    if isinstance(doc.markup, PdfMarkup) and 1 <= number <= len(doc.markup.pages):
        return (*_pdf_page(doc, number), "pt")
    if isinstance(doc.markup, OfdMarkup) and 1 <= number <= len(doc.markup.page_starts):
        return (*_ofd_page(doc, number), "mm")
    return None


def page_previews(
    doc: IngestedDocument | None, findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``[{"member", "page", "width", "height", "image": "data:image/jpeg;base64,…",
    "boxes": [{"finding": i, "action", "box": [x0, y0, x1, y1]}]}]`` (box in the thumbnail's
    pixels, ``finding`` indexes ``findings``), pages in document order; [] when nothing is
    located on a page."""
    if doc is None:
        return []
    out: list[dict[str, Any]] = []
    for (member, number), items in sorted(_grouped(findings).items())[:MAX_PAGES]:
        target = _member_doc(doc, member) if member else doc
        if target is None:
            continue
        try:
            rendered = _render(target, number)
        except Exception:  # a preview never fails the screening
            rendered = None
        if rendered is None:
            continue
        image, scale, _unit = rendered
        boxes = [(f["action"], [v * scale for v in f["location"]["box"]]) for _, f in items]
        picture = _draw(image, boxes)
        buf = io.BytesIO()
        picture.save(buf, "JPEG", quality=82)
        out.append(
            {
                "member": member or None,
                "page": number,
                "width": picture.width,
                "height": picture.height,
                "image": "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode(),
                "boxes": [
                    {"finding": i, "action": a, "box": [round(v, 1) for v in box]}
                    for (i, _), (a, box) in zip(items, boxes, strict=True)
                ],
            }
        )
    return out
