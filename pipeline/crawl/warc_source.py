"""Web archives as scan input: ``zwgk scan site.warc.gz`` (wget ``--warc-file``, Heritrix,
Browsertrix, or the segments of our own crawl).

Each ``response`` record with status 200 is a document named by its ``WARC-Target-URI``
(canonicalised, ``pipeline.crawl.urls.canonical``): its payload (de-chunked, de-compressed)
goes to the batch's per-document function with a file name from the URL path and the
Content-Type. A 4xx/5xx response, and a fetch-error ``metadata`` record written by our
crawler, becomes an error line for its URL; a ``revisit`` record (the server said 304, or
the payload is identical) is an unchanged document. Other records are not documents.
The referrer comes from our crawler's ``WARC-Zwgk-Referrer`` header or from the ``Referer``
of the request record for the same URL.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from pipeline.batch.scan_inputs import ScanInputError, ScanSource
from pipeline.batch.scan_items import ScanItem
from pipeline.crawl.urls import canonical, file_name
from pipeline.ingest.model import MAX_BYTES

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Content type of the ``metadata`` record our crawler writes for a URL that gave no response.
ERROR_TYPE = "application/x-zwgk-fetch-error+json"
#: Our crawler's extension headers on ``response`` records.
REFERRER, REDIRECTS = "WARC-Zwgk-Referrer", "WARC-Zwgk-Redirects"
#: On a ``revisit`` record of our crawler: ``segment:offset`` of the unchanged document.
PAYLOAD = "WARC-Zwgk-Payload"

HTTP_REASONS = {
    400: "请求无效",
    401: "需要登录",
    403: "禁止访问",
    404: "网页不存在",
    410: "网页已删除",
    429: "请求过多",
    500: "服务器内部错误",
    502: "网关错误",
    503: "服务暂不可用",
    504: "网关超时",
}


def http_error(status: int) -> str:
    return f"HTTP {status}（{HTTP_REASONS.get(status, '请求失败')}），未审查"


@dataclass
class WebSource(ScanSource):
    """A scan source of web documents; ``visited`` maps each URL read in this run to its
    outcome (the HTTP status, ``"unchanged"`` or ``"error"``) for the re-inspection."""

    visited: dict[str, Any] = field(default_factory=dict)
    rescan_id: str = ""


def open_warc(paths: list[str]) -> WebSource:
    """A source reading the WARC files ``paths`` in order."""
    for path in paths:
        try:
            with open(path, "rb"):
                pass
        except OSError as exc:
            raise ScanInputError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    source = WebSource(paths[0], iter(()), lambda: sum(_count(p) for p in paths))
    source.items = warc_items(paths, source.visited)
    source.rescan_id = "warc:" + ",".join(paths)
    return source


def _count(path: str) -> int:
    return sum(1 for _ in records(path, payloads=False))


def warc_items(paths: Iterable[str], visited: dict[str, Any]) -> Iterator[ScanItem]:
    for path in paths:
        for web, data in records(path):
            url = web["url"]
            visited[url] = "error" if web.get("error") else web.get("status", "unchanged")
            if web.get("unchanged"):
                visited[url] = "unchanged"
            name = file_name(url, web.get("content_type"), web.pop("disposition", None))
            yield ScanItem(key=f"id:{url}", doc_id=url, data=data, name=name, web=web)


def records(path: str, payloads: bool = True) -> Iterator[tuple[dict[str, Any], bytes | None]]:
    """``(URL fields, payload)`` of each document record of one WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    referers: dict[str, str] = {}
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, "rb") as fh:
        try:
            for rec in ArchiveIterator(fh):
                found = _record(rec, referers, payloads)
                if found is not None and found[0].get("unchanged") and payloads:
                    found = _earlier(found[0], rec.rec_headers.get_header(PAYLOAD), folder)
                if found is not None:
                    yield found
        except ArchiveLoadFailed as exc:
            raise ScanInputError(f"{path}：不是有效的 WARC 文件（{exc}）") from exc


def _earlier(
    web: dict[str, Any], where: str | None, folder: str
) -> tuple[dict[str, Any], bytes | None]:
    """A revisit with the unchanged document read from the earlier record it names, so
    the scan can still tell it is unchanged by its hash (or screen it again under new rules)."""
    from warcio.archiveiterator import ArchiveIterator

    name, _, offset = (where or "").rpartition(":")
    path = os.path.join(folder, os.path.basename(name))
    if not name or not offset.isdigit() or not os.path.exists(path):
        return web, None
    with open(path, "rb") as fh:
        fh.seek(int(offset))
        for rec in ArchiveIterator(fh):
            if rec.rec_type == "response" and rec.http_headers is not None:
                web["status"] = 304
                web["content_type"] = rec.http_headers.get_header("Content-Type")
                web["disposition"] = rec.http_headers.get_header("Content-Disposition")
                return web, _read(rec.content_stream(), MAX_BYTES + 1)
            break
    return web, None


def _record(
    rec: Any, referers: dict[str, str], payloads: bool
) -> tuple[dict[str, Any], bytes | None] | None:
    kind = rec.rec_type
    uri = rec.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return None
    if kind == "request":
        ref = rec.http_headers.get_header("Referer") if rec.http_headers else None
        if ref:
            referers[uri] = ref
        return None
    web: dict[str, Any] = {
        "url": canonical(uri),
        "fetched_at": rec.rec_headers.get_header("WARC-Date"),
    }
    referrer = rec.rec_headers.get_header(REFERRER) or referers.pop(uri, None)
    if referrer:
        web["referrer"] = referrer
    if kind == "metadata" and rec.rec_headers.get_header("Content-Type") == ERROR_TYPE:
        web.update(json.loads(_read(rec.content_stream(), MAX_BYTES)))
        return web, None
    if kind == "revisit":
        web["unchanged"] = True
        return web, None
    if kind != "response" or rec.http_headers is None:
        return None
    status = int(rec.http_headers.get_statuscode() or 0)
    web["status"] = status
    if redirects := rec.rec_headers.get_header(REDIRECTS):
        web["redirects"] = redirects.split()
    if status >= 400:
        web["error"] = http_error(status)
        return web, None
    if status != 200:
        return None  # 1xx, 3xx (the target is its own record), 304 without a revisit
    web["content_type"] = rec.http_headers.get_header("Content-Type")
    web["disposition"] = rec.http_headers.get_header("Content-Disposition")
    data = _read(rec.content_stream(), MAX_BYTES + 1) if payloads else None
    return web, data


def _read(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes (ingest reports a larger file as too large)."""
    chunks, size = [], 0
    while size < limit and (chunk := stream.read(min(1 << 20, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
