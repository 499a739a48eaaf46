"""The model artifact ``models/ner/<version>/``: files, manifest with hashes, model card.

``manifest.json`` lists the sha256 and size of every other file (the model card included),
the labels, the training data with provenance and licences, evaluation scores and the command
that trained it. :func:`load` refuses a folder whose files do not match the manifest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.ner.corpus import sha256_file

MANIFEST = "manifest.json"
CARD = "MODEL_CARD.md"


class ArtifactError(Exception):
    """An artifact folder that is missing files or whose files were changed."""


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
) -> Artifact:
    """Save weights (safetensors), config, vocabulary, optional int8 ONNX, the model card
    and the manifest. ``info`` carries name, version, labels, data, eval, training."""
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise ArtifactError(f"{out} 已存在且非空；换一个版本号，或明确要求覆盖")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file():
            old.unlink()
    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.save(out)
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
    manifest["files"] = {
        f.name: {"sha256": sha256_file(f), "bytes": f.stat().st_size}
        for f in sorted(out.iterdir())
        if f.is_file() and f.name != MANIFEST
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    return Artifact(out, manifest)


def verify(path: str | Path) -> dict[str, Any]:
    """The manifest, after checking every listed file and that no other file is present."""
    path = Path(path)
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise ArtifactError(f"{path} 中没有 {MANIFEST}，不是模型文件夹")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ArtifactError(f"{manifest_path} 无法读取：{exc}") from exc
    for name, entry in files.items():
        f = path / name
        if not f.is_file():
            raise ArtifactError(f"模型文件缺失：{f}")
        digest = sha256_file(f)
        if digest != entry["sha256"]:
            raise ArtifactError(
                f"模型文件校验失败：{f} 的 sha256 为 {digest}，清单记录为 {entry['sha256']}"
                "（文件被修改或损坏，拒绝加载）"
            )
    extra = sorted(f.name for f in path.iterdir() if f.is_file() and f.name not in files)
    extra = [n for n in extra if n != MANIFEST]
    if extra:
        raise ArtifactError(f"模型文件夹中有清单未列出的文件：{', '.join(extra)}（拒绝加载）")
    return dict(manifest)


def load(path: str | Path) -> Artifact:
    """The verified artifact (raises :class:`ArtifactError` on any mismatch)."""
    return Artifact(Path(path), verify(path))


def default_root() -> Path:
    """Where shipped models live: ``$ZWGK_MODELS_DIR/ner`` or the repository's models/ner."""
    env = os.environ.get("ZWGK_MODELS_DIR")
    base = Path(env) if env else Path(__file__).resolve().parents[2] / "models"
    return base / "ner"


def _version_key(path: Path) -> tuple[tuple[int, ...], str]:
    """``ner-bilstm-0.3`` → ((0, 3), name): the number after the last dash decides."""
    tail = path.name.rsplit("-", 1)[-1]
    nums = tuple(int(x) for x in tail.split(".") if x.isdigit())
    return nums, path.name


def latest(root: str | Path | None = None) -> Path | None:
    """The newest artifact folder under ``root`` (highest version number), if any."""
    root = Path(root) if root is not None else default_root()
    found = [p for p in root.iterdir() if (p / MANIFEST).is_file()] if root.is_dir() else []
    return max(found, key=_version_key) if found else None


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
