"""Crawl scope and budgets, URL canonicalisation, file names, the progress line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from pipeline.crawl.urls import canonical, file_name, in_scope
from tests.crawl.site import Site, serve
from tests.crawl.test_crawl import ROOT, _env, _lines


def test_canonical_urls_collapse_spellings_of_one_page() -> None:
    same = [
        "http://WWW.Example.gov.cn/xxgk/t1.html?b=2&a=1",
        "http://www.example.gov.cn/xxgk/t1.html?a=1&b=2#top",
        "http://www.example.gov.cn/xxgk/t1.html?a=1&utm_source=weixin&b=2&spm=a.b.c",
        "http://www.example.gov.cn/xxgk/t1.html?from=timeline&a=1&b=2&utm_campaign=x",
    ]
    assert len({canonical(u) for u in same}) == 1
    assert canonical("http://a.gov.cn/zwgk/index.html") == "http://a.gov.cn/zwgk/"
    assert canonical("http://a.gov.cn/zwgk/index.shtml#x") == "http://a.gov.cn/zwgk/"
    # a query makes index pages distinct documents; real parameters stay
    assert canonical("http://a.gov.cn/index.jsp?id=3") != canonical(
        "http://a.gov.cn/index.jsp?id=4"
    )
    assert canonical("http://a.gov.cn/list.html?page=2") != canonical("http://a.gov.cn/list.html")


def test_scope_and_file_names() -> None:
    domains = frozenset({"a.gov.cn"})
    assert in_scope("https://www.a.gov.cn/x.pdf", domains)
    assert not in_scope("https://a.gov.cn.evil.com/x", domains)
    assert not in_scope("mailto:office@a.gov.cn", domains)
    assert file_name("http://a/list.jsp?id=3", "text/html; charset=GBK") == "list.jsp.html"
    assert file_name("http://a/", "text/html") == "index.html"
    assert file_name("http://a/f/%E5%90%8D%E5%8D%95.xls", "text/html") == "名单.xls"
    disposition = 'attachment; filename="2024年公示.xlsx"'
    assert file_name("http://a/down.do?id=1", "application/octet-stream", disposition) == (
        "2024年公示.xlsx"
    )
    assert file_name("http://a/get?f=1", "application/pdf") == "get.pdf"


def test_sitemap_and_page_budget(tmp_path: Path) -> None:
    site = Site()
    site.pages()
    server, base = serve(site)
    out = tmp_path / "s.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "scan",
        "--sitemap",
        f"{base}/sitemap.xml",
        "--out",
        str(out),
        "--delay",
        "0",
        "--no-autothrottle",
        "--timeout",
        "3",
        "--retries",
        "0",
        "--max-pages",
        "6",
        "--workers",
        "1",
        "--no-ledger",
    ]
    try:
        run = subprocess.run(
            cmd, env=_env(tmp_path / "d"), cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr
    urls = sorted(r["url"] for r in _lines(out))
    assert len(urls) == 6, urls  # the budget: 6 URLs of this crawl
    sitemap_pages = {f"{base}/xxgk/detail/{n}.html" for n in (2, 4, 6, 8, 10)}
    assert sitemap_pages <= set(urls)  # queued first, from the sitemap
    assert "超出预算未抓" in run.stderr and "超出预算未抓 0" not in run.stderr
    assert all(
        r["referrer"] == f"{base}/sitemap.xml" for r in _lines(out) if r["url"] in sitemap_pages
    )


def test_progress_line_shows_the_crawl() -> None:
    from pipeline.crawl.crawl_source import CrawlSource
    from pipeline.crawl.progress import CrawlProgress

    class Fake(CrawlSource):
        def stats(self) -> dict:  # type: ignore[override]
            return {"queued": 7, "fetched": 20, "failed": 2, "unchanged": 5, "bytes": 3_500_000}

    source = Fake("x", iter(()), lambda: 0)
    progress = CrawlProgress(source, stream=io.StringIO())
    progress.add("block", 1200)
    line = progress.line()
    assert line.startswith("抓取：队列 7 · 已抓取 20（") and "3.5 MB" in line
    assert "未变化 5" in line and "失败 2" in line and "已审查 1" in line
    json.dumps(source.stats())
