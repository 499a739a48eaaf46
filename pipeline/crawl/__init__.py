"""Crawling a published website for ``zwgk scan`` (see ``docs/crawl.md``).

The crawl only FEEDS the batch scan: a Scrapy spider in a child process writes what it
fetches into WARC segments (``pipeline.crawl.warc_segments``), and the scan reads them as it
reads any web archive (``pipeline.crawl.warc_source``), through the one per-document function
``pipeline.batch.scan_items.screen_items``.
"""
