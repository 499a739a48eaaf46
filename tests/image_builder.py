"""Pictures of document text for the image ingest/redaction tests (Pillow + Noto Sans CJK).

``render`` draws rows of cells and remembers where every character went, so a test can ask
where a value was drawn (``Drawing.box_of``) and compare it with the located finding.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pytest

CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
needs_font = pytest.mark.skipif(
    not os.path.exists(CJK_FONT),
    reason=f"CJK font {CJK_FONT} missing (Debian: apt install fonts-noto-cjk; CI installs it)",
)
Box = tuple[float, float, float, float]


@dataclass
class Drawing:
    image: Any
    text: str = ""
    boxes: list[Box | None] = field(default_factory=list)

    def box_of(self, value: str) -> Box:
        """Where ``value`` (its first occurrence) was drawn: the union of its glyph boxes."""
        start = self.text.index(value)
        own = [b for b in self.boxes[start : start + len(value)] if b is not None]
        return (
            min(b[0] for b in own),
            min(b[1] for b in own),
            max(b[2] for b in own),
            max(b[3] for b in own),
        )


def render(
    rows: list[list[str]],
    *,
    font_px: int = 30,
    size: tuple[int, int] | None = None,
    margin: int = 36,
    cell_gap: int = 70,
    line_gap: float = 1.9,
    columns: list[int] | None = None,
) -> Drawing:
    """White picture with one text row per item of ``rows``; cells of a row start at the
    ``columns`` x offsets when given, else follow one another ``cell_gap`` pixels apart."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(CJK_FONT, font_px)
    if size is None:
        longest = max(
            sum(font.getlength(c) for c in row) + cell_gap * (len(row) - 1) for row in rows
        )
        width = columns[-1] + 520 if columns else longest
        size = (int(width + 2 * margin), int(2 * margin + font_px * line_gap * len(rows)))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    out = Drawing(image)
    y = float(margin)
    for r, row in enumerate(rows):
        if r:
            out.text += "\n"
            out.boxes.append(None)
        x = float(margin)
        for c, cell in enumerate(row):
            if c:
                out.text += "\t"
                out.boxes.append(None)
                x = float(margin + columns[c]) if columns else x + cell_gap
            for ch in cell:
                out.text += ch
                out.boxes.append(draw.textbbox((x, y), ch, font=font) if ch.strip() else None)
                draw.text((x, y), ch, font=font, fill="black")
                x += font.getlength(ch)
        y += font_px * line_gap
    return out


def overlap(a: Box | list[int], b: Box | list[int]) -> float:
    """Intersection over the smaller box's area (1.0: one box inside the other)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    small = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / small


def roster() -> Drawing:
    """A 公示 roster: title, header row, two rows of name, ID number, mobile, amount."""
    from tests.check_digits import with_check

    return render(
        [
            ["2024年第三季度临时救助对象公示"],
            ["序号", "姓名", "身份证号", "联系电话", "救助金额"],
            ["1", "刘桂芬", with_check("13010519720315004"), "13931187265", "1200元"],
            ["2", "赵建国", with_check("13012119850921162"), "15100317720", "800元"],
        ],
        columns=[0, 90, 250, 640, 900],
        font_px=28,
    )


def letter() -> Drawing:
    """A reply to a citizen's letter naming her, her home address and her mobile."""
    return render(
        [
            ["关于群众来信反映住房问题的答复"],
            ["王秀英同志："],
            ["您反映的问题已收悉。经核实，您的住址为太原市小店区坞城路128号3单元502室，"],
            ["现答复如下：如有疑问请拨打13803451122联系。"],
            ["太原市小店区住房保障中心"],
        ],
        font_px=26,
    )


def encoded(image: Any, fmt: str, **options: Any) -> bytes:
    import io

    buf = io.BytesIO()
    image.save(buf, format=fmt, **options)
    return buf.getvalue()
