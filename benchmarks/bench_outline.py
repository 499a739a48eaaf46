"""Policy-interpretation outlines (issue 5): drafting time without a language model.

    .venv/bin/python benchmarks/bench_outline.py            # seeds (../shared) + built documents
    .venv/bin/python benchmarks/bench_outline.py --runs 50

Per document: wall-clock and CPU milliseconds of ``draft_outline`` (parse + draft + guard),
median / p95 / max over ``--runs`` calls after one warm-up, and the parser's share. Target:
under 200 ms for a 40 KB document. Inputs: the five seed documents when ../shared is there,
``built-40KB`` (the outline fixtures repeated as one document with numbered parts, ≥ 40,000
bytes of UTF-8) and ``built-40K-chars`` (≥ 40,000 characters, ≈ 120 KB).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from pipeline.outline import draft_outline  # noqa: E402
from pipeline.parse import parse_document  # noqa: E402

SEEDS = HERE.parent.parent / "shared" / "seeds"
FIXTURES = HERE.parent / "tests" / "fixtures" / "outline"


def built(min_bytes: int = 0, min_chars: int = 0) -> str:
    """One long plan: a head, then the fixtures' bodies as numbered parts until big enough."""
    bodies = [(FIXTURES / n).read_text("utf-8") for n in
              ("subsidy_2024.txt", "open_gov_traditional.txt", "task_plan.txt")]  # fmt: skip
    parts = [
        "江淮市人民政府办公室\n关于印发《江淮市2024年民生政策汇编》的通知\n\n",
        "江政办发〔2024〕9号\n",
        "为深入贯彻落实《国务院办公厅关于印发2024年政务公开工作要点的通知》（国办发〔2024〕"
        "21号）要求，结合我市实际，制定本汇编。\n",
    ]
    n = 0
    while len("".join(parts).encode()) < min_bytes or len("".join(parts)) < min_chars:
        parts.append(f"\n汇编第{n + 1}部分\n\n" + bodies[n % len(bodies)])
        n += 1
    return "".join(parts)


def measure(text: str, runs: int) -> dict[str, float]:
    draft_outline(text)
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        draft_outline(text)
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    parse = []
    for _ in range(max(3, runs // 4)):
        w0 = time.perf_counter()
        parse_document(text)
        parse.append((time.perf_counter() - w0) * 1000)
    wall.sort()
    return {
        "wall_ms_median": round(statistics.median(wall), 1),
        "wall_ms_p95": round(wall[min(len(wall) - 1, int(0.95 * len(wall)))], 1),
        "wall_ms_max": round(wall[-1], 1),
        "cpu_ms_median": round(statistics.median(cpu), 1),
        "parse_ms_median": round(statistics.median(parse), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--out", type=Path, default=HERE / "results-outline.json")
    args = ap.parse_args()
    docs: list[tuple[str, str]] = []
    if SEEDS.is_dir():
        docs += [(p.name[:3], p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    docs.append(("built-40KB", built(min_bytes=40_000)))
    docs.append(("built-40K-chars", built(min_chars=40_000)))
    rows = []
    print(f"{'document':<16}{'KB':>7}{'chars':>8}{'points':>8}{'median':>9}{'p95':>8}"
          f"{'max':>8}{'cpu':>8}{'parse':>8}  (ms)")  # fmt: skip
    for name, text in docs:
        outline = draft_outline(text)
        row = {"document": name, "bytes": len(text.encode()), "chars": len(text),
               "points": sum(len(s.points) for s in outline.sections),
               "guard_issues": len(outline.guard.issues), **measure(text, args.runs)}  # fmt: skip
        rows.append(row)
        print(f"{name:<16}{row['bytes'] / 1000:>7.1f}{row['chars']:>8}{row['points']:>8}"
              f"{row['wall_ms_median']:>9}{row['wall_ms_p95']:>8}{row['wall_ms_max']:>8}"
              f"{row['cpu_ms_median']:>8}{row['parse_ms_median']:>8}")  # fmt: skip
    meta = {"runs": args.runs, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    args.out.write_text(json.dumps({"meta": meta, "rows": rows}, ensure_ascii=False, indent=1))
    print(f"→ {args.out}")


if __name__ == "__main__":
    main()
