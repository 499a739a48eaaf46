"""Every example in rules/disclosure.yaml is classified: rules are data, and data is tested."""

from __future__ import annotations

import pytest

from pipeline.classify.classifier import Classifier
from pipeline.classify.rules import REASON_CODES, RuleError, load_rules, parse_rule

RULES = load_rules()
CLASSIFIER = Classifier(RULES, model=None)
MATCH = [(r.id, ex) for r in RULES for ex in r.match_examples]
NO_MATCH = [(r.id, ex) for r in RULES for ex in r.no_match_examples]


@pytest.mark.parametrize(
    ("rule_id", "text"), MATCH, ids=[f"{r}-{i}" for i, (r, _) in enumerate(MATCH)]
)
def test_match_examples_are_decided_by_their_rule(rule_id, text):
    result = CLASSIFIER.classify(text)
    rule = next(r for r in RULES if r.id == rule_id)
    assert (result.rule, result.attribute, result.reason_code) == (
        rule_id, rule.attribute, rule.reason_code,
    )  # fmt: skip
    assert result.evidence and result.article


@pytest.mark.parametrize(
    ("rule_id", "text"), NO_MATCH, ids=[f"{r}-{i}" for i, (r, _) in enumerate(NO_MATCH)]
)
def test_no_match_examples_are_not_decided_by_their_rule(rule_id, text):
    assert CLASSIFIER.classify(text).rule != rule_id


def test_every_rule_has_an_example_and_a_valid_outcome():
    for rule in RULES:
        assert rule.match_examples, rule.id
        assert rule.reason_code is None or rule.reason_code in REASON_CODES
        assert rule.article.startswith("《政府信息公开条例》第")


def test_withheld_rules_carry_a_reason_code():
    for rule in RULES:
        assert (rule.attribute == "不予公开") == (rule.reason_code is not None), rule.id


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"id": "X", "description": "d", "attribute": "公开", "reason": "r", "article": "a"},
         "attribute"),
        ({"id": "X", "description": "d", "attribute": "不予公开", "reason_code": "隐私",
          "reason": "r", "article": "a"}, "reason_code"),
        ({"id": "X", "description": "d", "attribute": "主动公开", "reason": "r", "article": "a",
          "colour": "red"}, "未知字段"),
        ({"id": "X", "description": "d", "attribute": "主动公开", "reason": "r", "article": "a",
          "regex": "("}, "正则"),
        ({"id": "X", "attribute": "主动公开", "reason": "r", "article": "a"}, "description"),
    ],
)  # fmt: skip
def test_rule_errors_name_the_rule(raw, message):
    with pytest.raises(RuleError) as exc:
        parse_rule(raw, "disclosure.yaml")
    assert "规则 X" in str(exc.value) and message in str(exc.value)


def test_the_screening_decider_skips_the_disclosure_pack():
    from pipeline.decide import Decider

    ids = {r.id for r in Decider.from_dir().rules}
    assert ids and not any(i.startswith("DA-") for i in ids)
