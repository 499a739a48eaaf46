"""The per-batch function of bulk scans: read, hash, ingest and screen each item.

:func:`screen_items` is to ``zwgk scan`` what :func:`~pipeline.batch.screen_batch.screen_lines`
is to ``zwgk screen --jsonl``; both build their records with
:func:`~pipeline.batch.screen_batch.screen_document`, so no runner re-implements screening.
Reading and ingesting happen here, inside the worker, so that they run in parallel too.

Content hash: sha256 of the file's BYTES (of the text, for an inline JSONL document). It is
computed before parsing, so an unchanged file is skipped without being parsed, and a file
that cannot be parsed still has an identity (its error is not repeated on every rescan).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from typing import Any, NamedTuple

from pipeline.batch.screen_batch import RecordError, parse_record, screen_document
from pipeline.ingest.model import MAX_BYTES, IngestError
from pipeline.screen import Screener, default_screener

#: Fields that travel from the worker to the scan driver and are never written out.
CHARS, SKIPPED, TEXT = "_chars", "_skipped", "_text"


class ScanItem(NamedTuple):
    """One document to scan: a file (``path``) or an inline JSONL line (``line``)."""

    key: str
    path: str | None = None
    line: str | None = None
    line_no: int = 0
    doc_id: str | None = None
    #: sha256 already screened for this key under the same rules: skip if unchanged.
    known: str | None = None
    #: Return the screened text too (for sinks that store it, such as the ledger).
    keep_text: bool = False
    #: The content itself (a web document) and the file name ingest gets for it.
    data: bytes | None = None
    name: str | None = None
    #: URL fields of a web document (``pipeline.crawl.web_record``).
    web: dict[str, Any] | None = None


def read_file(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``path`` (at most ``max_bytes + 1``, so ingest can report the size)."""
    try:
        with open(path, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise IngestError(path, "不是文件")
            return fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise IngestError(path, "文件不存在") from exc
    except PermissionError as exc:
        raise IngestError(path, "没有读取权限") from exc
    except IsADirectoryError as exc:
        raise IngestError(path, "不是文件") from exc
    except OSError as exc:
        raise IngestError(path, f"无法读取（{exc.strerror or exc}）") from exc


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def screen_items(batch: list[ScanItem]) -> list[dict[str, Any]]:
    """One record per item, in order: the screening contract plus ``path`` and ``sha256``.

    A file that cannot be read or parsed yields ``{"id", "path", "sha256", "error"}`` (the
    message names the file); an item whose hash equals ``known`` yields a bare skip marker.
    Fields starting with ``_`` are for the driver only.
    """
    return [_screen(item) for item in batch]


def _screen(item: ScanItem) -> dict[str, Any]:
    if item.web is not None:
        from pipeline.crawl.web_record import screen_web_item

        return screen_web_item(item, lambda one: _screen_item(one, default_screener))
    return _screen_item(item, default_screener)


def _screen_item(item: ScanItem, screener: Callable[[], Screener]) -> dict[str, Any]:
    warnings: list[str] = []
    doc_id: str | None
    doc = None
    if item.path is not None or item.data is not None:
        name = item.name or item.path or ""
        doc_id = item.doc_id or item.path or name
        try:
            data = item.data if item.data is not None else read_file(name)
        except IngestError as exc:
            return _error(item, doc_id, None, exc.message)
        digest = sha256(data)
        if digest == item.known:
            return {SKIPPED: True}
        try:
            from pipeline.ingest import load_bytes

            doc = load_bytes(data, name)
        except IngestError as exc:
            return _error(item, doc_id, digest, exc.message)
        except Exception as exc:  # a reader bug must not sink the batch
            return _error(item, doc_id, digest, f"{name}：无法读取（{type(exc).__name__}）")
        text, warnings, where = doc.text, doc.warnings, f"{name}："
    else:
        line = item.line or ""
        try:
            parsed_id, text = parse_record(line, item.line_no)
        except RecordError as exc:
            digest = sha256(line)
            if digest == item.known:
                return {SKIPPED: True}
            return _error(item, exc.doc_id or item.doc_id, digest, str(exc))
        doc_id = parsed_id or item.doc_id
        digest = sha256(text)
        if digest == item.known:
            return {SKIPPED: True}
        where = f"第{item.line_no}行"
    record = screen_document(screener(), text, doc_id, where)
    if doc is not None:
        _locate(record, doc)
    record["path"] = item.path
    record["sha256"] = digest
    if warnings:
        record["warnings"] = list(warnings)
    record[CHARS] = len(text)
    if item.keep_text:
        record[TEXT] = text
    return record


def _locate(record: dict[str, Any], doc: Any) -> None:
    """Each finding of a file gets its ``location`` (sheet/cell, page/box, member) when the
    file kind has one, as ``zwgk screen`` gives it; the ledger sink records it."""
    from pipeline.ingest.locate import locate

    if doc.markup is None:
        return
    for finding in record.get("findings") or []:
        where = locate(doc, int(finding["start"]), int(finding["end"]))
        if where:
            finding["location"] = where


def _error(item: ScanItem, doc_id: str | None, digest: str | None, message: str) -> dict[str, Any]:
    return {
        "id": doc_id,
        "path": item.path,
        "sha256": digest,
        "error": message,
        CHARS: 0,
    }
