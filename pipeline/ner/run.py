"""The two commands: train (then evaluate on dev and write the artifact) and evaluate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pipeline.ner.evaluate import Counts, evaluate, format_report, jieba_spans


def _as_dicts(results: dict[str, dict[str, Counts]]) -> dict[str, dict[str, Any]]:
    return {name: {k: c.as_dict() for k, c in s.items()} for name, s in results.items()}


def train_and_ship(
    config_path: str | Path, *, resume: bool = True, max_steps: int | None = None
) -> Path | None:
    """Train; when the configured steps are done, score dev, write the artifact and return
    its folder (``None`` when stopped early by ``max_steps``: resume later)."""
    import torch
    import transformers

    from pipeline.ner.artifact import write_artifact
    from pipeline.ner.config import fingerprint
    from pipeline.ner.inference import NerTagger, TorchBackend
    from pipeline.ner.model import train
    from pipeline.ner.wordmatch import provenance

    result = train(config_path, resume=resume, max_steps=max_steps)
    cfg = result.config
    if result.steps < result.total:
        print(
            f"\n已训练到第 {result.steps}/{result.total} 步并保存检查点；"
            "再次运行同一命令即可继续。",
            file=sys.stderr,
        )
        return None
    if hasattr(result.model, "store_transitions"):
        result.model.store_transitions()
    tagger = NerTagger(
        TorchBackend(result.model),
        result.tokenizer,
        [result.model.config.id2label[i] for i in range(result.model.config.num_labels)],
        cfg["model"]["max_len"],
        transitions=getattr(result.model.config, "crf_transitions", None),
        lexicon=result.lexicon,
    )
    print("\n在开发集上评估……", file=sys.stderr)
    scores = evaluate(
        result.data.dev, {"model": tagger.predict, "jieba": jieba_spans}, cfg["labels"]
    )
    print(format_report(scores), file=sys.stderr)
    info = {
        "name": "zwgk-ner",
        "version": cfg["version"],
        "labels": cfg["labels"],
        "tags": tagger.tags,
        "data": result.data.provenance + ([provenance(result.lexicon)] if result.lexicon else []),
        "eval": {
            f"dev ({len(result.data.dev)} examples) {k}": v for k, v in _as_dicts(scores).items()
        },
        "training": {
            "architecture": type(result.model).__name__,
            "model": cfg["model"],
            "train": cfg["train"],
            "vocab_size": len(result.tokenizer),
            "steps": result.steps,
            "seed": cfg["seed"],
            "data_split": {
                "seed": cfg["data"]["split_seed"],
                "dev_fraction": cfg["data"]["dev_fraction"],
            },
            "fingerprint": fingerprint(cfg),
            "command": "zwgk train-ner " + str(config_path),
            "torch": torch.__version__,
            "transformers": transformers.__version__,
        },
        "licence": "code Apache-2.0; weights trained on research-use corpora (see data)",
    }
    out = Path(cfg["output"]["artifact_dir"]) / cfg["version"]
    artifact = write_artifact(
        out,
        result.model,
        result.tokenizer,
        info=info,
        onnx=cfg["output"]["onnx"],
        lexicon=result.lexicon,
    )
    print(f"模型已写入 {artifact.path}", file=sys.stderr)
    return artifact.path


def eval_file(
    path: str | Path, model_dir: str | Path | None, limit: int | None = None, backend: str = "auto"
) -> str:
    """The report for one JSONL file: the model (when there is one) and the jieba baseline."""
    from itertools import islice

    from pipeline.ner.bio import DEFAULT_LABELS
    from pipeline.ner.corpus import read_jsonl

    labels = list(DEFAULT_LABELS)
    systems: dict[str, Any] = {}
    note = ""
    if model_dir is not None:
        from pipeline.ner.inference import NerTagger

        tagger = NerTagger.load(model_dir, backend=backend)
        systems[f"模型 {Path(model_dir).name} ({type(tagger.backend).__name__})"] = tagger.predict
    else:
        note = "（没有找到模型，只评估基线）\n"
    systems["基线 jieba 词性 (nr→PERSON, ns→LOCATION, nt→ORG)"] = jieba_spans
    examples = list(islice(read_jsonl(path, labels), limit))
    results = evaluate(examples, systems, labels)
    return f"{path}: {len(examples)} 句，实体级精确匹配\n{note}{format_report(results)}"
