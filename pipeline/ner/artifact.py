"""The model artifact ``models/ner/<version>/``: files, manifest with hashes, model card.

``manifest.json`` lists the sha256 and size of every other file (the model card included),
the labels, the training data with provenance and licences, evaluation scores and the command
that trained it. :func:`load` refuses a folder whose files do not match the manifest.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.artifacts import (
    MANIFEST,
    ArtifactError,
    file_table,
    latest_in,
    models_root,
    verify,
)

if TYPE_CHECKING:
    from pipeline.ner.wordmatch import Lexicon

CARD = "MODEL_CARD.md"
__all__ = ["MANIFEST", "Artifact", "ArtifactError", "latest", "load", "verify", "write_artifact"]


@dataclass(frozen=True)
class Artifact:
    path: Path
    manifest: dict[str, Any]


def write_artifact(
    out_dir: str | Path,
    model: Any,
    tokenizer: Any,
    *,
    info: dict[str, Any],
    onnx: bool = True,
    overwrite: bool = False,
    lexicon: Lexicon | None = None,
) -> Artifact:
    """Save weights (safetensors), config, vocabulary, the word list of a model with
    dictionary features, optional int8 ONNX, the model card and the manifest. ``info``
    carries name, version, labels, data, eval, training."""
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise ArtifactError(f"{out} 已存在且非空；换一个版本号，或明确要求覆盖")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file():
            old.unlink()
    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.save(out)
    if lexicon is not None:
        lexicon.save(out)
    if onnx:
        from pipeline.ner.onnx_export import export_onnx

        export_onnx(model, out)
    params = sum(p.numel() for p in model.parameters())
    manifest: dict[str, Any] = {
        "format": 1,
        "created": dt.date.today().isoformat(),
        **info,
        "parameters": int(params),
    }
    (out / CARD).write_text(model_card(manifest), encoding="utf-8")
    manifest["files"] = file_table(out)
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    return Artifact(out, manifest)


def load(path: str | Path) -> Artifact:
    """The verified artifact (raises :class:`ArtifactError` on any mismatch)."""
    return Artifact(Path(path), verify(path))


def default_root() -> Path:
    """Where shipped NER models live: ``$ZWGK_MODELS_DIR/ner`` or the repository's models/ner."""
    return models_root("ner")


def latest(root: str | Path | None = None) -> Path | None:
    """The newest artifact folder under ``root`` (highest version number), if any."""
    return latest_in(Path(root) if root is not None else default_root())


def _table(scores: dict[str, Any]) -> list[str]:
    lines = ["| label | P | R | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, s in scores.items():
        lines.append(
            f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
            f"{s['support']} |"
        )
    return lines


def model_card(m: dict[str, Any]) -> str:
    """The model card, generated from the manifest (never edited by hand)."""
    t = m.get("training", {})
    lines = [
        f"# {m.get('name', 'zwgk NER')} {m.get('version', '')}",
        "",
        "Generated from manifest.json by pipeline/ner/artifact.py; do not edit by hand.",
        "",
        "## What it does",
        "Character-level token classification (BIO) of Chinese text into "
        + ", ".join(m.get("labels", []))
        + ". Built for screening government documents (政务公开) for personal information;"
        " a detector's suggestions, never a decision by itself.",
        "",
        "## Model",
        f"- architecture: {t.get('architecture', 'BertForTokenClassification')},"
        f" {m.get('parameters', 0):,} parameters, trained from scratch (no pretrained weights)",
        f"- model config: `{json.dumps(t.get('model', {}), ensure_ascii=False)}`",
        f"- training: {t.get('steps', '?')} steps, seed {t.get('seed', '?')},"
        f" torch {t.get('torch', '?')}, transformers {t.get('transformers', '?')}",
        f"- command: `{t.get('command', '')}`",
        "",
        "## Training data",
        "| data | examples | entities | licence |",
        "|---|---:|---|---|",
    ]
    for d in m.get("data", []):
        ents = ", ".join(f"{k} {v}" for k, v in d.get("entities", {}).items())
        lines.append(f"| {d['file']} | {d['examples']} | {ents} | {d['licence']} |")
    lines += [
        "",
        "The public corpora carry no explicit licence and are conventionally used for"
        " research; using these weights in production is the deployer's decision.",
        "",
        "## Evaluation (entity level, exact spans)",
    ]
    for name, scores in m.get("eval", {}).items():
        lines += ["", f"### {name}", "", *_table(scores)]
    lines += [
        "",
        "## Limits",
        "Trained on news, résumés, case statements and generated government text; names"
        " without context, rare surnames and long addresses in unusual formats are the"
        " weak spots. Offsets index the input text one character per token.",
        "",
    ]
    return "\n".join(lines)
