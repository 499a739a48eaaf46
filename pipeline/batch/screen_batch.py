"""The per-batch function: JSON lines in, contract records out, one per line, same order.

Every runner (local process pool, Ray Data, the service) calls :func:`screen_lines`; a
malformed line becomes ``{"id", "error"}`` and the rest of the batch goes on. Bulk scans of
files call :func:`pipeline.batch.scan_items.screen_items`, which shares
:func:`screen_document` with :func:`screen_lines`.
"""

from __future__ import annotations

import json
import os
from typing import Any

from pipeline.screen import Screener, default_screener

#: Largest document accepted in a batch, in characters (``ZWGK_MAX_CHARS``).
MAX_CHARS = int(os.environ.get("ZWGK_MAX_CHARS", "5000000"))


class RecordError(ValueError):
    """A line that is not a valid screening request; carries the id when known."""

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


def parse_record(line: str, line_no: int) -> tuple[str | None, str]:
    """``(id, text)`` of one JSON line, or :class:`RecordError` saying what is wrong
    (a blank line is an error too: every input line gets its own output line)."""
    if not line.strip():
        raise RecordError(f"第{line_no}行：空行")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"第{line_no}行不是合法的 JSON（{exc.msg}，第{exc.colno}列）") from exc
    if not isinstance(obj, dict):
        raise RecordError(f"第{line_no}行应为 JSON 对象")
    raw_id = obj.get("id")
    doc_id = None if raw_id is None else str(raw_id)
    text = obj.get("text")
    if not isinstance(text, str):
        raise RecordError(f"第{line_no}行缺少字符串字段 text", doc_id)
    if len(text) > MAX_CHARS:
        raise RecordError(f"第{line_no}行文本过长（{len(text)} 字符，上限 {MAX_CHARS}）", doc_id)
    return doc_id, text


def screen_document(
    screener: Screener, text: str, doc_id: str | None, where: str
) -> dict[str, Any]:
    """The contract record of one document, or ``{"id", "error"}`` if screening fails.

    ``where`` names the document in the error message (``第3行``, ``/path/a.pdf：``).
    """
    try:
        return screener.screen(text, doc_id).to_contract()
    except Exception as exc:  # one bad document must not sink the batch
        return {"id": doc_id, "error": f"{where}处理失败：{type(exc).__name__}: {exc}"}


def screen_lines(batch: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """Screen ``(line number, JSON line)`` pairs; one output record per pair, in order."""
    screener = default_screener()
    out: list[dict[str, Any]] = []
    for line_no, line in batch:
        try:
            doc_id, text = parse_record(line, line_no)
        except RecordError as exc:
            out.append({"id": exc.doc_id, "error": str(exc)})
            continue
        out.append(screen_document(screener, text, doc_id, f"第{line_no}行"))
    return out
