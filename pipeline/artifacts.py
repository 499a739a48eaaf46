"""What every versioned model artifact shares (``models/<name>/<version>/``).

A folder holds the model's files and ``manifest.json``, which lists the sha256 and size of
every other file; :func:`verify` refuses a folder with a changed, missing or unlisted file,
:func:`latest` picks the highest version number. Used by the NER model and the disclosure
model alike.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


class ArtifactError(Exception):
    """An artifact folder that is missing files or whose files were changed."""


def sha256_file(path: str | Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def models_root(name: str) -> Path:
    """Where models called ``name`` live: ``$ZWGK_MODELS_DIR/<name>`` or the repository's
    ``models/<name>``."""
    env = os.environ.get("ZWGK_MODELS_DIR")
    base = Path(env) if env else Path(__file__).resolve().parents[1] / "models"
    return base / name


def version_key(path: Path) -> tuple[tuple[int, ...], str]:
    """``ner-bilstm-0.3`` → ((0, 3), name): the number after the last dash decides."""
    tail = path.name.rsplit("-", 1)[-1]
    return tuple(int(x) for x in tail.split(".") if x.isdigit()), path.name


def latest_in(root: Path) -> Path | None:
    """The artifact folder with the highest version number under ``root``, if any."""
    found = [p for p in root.iterdir() if (p / MANIFEST).is_file()] if root.is_dir() else []
    return max(found, key=version_key) if found else None


def file_table(folder: Path) -> dict[str, dict[str, Any]]:
    """sha256 and size of every file in ``folder`` except the manifest (for the manifest)."""
    return {
        f.name: {"sha256": sha256_file(f), "bytes": f.stat().st_size}
        for f in sorted(folder.iterdir())
        if f.is_file() and f.name != MANIFEST
    }


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
