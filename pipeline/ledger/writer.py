"""A background writer: one thread records queued screening results in batches.

The review hook answers the CMS first and records afterwards. Recording every document in
its own transaction costs a commit (an fsync on SQLite) and a write lock per request; the
writer instead takes everything that queued up while it was writing and records it with
one ``Ledger.record_many`` call. Nothing is dropped silently: ``submit`` blocks when the
queue is full (back-pressure), a batch that fails is retried per document, and whatever
still fails is logged by source with the reason.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.ledger.recording import RecordRequest
from pipeline.ledger.records import LedgerError

if TYPE_CHECKING:
    from pipeline.ledger.repository import Ledger

log = logging.getLogger("zwgk.ledger")

#: seconds between attempts when the database itself fails (locked, unreachable)
RETRY_DELAYS = (0.2, 1.0, 3.0)


class LedgerWriter:
    """``submit()`` from any thread; ``close()`` writes what is queued and stops."""

    def __init__(self, ledger: Ledger, max_batch: int = 128, max_queue: int = 2_000) -> None:
        self.ledger = ledger
        self.max_batch = max_batch
        self._queue: queue.Queue[RecordRequest | None] = queue.Queue(max_queue)
        self._thread = threading.Thread(target=self._run, name="zwgk-ledger-writer", daemon=True)
        self._closed = False
        #: documents recorded (new or already known), batches written, documents lost
        self.written = self.batches = self.failed = 0
        self._thread.start()

    def submit(self, request: RecordRequest) -> None:
        """Queue a result; blocks while the queue is full."""
        if self._closed:
            raise RuntimeError("台账写入线程已关闭")
        self._queue.put(request)

    def try_submit(self, request: RecordRequest) -> bool:
        """Queue a result unless the queue is full (never blocks: safe on an event loop)."""
        if self._closed:
            raise RuntimeError("台账写入线程已关闭")
        try:
            self._queue.put_nowait(request)
        except queue.Full:
            return False
        return True

    @property
    def pending(self) -> int:
        """Results queued and not yet written."""
        return self._queue.unfinished_tasks

    def flush(self) -> None:
        """Wait until everything submitted so far is written (or has failed)."""
        self._queue.join()

    def close(self, timeout: float | None = 60.0) -> None:
        """Write what is queued, then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("台账写入线程未能在 %s 秒内写完，仍有 %d 份待写", timeout, self.pending)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            batch = [] if first is None else [first]
            stop = first is None
            while not stop and len(batch) < self.max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                else:
                    batch.append(item)
            if batch:
                self._write(batch)
            for _ in range(len(batch) + stop):
                self._queue.task_done()
            if stop:
                return

    def _write(self, batch: Sequence[RecordRequest]) -> None:
        try:
            self._record(batch)
        except LedgerError:  # one request is wrong: record the others one by one
            for request in batch:
                try:
                    self._record([request])
                except LedgerError as exc:
                    log.error("台账未记录 %s：%s", request.source, exc)
                    self.failed += 1
                except Exception:
                    log.exception("台账写入失败：%s", request.source)
                    self.failed += 1
                else:
                    self.written += 1
        except Exception:
            sources = "、".join(r.source for r in batch[:5])
            log.exception("台账写入失败（%d 份，含 %s）", len(batch), sources)
            self.failed += len(batch)
        else:
            self.batches += 1
            self.written += len(batch)

    def _record(self, batch: Sequence[RecordRequest]) -> None:
        """``record_many``, retried while the database itself fails (locked, unreachable)."""
        for delay in RETRY_DELAYS:
            try:
                self.ledger.record_many(batch)
                return
            except LedgerError:
                raise
            except Exception as exc:
                log.warning("台账写入重试（%.1f 秒后）：%s", delay, exc)
                time.sleep(delay)
        self.ledger.record_many(batch)
