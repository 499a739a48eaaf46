"""The NER model alone: characters per CPU-second, int8 ONNX vs torch, whole texts vs the
cascade's candidate windows — in ONE run, on the same texts.

    .venv/bin/python benchmarks/bench_ner.py                 # msra_val (../shared) or generated
    .venv/bin/python benchmarks/bench_ner.py --limit 500     # fewer sentences

Whole texts: ``NerTagger.predict`` per sentence (windows of the model's length, Viterbi
included). Cascade: the screening recognizer's own path — candidate spots, windows of ±10
characters, batched — over the benchmark corpus (benchmarks/corpus.py), reported per
character of the *document*, which is what the screen pays.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import corpus as C  # noqa: E402

from pipeline.ner.artifact import latest  # noqa: E402
from pipeline.ner.inference import NerTagger  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "data" / "ner" / "msra_val.jsonl"


def _cpu(fn, texts) -> tuple[float, int]:
    fn(texts[0])
    t0 = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - t0, sum(len(t) for t in texts if isinstance(t, str))


def _row(what: str, chars: int, cpu: float) -> dict:
    speed = round(chars / cpu) if cpu else 0
    return {"what": what, "chars": chars, "cpu_s": round(cpu, 3), "chars_per_cpu_s": speed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=2000, help="sentences (default 2000)")
    ap.add_argument("--size", type=C.parse_size, default=C.parse_size("1MB"))
    ap.add_argument("--out", type=Path, default=HERE / "results-ner.json")
    args = ap.parse_args()
    model = args.model or latest()
    if SHARED.is_file():
        rows = [json.loads(x)["text"] for x in SHARED.read_text("utf-8").splitlines()]
        source = SHARED.name
    else:
        from pipeline.ner.generator import generate

        rows = [ex.text for ex in generate(args.limit, 5)]
        source = "pipeline.ner.generator seed 5"
    sentences = rows[: args.limit]
    report: dict = {"model": model.name, "sentences": source, "results": []}
    for backend in ("onnx", "torch"):
        tagger = NerTagger.load(model, backend=backend)
        if backend == "torch":
            import torch

            torch.set_num_threads(1)
        cpu, chars = _cpu(tagger.predict, sentences)
        report["results"].append(_row(f"whole sentences, {backend}", chars, cpu))
    os.environ["ZWGK_NER"] = "1"
    from pipeline.detect.base import DetectContext
    from pipeline.detect.recognizers.ner_recognizer import NerPersonRecognizer
    from pipeline.detect.registry import default_exclusion_finder, default_recognizers
    from pipeline.normalise import normalise

    recognizer = NerPersonRecognizer(NerTagger.load(model, backend="onnx"))
    docs = [d["text"] for d in C.load_corpus(args.size, C.DEFAULT_SEED)]
    contexts = [DetectContext(normalise(t)) for t in docs]
    rules = default_recognizers(with_model=False)
    find_exclusions = default_exclusion_finder()
    for ctx in contexts:  # what the screen has done before the model runs (not timed)
        ctx.exclusions = find_exclusions(ctx.text)
        for r in rules:
            ctx.found.extend(r.analyze(ctx))
    cpu, chars = _cpu(lambda ctx: recognizer.analyze(ctx), contexts) if contexts else (0, 0)
    chars = sum(len(c.text) for c in contexts)
    report["results"].append(_row("cascade windows over corpus documents, onnx", chars, cpu))
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"model {model.name}; sentences from {source}")
    print("| what | chars | CPU s | chars/CPU-s |\n|---|---:|---:|---:|")
    for r in report["results"]:
        print(f"| {r['what']} | {r['chars']:,} | {r['cpu_s']} | {r['chars_per_cpu_s']:,} |")


if __name__ == "__main__":
    main()
