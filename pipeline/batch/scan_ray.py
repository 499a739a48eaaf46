"""``zwgk scan --engine ray``: the same per-batch function on Ray Data, for clusters.

Batches of :class:`~pipeline.batch.scan_items.ScanItem` (paths, or inline JSONL lines) go
through ``ray.data.from_items`` → ``map_batches`` with :class:`ScanActor`, a callable class
run by an actor pool: each actor loads the screening pipeline once, then calls
:func:`~pipeline.batch.scan_items.screen_items` on every batch it gets. Files are read by
the actors, so on a cluster the paths must be visible on every node (a shared file system).

The input is fed in windows of ``WINDOW`` batches (one Ray dataset each) so the driver never
holds a whole archive's item list; each window starts its own actor pool.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from itertools import islice
from typing import Any

from pipeline.batch.scan_items import ScanItem, screen_items

#: Batches per Ray dataset.
WINDOW = 2048


class ScanActor:
    """Loads the pipeline once per actor; one Ray row is one JSON-encoded batch of items."""

    def __init__(self, env: dict[str, str]) -> None:
        os.environ.update(env)
        from pipeline.screen import default_screener

        default_screener()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        out = []
        for payload in batch["items"]:
            items = [ScanItem(*fields) for fields in pickle.loads(payload)]
            out.append(json.dumps(screen_items(items), ensure_ascii=False))
        return {"records": out}


def _actor_pool(size: int) -> dict[str, Any]:
    """``map_batches`` keywords for a fixed pool of ``size`` actors, old or new Ray."""
    import inspect

    import ray.data

    strategy = getattr(ray.data, "ActorPoolStrategy", None)
    if strategy is not None and "size" in inspect.signature(strategy).parameters:
        return {"compute": strategy(size=size)}
    return {"concurrency": size}


def _blocks(n: int) -> dict[str, int]:
    """``from_items`` keyword for the number of blocks (renamed in Ray 2.10)."""
    import inspect

    import ray.data

    params = inspect.signature(ray.data.from_items).parameters
    return {"override_num_blocks": n} if "override_num_blocks" in params else {"parallelism": n}


def ray_runner(workers: int | None = None, address: str | None = None) -> Any:
    """A scan runner (see :func:`pipeline.batch.scan.run_scan`) on Ray Data.

    Connects to ``address`` (or ``RAY_ADDRESS``) or starts a local Ray; ``workers`` is the
    number of actors (default: the cluster's CPUs).
    """

    def run(batches: Iterator[list[ScanItem]]) -> Iterator[list[dict[str, Any]]]:
        import ray
        import ray.data

        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        env = {k: v for k, v in os.environ.items() if k.startswith("ZWGK_")}
        while window := list(islice(batches, WINDOW)):
            # pickled, not JSON: a web document's item carries its bytes (pipeline.crawl)
            rows = [{"items": pickle.dumps([tuple(i) for i in batch])} for batch in window]
            source = ray.data.from_items(rows, **_blocks(min(len(rows), 4 * size)))
            ds = source.map_batches(
                ScanActor,
                batch_size=1,
                fn_constructor_kwargs={"env": env},
                num_cpus=1,
                **_actor_pool(min(size, len(rows))),
            )
            for row in ds.iter_rows():
                yield json.loads(row["records"])

    return run
