"""PDF benchmark: text-layer reading (chars/s, pypdf's old reader for comparison), screening,
and redacted-PDF writing (pages/s, rasterised pages/s) with the peak RSS of the process.

    .venv/bin/python benchmarks/bench_pdf.py [--pages 40] [--dpi 200]

The PDF is generated (reportlab, STSong-Light): ``--pages`` pages of a 公示 roster, every
second page with an ID number, a mobile and an address per person, the others policy text.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _id(first17: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


def build(pages: int) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    for p in range(pages):
        c.setFont("STSong-Light", 10.5)
        lines = [f"关于2024年度临时救助对象的公示（第{p + 1}页）"]
        if p % 2 == 0:
            for i in range(12):
                k = p * 12 + i
                born = f"19{60 + k % 40}0{k % 9 + 1}1{k % 10}"
                ident = _id(f"1301{k % 90 + 10:02d}{born}{k % 900 + 100}")
                mobile = f"1{38 + k % 10}{k % 10000:04d}{(k * 7) % 10000:04d}"
                home = f"石家庄市长安区育才街{k % 200 + 1}号{k % 9 + 1}单元{k % 30 + 101}室"
                name = f"{surnames[k % 20]}秀{'英兰华芳'[k % 4]}"
                lines.append(f"{i + 1}. {name}，身份证号{ident}，")
                lines.append(f"   联系电话{mobile}，住址：{home}")
        else:
            lines += ["根据《社会救助暂行办法》和省、市有关规定，经个人申请、入户调查、"] * 20
        for i, line in enumerate(lines):
            c.drawString(50, 790 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def read_only(data: bytes, repeat: int) -> dict[str, object]:
    """pypdf's extract_text and load_pdf timed alternately (so both see the same machine
    load); the best and median run of each and their ratio. Also the cost of locating
    every finding-like span afterwards (character boxes computed on demand)."""
    import statistics

    from pypdf import PdfReader

    from pipeline.ingest.locate import locate
    from pipeline.ingest.pdf_file import load_pdf

    old: list[float] = []
    new: list[float] = []
    located: list[float] = []
    chars = 0
    for _ in range(repeat):
        t = time.perf_counter()
        sum(len(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
        old.append(time.perf_counter() - t)
        t = time.perf_counter()
        doc = load_pdf(data, "bench.pdf")
        new.append(time.perf_counter() - t)
        chars = len(doc.text)
        spans = [i for i in range(len(doc.text)) if doc.text.startswith("身份证号", i)]
        t = time.perf_counter()
        for i in spans:
            locate(doc, i + 4, i + 22)
        located.append(time.perf_counter() - t)
    return {
        "chars": chars,
        "pypdf_best_s": round(min(old), 3),
        "pypdf_median_s": round(statistics.median(old), 3),
        "zwgk_best_s": round(min(new), 3),
        "zwgk_median_s": round(statistics.median(new), 3),
        "ratio_best": round(min(new) / min(old), 2),
        "ratio_median": round(statistics.median(new) / statistics.median(old), 2),
        "locate_ids_median_s": round(statistics.median(located), 3),
        "located_spans": len(spans),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument(
        "--read-only",
        action="store_true",
        help="only text-layer reading: pypdf and zwgk alternately, --repeat times each",
    )
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    import os

    if args.read_only:
        print(json.dumps(read_only(build(args.pages), args.repeat), ensure_ascii=False, indent=1))
        return

    os.environ.setdefault("ZWGK_NER", "0")
    from pypdf import PdfReader

    from pipeline.ingest import load_bytes
    from pipeline.redact import replacements
    from pipeline.redact.pdf_writer import redacted_pdf
    from pipeline.screen import default_screener

    data = build(args.pages)
    t = time.perf_counter()
    old = sum(len(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    t_old = time.perf_counter() - t
    t = time.perf_counter()
    doc = load_bytes(data, "bench.pdf")
    t_read = time.perf_counter() - t
    screener = default_screener()
    t = time.perf_counter()
    result = screener.screen(doc.text)
    t_screen = time.perf_counter() - t
    edits = replacements(result.findings)
    t = time.perf_counter()
    out = redacted_pdf(doc, edits, dpi=args.dpi)
    t_write = time.perf_counter() - t
    raster = (args.pages + 1) // 2
    report = {
        "pages": args.pages,
        "chars": len(doc.text),
        "pypdf_chars_per_s": round(old / t_old),
        "pdfium_chars_per_s": round(len(doc.text) / t_read),
        "screen_s": round(t_screen, 2),
        "redactions": len(edits),
        "dpi": args.dpi,
        "write_s": round(t_write, 2),
        "redacted_pages_per_s": round(args.pages / t_write, 2),
        "rasterised_pages_per_s": round(raster / t_write, 2),
        "input_kb": len(data) // 1024,
        "output_kb": len(out) // 1024,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
