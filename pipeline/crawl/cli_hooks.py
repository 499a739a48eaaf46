"""What ``zwgk scan`` (``pipeline.cli.scan``) asks of the crawl stage: the source for its
arguments (a crawl, a WARC file or an ordinary input), its progress line, and the notes and
整改复查 (re-inspection) after the run."""

from __future__ import annotations

import argparse

from pipeline.batch.scan_inputs import ScanInputError, ScanSource
from pipeline.batch.scan_progress import Progress
from pipeline.crawl.options import crawl_config, is_crawl

WARC_SUFFIXES = (".warc", ".warc.gz")


def scan_source(args: argparse.Namespace, progress: Progress) -> tuple[str | ScanSource, Progress]:
    """The source ``run_scan`` gets, and the progress to show for it."""
    if is_crawl(args):
        from pipeline.crawl.crawl_source import open_crawl
        from pipeline.crawl.progress import CrawlProgress

        source = open_crawl(crawl_config(args), args.out)
        return source, CrawlProgress(source, quiet=progress.quiet)
    if len(args.source) != 1:
        raise ScanInputError("一次只能扫描一个目录、清单或 WARC 存档（起始网址可以有多个）")
    spec = args.source[0]
    if spec.lower().endswith(WARC_SUFFIXES):  # opened here to re-inspect its URLs afterwards
        from pipeline.crawl.warc_source import open_warc

        return open_warc([spec]), progress
    return spec, progress


def after_scan(args: argparse.Namespace, source: str | ScanSource) -> list[str]:
    """Notes for the end of the run; a web source's findings are re-inspected in the ledger."""
    from pipeline.crawl.crawl_source import CrawlSource
    from pipeline.crawl.warc_source import WebSource

    notes: list[str] = []
    if isinstance(source, CrawlSource):
        from pipeline.crawl.progress import crawl_notes

        notes += crawl_notes(source)
        if not source.complete():
            return notes  # an unfinished crawl proves nothing about what is gone
    if isinstance(source, WebSource) and args.ledger:
        from pipeline.crawl.recheck import recheck_scan

        notes += recheck_scan(source, args.out)
    return notes
