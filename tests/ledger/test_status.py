"""The reviewer workflow: open → rectified / retained (with reason) / false positive, reopen
with a reason, everything else refused, every change in the audit log."""

from __future__ import annotations

import pytest

from pipeline.ledger import InvalidTransition, LedgerError, NotFound
from tests.ledger.conftest import REPLY, screened


@pytest.fixture
def ids(ledger):
    return ledger.record(screened(REPLY), "reply.txt", "信访办", text=REPLY).finding_ids


def test_rectified_and_false_positive_need_no_reason(ledger, ids):
    row = ledger.set_status(ids[0], "rectified", actor="王审核")
    assert (row.status, row.status_by, row.status_reason) == ("rectified", "王审核", None)
    assert row.status_at is not None and row.status_at.tzinfo is not None
    assert ledger.set_status(ids[1], "false_positive", actor="王审核").status == "false_positive"
    assert ledger.finding(ids[0]).status == "rectified"


def test_retained_requires_a_reason(ledger, ids):
    with pytest.raises(LedgerError, match="必须说明理由"):
        ledger.set_status(ids[0], "retained", "  ", actor="王审核")
    assert ledger.finding(ids[0]).status == "open"
    row = ledger.set_status(ids[0], "retained", "公示制度要求公开姓名", actor="王审核")
    assert (row.status, row.status_reason) == ("retained", "公示制度要求公开姓名")


def test_invalid_transitions_are_refused(ledger, ids):
    ledger.set_status(ids[0], "rectified", actor="a")
    with pytest.raises(InvalidTransition, match=r"已整改.*误报"):
        ledger.set_status(ids[0], "false_positive", actor="a")
    with pytest.raises(InvalidTransition):
        ledger.set_status(ids[1], "open", "再看看", actor="a")  # already open
    with pytest.raises(LedgerError, match="未知状态"):
        ledger.set_status(ids[1], "ignored", actor="a")
    with pytest.raises(NotFound):
        ledger.set_status(999_999, "rectified", actor="a")
    assert ledger.finding(ids[0]).status == "rectified"


def test_reopen_needs_a_reason_then_allows_a_new_decision(ledger, ids):
    ledger.set_status(ids[0], "false_positive", actor="a")
    with pytest.raises(LedgerError, match="理由"):
        ledger.set_status(ids[0], "open", actor="b")
    ledger.set_status(ids[0], "open", "误判，需整改", actor="b")
    assert ledger.set_status(ids[0], "rectified", actor="b").status == "rectified"


def test_every_change_is_audited(ledger, ids):
    ledger.set_status(ids[0], "retained", "依法公开", actor="王审核")
    ledger.set_status(ids[0], "open", "复查", actor="李科长")
    with pytest.raises(InvalidTransition):
        ledger.set_status(ids[0], "open", "再次", actor="李科长")
    log = ledger.audit_log("finding", ids[0])
    assert [(a.actor, a.action) for a in log] == [
        ("李科长", "finding.status"),
        ("王审核", "finding.status"),
    ]
    newest, oldest = log
    assert oldest.before == {"status": "open", "status_reason": None}
    assert oldest.after == {"status": "retained", "status_reason": "依法公开"}
    assert newest.before == oldest.after
    assert newest.at >= oldest.at and newest.at.tzinfo is not None


def test_findings_filters(ledger, ids):
    ledger.set_status(ids[0], "rectified", actor="a")
    assert [r.id for r in ledger.findings(status="rectified")] == [ids[0]]
    assert ledger.count_findings(status="open") == len(ids) - 1
    assert ledger.count_findings(department="信访办") == len(ids)
    assert ledger.count_findings(department="财政局") == 0
    assert len(ledger.findings(limit=1, offset=1)) == 1
    assert ledger.findings(entity="ID_CARD")[0].masked == "3415**********1230"
    assert ledger.findings(rule="PI-ID-CARD")[0].to_dict()["screened_at"].endswith("+00:00")
