"""The Scrapy spider of a site crawl: fetch pages and attachments, write them to WARC
segments, queue the links (see ``docs/crawl.md``).

It screens nothing: the scan reads the segments (``pipeline.crawl.crawl_source``). The
frontier (``pipeline.crawl.frontier``) makes a crawl resumable after ``kill -9``; this
spider's own set of known URLs replaces Scrapy's duplicate filter (URLs are canonicalised
first, ``pipeline.crawl.urls``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure

from pipeline.crawl.frontier import Entry, Frontier
from pipeline.crawl.urls import SKIP_EXTENSIONS, canonical, in_scope, worth_fetching
from pipeline.crawl.warc_segments import SegmentWriter

#: HTTP statuses handed to the spider instead of being dropped (3xx are followed).
HANDLED = [304, *range(400, 600)]
_LINKS = LinkExtractor(
    tags=("a", "area", "iframe", "frame"),
    attrs=("href", "src"),
    deny_extensions=[e.lstrip(".") for e in SKIP_EXTENSIONS],
    canonicalize=False,
    unique=True,
)


def failure_message(failure: Failure, timeout: float, maxsize: int) -> str:
    """A Chinese reason for a request that got no response."""
    from scrapy.exceptions import (
        CannotResolveHostError,
        DownloadCancelledError,
        DownloadConnectionRefusedError,
        DownloadTimeoutError,
        IgnoreRequest,
    )
    from twisted.internet.defer import CancelledError
    from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

    exc = failure.value
    text = str(exc)
    if isinstance(exc, IgnoreRequest) and "robots.txt" in text:
        return "robots.txt 禁止抓取，未审查"
    if isinstance(exc, DownloadCancelledError | CancelledError) or "max size" in text:
        return f"文件超过下载上限（{maxsize} 字节），未下载，未审查"
    if isinstance(exc, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return f"请求超时（{timeout:g} 秒），未审查"
    if isinstance(exc, CannotResolveHostError | DNSLookupError):
        return "域名无法解析，未审查"
    if isinstance(exc, DownloadConnectionRefusedError | ConnectionRefusedError):
        return "连接被拒绝，未审查"
    if "SSL" in text or "TLS" in text or "certificate" in text.lower():
        return f"TLS/SSL 握手失败（{text[:120]}），未审查"
    return f"抓取失败（{type(exc).__name__}: {text[:160]}），未审查"


class SiteSpider(scrapy.Spider):
    name = "zwgk-site"

    def __init__(self, config: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cfg = config
        self.crawl_id: int = config["crawl"]
        self.frontier = Frontier(config["frontier"])
        self.domains = frozenset(config["domains"])
        self.allowed_domains = sorted(self.domains)
        self.known = self.frontier.known(self.crawl_id)
        #: sitemaps are in ``known`` but are no documents: not counted in ``--max-pages``
        self.sitemaps = self.frontier.count_kind(self.crawl_id, "sitemap")
        self.written: set[str] = set()
        self.bytes = 0
        self.max_pages: int | None = config.get("max_pages")
        self.max_bytes: int | None = config.get("max_bytes")
        self.timeout: float = config["timeout"]
        self.maxsize: int = config["max_file_bytes"]
        self.stats_path = Path(config["stats"])
        self.segments = SegmentWriter(Path(config["warc"]), self.crawl_id, self._committed)
        self.failed = 0

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    # --- lifecycle ------------------------------------------------------------------
    def _opened(self) -> None:
        from twisted.internet import task

        self._loop = task.LoopingCall(self._tick)
        self._loop.start(0.25, now=False)

    def _tick(self) -> None:
        self.segments.tick()
        self._write_stats(False)

    def _closed(self, reason: str) -> None:
        if self._loop.running:
            self._loop.stop()
        self.segments.close_segment()
        self.frontier.fetched(self.crawl_id, reason)
        self._write_stats(True, reason)
        self.frontier.close()

    def _committed(self, entries: list[Entry]) -> None:
        self.frontier.commit(self.crawl_id, entries)

    def _write_stats(self, final: bool, reason: str = "") -> None:
        counts = self.frontier.counts(self.crawl_id)
        stats = {
            "crawl": self.crawl_id,
            "queued": counts.get("queued", 0),
            "fetched": counts.get("done", 0) + counts.get("unchanged", 0),
            "unchanged": counts.get("unchanged", 0),
            "failed": counts.get("failed", 0),
            "budget": counts.get("budget", 0),
            "bytes": self.bytes,
            "final": final,
            "reason": reason,
        }
        tmp = self.stats_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(stats), encoding="utf-8")
        tmp.replace(self.stats_path)

    # --- requests -------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for url, referrer, kind in self.frontier.pending(self.crawl_id):
            yield self._request(url, referrer, kind)

    def _request(self, url: str, referrer: str | None, kind: str = "page") -> scrapy.Request:
        headers = {}
        if kind == "page":
            etag, modified, _ = self.frontier.validators(self.crawl_id, url)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        if referrer:
            headers["Referer"] = referrer
        return scrapy.Request(
            url,
            callback=self.parse_sitemap if kind == "sitemap" else self.parse,
            errback=self.failed_request,
            headers=headers,
            dont_filter=True,
            meta={"handle_httpstatus_list": HANDLED, "zwgk_url": url, "zwgk_ref": referrer},
        )

    def _links(
        self, found: list[str], referrer: str
    ) -> tuple[list[tuple[str, str]], list[Any], tuple[str, ...]]:
        """New in-scope links within the budgets: ``(frontier rows, requests, all links)``."""
        rows: list[tuple[str, str]] = []
        over: list[tuple[str, str | None]] = []
        scoped: dict[str, None] = {}
        for raw in found:
            url = canonical(raw)
            if not in_scope(url, self.domains) or not worth_fetching(url):
                continue
            scoped[url] = None
            if url in self.known:
                continue
            self.known.add(url)
            pages = len(self.known) - self.sitemaps
            budget_left = (self.max_pages is None or pages <= self.max_pages) and (
                self.max_bytes is None or self.bytes < self.max_bytes
            )
            (rows if budget_left else over).append((url, referrer))
        if over:
            self.frontier.mark(self.crawl_id, over, "budget")
        return rows, [self._request(url, ref) for url, ref in rows], tuple(scoped)

    # --- responses ------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Any]:
        try:
            yield from self._read_response(response)
        except Exception as exc:  # a bug must not lose the URL silently
            url, referrer = response.meta["zwgk_url"], response.meta.get("zwgk_ref")
            message = f"抓取结果处理失败（{type(exc).__name__}: {exc}），未审查"
            self.segments.failure(url, message, Entry(url, "failed", None, referrer=referrer))

    def _read_response(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        asked, referrer = meta["zwgk_url"], meta.get("zwgk_ref")
        url = canonical(response.url)
        redirects = [canonical(u) for u in meta.get("redirect_urls", [])]
        if url != asked:  # redirected: the first URL is recorded as such
            self.segments.entries.append(Entry(asked, "redirect", referrer=referrer))
            if url in self.written or url in self.known:
                return  # the target is (or will be) fetched under its own name
            self.known.add(url)
        self.written.add(url)
        status = response.status
        etag, modified = _header(response, b"ETag"), _header(response, b"Last-Modified")
        if status == 304:  # unchanged: its links are those it had last time
            old = self.frontier.validators(self.crawl_id, url)
            links = self.frontier.links_of(self.crawl_id, url)
            rows, requests, outlinks = self._links(links, url)
            entry = Entry(
                url,
                "unchanged",
                304,
                etag or old[0],
                modified or old[1],
                referrer,
                tuple(rows),
                outlinks,
                old[2],  # the earlier crawl's record of the same document
            )
            self.segments.revisit(url, entry)
            yield from requests
            return
        self.bytes += len(response.body)
        rows, requests, outlinks = [], [], ()
        if status == 200 and isinstance(response, HtmlResponse):
            found = [link.url for link in _LINKS.extract_links(response)]
            rows, requests, outlinks = self._links(found, url)
        entry = Entry(url, "done", status, etag, modified, referrer, tuple(rows), outlinks)
        headers = _pairs(response.headers, skip=_TRANSFER)  # the body is stored decoded, whole
        req_headers = _pairs(response.request.headers) if response.request else []
        status_line = f"{status} {_REASONS.get(status, '')}".strip()
        self.segments.response(
            url, status_line, headers, response.body, req_headers, entry, redirects or None
        )
        yield from requests

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        from scrapy.utils.sitemap import Sitemap

        asked = response.meta["zwgk_url"]
        locs: list[str] = []
        subs: list[str] = []
        if response.status == 200:
            try:
                sitemap = Sitemap(response.body)
                target = subs if sitemap.type == "sitemapindex" else locs
                target.extend(str(entry["loc"]) for entry in sitemap if entry.get("loc"))
            except Exception:  # not a sitemap: nothing to queue
                pass
        rows, requests, outlinks = self._links(locs, asked)
        for sub in subs:
            sub = canonical(sub)
            if sub not in self.known and in_scope(sub, self.domains):
                self.known.add(sub)
                self.sitemaps += 1
                self.frontier.seed(self.crawl_id, [(sub, "sitemap")])
                requests.append(self._request(sub, asked, "sitemap"))
        entry = Entry(asked, "listed", response.status, links=tuple(rows), outlinks=outlinks)
        self.segments.entries.append(entry)
        self.segments.tick()
        yield from requests

    def failed_request(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        url, referrer = request.meta["zwgk_url"], request.meta.get("zwgk_ref")
        message = failure_message(failure, self.timeout, self.maxsize)
        self.failed += 1
        self.segments.failure(url, message, Entry(url, "failed", None, referrer=referrer))


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _pairs(headers: Any, skip: frozenset[bytes] = frozenset()) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, values in headers.items()
        for v in values
        if k.lower() not in skip
    ]


_TRANSFER = frozenset({b"transfer-encoding", b"content-encoding", b"content-length"})
_REASONS = {
    200: "OK",
    304: "Not Modified",
    404: "Not Found",
    410: "Gone",
    500: "Internal Server Error",
}
