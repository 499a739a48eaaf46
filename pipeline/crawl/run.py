"""The crawl's child process: ``python -m pipeline.crawl.run CONFIG.json``.

Scrapy runs on Twisted's reactor, which can start once per process and owns its thread; a
child keeps it away from the scan's driver (its process pool, SQLite, progress line). The
child ends when its parent ends, even by SIGKILL (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def settings(cfg: dict[str, Any]) -> dict[str, Any]:
    """Scrapy settings for a crawl configuration (see ``pipeline.crawl.options``)."""
    return {
        "BOT_NAME": "zwgk",
        "USER_AGENT": cfg["user_agent"],
        "ROBOTSTXT_OBEY": cfg["robots"],
        "CONCURRENT_REQUESTS": max(16, cfg["concurrency"] * len(cfg["domains"])),
        "CONCURRENT_REQUESTS_PER_DOMAIN": cfg["concurrency"],
        "DOWNLOAD_DELAY": cfg["delay"],
        "RANDOMIZE_DOWNLOAD_DELAY": cfg["delay"] > 0,
        "DOWNLOAD_TIMEOUT": cfg["timeout"],
        "DOWNLOAD_MAXSIZE": cfg["max_file_bytes"],
        "DOWNLOAD_WARNSIZE": 0,
        "AUTOTHROTTLE_ENABLED": cfg["autothrottle"],
        "AUTOTHROTTLE_START_DELAY": max(cfg["delay"], 0.5),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(cfg["concurrency"]),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": cfg["retries"],
        "RETRY_HTTP_CODES": [502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_ENABLED": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": cfg.get("log_level", "INFO"),
        "LOG_FILE": cfg["log"],
        "DEPTH_PRIORITY": 1,  # breadth first: list pages before deep pages
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    }


def main(argv: list[str] | None = None) -> int:
    from pipeline.batch.parent_watch import _kernel_watch

    _kernel_watch(os.getppid())
    path = (argv or sys.argv[1:])[0]
    with open(path, encoding="utf-8") as fh:
        cfg = json.load(fh)
    from scrapy.crawler import CrawlerProcess

    from pipeline.crawl.spider import SiteSpider

    process = CrawlerProcess(settings(cfg))
    process.crawl(SiteSpider, config=cfg)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
