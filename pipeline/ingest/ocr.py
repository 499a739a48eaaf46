"""OCR of an image (a picture attachment or a scanned PDF page) with RapidOCR.

One process-wide engine (PP-OCRv4 detection + recognition, ONNX models inside the
``rapidocr-onnxruntime`` wheel; nothing is downloaded) is loaded on first use and shared,
calls are serialised by a lock. ``recognise`` returns the text lines in reading order with
their boxes in image pixels; ``lines_text`` joins them into the text the pipeline screens and
gives every character of that text its box, so a finding maps back to pixels.

Character boxes are the line's quadrilateral split by character width class (CJK and
full-width forms one unit, other characters 0.55): on rendered Noto Sans CJK lines this put
character centres within ~1 px and covered ≥ 88 % of every glyph, where the engine's own
``return_word_box`` boxes covered as little as 50 % of a glyph (measured 2026-12 on 1400×200
renders). Splitting along the quadrilateral (not its hull) keeps the boxes right on a slightly
rotated scan.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["OcrLine", "lines_text", "recognise"]

Box = tuple[float, float, float, float]
#: lines recognised with a lower mean character confidence are dropped (RapidOCR's default)
MIN_SCORE = 0.5
#: the detector works on the image scaled so its longer side is at most this (pixels)
MAX_SIDE = 2000
#: a horizontal gap wider than this many line heights between two boxes of one row is a
#: table-cell boundary (joined by TAB; the detector already joins words less than about a
#: character apart into one box); a narrower one joins the pieces directly
CELL_GAP = 0.5
#: a picture this many times higher than wide is read in tiles
LONG = 2.5

_engine: Any = None
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised text line: its text, axis-aligned box, a box per character, score."""

    text: str
    box: Box
    char_boxes: tuple[Box, ...]
    score: float


def _threads() -> int:
    env = os.environ.get("ZWGK_OCR_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))


def engine() -> Any:
    """The shared RapidOCR engine (created on first call)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                from rapidocr_onnxruntime import RapidOCR

                _engine = RapidOCR(
                    intra_op_num_threads=_threads(),
                    inter_op_num_threads=1,
                    max_side_len=MAX_SIDE,
                    det_limit_type="max",
                    det_limit_side_len=MAX_SIDE,
                    # one line per recognition run: a batch pads every line to the widest,
                    # and the recogniser's cost grows faster than the width (a 5-line letter
                    # 3 s instead of 9 s with the default batch of 6, on a loaded machine)
                    rec_batch_num=1,
                )
    return _engine


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55


def _split(text: str, quad: list[list[float]]) -> tuple[Box, ...]:
    """A box per character: the quadrilateral cut along its reading direction."""
    (tlx, tly), (trx, try_), (brx, bry), (blx, bly) = quad[:4]
    weights = [_width(c) for c in text]
    total = sum(weights) or 1.0
    boxes: list[Box] = []
    acc = 0.0
    for w in weights:
        a, b = acc / total, (acc + w) / total
        acc += w
        xs = (
            tlx + (trx - tlx) * a,
            tlx + (trx - tlx) * b,
            blx + (brx - blx) * a,
            blx + (brx - blx) * b,
        )
        ys = (
            tly + (try_ - tly) * a,
            tly + (try_ - tly) * b,
            bly + (bry - bly) * a,
            bly + (bry - bly) * b,
        )
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return tuple(boxes)


def _rgb(image: Image.Image) -> Image.Image:
    """RGB on a white background (transparent parts of a PNG/GIF become white)."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        from PIL import Image as PILImage

        rgba = image.convert("RGBA")
        canvas = PILImage.new("RGB", rgba.size, "white")
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return image.convert("RGB")


def _reading_order(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Rows of lines, top to bottom; a line joins a row when it overlaps the row's vertical
    extent by more than half of the smaller height; each row left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        y0, y1 = line.box[1], line.box[3]
        placed = False
        for row in reversed(rows[-3:]):
            r0 = sum(ln.box[1] for ln in row) / len(row)
            r1 = sum(ln.box[3] for ln in row) / len(row)
            overlap = min(y1, r1) - max(y0, r0)
            if overlap > 0.5 * min(y1 - y0, r1 - r0):
                row.append(line)
                placed = True
                break
        if not placed:
            rows.append([line])
    for row in rows:
        row.sort(key=lambda ln: ln.box[0])
    rows.sort(key=lambda row: min(ln.box[1] for ln in row))
    return rows


def _ocr(rgb: Image.Image, dx: float = 0.0, dy: float = 0.0) -> list[OcrLine]:
    """The engine's lines of one (tile of an) image, boxes shifted by ``(dx, dy)``."""
    eng = engine()
    with _lock:
        result, _elapsed = eng(rgb)
    lines: list[OcrLine] = []
    for quad, text, score in result or []:
        text = str(text)
        if not text.strip() or float(score) < MIN_SCORE:
            continue
        pts = [[float(x) + dx, float(y) + dy] for x, y in quad]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        box = (min(xs), min(ys), max(xs), max(ys))
        lines.append(OcrLine(text, box, _split(text, pts), float(score)))
    return lines


def _tiles(length: int, tile: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """``(start, end, keep_from, keep_to)`` along one axis: tiles overlapping by ``overlap``;
    the keep ranges partition ``[0, length)`` and stay ``overlap / 2`` inside each tile."""
    starts = list(range(0, max(1, length - overlap), tile - overlap))
    out = []
    for k, a in enumerate(starts):
        b = min(length, a + tile)
        keep_from = 0 if k == 0 else a + overlap // 2
        keep_to = length if k == len(starts) - 1 else a + tile - overlap // 2
        out.append((a, b, keep_from, keep_to))
        if b == length:
            out[-1] = (a, b, keep_from, length)
            break
    return out


def recognise(image: Image.Image) -> list[OcrLine]:
    """The text lines of ``image`` in reading order (top to bottom, each row left to right).

    A tall picture (a scrolling screenshot or 长图, more than ``LONG`` times higher than wide
    and higher than ``MAX_SIDE``) is read in overlapping tiles, so the engine's downscaling to
    ``MAX_SIDE`` does not shrink its text to nothing; a line is taken from the tile whose keep
    range holds its centre. (A wide picture is not tiled: its lines would be cut.)"""
    rgb = _rgb(image)
    width, height = rgb.size
    if height <= MAX_SIDE or height < LONG * width:
        lines = _ocr(rgb)
    else:
        tile = max(width, MAX_SIDE)
        lines = []
        for top, bottom, keep_from, keep_to in _tiles(height, tile, max(200, tile // 8)):
            for line in _ocr(rgb.crop((0, top, width, bottom)), 0.0, float(top)):
                if keep_from <= (line.box[1] + line.box[3]) / 2 < keep_to:
                    lines.append(line)
    return [line for row in _reading_order(lines) for line in row]


def _joiner(prev: OcrLine, line: OcrLine) -> str:
    height = max(prev.box[3] - prev.box[1], line.box[3] - line.box[1], 1.0)
    gap = line.box[0] - prev.box[2]
    if gap > CELL_GAP * height:
        return "\t"
    if prev.text[-1].isascii() and line.text[0].isascii():
        return " "
    return ""


def lines_text(lines: list[OcrLine]) -> tuple[str, list[Box | None]]:
    """The screened text of ``lines`` (rows joined by ``\\n``, the pieces of one row by a TAB
    when they are far apart) and, per character of that text, its box (None for joiners)."""
    pieces: list[str] = []
    boxes: list[Box | None] = []
    rows = _reading_order(lines)
    for r, row in enumerate(rows):
        if r:
            pieces.append("\n")
            boxes.append(None)
        for i, line in enumerate(row):
            if i:
                join = _joiner(row[i - 1], line)
                if join:
                    pieces.append(join)
                    boxes.append(None)
            pieces.append(line.text)
            boxes.extend(line.char_boxes)
    return "".join(pieces), boxes
