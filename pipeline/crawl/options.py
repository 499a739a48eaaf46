"""``zwgk scan URL…`` options (politeness, scope, budgets) and the crawl's configuration."""

from __future__ import annotations

import argparse
from typing import Any

#: Default per-file download limit: ingest's own limit (``pipeline.ingest.model.MAX_BYTES``,
#: not imported here so that building the CLI parser stays cheap).
MAX_FILE_BYTES = 50 * 1024 * 1024
USER_AGENT = "zwgk-privacy-rescan/1.0 (+https://github.com/zwgk; 政府信息公开隐私排查)"


def add_crawl_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("网站抓取（source 为 http(s):// 起始网址时）")
    g.add_argument(
        "--sitemap",
        action="append",
        default=[],
        metavar="URL",
        help="从站点地图 sitemap.xml 读取网址（可多次）",
    )
    g.add_argument(
        "--allow-domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="另外允许抓取的域名，如附件服务器（可多次；默认只抓起始网址所在站点）",
    )
    g.add_argument(
        "--ignore-robots", action="store_true", help="不遵守 robots.txt（仅限本单位自己的网站）"
    )
    g.add_argument("--max-pages", type=int, default=None, help="最多抓取的网址数")
    g.add_argument("--max-bytes", type=int, default=None, help="最多下载的总字节数")
    g.add_argument(
        "--max-file-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        help=f"单个文件的下载上限（字节，默认 {MAX_FILE_BYTES}）",
    )
    g.add_argument("--concurrency", type=int, default=2, help="每个站点的并发请求数（默认 2）")
    g.add_argument(
        "--delay", type=float, default=0.5, help="同一站点两次请求的间隔秒数（默认 0.5）"
    )
    g.add_argument("--timeout", type=float, default=30.0, help="单个请求的超时秒数（默认 30）")
    g.add_argument("--retries", type=int, default=2, help="临时错误（502/503/504/429）的重试次数")
    g.add_argument(
        "--autothrottle",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="按服务器响应速度自动调节抓取速度（默认开启）",
    )
    g.add_argument("--user-agent", default=USER_AGENT, help="抓取时使用的 User-Agent")


def is_crawl(args: argparse.Namespace) -> bool:
    starts = list(args.source)
    return bool(args.sitemap) or (bool(starts) and all(_is_url(s) for s in starts))


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def crawl_config(args: argparse.Namespace) -> dict[str, Any]:
    """The child's configuration (paths are added by ``pipeline.crawl.crawl_source``)."""
    from pipeline.batch.scan_inputs import ScanInputError
    from pipeline.crawl.urls import canonical, host

    starts = [canonical(u) for u in args.source]
    sitemaps = [canonical(u) for u in args.sitemap]
    for url in starts + sitemaps:
        if not _is_url(url) or not host(url):
            raise ScanInputError(f"{url}：不是有效的网址（应以 http:// 或 https:// 开头）")
    domains = {host(u) for u in starts + sitemaps}
    domains |= {d.strip().lower().lstrip(".") for d in args.allow_domain if d.strip()}
    for name, value in (
        ("--max-pages", args.max_pages),
        ("--max-bytes", args.max_bytes),
        ("--concurrency", args.concurrency),
        ("--max-file-bytes", args.max_file_bytes),
    ):
        if value is not None and value < 1:
            raise ScanInputError(f"{name} 应为正数")
    return {
        "starts": starts,
        "sitemaps": sitemaps,
        "domains": sorted(domains),
        "robots": not args.ignore_robots,
        "max_pages": args.max_pages,
        "max_bytes": args.max_bytes,
        "max_file_bytes": args.max_file_bytes,
        "concurrency": args.concurrency,
        "delay": max(args.delay, 0.0),
        "timeout": args.timeout,
        "retries": max(args.retries, 0),
        "autothrottle": args.autothrottle,
        "user_agent": args.user_agent,
    }
