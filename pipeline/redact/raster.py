"""Burn opaque black rectangles into an image (redaction of pictures and rasterised pages).

The rectangles are filled, not blurred: nothing of the covered pixels survives. The character
boxes of one redacted value are merged per text line (``merge_boxes``) so a value becomes one
rectangle per line it spans and no sliver between two characters stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["burn_boxes", "changed_span", "merge_boxes"]

Box = tuple[float, float, float, float]


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])


def merge_boxes(boxes: Iterable[Box | None]) -> list[Box]:
    """The boxes of one value's characters (in text order; None skipped) merged into one
    rectangle per text line: consecutive boxes that overlap vertically by more than half the
    smaller height and do not go back to the left share a rectangle."""
    rects: list[list[float]] = []
    last: Box | None = None
    for box in boxes:
        if box is None:
            continue
        if rects and last is not None and _same_line(last, box) and box[0] >= last[0] - 1:
            r = rects[-1]
            r[0], r[1] = min(r[0], box[0]), min(r[1], box[1])
            r[2], r[3] = max(r[2], box[2]), max(r[3], box[3])
        else:
            rects.append(list(box))
        last = box
    return [(r[0], r[1], r[2], r[3]) for r in rects]


def burn_boxes(image: Image.Image, boxes: Sequence[Box], pad: float = 2.0) -> Image.Image:
    """A copy of ``image`` with an opaque black rectangle over each box (grown by ``pad``
    pixels on every side, clipped to the image). Palette and 1-bit images are converted to
    RGB/L first so the fill is really black."""
    from PIL import ImageDraw

    out = image.copy()
    if out.mode in ("P", "PA"):
        out = out.convert("RGBA" if out.mode == "PA" or "transparency" in out.info else "RGB")
    elif out.mode == "1":
        out = out.convert("L")
    draw = ImageDraw.Draw(out)
    fill: int | tuple[int, ...]
    bands = len(out.getbands())
    fill = 0 if bands == 1 else (0, 0, 0, 255) if bands == 4 else (0,) * bands
    if out.mode in ("LA",):
        fill = (0, 255)
    width, height = out.size
    for x0, y0, x1, y1 in boxes:
        a = max(0, int(x0 - pad))
        b = max(0, int(y0 - pad))
        c = min(width - 1, int(x1 + pad + 0.999))
        d = min(height - 1, int(y1 + pad + 0.999))
        if c >= a and d >= b:
            draw.rectangle((a, b, c, d), fill=fill)
    return out


def changed_span(old: str, new: str) -> list[int]:
    """Offsets in ``old`` of the characters the masked form ``new`` hides: the changed ones
    when both have the same length (``1301**********3024``, ``张*``), otherwise everything
    between the prefix and suffix ``new`` keeps (``石家庄市长安区***``)."""
    if len(new) == len(old):
        return [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return list(range(head, len(old) - tail))
