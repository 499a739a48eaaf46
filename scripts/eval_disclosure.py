"""Measure the disclosure classifier: CV on the shipped corpus, and the real seed documents
(held out; every seed is a proactively published document, two carry 「（此件公开发布）」).

Run: ZWGK_NER=0 .venv/bin/python scripts/eval_disclosure.py [SEEDS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SEEDS = {  # file prefix → (known attribute, carries a marker); see DOMAIN.md "The seeds"
    "000": ("主动公开", False),  # city work summary, published on the city portal
    "001": ("主动公开", True),  # provincial opinion, 「（此件公开发布）」
    "002": ("主动公开", False),  # bureau work plan in the 政府信息公开 column
    "003": ("主动公开", False),  # county plan with its metadata block, published
    "004": ("主动公开", True),  # 2023 work plan, 「（此件公开发布）」
}


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pipeline.classify.classifier import default_classifier
    from pipeline.classify.evaluate import held_out, report

    out = report()
    holdout = Path(__file__).resolve().parents[1] / "tests/fixtures/classify/holdout.jsonl"
    written = [json.loads(x) for x in holdout.read_text(encoding="utf-8").splitlines() if x]
    out["written_holdout"] = held_out(written, default_classifier(), screen=True)
    seeds_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")
    docs = []
    for path in sorted(seeds_dir.glob("*.txt")):
        attribute, marker = SEEDS[path.name[:3]]
        docs.append({"id": path.name, "text": path.read_text(encoding="utf-8"),
                     "attribute": attribute, "has_marker": marker})  # fmt: skip
    if docs:
        out["seeds_screened"] = held_out(docs, default_classifier(), screen=True)
        out["seeds_unscreened"] = held_out(docs, default_classifier(), screen=False)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
