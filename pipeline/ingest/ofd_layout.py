"""OFD page content → characters with boxes (mm), and lines in reading order.

A ``TextObject`` has a ``Boundary`` "x y w h" (mm, page space), an optional ``CTM``, a font
``Size``; each ``TextCode`` child places its characters: the first at (``X``, ``Y``) (the
baseline, in the object's space), the next ones ``DeltaX``/``DeltaY`` further (``"g 3 4.2"``
is 4.2 three times). A character's box is [x, baseline - size, x + advance, baseline].
Lines: runs (one ``TextCode`` each) whose baselines are within half a font size; inside a line
runs are ordered by x and a gap wider than a character becomes a TAB (a table row's cells).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from lxml import etree

Box = tuple[float, float, float, float]
#: (part index, TextCode index in the part, character index in the TextCode)
CharRef = tuple[int, int, int]
_GAP = 1.0  # a gap wider than this many font sizes separates cells
_SAME_LINE = 0.5  # baselines closer than this many font sizes are one line


def numbers(value: str | None) -> list[float]:
    """A space-separated list of numbers; bad tokens are skipped."""
    out: list[float] = []
    for tok in (value or "").split():
        try:
            out.append(float(tok))
        except ValueError:
            continue
    return out


def deltas(value: str | None, count: int) -> list[float | None]:
    """The ``DeltaX``/``DeltaY`` list of ``count - 1`` advances, ``g n d`` expanded; missing
    entries are None (the font's own advance)."""
    out: list[float | None] = []
    toks = (value or "").split()
    i = 0
    while i < len(toks) and len(out) < count:
        if toks[i] == "g" and i + 2 < len(toks):
            try:
                n, d = int(float(toks[i + 1])), float(toks[i + 2])
            except ValueError:
                i += 3
                continue
            out.extend([d] * max(0, min(n, count)))
            i += 3
            continue
        with contextlib.suppress(ValueError):
            out.append(float(toks[i]))
        i += 1
    out = out[: max(0, count - 1)]
    return out + [None] * (max(0, count - 1) - len(out))


@dataclass(slots=True)
class Run:
    """The characters of one ``TextCode``, placed on the page."""

    chars: list[str]
    boxes: list[Box]
    refs: list[CharRef]
    baseline: float
    size: float

    @property
    def x0(self) -> float:
        return self.boxes[0][0]

    @property
    def x1(self) -> float:
        return self.boxes[-1][2]


def _transform(ctm: list[float], x: float, y: float) -> tuple[float, float]:
    if len(ctm) != 6:
        return x, y
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f


def _clean(ch: str) -> str:
    return " " if ch in "\t\r\n\f\v" or ord(ch) < 32 else ch


def text_runs(root: etree._Element, part: int) -> list[Run]:
    """Every ``TextCode`` of a page or template part, in document order (empty ones too are
    counted, so ``CharRef`` indices match the writer's enumeration)."""
    runs: list[Run] = []
    code_index = -1
    for obj in root.iter("{*}TextObject"):
        bx, by = [*numbers(obj.get("Boundary")), 0.0, 0.0][:2]
        ctm = numbers(obj.get("CTM"))
        size = (numbers(obj.get("Size")) or [3.5])[0]
        scale = abs(ctm[3]) if len(ctm) == 6 and ctm[3] else 1.0
        cx: float | None = None
        cy: float | None = None
        for code in obj.iter("{*}TextCode"):
            code_index += 1
            text = code.text or ""
            x = (numbers(code.get("X")) or [cx if cx is not None else 0.0])[0]
            y = (numbers(code.get("Y")) or [cy if cy is not None else size])[0]
            dxs = deltas(code.get("DeltaX"), len(text))
            dys = deltas(code.get("DeltaY"), len(text))
            chars: list[str] = []
            boxes: list[Box] = []
            refs: list[CharRef] = []
            for i, ch in enumerate(text):
                dx = dxs[i] if i < len(dxs) else None
                adv = dx if dx is not None else (0.0 if dys and dys[0] is not None else size)
                px, py = _transform(ctm, x, y)
                px2, _ = _transform(ctm, x + (adv or size), y)
                h = size * scale
                chars.append(_clean(ch))
                boxes.append((bx + px, by + py - h, bx + max(px2, px + 0.01), by + py))
                refs.append((part, code_index, i))
                x += adv
                dy = dys[i] if i < len(dys) else None
                y += dy or 0.0
            cx, cy = x, y
            if chars:
                baseline = boxes[0][3]
                runs.append(Run(chars, boxes, refs, baseline, size * scale))
    return runs


@dataclass(slots=True)
class PageText:
    """One page's text, with a box and a ``CharRef`` per character (None for TAB/newline)."""

    text: str = ""
    boxes: list[Box | None] = field(default_factory=list)
    refs: list[CharRef | None] = field(default_factory=list)


def _lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.x0)):
        if lines:
            last = lines[-1]
            ref = last[0]
            if abs(run.baseline - ref.baseline) <= _SAME_LINE * max(ref.size, run.size):
                last.append(run)
                continue
        lines.append([run])
    return lines


def page_text(runs: list[Run]) -> PageText:
    """The runs of a page as text: lines by baseline, cells by gaps; trailing blanks dropped."""
    out = PageText()
    pieces: list[str] = []

    def put(ch: str, box: Box | None, ref: CharRef | None) -> None:
        pieces.append(ch)
        out.boxes.append(box)
        out.refs.append(ref)

    for n, line in enumerate(_lines(runs)):
        if n:
            put("\n", None, None)
        prev: Run | None = None
        for run in sorted(line, key=lambda r: r.x0):
            if prev is not None and run.x0 - prev.x1 > _GAP * max(prev.size, run.size):
                put("\t", None, None)
            for ch, box, ref in zip(run.chars, run.boxes, run.refs, strict=True):
                put(ch, box, ref)
            prev = run
    out.text = "".join(pieces)
    return out
