"""Progress of a crawl + scan: the scan's line (``pipeline.batch.scan_progress``) with the
crawl's figures in front — queued, fetched (pages/s, MB), failed — read from the
``stats.json`` the spider rewrites four times a second."""

from __future__ import annotations

from typing import Any, TextIO

from pipeline.batch.scan_progress import Progress
from pipeline.crawl.crawl_source import CrawlSource


class CrawlProgress(Progress):
    def __init__(
        self, source: CrawlSource, stream: TextIO | None = None, quiet: bool = False
    ) -> None:
        super().__init__(stream=stream, quiet=quiet)
        self.source = source

    def crawl_line(self, stats: dict[str, Any]) -> str:
        fetched = int(stats.get("fetched", 0))
        mb = int(stats.get("bytes", 0)) / 1e6
        parts = [
            f"抓取：队列 {stats.get('queued', 0)}",
            f"已抓取 {fetched}（{fetched / self.elapsed:.1f} 页/秒，{mb:.1f} MB）",
        ]
        if stats.get("unchanged"):
            parts.append(f"未变化 {stats['unchanged']}")
        if stats.get("failed"):
            parts.append(f"失败 {stats['failed']}")
        if stats.get("budget"):
            parts.append(f"超出预算未抓 {stats['budget']}")
        return " · ".join(parts)

    def line(self) -> str:
        stats = self.source.stats()
        if stats and not stats.get("final"):  # the total so far: what is fetched or queued
            known = sum(int(stats.get(k, 0)) for k in ("fetched", "failed", "queued"))
            self.total = max(known, self.done)
        scan = super().line().replace("已处理", "已审查", 1)
        return f"{self.crawl_line(stats)} | {scan}" if stats else scan


def crawl_notes(source: CrawlSource) -> list[str]:
    """What the crawl did, for the end of the run."""
    stats = source.stats()
    notes = []
    if stats:
        notes.append(
            f"抓取 crawl-{source.crawl}{'（续抓）' if source.resumed else ''}：已抓取 "
            f"{stats.get('fetched', 0)} 个网址（未变化 {stats.get('unchanged', 0)}），"
            f"失败 {stats.get('failed', 0)}，超出预算未抓 {stats.get('budget', 0)}，"
            f"下载 {int(stats.get('bytes', 0)) / 1e6:.1f} MB；记录与 WARC 存档在 {source.folder}"
        )
    code = source.returncode
    if code:
        notes.append(
            f"抓取进程异常退出（代码 {code}），见 {source.folder / 'crawl.log'}；再次运行即可续抓"
        )
    elif not source.fetched_all:
        notes.append("抓取未完成；再次运行同一命令即可续抓")
    return notes
