"""Bulk rescans of archives (``zwgk scan``): resumable, idempotent, parallel.

Flow: enumerate the source lazily → look each key up in the state index (skip marker if
the same content was screened under the same rules) → batches of :class:`ScanItem` →
:func:`~pipeline.batch.scan_items.screen_items` on a local process pool or Ray Data →
journal append + fsync → sinks → index commit. See ``docs/scan.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from typing import Any

from pipeline.batch.local_pool import map_ordered
from pipeline.batch.scan_inputs import JSONL_SUFFIXES, ScanInputError, ScanSource, open_source
from pipeline.batch.scan_items import CHARS, SKIPPED, TEXT, ScanItem, screen_items
from pipeline.batch.scan_progress import Progress
from pipeline.batch.scan_sinks import ParquetSink, Sink
from pipeline.batch.scan_state import (
    Journal,
    Row,
    ScanState,
    compact,
    reconcile,
    record_key,
    record_status,
)

#: Documents per worker batch.
BATCH_SIZE = 16
#: Completed batches are committed together at most this often (seconds) …
FLUSH_SECONDS = 0.5
#: … or as soon as this many records are pending.
FLUSH_RECORDS = 512

Batches = Iterator[list[ScanItem]]
Runner = Callable[[Batches], Iterator[list[dict[str, Any]]]]


@dataclass
class ScanOutcome:
    """What a run did, for the CLI and the tests."""

    counts: Counter[str]
    chars: int
    seconds: float
    dropped_bytes: int = 0
    compacted: int = 0
    duplicates: int = 0
    ignored: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def output_files(out: str) -> tuple[str, str, list[Sink]]:
    """``(journal, state file, sinks)`` for ``--out``: a .jsonl file or a .parquet file."""
    lower = out.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return out, out + ".state.sqlite", []
    if lower.endswith(".parquet"):
        return out + ".journal.jsonl", out + ".state.sqlite", [ParquetSink(out)]
    raise ScanInputError(f"{out}：输出文件应以 .jsonl 或 .parquet 结尾")


def fingerprint(tags: Iterable[str] = ()) -> str:
    """What a result depends on besides the text: version, rules, NER model (and ``tags``:
    the sinks that must see every document)."""
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.decide.rule_schema import rules_dir
    from pipeline.detect.recognizers.ner_recognizer import ner_enabled

    h = hashlib.sha256()
    with contextlib.suppress(PackageNotFoundError):
        h.update(version("zwgk").encode())
    for path in sorted(rules_dir().glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    if ner_enabled():
        from pipeline.ner.artifact import MANIFEST, latest

        model = latest()
        h.update(b"ner:" + ((model / MANIFEST).read_bytes() if model else b"none"))
    for tag in sorted(tags):
        h.update(b"sink:" + tag.encode())
    return h.hexdigest()[:16]


def local_runner(workers: int) -> Runner:
    """The bounded in-order process pool (forkserver: the driver has threads and SQLite).

    Workers get the driver's ``ZWGK_*`` variables as they are when the scan starts.
    """

    def run(batches: Batches) -> Iterator[list[dict[str, Any]]]:
        if workers == 1:
            return map_ordered(screen_items, batches, 1)
        env = {k: v for k, v in os.environ.items() if k.startswith("ZWGK_")}
        context = get_context("forkserver")
        # the server imports the pipeline once; each forked worker starts with it imported
        context.set_forkserver_preload(["pipeline.batch.scan_items"])
        return map_ordered(screen_items, batches, workers, context, _set_env, (env,))

    return run


def _set_env(env: dict[str, str]) -> None:
    os.environ.update(env)


def run_scan(
    source: str | ScanSource,
    out: str,
    runner: Runner | None = None,
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    retry_errors: bool = False,
    sinks: Iterable[Sink] = (),
    progress: Progress | None = None,
) -> ScanOutcome:
    """Scan ``source`` into ``out``, continuing any earlier run into the same ``out``."""
    src = open_source(source) if isinstance(source, str) else source
    journal_path, state_path, own_sinks = output_files(out)
    all_sinks = [*own_sinks, *sinks]
    keep_text = any(sink.needs_text for sink in all_sinks)
    runner = runner or local_runner(os.cpu_count() or 1)
    progress = progress or Progress(quiet=True)
    state = ScanState(state_path)
    try:
        journal = Journal(journal_path)
    except BaseException:
        state.close()
        raise
    try:
        outcome = ScanOutcome(progress.counts, 0, 0.0, dropped_bytes=reconcile(journal, state))
        fp = fingerprint([sink.tag for sink in all_sinks if sink.tag])
        threading.Thread(target=_count, args=(src, progress), daemon=True).start()
        items = _plan(src.items, state, fp, force, retry_errors, keep_text, outcome)
        committer = _Committer(journal, state, all_sinks, fp, progress)
        try:
            for records in runner(_chunks(items, batch_size)):
                committer.add(records)
        finally:  # on Ctrl-C too: what is complete is kept
            committer.flush()
        outcome.compacted = compact(journal, state)
        for sink in all_sinks:
            sink.finish(journal)
    finally:
        for sink in all_sinks:
            sink.close()
        journal.close()
        state.close()
    outcome.chars, outcome.seconds, outcome.ignored = progress.chars, progress.elapsed, src.ignored
    outcome.notes = _notes(outcome)
    return outcome


def _count(src: ScanSource, progress: Progress) -> None:
    try:
        progress.total = src.count()
    except Exception:  # progress without a total is still progress
        progress.total = None


def _plan(
    items: Iterable[ScanItem],
    state: ScanState,
    fp: str,
    force: bool,
    retry_errors: bool,
    keep_text: bool,
    outcome: ScanOutcome,
) -> Iterator[ScanItem]:
    """Items with ``known`` set where a rescan may skip them; duplicate keys left out."""
    seen: set[str] = set()
    for item in items:
        if item.key in seen:
            outcome.duplicates += 1
            continue
        seen.add(item.key)
        known = None if force else state.lookup(item.key)
        if (
            known is not None
            and known.fingerprint == fp
            and (known.status != "error" or not retry_errors)
        ):
            item = item._replace(known=known.sha256)
        yield item._replace(keep_text=True) if keep_text else item


def _chunks(items: Iterator[ScanItem], size: int) -> Batches:
    while chunk := list(islice(items, size)):
        yield chunk


class _Committer:
    """Journal append + fsync, then sinks, then the index commit; coalesced in time."""

    def __init__(
        self, journal: Journal, state: ScanState, sinks: list[Sink], fp: str, progress: Progress
    ) -> None:
        self.journal, self.state, self.sinks, self.fp = journal, state, sinks, fp
        self.progress = progress
        self.pending: list[dict[str, Any]] = []
        self.last = time.monotonic()

    def add(self, records: list[dict[str, Any]]) -> None:
        self.pending.extend(records)
        if len(self.pending) >= FLUSH_RECORDS or time.monotonic() - self.last >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        pending, self.pending = self.pending, []
        new: list[dict[str, Any]] = []
        keys: list[str] = []
        texts: list[str | None] = []
        for record in pending:
            if record.get(SKIPPED):
                self.progress.add("skipped")
                continue
            keys.append(record_key(record))  # what compaction and rebuilds use too
            texts.append(record.pop(TEXT, None))
            chars = record.pop(CHARS, 0)
            new.append(record)
            self.progress.add(record_status(record), chars)
        if new:
            offsets = self.journal.append(new)
            for sink in self.sinks:
                sink.write(new, texts)
            rows = [
                Row(key, rec.get("sha256"), self.fp, record_status(rec), off)
                for key, rec, off in zip(keys, new, offsets, strict=True)
            ]
            self.state.commit(rows, self.journal.size())
        self.progress.tick()


def _notes(outcome: ScanOutcome) -> list[str]:
    notes = []
    if outcome.dropped_bytes:
        notes.append(
            f"上次扫描中断：丢弃了 {outcome.dropped_bytes} 字节未提交的输出，相应文档已重新审查"
        )
    if outcome.duplicates:
        notes.append(f"输入中有 {outcome.duplicates} 个重复的文档（同一路径或 id），已忽略")
    if outcome.ignored:
        kinds = "，".join(f"{ext} {n}" for ext, n in outcome.ignored.most_common())
        notes.append(f"未审查的其他文件：{kinds}")
    return notes
