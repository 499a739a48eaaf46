"""Run a per-batch function with a bounded local process pool, in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from pipeline.batch.parent_watch import checked, init_worker

BATCH_LINES = 32

T = TypeVar("T")
R = TypeVar("R")


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
