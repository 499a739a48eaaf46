"""OCR quality and speed: rendered A4 scans of document text through RapidOCR and the screen.

    .venv/bin/python benchmarks/ocr_quality.py [--pages 8] [--dpi 150,300] [--seed 20241207]

Each page is drawn with Noto Sans CJK at the given dpi — half of them a roster table (the
corpus's ``ROSTERS``: names, ID numbers with valid check digits, addresses, bank cards with
valid Luhn digits, mobiles), half prose from the corpus's paragraph templates (contact lines
with mobiles and landlines, addresses, names) — then turned by 0.5–2° either way, given
Gaussian noise and saved as JPEG (quality 80), as a scanner makes it. Values come from
``benchmarks/corpus.py``'s seeded ``Filler``.

Ground truth: what the screen redacts on the page's own text. A redacted value counts as
found through OCR when the redact findings on the OCR text cover ≥ 80 % of the box where the
value was drawn (so the redacted picture would hide it). Also: character accuracy (1 − edit
distance ÷ length, whitespace ignored), OCR pages/s (wall clock, ``recognise`` only; the
engine's threads: ``ZWGK_OCR_THREADS``, default the core count up to 4) and CPU seconds per
page (all threads; steadier than wall clock on a shared machine). JSON to ``--out``.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import corpus  # noqa: E402
import corpus_templates as T  # noqa: E402

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
A4_MM = (210, 297)
MARGIN_MM = 22
_PUNCT = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
Box = tuple[float, float, float, float]


def _cn(text: str) -> str:
    """Half-width punctuation of the templates as an official prints it (full width)."""
    return text.translate(_PUNCT).replace("：00", ":00").replace("：30", ":30")


class _Recorder(corpus.Filler):
    """The corpus filler, remembering the values it planted (so lines never break in one)."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__(rng)
        self.values: list[str] = []

    def value(self, kind: str) -> str:
        out = super().value(kind)
        if kind in corpus.PLANTS:
            self.values.append(_cn(out))
        return out


def _wrap(text: str, width: int, values: list[str]) -> list[str]:
    inside: set[int] = set()
    ends: dict[int, int] = {}
    for v in values:
        at = text.find(v)
        while at >= 0:
            inside.update(range(at + 1, at + len(v)))
            ends[at] = max(ends.get(at, 0), at + len(v))
            at = text.find(v, at + 1)
    lines, line = [], ""
    for i, ch in enumerate(text):
        full = len(line) >= width and ch not in "，。；：、）" and i not in inside
        if line and (full or (i in ends and len(line) + ends[i] - i > width + 6)):
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def page_rows(rng: random.Random, roster: bool) -> list[list[str]]:
    """The rows (lists of cells) of one page."""
    f = _Recorder(rng)
    if roster:
        title, header, row = rng.choice(T.ROSTERS[:2])
        rows = [[_cn(f.fill(title))], list(header)]
        rows += [[f.fill(c) for c in row] for _ in range(24)]
        return rows
    rows = [[_cn(f.fill(rng.choice(T.TITLES)))]]
    while len(rows) < 30:
        f.values.clear()
        for line in _wrap(_cn(f.fill(rng.choice(T.PARAGRAPHS))), 32, f.values):
            rows.append([line])
    return rows[:30]


def render(rows: list[list[str]], dpi: int) -> tuple[object, str, list[Box | None]]:
    """The page image, its text (cells TAB-joined, rows by newlines) and a box per char."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 25.4
    size = (round(A4_MM[0] * px), round(A4_MM[1] * px))
    usable = size[0] - 2 * MARGIN_MM * px
    table = len(rows) > 1 and len(rows[1]) > 1
    font_px = dpi * (10.5 if table else 12) / 72
    probe = ImageFont.truetype(FONT, 100)
    widths = [0.0] * max(len(r) for r in rows)
    for r in rows[1:] if table else []:
        for c, cell in enumerate(r):
            widths[c] = max(widths[c], probe.getlength(cell) / 100 + 1.2)
    if table and sum(widths) * font_px > usable:
        font_px = usable / sum(widths)
    font = ImageFont.truetype(FONT, round(font_px))
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    text, boxes = "", []
    y = MARGIN_MM * px
    for i, row in enumerate(rows):
        if i:
            text, boxes = text + "\n", [*boxes, None]
        x = MARGIN_MM * px
        for c, cell in enumerate(row):
            if c:
                text, boxes = text + "\t", [*boxes, None]
                x = MARGIN_MM * px + sum(widths[:c]) * font_px
            for ch in cell:
                text += ch
                boxes.append(draw.textbbox((x, y), ch, font=font) if ch.strip() else None)
                draw.text((x, y), ch, font=font, fill=0)
                x += font.getlength(ch)
        y += font_px * 1.75
    return image, text, boxes


def scan(image, rng: random.Random, boxes: list[Box | None]):
    """Turned by 0.5–2°, noisy, JPEG: the scanned image and the boxes where the text went."""
    import numpy as np
    from PIL import Image

    angle = rng.uniform(0.5, 2.0) * rng.choice((-1, 1))
    w, h = image.size
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    a = math.radians(angle)
    cos, sin, cx, cy = math.cos(a), math.sin(a), w / 2, h / 2

    def move(x: float, y: float) -> tuple[float, float]:
        return cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos

    moved: list[Box | None] = []
    for b in boxes:
        if b is None:
            moved.append(None)
            continue
        pts = [move(x, y) for x in (b[0], b[2]) for y in (b[1], b[3])]
        moved.append((min(p[0] for p in pts), min(p[1] for p in pts),
                      max(p[0] for p in pts), max(p[1] for p in pts)))  # fmt: skip
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 12, (h, w))
    noisy = np.clip(np.asarray(turned, dtype=np.float32) + noise, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(noisy).save(buf, "JPEG", quality=80)
    return Image.open(io.BytesIO(buf.getvalue())), moved, angle


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def covered(target: Box, rects: list[Box]) -> float:
    """The share of ``target``'s area under the union of ``rects``."""
    import numpy as np

    x0, y0 = int(target[0]), int(target[1])
    w, h = max(1, int(target[2]) - x0), max(1, int(target[3]) - y0)
    mask = np.zeros((h, w), dtype=bool)
    for r in rects:
        a, b = max(0, int(r[0]) - x0), max(0, int(r[1]) - y0)
        c, d = min(w, int(r[2] + 1) - x0), min(h, int(r[3] + 1) - y0)
        if c > a and d > b:
            mask[b:d, a:c] = True
    return float(mask.mean())


def run(pages: int, dpis: list[int], seed: int) -> dict:
    from pipeline.ingest import ocr
    from pipeline.ingest.image_file import span_box
    from pipeline.screen import default_screener

    screener = default_screener()
    ocr.engine()
    report: dict = {"pages_per_dpi": pages, "seed": seed, "threads": ocr._threads(), "dpi": {}}
    for dpi in dpis:
        rng = random.Random(seed)  # the same pages at every dpi
        hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        exact: dict[str, int] = defaultdict(int)
        misses: list[str] = []
        edits = chars = 0
        ocr_s = cpu_s = 0.0
        for p in range(pages):
            rows = page_rows(rng, roster=p % 2 == 0)
            image, text, boxes = render(rows, dpi)
            scanned, moved, _angle = scan(image, rng, boxes)
            t, c = time.perf_counter(), time.process_time()
            lines = ocr.recognise(scanned)
            ocr_s += time.perf_counter() - t
            cpu_s += time.process_time() - c
            got, got_boxes = ocr.lines_text(lines)
            truth = [f for f in screener.screen(text, doc_id="t").findings if f.action == "redact"]
            found = [f for f in screener.screen(got, doc_id="o").findings if f.action == "redact"]
            rects = [b for f in found if (b := span_box(got_boxes, f.start, f.end))]
            for f in truth:
                value = text[f.start : f.end]
                box = span_box(moved, f.start, f.end)
                ok = box is not None and covered(box, [tuple(r) for r in rects]) >= 0.8
                hits[f.entity][0] += ok
                hits[f.entity][1] += 1
                exact[f.entity] += value in got
                if not ok:
                    misses.append(f"{f.entity} {value}")
            a = "".join(text.split())
            b = "".join(got.split())
            edits += levenshtein(a, b)
            chars += len(a)
        total = [sum(v[0] for v in hits.values()), sum(v[1] for v in hits.values())]
        report["dpi"][str(dpi)] = {
            "recall": {e: round(k / n, 4) for e, (k, n) in sorted(hits.items())},
            "counts": {e: n for e, (_k, n) in sorted(hits.items())},
            "recall_all": round(total[0] / max(1, total[1]), 4),
            "values": total[1],
            "value_text_exact": round(sum(exact.values()) / max(1, total[1]), 4),
            "char_accuracy": round(1 - edits / max(1, chars), 4),
            "ocr_seconds": round(ocr_s, 1),
            "pages_per_s": round(pages / ocr_s, 3),
            "cpu_s_per_page": round(cpu_s / pages, 1),
            "load_average": round(os.getloadavg()[0], 1),
            "misses": misses[:20],
        }
        print(json.dumps({dpi: report["dpi"][str(dpi)]}, ensure_ascii=False), flush=True)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=8, help="pages per dpi (default 8)")
    parser.add_argument("--dpi", default="150,300")
    parser.add_argument("--seed", type=int, default=20241207)
    parser.add_argument("--out", default=str(HERE / "results-ocr.json"))
    args = parser.parse_args()
    report = run(args.pages, [int(d) for d in args.dpi.split(",")], args.seed)
    report["command"] = " ".join(["benchmarks/ocr_quality.py", *sys.argv[1:]])
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    print(f"peak RSS {report['peak_rss_mb']} MB → {args.out}")


if __name__ == "__main__":
    main()
