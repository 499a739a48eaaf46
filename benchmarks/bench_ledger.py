"""Ledger recording cost: one transaction per document vs ``Ledger.record_many`` batches.

    .venv/bin/python benchmarks/bench_ledger.py [--docs 200] [--kb 5] [--database-url URL]

Screens ``--docs`` generated documents once (rules only), then records them into a fresh
SQLite ledger (or ``--database-url``) one by one and in batches of 8, 40 and 128, each under
new sources, and reports CPU and wall milliseconds per document. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import corpus as C  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--kb", type=int, default=5)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    os.environ["ZWGK_NER"] = "0"
    os.environ.setdefault("ZWGK_DATA_DIR", tempfile.mkdtemp(prefix="zwgk-bench-ledger-"))
    from pipeline.ledger import open_ledger
    from pipeline.ledger.recording import RecordRequest
    from pipeline.screen import screen_text

    texts = [C.document_of_bytes(args.kb * 1024, seed) for seed in range(11, 11 + args.docs)]
    contracts = [screen_text(t).to_contract() for t in texts]
    findings = sum(len(c["findings"]) for c in contracts) / len(contracts)
    url = args.database_url or f"sqlite:///{os.environ['ZWGK_DATA_DIR']}/bench.db"
    ledger = open_ledger(url)
    print(
        f"{len(texts)} documents of {args.kb} KB, {findings:.1f} findings each, {url.split(':')[0]}"
    )
    print("\n| batch | CPU ms/doc | wall ms/doc |\n|---:|---:|---:|")
    for batch in (1, 8, 40, 128):
        requests = [
            RecordRequest(c, f"b{batch}-{i}", text=t)
            for i, (c, t) in enumerate(zip(contracts, texts, strict=True))
        ]
        cpu, wall = time.process_time(), time.perf_counter()
        for start in range(0, len(requests), batch):
            ledger.record_many(requests[start : start + batch])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"| {batch} | {cpu / len(texts) * 1e3:.2f} | {wall / len(texts) * 1e3:.2f} |")
    ledger.close()


if __name__ == "__main__":
    main()
