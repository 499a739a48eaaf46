"""Run a per-batch function with a bounded local process pool, in input order."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Any, TextIO, TypeVar

from pipeline.batch.parent_watch import checked, init_worker
from pipeline.batch.screen_batch import screen_lines

BATCH_LINES = 32

T = TypeVar("T")
R = TypeVar("R")


def _batches(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    numbered = ((i, line) for i, line in enumerate(lines, start=1) if line.strip())
    while chunk := list(islice(numbered, size)):
        yield chunk


def map_ordered(
    fn: Callable[[T], R],
    batches: Iterable[T],
    workers: int,
    mp_context: BaseContext | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``fn(batch)`` for each batch, in input order, on ``workers`` processes (1: in-process).

    ``Executor.map`` would submit the whole input at once; this keeps a bounded window of
    ``2 * workers`` batches in flight instead, so that memory stays flat on archives of any
    size. ``mp_context``, ``initializer`` and ``initargs`` go to the process pool. Workers
    end when this process ends, even by SIGKILL (:mod:`pipeline.batch.parent_watch`).
    """
    if workers == 1:
        for batch in batches:
            yield fn(batch)
        return
    window: deque[Future[R]] = deque()
    with ProcessPoolExecutor(workers, mp_context, init_worker, (initializer, initargs)) as pool:
        for batch in batches:
            window.append(pool.submit(checked, fn, batch))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def screen_stream(
    lines: Iterable[str], workers: int | None = None, batch_lines: int = BATCH_LINES
) -> Iterator[dict[str, Any]]:
    """Contract records for each non-blank input line, in input order.

    ``workers`` defaults to the number of CPU cores; 1 runs in this process.
    """
    workers = workers or os.cpu_count() or 1
    for records in map_ordered(screen_lines, _batches(lines, batch_lines), workers):
        yield from records


def screen_jsonl(src: TextIO, dst: TextIO, workers: int | None = None) -> dict[str, int]:
    """Screen a JSONL stream into a JSONL stream; returns counts by verdict and errors."""
    counts = {"block": 0, "review": 0, "pass": 0, "error": 0}
    for record in screen_stream(src, workers):
        dst.write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[record.get("verdict", "error")] += 1
    dst.flush()
    return counts
