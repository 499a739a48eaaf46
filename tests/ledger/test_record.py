"""Recording screening results: idempotent per source and content, versions on change, and
no raw personal information in the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.ledger import LedgerError
from tests.ledger.conftest import RAW_VALUES, REPLY, REPLY_V2, all_text, screened


def test_record_stores_document_and_findings(ledger):
    outcome = ledger.record(screened(REPLY), "reply.txt", "信访办", text=REPLY)
    assert outcome.created and outcome.version == 1
    assert outcome.content_hash == hashlib.sha256(REPLY.encode()).hexdigest()
    (doc,) = ledger.documents()
    assert (doc.source, doc.department, doc.verdict, doc.chars) == (
        "reply.txt", "信访办", "block", len(REPLY),
    )  # fmt: skip
    rows = ledger.findings(document_id=outcome.document_id)
    assert [r.id for r in rows] == list(outcome.finding_ids)
    by_entity = {r.entity: r for r in rows}
    assert {"PERSON", "ID_CARD", "MOBILE"} <= set(by_entity)
    card = by_entity["ID_CARD"]
    assert card.masked == "3415**********1230"
    assert (card.action, card.rule, card.status) == ("redact", "PI-ID-CARD", "open")
    assert card.reason and card.basis and card.department == "信访办"


def test_same_source_and_content_twice_is_one_document(ledger):
    first = ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    second = ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    assert not second.created
    assert (second.document_id, second.finding_ids) == (first.document_id, first.finding_ids)
    assert len(ledger.documents()) == 1
    assert ledger.count_findings() == len(first.finding_ids)
    assert [a.action for a in ledger.audit_log()] == ["document.record"]


def test_changed_content_is_the_next_version(ledger):
    v1 = ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    v2 = ledger.record(screened(REPLY_V2), "reply.txt", text=REPLY_V2)
    assert (v1.version, v2.version) == (1, 2) and v2.created
    assert v1.document_id != v2.document_id
    # the old content again is the old version, not a third one
    again = ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    assert (again.document_id, again.version, again.created) == (v1.document_id, 1, False)
    # the same content from another source is that source's first version
    other = ledger.record(screened(REPLY), "elsewhere.txt", text=REPLY)
    assert other.version == 1 and other.created
    latest = ledger.findings(latest_only=True, source="reply.txt")
    assert {r.version for r in latest} == {2}
    assert len(ledger.documents()) == 3


def test_raw_values_never_reach_the_database(ledger, db_url):
    ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    ledger.record(screened(REPLY_V2), "reply.txt", text=REPLY_V2)
    stored = all_text(ledger)
    for raw in RAW_VALUES:
        assert raw not in stored
        # nor a plain (reversible by enumeration) SHA-256 of it
        assert hashlib.sha256(raw.encode()).hexdigest() not in stored
    if db_url.startswith("sqlite"):
        ledger.close()  # checkpoint the WAL into the file
        path = Path(db_url.removeprefix("sqlite:///"))
        blob = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        for raw in RAW_VALUES:
            assert raw.encode() not in blob


def test_value_hash_is_keyed_and_normalised(ledger, monkeypatch):
    ledger.record(screened(REPLY), "reply.txt", text=REPLY)
    (card,) = ledger.findings(entity="ID_CARD")
    assert card.value_hash == ledger.value_hash("341502198503121230")
    assert ledger.value_hash("３４１５０２１９８５０３１２１２３０") == card.value_hash
    from pipeline.ledger.hashing import value_hash

    assert value_hash("341502198503121230", b"another key") != card.value_hash


def test_without_text_a_keyed_fingerprint_identifies_the_content(ledger):
    first = ledger.record(screened(REPLY), "reply.txt")
    assert not ledger.record(screened(REPLY), "reply.txt").created
    # the redacted texts are identical (same masks), the values differ: a new version
    other_id = REPLY.replace("341502198503121230", "341502198503201230")
    changed = screened(other_id)
    assert changed["redacted"] == screened(REPLY)["redacted"]
    second = ledger.record(changed, "reply.txt")
    assert second.created and second.version == 2
    assert first.content_hash != second.content_hash
    assert ledger.documents()[0].chars is None


@pytest.mark.parametrize(
    ("contract", "message"),
    [
        ({"id": "x", "error": "第3行：不是 JSON"}, "错误记录"),
        ({"verdict": "pass"}, "缺少 findings"),
        ({"findings": [{"entity": "ID_CARD"}], "redacted": ""}, "第 1 条发现缺少字段"),
    ],
)
def test_malformed_results_are_refused(ledger, contract, message):
    with pytest.raises(LedgerError, match=message):
        ledger.record(contract, "x.txt")
    assert ledger.documents() == []


def test_a_source_is_required(ledger):
    with pytest.raises(LedgerError, match="来源"):
        ledger.record(screened(REPLY), " ")


def test_clean_document_is_recorded_with_no_findings(ledger):
    text = "2023年政务公开工作方案\n各有关单位：请认真贯彻落实。"
    outcome = ledger.record(screened(text), "plan.txt", text=text)
    assert outcome.finding_ids == ()
    assert ledger.documents()[0].verdict == "pass"


def test_concurrent_writers_get_distinct_versions(ledger):
    import threading

    texts = [f"{REPLY}第{i}号" for i in range(12)]
    contracts = [(t, screened(t)) for t in texts]
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for t, c in contracts[k::4]:
                ledger.record(c, "same.txt", text=t)
                ledger.record(c, "same.txt", text=t)  # a retry of the same call
                ledger.create_key("hook")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(d.version for d in ledger.documents(source="same.txt")) == list(range(1, 13))
    assert len(ledger.list_keys()) == 12
