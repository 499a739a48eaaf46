"""The crawl's output: WARC segments that the scan reads while the crawl goes on.

The spider appends records to ``c0001-00007.warc.gz.open``; a segment is closed after
``SEGMENT_RECORDS`` documents or ``SEGMENT_SECONDS``, fsynced and renamed to
``c0001-00007.warc.gz`` (atomic), and only then are its URLs committed to the frontier. The
scan reads closed segments only, in name order, so it never sees a torn record; an
``.open`` segment left by a kill is deleted on resume (its URLs are still queued).
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.crawl.frontier import Entry
from pipeline.crawl.warc_source import ERROR_TYPE, PAYLOAD, REDIRECTS, REFERRER

SEGMENT_RECORDS = 32
SEGMENT_SECONDS = 1.0


def segment_name(crawl: int, seq: int) -> str:
    return f"c{crawl:04d}-{seq:05d}.warc.gz"


def segments(folder: Path, crawl: int) -> list[Path]:
    """Closed segments of ``crawl``, in order."""
    return sorted(folder.glob(f"c{crawl:04d}-*.warc.gz"))


class SegmentWriter:
    """Writes WARC records; ``on_close(entries)`` runs after each segment is renamed."""

    def __init__(self, folder: Path, crawl: int, on_close: Callable[[list[Entry]], None]) -> None:
        self.folder, self.crawl, self.on_close = folder, crawl, on_close
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"c{crawl:04d}-*.open"):
            stale.unlink()
        done = segments(folder, crawl)
        self.seq = int(done[-1].name[6:11]) if done else 0
        self.fh: io.BufferedWriter | None = None
        self.writer: object = None
        self.entries: list[Entry] = []
        self.opened = 0.0

    def _open(self) -> object:
        from warcio.warcwriter import WARCWriter

        if self.fh is None:
            self.seq += 1
            path = self.folder / (segment_name(self.crawl, self.seq) + ".open")
            self.fh = open(path, "wb")  # noqa: SIM115 (closed in close_segment)
            self.writer = WARCWriter(self.fh, gzip=True)
            self.opened = time.monotonic()
        return self.writer

    def response(
        self,
        url: str,
        status_line: str,
        headers: list[tuple[str, str]],
        body: bytes,
        request_headers: list[tuple[str, str]],
        entry: Entry,
        redirects: list[str] | None = None,
    ) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        writer = self._open()
        req = writer.create_warc_record(  # type: ignore[attr-defined]
            url,
            "request",
            http_headers=StatusAndHeaders(
                f"GET {url} HTTP/1.1", request_headers, is_http_request=True
            ),
        )
        extra = {}
        if entry.referrer:
            extra[REFERRER] = entry.referrer
        if redirects:
            extra[REDIRECTS] = " ".join(redirects)
        http = StatusAndHeaders(status_line, headers, protocol="HTTP/1.1")
        resp = writer.create_warc_record(  # type: ignore[attr-defined]
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=extra
        )
        writer.write_record(req)  # type: ignore[attr-defined]
        assert self.fh is not None
        where = f"{segment_name(self.crawl, self.seq)}:{self.fh.tell()}"
        writer.write_record(resp)  # type: ignore[attr-defined]
        self._added(entry._replace(location=where) if entry.status == 200 else entry)

    def revisit(self, url: str, entry: Entry) -> None:
        """The server answered 304: the document is unchanged since the last crawl."""
        writer = self._open()
        headers = {"WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified"}
        if entry.referrer:
            headers[REFERRER] = entry.referrer
        if entry.location:  # the unchanged document, in an earlier segment
            headers[PAYLOAD] = entry.location
        rec = writer.create_warc_record(  # type: ignore[attr-defined]
            url, "revisit", payload=io.BytesIO(b""), warc_headers_dict=headers
        )
        writer.write_record(rec)  # type: ignore[attr-defined]
        self._added(entry)

    def failure(self, url: str, message: str, entry: Entry) -> None:
        """A URL that gave no response (timeout, TLS, refused, over the size limit …)."""
        writer = self._open()
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": ERROR_TYPE}
        if entry.referrer:
            headers[REFERRER] = entry.referrer
        rec = writer.create_warc_record(  # type: ignore[attr-defined]
            url, "metadata", payload=io.BytesIO(body), warc_headers_dict=headers
        )
        writer.write_record(rec)  # type: ignore[attr-defined]
        self._added(entry)

    def _added(self, entry: Entry) -> None:
        self.entries.append(entry)
        if len(self.entries) >= SEGMENT_RECORDS:
            self.close_segment()

    def tick(self) -> None:
        """Close a segment that has been open long enough (the scan is waiting for it)."""
        if self.fh is not None and time.monotonic() - self.opened >= SEGMENT_SECONDS:
            self.close_segment()

    def close_segment(self) -> None:
        if self.fh is None:
            if self.entries:  # URLs that wrote no record (redirects, sitemaps)
                entries, self.entries = self.entries, []
                self.on_close(entries)
            return
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        path = Path(self.fh.name)
        os.replace(path, path.with_suffix(""))  # drop ".open"
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        self.fh, self.writer = None, None
        entries, self.entries = self.entries, []
        self.on_close(entries)
