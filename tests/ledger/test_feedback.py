"""Reviewer feedback becomes allow-list and rule suggestions."""

from __future__ import annotations

from pipeline.ledger import Ledger
from tests.ledger.conftest import screened

#: an agency's public service phone that the rules take for a private mobile
PHONE = "13900001111"


def _letter(n: int) -> str:
    return f"申请人张晓明：\n您的第{n}号申请已收悉。联系电话{PHONE}。\n"


def _mark(ledger: Ledger, entity: str, status: str, reason: str | None = None) -> int:
    rows = ledger.findings(entity=entity, status="open")
    for row in rows:
        ledger.set_status(row.id, status, reason, actor="审核员")
    return len(rows)


def _record(ledger: Ledger, n: int) -> None:
    for i in range(n):
        text = _letter(i)
        ledger.record(screened(text), f"letter-{i}.txt", text=text)


def test_repeated_false_positives_become_an_allow_list_suggestion(ledger):
    _record(ledger, 3)
    assert _mark(ledger, "MOBILE", "false_positive") == 3
    (allow,) = [s for s in ledger.suggestions() if s.kind == "allow_list"]
    assert allow.entity == "MOBILE" and allow.count == 3
    assert allow.value_hash == ledger.value_hash(PHONE)
    assert allow.masked == "139****1111" and allow.rules == ("PI-CONTACT-PRIVATE",)
    assert "3 次" in allow.reason and "白名单" in allow.reason
    assert PHONE not in str(allow.to_dict())


def test_below_the_threshold_or_confirmed_elsewhere_no_allow_list(ledger):
    _record(ledger, 3)
    first, *rest = ledger.findings(entity="MOBILE")
    ledger.set_status(first.id, "false_positive", actor="a")
    assert not [s for s in ledger.suggestions() if s.kind == "allow_list"]
    for row in rest[:1]:
        ledger.set_status(row.id, "false_positive", actor="a")
    assert [s.count for s in ledger.suggestions() if s.kind == "allow_list"] == [2]
    ledger.set_status(rest[1].id, "rectified", actor="a")  # really private somewhere
    assert not [s for s in ledger.suggestions() if s.kind == "allow_list"]
    assert [s.count for s in ledger.suggestions(min_count=3) if s.kind == "allow_list"] == []


def test_a_rule_with_mostly_false_positives_is_suggested_for_review(ledger):
    _record(ledger, 3)
    _mark(ledger, "MOBILE", "false_positive")
    _mark(ledger, "PERSON", "rectified")
    rules = {s.rule: s for s in ledger.suggestions() if s.kind == "rule"}
    assert set(rules) == {"PI-CONTACT-PRIVATE"}
    rule = rules["PI-CONTACT-PRIVATE"]
    assert (rule.status, rule.count, rule.reviewed) == ("false_positive", 3, 3)
    assert "误报" in rule.reason and "100%" in rule.reason


def test_a_strict_rule_mostly_retained_is_suggested_for_review(ledger):
    _record(ledger, 2)
    _mark(ledger, "PERSON", "retained", "答复书抬头需写明申请人")
    (rule,) = [s for s in ledger.suggestions() if s.kind == "rule"]
    assert rule.status == "retained" and rule.count == 2
    assert "保留" in rule.reason and "处置" in rule.reason
