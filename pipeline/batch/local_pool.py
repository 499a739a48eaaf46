"""Run the per-batch function over a JSONL stream with a local process pool, in order."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TextIO

from pipeline.batch.screen_batch import screen_lines

BATCH_LINES = 32


def _batches(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    numbered = ((i, line) for i, line in enumerate(lines, start=1) if line.strip())
    while chunk := list(islice(numbered, size)):
        yield chunk


def screen_stream(
    lines: Iterable[str], workers: int | None = None, batch_lines: int = BATCH_LINES
) -> Iterator[dict[str, Any]]:
    """Contract records for each non-blank input line, in input order.

    ``workers`` defaults to the number of CPU cores; 1 runs in this process.
    """
    workers = workers or os.cpu_count() or 1
    batches = _batches(lines, batch_lines)
    if workers == 1:
        for batch in batches:
            yield from screen_lines(batch)
        return
    # Executor.map would submit the whole input at once; keep a bounded window instead so
    # that memory stays flat on archives of any size.
    window: deque[Future[list[dict[str, Any]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in batches:
            window.append(pool.submit(screen_lines, batch))
            if len(window) >= 2 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def screen_jsonl(src: TextIO, dst: TextIO, workers: int | None = None) -> dict[str, int]:
    """Screen a JSONL stream into a JSONL stream; returns counts by verdict and errors."""
    counts = {"block": 0, "review": 0, "pass": 0, "error": 0}
    for record in screen_stream(src, workers):
        dst.write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[record.get("verdict", "error")] += 1
    dst.flush()
    return counts
