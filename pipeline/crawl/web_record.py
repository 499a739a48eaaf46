"""The per-document step for a web document: the batch's own function plus its URL fields.

``pipeline.batch.scan_items.screen_items`` sends an item that came from the web (a WARC
record, a crawled page or attachment) here; the document itself is screened by the same
``_screen_item`` as a file, and the record gains ``url``, ``referrer``, ``status``,
``fetched_at`` (and ``redirects``, ``content_type``) plus the page's 信息公开 metadata
(``page``). A document that was not screened — an HTTP or network error, or a file ingest
refuses — keeps its reason in ``error`` and is marked ``"screening": "未审查"``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.batch.scan_items import CHARS, SKIPPED, ScanItem
from pipeline.crawl.page_meta import page_meta

#: URL fields copied from the item to the record when present.
FIELDS = ("url", "referrer", "status", "fetched_at", "redirects", "content_type")
UNSCREENED = "未审查"


def web_fields(web: dict[str, Any]) -> dict[str, Any]:
    return {k: web[k] for k in FIELDS if web.get(k) not in (None, [], "")}


def error_record(web: dict[str, Any], message: str) -> dict[str, Any]:
    """A URL that gave no document (an HTTP error, a timeout, a refused download)."""
    return {
        "id": web["url"],
        "path": None,
        "sha256": None,
        "error": message,
        **web_fields(web),
        "screening": UNSCREENED,
        CHARS: 0,
    }


def _is_html(item: ScanItem, content_type: str) -> bool:
    if "html" in content_type:
        return True
    head = (item.data or b"")[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def screen_web_item(
    item: ScanItem, screen_one: Callable[[ScanItem], dict[str, Any]]
) -> dict[str, Any]:
    """The record of one web item (``screen_one`` is the batch's per-document function)."""
    web = item.web or {}
    if web.get("error"):
        return error_record(web, str(web["error"]))
    if web.get("unchanged") and item.data is None:
        return {SKIPPED: True}  # a revisit of another archive: nothing to read
    record = screen_one(item)
    if record.get(SKIPPED):
        return record
    record["id"] = web["url"]
    record.update(web_fields(web))
    if "error" in record:
        record["screening"] = UNSCREENED
        return record
    content_type = str(web.get("content_type") or "").lower()
    if _is_html(item, content_type):
        charset = content_type.partition("charset=")[2].strip(" \"'") or None
        meta = page_meta(item.data or b"", charset)
        if meta:
            record["page"] = meta
    return record
