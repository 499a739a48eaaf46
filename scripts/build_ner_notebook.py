"""Write notebooks/ner_evaluation.ipynb from the cells below (edit here, then rerun).

.venv/bin/python scripts/build_ner_notebook.py
"""

from pathlib import Path

import nbformat as nbf

nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("""# NER evaluation — zwgk-ner

Entity-level precision / recall / F1 (exact spans) of the newest shipped model under
`models/ner/`, next to jieba's POS tagger as the baseline (`nr`/`nrfg`/`nrt` → PERSON), then
an error analysis of PERSON and the comparison the screening core cares about: names in
government documents, model vs the rule-based finder.

Data: the dev files of `../shared/data/ner/` when that folder is present; otherwise (a user's
machine, or a quick run) generated government-style text from `pipeline.ner.generator`.
`NER_EVAL_LIMIT` (environment) caps the sentences per file; CI runs this notebook headless
with a small cap (`make test` → pytest `--nbmake`)."""),
    code("""import os
import sys
from pathlib import Path

ROOT = Path.cwd() if (Path.cwd() / "pipeline").is_dir() else Path.cwd().parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from pipeline.ner.artifact import latest, load
from pipeline.ner.corpus import read_jsonl, split
from pipeline.ner.evaluate import ERROR_KINDS, error_kinds, evaluate, jieba_spans
from pipeline.ner.generator import generate
from pipeline.ner.inference import NerTagger

LIMIT = os.environ.get("NER_EVAL_LIMIT", "300")
LIMIT = None if LIMIT.lower() in ("", "none", "0") else int(LIMIT)
model_dir = latest()
manifest = load(model_dir).manifest  # verifies every file's sha256
tagger = NerTagger.load(model_dir, backend="onnx")
labels = manifest["labels"]
arch = manifest["training"]["architecture"]
print(model_dir.name, arch, f"{manifest['parameters']:,} parameters")"""),
    code("""SHARED = ROOT.parent / "shared" / "data" / "ner"
DEV_FILES = {
    "People's Daily dev": "peoples_daily_dev.jsonl",
    "MSRA val": "msra_val.jsonl",
    "Weibo dev": "weibo_dev.jsonl",
    "Resume dev": "resume_dev.jsonl",
}
datasets = {}
if SHARED.is_dir():
    for name, file in DEV_FILES.items():
        rows = list(read_jsonl(SHARED / file, labels))
        datasets[name] = rows[:LIMIT] if LIMIT else rows
    # CLUENER has no dev file here: its held-out part is the training split's dev side
    data_cfg = manifest["training"].get("data_split", {"seed": 13, "dev_fraction": 0.02})
    cluener = list(read_jsonl(SHARED / "cluener_train.jsonl", labels))
    _, held_out = split(cluener, data_cfg["seed"], data_cfg["dev_fraction"])
    datasets["CLUENER held-out split"] = held_out[:LIMIT] if LIMIT else held_out
else:
    datasets["generated (seed 99)"] = generate(LIMIT or 300, 99)
{name: len(rows) for name, rows in datasets.items()}"""),
    md("## Per-label scores, model vs jieba"),
    code("""def table(scores):
    lines = ["| system | label | P | R | F1 | support |", "|---|---|---:|---:|---:|---:|"]
    for system, per_label in scores.items():
        for label, c in per_label.items():
            if c.support or c.tp + c.fp:
                lines.append(
                    f"| {system} | {label} | {c.precision:.3f} | {c.recall:.3f} | "
                    f"{c.f1:.3f} | {c.support} |"
                )
    return "\\n".join(lines)


from IPython.display import Markdown, display

results = {}
for name, rows in datasets.items():
    results[name] = evaluate(rows, {"model": tagger.predict, "jieba": jieba_spans}, labels)
    display(Markdown(f"### {name} ({len(rows)} sentences)\\n\\n" + table(results[name])))"""),
    code("""person = {
    name: (r["model"]["PERSON"].f1, r["jieba"]["PERSON"].f1) for name, r in results.items()
}
for name, (m, j) in person.items():
    print(f"{name:<22} PERSON F1  model {m:.3f}   jieba {j:.3f}")
assert all(m > j for m, j in person.values()), "the model must beat the jieba baseline"
"""),
    md("""## Error analysis (PERSON)

Every gold name is *exact*, a *boundary* error (right label, overlapping span), a *label*
error (same span, other label) or *missed*; every predicted name that overlaps no gold
entity is *spurious*."""),
    code("""kinds = {}
examples = {}
for name, rows in datasets.items():
    gold = [ex.spans for ex in rows]
    pred = [tagger.predict(ex.text) for ex in rows]
    kinds[name] = error_kinds(gold, pred, "PERSON")
    examples[name] = [
        (ex.text, [ex.text[s.start:s.end] for s in g if s.label == "PERSON"],
         [ex.text[s.start:s.end] for s in p if s.label == "PERSON"])
        for ex, g, p in zip(rows, gold, pred)
        if {s for s in g if s.label == "PERSON"} != {s for s in p if s.label == "PERSON"}
    ]

fig, ax = plt.subplots(figsize=(8, 3.5))
left = [0] * len(kinds)
names = list(kinds)
for kind in ERROR_KINDS[1:]:
    values = [kinds[n][kind] for n in names]
    ax.barh(names, values, left=left, label=kind)
    left = [a + b for a, b in zip(left, values)]
ax.set_xlabel("PERSON errors (count)")
ax.legend(ncol=4, fontsize=8, loc="lower right")
ax.set_title(f"{model_dir.name}: where PERSON goes wrong")
fig.tight_layout()
# tests set NER_FIGURE_DIR to a temporary folder so a run leaves tracked files alone
fig.savefig(Path(os.environ.get("NER_FIGURE_DIR", ROOT / "notebooks")) / "ner_errors.png", dpi=110)
plt.show()
kinds"""),
    code("""for name, rows in examples.items():
    print(f"— {name}: {len(rows)} sentences with a PERSON mistake; the first five")
    for text, gold, pred in rows[:5]:
        print(f"   gold {gold}  model {pred}  | {text[:60]}")"""),
    md("""## Government documents: model vs the rule-based finder

The labelled screening sets in `tests/fixtures/` list the names a reviewer expects in 80 real
documents. A name counts as found when a PERSON span overlaps it. The rule finder is
`PersonRecognizer` + `RosterRecognizer` (the screening core without the model); the model is
run over the whole text here, not only over the cascade's windows."""),
    code("""from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.person_recognizer import PersonRecognizer
from pipeline.detect.recognizers.roster_recognizer import RosterRecognizer
from pipeline.evaluate.labelled import load_labelled
from pipeline.normalise import normalise

rules = [RosterRecognizer(), PersonRecognizer()]
gov = {}
for folder in ("labelled", "labelled_holdout", "labelled_final"):
    docs = load_labelled(ROOT / "tests" / "fixtures" / folder)
    wanted = found_rules = found_model = extra_model = 0
    for doc in docs:
        names = [e for e in doc.expected if e.entity == "PERSON"]
        source = normalise(doc.text)
        ctx = DetectContext(source)
        by_rules = [source.span_to_original(d.start, d.end) for r in rules
                    for d in r.analyze(ctx) if d.entity == "PERSON"]
        by_model = [source.span_to_original(s.start, s.end)
                    for s in tagger.predict(source.text) if s.label == "PERSON"]
        hit = lambda spans, e: any(s < e.end and e.start < t for s, t in spans)
        wanted += len(names)
        found_rules += sum(hit(by_rules, e) for e in names)
        found_model += sum(hit(by_model, e) for e in names)
        extra_model += sum(
            not any(s < e.end and e.start < t for e in names) for s, t in by_model
        )
    gov[folder] = (wanted, found_rules, found_model, extra_model)
print("set                labelled names   rules   model   model spans matching no label")
for folder, (w, r, m, x) in gov.items():
    print(f"{folder:<20}{w:>10}{r:>10}{m:>8}{x:>10}")"""),
    md("""Spans "matching no label" are not all errors: the labelled sets list the names a reviewer
must act on, and documents also name officials in passing. The cascade in the screening
pipeline keeps the rules' decision for every name, so the model only adds names; see
`benchmarks/README.md` and the CHANGELOG for what that did to the screening scores."""),
]
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, str(Path(__file__).resolve().parents[1] / "notebooks" / "ner_evaluation.ipynb"))
