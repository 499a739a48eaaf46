"""Every example in every rule pack is screened: rules are data, and data is tested."""

from __future__ import annotations

import pytest

from pipeline.decide import Decider
from pipeline.decide.doc_type import DocTypeClassifier
from pipeline.screen import default_screener

DECIDER = Decider.from_dir()
MATCH = [(r.id, ex) for r in DECIDER.rules for ex in r.match_examples]
NO_MATCH = [(r.id, ex) for r in DECIDER.rules for ex in r.no_match_examples]


def _finding_for(text: str, value: str):
    result = default_screener().screen(text)
    start = text.index(value)
    for f in result.findings:
        if f.start == start and f.end == start + len(value):
            return f
    return None


@pytest.mark.parametrize(("rule_id", "example"), MATCH, ids=[f"{r}:{e.value}" for r, e in MATCH])
def test_match_examples_are_decided_by_their_rule(rule_id, example):
    finding = _finding_for(example.text, example.value)
    assert finding is not None, f"{rule_id}: “{example.value}” was not detected"
    rule = next(r for r in DECIDER.rules if r.id == rule_id)
    assert (finding.rule, finding.action) == (rule_id, rule.action)


@pytest.mark.parametrize(
    ("rule_id", "example"), NO_MATCH, ids=[f"{r}:{e.value}" for r, e in NO_MATCH]
)
def test_no_match_examples_are_not_decided_by_their_rule(rule_id, example):
    finding = _finding_for(example.text, example.value)
    assert finding is None or finding.rule != rule_id


def test_every_acting_rule_has_an_example():
    """A rule that redacts or allows something specific must show what it does."""
    for rule in DECIDER.rules:
        if rule.id in {
            "PI-DEFAULT",
            "PI-NAME-LOW-CONFIDENCE",
            "PI-SENSITIVE-REVIEW",
            "PI-DOB-PRIVATE",
            "PI-ETHNICITY",
            "PI-CRIMINAL-RECORD",
        }:
            continue
        assert rule.match_examples, f"{rule.id} has no match example"


def test_doc_type_examples_classify_as_their_type():
    classifier = DocTypeClassifier.from_yaml()
    for doc_type in classifier.types:
        assert doc_type.examples, doc_type.id
        for text in doc_type.examples:
            assert classifier.classify(text).id == doc_type.id, (doc_type.id, text)
