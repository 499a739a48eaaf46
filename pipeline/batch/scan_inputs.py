"""What a scan reads, enumerated lazily: a folder, a JSONL file or a Parquet manifest.

* a folder: every .txt/.html/.docx/.pdf (the extensions ingest supports) below it, in sorted
  order; hidden files and folders (``.name``) are left out, other files are counted as
  ignored;
* ``*.jsonl``: ``{"id", "text"}`` lines (inline documents, keyed by ``id``; a line without
  an id is named ``<file>:<line>``) and/or ``{"path"}`` lines (files);
* ``*.parquet``: a manifest with a ``path`` column (and optionally ``id``);
* ``*.warc`` / ``*.warc.gz``: a web archive (``pipeline.crawl.warc_source``), keyed by URL.

Relative paths in a manifest are relative to the manifest's folder. Files are keyed by their
absolute path, inline documents by ``id:<id>``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipeline.batch.scan_items import ScanItem
from pipeline.ingest import _EXTENSIONS  # the one list of supported file types

#: .rar is refused by ingest (RAR_REFUSED): walked anyway, so each is a per-file error (未审查)
SCAN_EXTENSIONS = frozenset(_EXTENSIONS) | {".rar"}
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class ScanInputError(ValueError):
    """An input that cannot be scanned at all (the message is Chinese)."""


@dataclass
class ScanSource:
    """Items to scan, a way to count them (possibly slow) and what the walk left out."""

    name: str
    items: Iterator[ScanItem]
    count: Callable[[], int]
    ignored: Counter[str] = field(default_factory=Counter)


def open_source(spec: str) -> ScanSource:
    """The items of a folder, JSONL file or Parquet manifest; :class:`ScanInputError` if none."""
    if os.path.isdir(spec):
        ignored: Counter[str] = Counter()
        return ScanSource(spec, _dir_items(spec, ignored), lambda: _count_dir(spec), ignored)
    if not os.path.exists(spec):
        raise ScanInputError(f"{spec}：不存在")
    lower = spec.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return ScanSource(spec, _jsonl_items(spec), lambda: _count_lines(spec))
    if lower.endswith(".parquet"):
        return _parquet_source(spec)
    if lower.endswith((".warc", ".warc.gz")):
        from pipeline.crawl.warc_source import open_warc

        return open_warc([spec])
    raise ScanInputError(f"{spec}：应为目录、.jsonl 文件、.parquet 清单或 .warc(.gz) 网页存档")


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """``(path, extension)`` of every non-hidden file below ``root``, sorted, lazily."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name), os.path.splitext(name)[1].lower()


def _dir_items(root: str, ignored: Counter[str]) -> Iterator[ScanItem]:
    for path, ext in _walk(os.path.abspath(root)):
        if ext in SCAN_EXTENSIONS:
            yield ScanItem(key=path, path=path)
        else:
            ignored[ext or "(无扩展名)"] += 1


def _count_dir(root: str) -> int:
    return sum(1 for _, ext in _walk(root) if ext in SCAN_EXTENSIONS)


def _count_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def _resolve(base: str, path: str) -> str:
    return os.path.normpath(os.path.join(base, os.path.expanduser(path)))


def _jsonl_items(spec: str) -> Iterator[ScanItem]:
    base = os.path.dirname(os.path.abspath(spec))
    name = os.path.basename(spec)
    with open(spec, encoding="utf-8", errors="replace") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and "text" not in obj and isinstance(obj.get("path"), str):
                path = _resolve(base, obj["path"])
                doc_id = None if obj.get("id") is None else str(obj["id"])
                yield ScanItem(key=path, path=path, doc_id=doc_id)
                continue
            raw_id = obj.get("id") if isinstance(obj, dict) else None
            doc_id = f"{name}:{line_no}" if raw_id is None else str(raw_id)
            yield ScanItem(key=f"id:{doc_id}", line=line, line_no=line_no, doc_id=doc_id)


def _parquet_source(spec: str) -> ScanSource:
    import pyarrow.parquet as pq

    try:
        manifest = pq.ParquetFile(spec)
    except Exception as exc:
        raise ScanInputError(f"{spec}：无法读取 Parquet 清单（{exc}）") from exc
    names = manifest.schema_arrow.names
    if "path" not in names:
        raise ScanInputError(f"{spec}：Parquet 清单缺少 path 列")
    columns = ["path", "id"] if "id" in names else ["path"]
    ignored: Counter[str] = Counter()

    def items() -> Iterator[ScanItem]:
        base = os.path.dirname(os.path.abspath(spec))
        for batch in manifest.iter_batches(columns=columns, batch_size=4096):
            for row in batch.to_pylist():
                if not row.get("path"):
                    ignored["(空路径)"] += 1
                    continue
                path = _resolve(base, str(row["path"]))
                doc_id = None if row.get("id") is None else str(row["id"])
                yield ScanItem(key=path, path=path, doc_id=doc_id)

    rows = manifest.metadata.num_rows
    return ScanSource(spec, items(), lambda: rows, ignored)
