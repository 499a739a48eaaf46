"""The background ledger writer: batches, isolates a bad request, drains on close."""

from __future__ import annotations

import threading

from pipeline.ledger.recording import RecordRequest
from pipeline.ledger.writer import LedgerWriter
from tests.ledger.conftest import screened


def _request(i: int) -> RecordRequest:
    text = f"申请人李明，联系电话138000{i:05d}。"
    return RecordRequest(screened(text), f"w-{i}", "办公室", text)


class _Gate:
    """A ledger proxy whose first ``record_many`` waits until released (to let work queue)."""

    def __init__(self, ledger):
        self.ledger, self.release, self.calls = ledger, threading.Event(), []

    def record_many(self, batch):
        self.calls.append(len(batch))
        self.release.wait(10)
        return self.ledger.record_many(batch)


def _wait_for(gate: _Gate) -> None:
    """Until the writer holds its first request and waits at the gate."""
    for _ in range(1000):
        if gate.calls:
            return
        threading.Event().wait(0.01)
    raise AssertionError("the writer never started")


def test_queued_results_are_written_in_batches(ledger):
    gate = _Gate(ledger)
    writer = LedgerWriter(gate, max_batch=50)  # type: ignore[arg-type]
    requests = [_request(i) for i in range(41)]
    writer.submit(requests[0])
    _wait_for(gate)
    for request in requests[1:]:
        assert writer.try_submit(request)
    gate.release.set()
    writer.flush()
    assert writer.pending == 0 and (writer.written, writer.failed) == (41, 0)
    assert gate.calls == [1, 40]  # everything that queued behind the first write: one batch
    assert {d.source for d in ledger.documents()} == {f"w-{i}" for i in range(41)}
    writer.close()


def test_bad_request_is_logged_and_the_rest_recorded(ledger, caplog):
    writer = LedgerWriter(ledger)
    writer.submit(RecordRequest({"findings": []}, "broken"))  # no redacted text
    for i in range(3):
        writer.submit(_request(i))
    writer.close()
    assert (writer.written, writer.failed) == (3, 1)
    assert len(ledger.documents()) == 3
    assert "台账未记录 broken" in caplog.text


def test_full_queue_refuses_without_blocking_and_close_drains(ledger):
    gate = _Gate(ledger)
    writer = LedgerWriter(gate, max_queue=2)  # type: ignore[arg-type]
    writer.submit(_request(0))
    _wait_for(gate)
    assert writer.try_submit(_request(1)) and writer.try_submit(_request(2))
    assert not writer.try_submit(_request(3))  # full: the caller decides to wait
    gate.release.set()
    writer.submit(_request(3))  # waits for room
    writer.close()
    assert writer.written == 4 and len(ledger.documents()) == 4
