"""The crawl's durable frontier (SQLite, WAL, synchronous=FULL): which URLs each crawl has
queued and fetched, with the validators (ETag, Last-Modified) a later crawl sends back.

Scrapy's ``JOBDIR`` is made for a graceful stop: its disk queue writes its index and its
``requests.seen`` is buffered, so a ``kill -9`` can lose or repeat requests. Here a page
counts as fetched only in the transaction that also queues the links found on it, and that
transaction runs after the WARC segment holding the page is closed and renamed
(``pipeline.crawl.warc_segments``). A kill can therefore only leave URLs queued that were
already fetched (fetched again on resume; the scan reads each URL once per crawl), never a
fetched page whose links are lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import NamedTuple

#: URL states: queued, done (a document or an HTTP error was written), unchanged (304),
#: failed (no response), redirect (the target has its own row), listed (a sitemap read),
#: budget (over a budget, not fetched).
STATES = ("queued", "done", "unchanged", "failed", "redirect", "listed", "budget")


class Entry(NamedTuple):
    """What became of one URL, committed with its segment."""

    url: str
    state: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    referrer: str | None = None
    #: links found on the page and queued by it: (url, referrer)
    links: tuple[tuple[str, str], ...] = ()
    #: every in-scope link of the page (a later crawl's 304 for it queues them again)
    outlinks: tuple[str, ...] = ()
    #: where the document's response record is: ``segment name:offset`` (a 304 reuses it)
    location: str | None = None


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Frontier:
    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS crawls (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL,"
            " finished_at TEXT, reason TEXT);"
            "CREATE TABLE IF NOT EXISTS urls (crawl INTEGER NOT NULL, url TEXT NOT NULL,"
            " state TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'page', status INTEGER,"
            " etag TEXT, last_modified TEXT, referrer TEXT, location TEXT,"
            " PRIMARY KEY (crawl, url));"
            "CREATE TABLE IF NOT EXISTS links (crawl INTEGER NOT NULL, page TEXT NOT NULL,"
            " url TEXT NOT NULL, PRIMARY KEY (crawl, page, url));"
        )

    def close(self) -> None:
        self.db.close()

    def begin(self) -> tuple[int, bool]:
        """``(crawl id, resumed)``: the unfinished crawl, else a new one."""
        row = self.db.execute(
            "SELECT id FROM crawls WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row:
            return int(row[0]), True
        cur = self.db.execute("INSERT INTO crawls (started_at) VALUES (?)", (now(),))
        return int(cur.lastrowid or 0), False

    def started_at(self, crawl: int) -> str:
        row = self.db.execute("SELECT started_at FROM crawls WHERE id = ?", (crawl,)).fetchone()
        return str(row[0]) if row else ""

    def fetched(self, crawl: int, reason: str) -> None:
        """The spider stopped (``finished``: nothing left to fetch)."""
        self.db.execute("UPDATE crawls SET reason = ? WHERE id = ?", (reason, crawl))

    def complete(self, crawl: int) -> None:
        """The scan has read and committed everything the crawl fetched: the next run
        starts a new crawl (a rescan). Set by the scan, never by the spider, so a scan
        killed after the spider finished resumes the same crawl."""
        self.db.execute("UPDATE crawls SET finished_at = ? WHERE id = ?", (now(), crawl))

    def seed(self, crawl: int, urls: Iterable[tuple[str, str]]) -> None:
        """Queue start URLs ``(url, kind)`` (kind ``page`` or ``sitemap``) once."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT OR IGNORE INTO urls (crawl, url, state, kind) VALUES (?, ?, 'queued', ?)",
                [(crawl, url, kind) for url, kind in urls],
            )

    def commit(self, crawl: int, entries: list[Entry]) -> None:
        """Record a closed segment's URLs and queue their links, in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for e in entries:
                self.db.execute(
                    "INSERT INTO urls (crawl, url, state, status, etag, last_modified, referrer,"
                    " location) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (crawl, url) DO UPDATE"
                    " SET state = excluded.state, status = excluded.status, etag = excluded.etag,"
                    " last_modified = excluded.last_modified, location = excluded.location,"
                    " referrer = coalesce(urls.referrer, excluded.referrer)",
                    (
                        crawl,
                        e.url,
                        e.state,
                        e.status,
                        e.etag,
                        e.last_modified,
                        e.referrer,
                        e.location,
                    ),
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO urls (crawl, url, state, referrer)"
                    " VALUES (?, ?, 'queued', ?)",
                    [(crawl, url, ref) for url, ref in e.links],
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO links (crawl, page, url) VALUES (?, ?, ?)",
                    [(crawl, e.url, url) for url in e.outlinks],
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def mark(self, crawl: int, urls: list[tuple[str, str | None]], state: str) -> None:
        """Record URLs that will not be fetched (``budget``) in one go."""
        self.db.executemany(
            "INSERT OR IGNORE INTO urls (crawl, url, state, referrer) VALUES (?, ?, ?, ?)",
            [(crawl, url, state, ref) for url, ref in urls],
        )

    def pending(self, crawl: int) -> list[tuple[str, str | None, str]]:
        """Queued ``(url, referrer, kind)`` of a crawl, oldest first."""
        return [
            (str(u), r, str(k))
            for u, r, k in self.db.execute(
                "SELECT url, referrer, kind FROM urls WHERE crawl = ? AND state = 'queued'"
                " ORDER BY rowid",
                (crawl,),
            )
        ]

    def count_kind(self, crawl: int, kind: str) -> int:
        row = self.db.execute(
            "SELECT count(*) FROM urls WHERE crawl = ? AND kind = ?", (crawl, kind)
        ).fetchone()
        return int(row[0])

    def known(self, crawl: int) -> set[str]:
        return {
            str(u) for (u,) in self.db.execute("SELECT url FROM urls WHERE crawl = ?", (crawl,))
        }

    def validators(self, crawl: int, url: str) -> tuple[str | None, str | None, str | None]:
        """ETag, Last-Modified and record location of ``url``'s latest document in an
        earlier crawl (only a document whose record is known can be answered by a 304)."""
        row = self.db.execute(
            "SELECT etag, last_modified, location FROM urls WHERE url = ? AND crawl < ?"
            " AND state IN ('done', 'unchanged') AND status IN (200, 304)"
            " AND location IS NOT NULL ORDER BY crawl DESC LIMIT 1",
            (url, crawl),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else (None, None, None)

    def links_of(self, crawl: int, page: str) -> list[str]:
        """The links ``page`` had in the latest earlier crawl that read it."""
        return [
            str(u)
            for (u,) in self.db.execute(
                "SELECT url FROM links WHERE page = ? AND crawl = (SELECT max(crawl) FROM links"
                " WHERE page = ? AND crawl < ?)",
                (page, page, crawl),
            )
        ]

    def counts(self, crawl: int) -> dict[str, int]:
        return {
            str(s): int(n)
            for s, n in self.db.execute(
                "SELECT state, count(*) FROM urls WHERE crawl = ? GROUP BY state", (crawl,)
            )
        }
