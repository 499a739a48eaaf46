"""Recording a batch in one transaction: the same outcomes as one ``record`` per request."""

from __future__ import annotations

import pytest

from pipeline.ledger import LedgerError
from pipeline.ledger.recording import RecordRequest
from tests.ledger.conftest import REPLY, REPLY_V2, screened


def _request(text: str, source: str, department: str | None = None) -> RecordRequest:
    return RecordRequest(screened(text), source, department, text)


def test_batch_versions_duplicates_and_order(ledger):
    outcomes = ledger.record_many(
        [
            _request(REPLY, "a.txt", "信访办"),
            _request(REPLY_V2, "a.txt"),  # new content for the same source: version 2
            _request(REPLY, "a.txt"),  # the first request again: nothing new
            _request(REPLY, "b.txt"),
        ]
    )
    assert [(o.source, o.version, o.created) for o in outcomes] == [
        ("a.txt", 1, True), ("a.txt", 2, True), ("a.txt", 1, False), ("b.txt", 1, True),
    ]  # fmt: skip
    assert outcomes[2].document_id == outcomes[0].document_id
    assert outcomes[2].finding_ids == outcomes[0].finding_ids
    assert len(ledger.documents()) == 3
    assert [a.action for a in ledger.audit_log()] == ["document.record"] * 3
    # the ids follow the contract's findings, one to one
    contract = screened(REPLY)
    rows = {r.id: r for r in ledger.findings(document_id=outcomes[0].document_id)}
    for finding, fid in zip(contract["findings"], outcomes[0].finding_ids, strict=True):
        assert (rows[fid].entity, rows[fid].start, rows[fid].end) == (
            finding["entity"], finding["start"], finding["end"],
        )  # fmt: skip
    assert rows[outcomes[0].finding_ids[0]].department == "信访办"


def test_batch_matches_single_records(ledger):
    batch = ledger.record_many([_request(REPLY, "x.txt"), _request(REPLY_V2, "y.txt")])
    single = [ledger.record(screened(REPLY_V2), "y.txt", text=REPLY_V2)]
    assert not single[0].created and single[0].document_id == batch[1].document_id
    later = ledger.record(screened(REPLY_V2), "x.txt", text=REPLY_V2)
    assert later.created and later.version == 2


def test_invalid_request_writes_nothing(ledger):
    broken = RecordRequest({"findings": []}, "c.txt")  # no redacted text
    with pytest.raises(LedgerError, match="redacted"):
        ledger.record_many([_request(REPLY, "ok.txt"), broken])
    assert ledger.documents() == []


def test_empty_batch(ledger):
    assert ledger.record_many([]) == []
