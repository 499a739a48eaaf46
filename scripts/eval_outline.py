"""Measure the policy-interpretation outline (issue 5) against its targets.

    .venv/bin/python scripts/eval_outline.py DIR_OR_FILE ... [--json]

Per document: (1) every 《》 title and 文号 cited in the preamble (parser's preamble of the main
text and of the issued document; the document's own title excluded) appears in ``basis``;
(2) every first- and second-level heading of the main text / issued document is cited by a
``measures`` point; (3) unsupported figures: guard issues, plus an independent check that
every number and date of every point occurs literally (normalised) in its cited spans;
(4) drafting time without a language model (median of 5 runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.ingest import load_path
from pipeline.normalise import normalise
from pipeline.outline import draft_outline
from pipeline.outline.figures import items_of, same_doc_number
from pipeline.parse import parse_document

KEYS = ("basis_missing", "basis_clause_missing", "headings_missing", "guard_issues", "literal_fail")


def _flat(s: str) -> str:
    return "".join(normalise(s).text.split())


def evaluate(text: str) -> dict[str, Any]:
    doc = parse_document(text)
    outline = draft_outline(text)
    own = set()  # the document's own title (and what it issues, unless it forwards it: 转发)
    if doc.title is not None:
        own.add(_flat(doc.title.value))
        if doc.title.inner is not None and doc.title.wrapper != "转发":
            own.add(_flat(doc.title.inner.value))
    own = {o.replace("的", "") for o in own}
    basis_text = _flat(" ".join(p.text for p in outline.section("basis").points))
    basis_items = items_of(basis_text, normalised=True)
    wanted_titles, wanted_numbers, missing = [], [], []
    for s in doc.sections:
        if s.kind not in ("main", "inner") or s.preamble is None:
            continue
        pre = items_of(text[s.preamble.start : s.preamble.end])
        for t in pre.titles:
            if t.value.replace("的", "") in own:
                continue
            wanted_titles.append(t.value)
            if f"《{t.value}》" not in basis_text:
                missing.append(t.text)
        for n in pre.doc_numbers:
            wanted_numbers.append(n.value)
            if not any(same_doc_number(n.value, b.value) for b in basis_items.doc_numbers):
                missing.append(n.text)
    triggered, triggered_missing = 0, []
    for clause in doc.basis:
        for i in clause.citations:
            c = doc.citations[i]
            if _flat(c.value).replace("的", "") in own:
                continue
            triggered += 1
            if f"《{_flat(c.value)}》" not in basis_text:
                triggered_missing.append(c.value[:30])
    cited = {e.start for p in outline.section("measures").points for e in p.evidence}
    heads_total, heads_missing = 0, []
    for s in doc.sections:
        if s.kind not in ("main", "inner"):
            continue
        heads = [h for h in doc.headings if h.section == s.label]
        top = sorted({h.level for h in heads})[:2]
        for h in heads:
            if h.level in top:
                heads_total += 1
                if h.start not in cited:
                    heads_missing.append(h.value[:30])
    literal_fail = []
    points = 0
    for section in outline.sections:
        for p in section.points:
            if not p.evidence:
                continue
            points += 1
            ev = _flat("".join(text[e.start : e.end] for e in p.evidence if e.doc == "current"))
            for f in p.figures:
                if f.kind in ("number", "date") and _flat(f.text) not in ev:
                    literal_fail.append(f"{section.id}:{f.text}")
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        draft_outline(text)
        runs.append((time.perf_counter() - t0) * 1000)
    return {
        "chars": len(text),
        "bytes": len(text.encode("utf-8")),
        "preamble_citations": len(wanted_titles) + len(wanted_numbers),
        "basis_missing": missing,
        "basis_clause_citations": triggered,
        "basis_clause_missing": triggered_missing,
        "headings": heads_total,
        "headings_missing": heads_missing,
        "points": points,
        "figures": sum(len(p.figures) for s in outline.sections for p in s.points),
        "guard_issues": [i.message for i in outline.guard.issues],
        "literal_fail": literal_fail,
        "needs_editor_sections": outline.guard.unsupported_sections,
        "ms_median": round(statistics.median(runs), 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files: list[Path] = []
    for p in map(Path, args.paths):
        files.extend(sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p])
    rows: list[dict[str, Any]] = []
    for f in files:
        r = evaluate(load_path(f).text)
        r["file"] = f.name
        rows.append(r)
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
            continue
        n = {k: len(v) if isinstance(v, list) else v for k, v in r.items()}
        print(
            f"{f.name}: {n['bytes']} B, preamble cites {n['preamble_citations']} "
            f"(missing {n['basis_missing']}), 根据/依据 cites {n['basis_clause_citations']} "
            f"(missing {n['basis_clause_missing']}), headings {n['headings']} "
            f"(missing {n['headings_missing']}), points {n['points']}, figures {n['figures']}, "
            f"guard issues {n['guard_issues']}, literal fails {n['literal_fail']}, "
            f"{n['ms_median']} ms"
        )
        for key in KEYS:
            if r[key]:
                print(f"    {key}: {r[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
