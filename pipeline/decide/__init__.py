"""Decide stage: document type, owner's role, and the rule that decides each finding."""

from pipeline.decide.decider import Decider, Decision
from pipeline.decide.rule_schema import Rule, RuleError

__all__ = ["Decider", "Decision", "Rule", "RuleError"]
