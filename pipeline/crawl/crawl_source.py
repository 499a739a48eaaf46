"""The scan source of a site crawl: start the spider in a child process and read its WARC
segments as they close, until the child has ended and every segment is read.

Everything lives in ``OUT.crawl/`` next to the scan output: ``frontier.sqlite``,
``warc/c0001-00001.warc.gz`` …, ``config.json``, ``stats.json`` and ``crawl.log``. A crawl
that did not finish (kill, Ctrl-C, a crash) is resumed by the next run; a finished one is
followed by a new crawl — a rescan — that fetches conditionally.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.batch.scan_items import ScanItem
from pipeline.crawl.frontier import Frontier
from pipeline.crawl.warc_segments import segments
from pipeline.crawl.warc_source import WebSource, warc_items

POLL_SECONDS = 0.1


class CrawlSource(WebSource):
    """A :class:`WebSource` fed by a crawl (``crawl`` is its number in the frontier)."""

    crawl: int = 0
    folder: Path = Path()
    process: subprocess.Popen[bytes] | None = None
    resumed: bool = False

    def stats(self) -> dict[str, Any]:
        try:
            return dict(json.loads((self.folder / "stats.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    @property
    def fetched_all(self) -> bool:
        """The spider ended by itself with nothing left to fetch."""
        stats = self.stats()
        return (
            self.returncode == 0 and bool(stats.get("final")) and stats.get("reason") == "finished"
        )

    def complete(self) -> bool:
        """Call once the scan has committed everything: mark the crawl complete (the next
        run is a rescan). False, and nothing marked, if the spider did not finish."""
        if not self.fetched_all:
            return False
        frontier = Frontier(str(self.folder / "frontier.sqlite"))
        try:
            frontier.complete(self.crawl)
        finally:
            frontier.close()
        return True


def crawl_folder(out: str) -> Path:
    return Path(out + ".crawl")


def open_crawl(cfg: dict[str, Any], out: str) -> CrawlSource:
    """Start (or resume) the crawl of ``cfg`` for the scan output ``out``."""
    folder = crawl_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    frontier = Frontier(str(folder / "frontier.sqlite"))
    try:
        crawl, resumed = frontier.begin()
        if not resumed:
            seeds = [(u, "page") for u in cfg["starts"]] + [(u, "sitemap") for u in cfg["sitemaps"]]
            frontier.seed(crawl, seeds)
        started = frontier.started_at(crawl)
    finally:
        frontier.close()
    cfg = {
        **cfg,
        "crawl": crawl,
        "frontier": str(folder / "frontier.sqlite"),
        "warc": str(folder / "warc"),
        "stats": str(folder / "stats.json"),
        "log": str(folder / "crawl.log"),
    }
    (folder / "stats.json").unlink(missing_ok=True)
    (folder / "config.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=1), "utf-8")
    source = CrawlSource(",".join(cfg["starts"] + cfg["sitemaps"]), iter(()), lambda: 0)
    source.crawl, source.folder, source.resumed = crawl, folder, resumed
    source.rescan_id = f"crawl-{crawl}@{started}"
    source.count = lambda: _total(source)
    source.items = _tail(source)
    return source


def _start(source: CrawlSource) -> subprocess.Popen[bytes]:
    with open(source.folder / "crawl.stderr", "ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "pipeline.crawl.run", str(source.folder / "config.json")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def _tail(source: CrawlSource) -> Iterator[ScanItem]:
    """Started by the scan once it holds its output's lock (never two crawls at once)."""
    source.process = _start(source)
    read: set[Path] = set()
    warc = source.folder / "warc"
    try:
        while True:
            ended = source.returncode is not None  # polled BEFORE listing: nothing is missed
            new = [p for p in segments(warc, source.crawl) if p not in read]
            for path in new:
                read.add(path)
                yield from warc_items([str(path)], source.visited)
            if not new:
                if ended:
                    return
                time.sleep(POLL_SECONDS)
    finally:  # the scan stopped early: stop the crawl too (it resumes next time)
        if source.process.poll() is None:
            source.process.terminate()
            try:
                source.process.wait(30)
            except subprocess.TimeoutExpired:
                source.process.kill()


def _total(source: CrawlSource) -> int:
    """The total for the progress line, known once the crawl has ended."""
    while source.process is None or source.returncode is None:
        time.sleep(0.5)
    stats = source.stats()
    return int(stats.get("fetched", 0)) + int(stats.get("failed", 0))
