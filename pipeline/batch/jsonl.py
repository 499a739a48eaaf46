"""``zwgk screen --jsonl``: one output line for EVERY input line, in input order.

A blank line (empty or only whitespace) is answered with ``{"id": null, "error":
"第N行：空行"}`` like any other malformed line, so output line N always answers input line
N: a CMS that pairs results with requests by position (ids are optional) never drifts.
The per-batch work is :func:`pipeline.batch.screen_batch.screen_lines` on the local process
pool (:func:`pipeline.batch.local_pool.map_ordered`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

from pipeline.batch.local_pool import BATCH_LINES, map_ordered
from pipeline.batch.screen_batch import screen_lines


def numbered_batches(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    """``(line number, line)`` pairs of every line, blank ones included, ``size`` at a time."""
    numbered = enumerate(lines, start=1)
    while chunk := list(islice(numbered, size)):
        yield chunk


def screen_stream(
    lines: Iterable[str], workers: int | None = None, batch_lines: int = BATCH_LINES
) -> Iterator[dict[str, Any]]:
    """One record per input line, in input order (``workers``: default the CPU count)."""
    workers = workers or os.cpu_count() or 1
    for records in map_ordered(screen_lines, numbered_batches(lines, batch_lines), workers):
        yield from records


def screen_jsonl(src: TextIO, dst: TextIO, workers: int | None = None) -> dict[str, int]:
    """Screen a JSONL stream into a JSONL stream; counts by verdict and of error lines."""
    counts = {"block": 0, "review": 0, "pass": 0, "error": 0}
    for record in screen_stream(src, workers):
        dst.write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[record.get("verdict", "error")] += 1
    dst.flush()
    return counts
