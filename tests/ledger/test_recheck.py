"""整改复查 on the ledger itself: a finding gone from the page is verified fixed, one still
online after being marked 已整改 is reopened, and every step leaves an audit row."""

from __future__ import annotations

from sqlalchemy import select

from pipeline.ledger.models import AuditLog
from pipeline.ledger.recheck import RECHECK, recheck
from tests.ledger.conftest import REPLY, at, screened

URL = "https://www.example.gov.cn/xxgk/reply.html"


def _observed(ledger, text: str):
    """What a rescan of ``text`` at URL would report: (entity, value hash) per finding."""
    contract = screened(text)
    return frozenset(
        (f["entity"], ledger.value_hash(f["text"]))
        for f in contract["findings"]
        if f["action"] in ("redact", "review")
    )


def test_rescans_verify_what_is_gone_and_reopen_what_came_back(ledger):
    contract = screened(REPLY)
    ids = ledger.record(contract, URL, text=REPLY).finding_ids
    handled = [i for i, f in zip(ids, contract["findings"], strict=True) if f["action"] != "allow"]
    assert len(handled) >= 2

    # first rescan: the phone number was removed, the rest is still online
    fixed = REPLY.replace("，电话13812345678", "")
    first = recheck(ledger, {URL: _observed(ledger, fixed)}, "r1", at=at("2026-12-01T09:00"))
    assert first.verified == 1 and first.reopened == 0
    assert first.still_online == len(handled) - 1
    statuses = {i: ledger.finding(i).status for i in handled}
    assert sorted(statuses.values()).count("rectified") == 1
    (phone,) = [i for i, s in statuses.items() if s == "rectified"]
    assert "r1" in (ledger.finding(phone).status_reason or "")

    # second rescan: the old page is back with the phone number: reopened with a reason
    second = recheck(ledger, {URL: _observed(ledger, REPLY)}, "r2", at=at("2026-12-02T09:00"))
    assert second.reopened == 1 and second.verified == 0
    row = ledger.finding(phone)
    assert row.status == "open" and "重新打开" in (row.status_reason or "")

    # the page is deleted: everything still to handle is verified fixed
    third = recheck(ledger, {URL: None}, "r3", at=at("2026-12-03T09:00"))
    assert third.verified == len(handled)
    assert {ledger.finding(i).status for i in handled} == {"rectified"}

    with ledger.engine.connect() as conn:
        results = [
            after["result"]
            for (after,) in conn.execute(
                select(AuditLog.after).where(AuditLog.action == RECHECK).order_by(AuditLog.id)
            )
        ]
    assert results.count("reopened") == 1
    assert results.count("verified_fixed") == 1 + len(handled)
