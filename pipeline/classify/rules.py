"""Disclosure-attribute rules (rules/disclosure.yaml): the same rule-pack conventions as the
screening decisions (``pipeline.decide.rule_schema``): id, description, conditions, outcome,
reason, legal basis, examples that the tests run; the first rule whose conditions all hold
decides. The pack declares ``kind: disclosure`` so the screening decider skips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.decide.rule_schema import (
    RuleError,
    check_rule_shape,
    load_yaml,
    rules_dir,
    str_list,
)

ATTRIBUTES = ("主动公开", "依申请公开", "部分公开", "不予公开")
#: the eight national reason codes, in the order of DOMAIN.md's table / the annual report form
REASON_CODES = (
    "国家秘密", "法律法规禁止", "三安全一稳定", "第三方合法权益",
    "内部事务", "过程性信息", "行政执法案卷", "行政查询事项",
)  # fmt: skip
_WORD_KEYS = ("title_any", "title_none", "text_any", "text_all", "text_none", "tail_any")
_KEYS = {
    "id", "description", "attribute", "reason_code", "reason", "article", "confidence",
    "title_regex", "regex", "addressee", "addressee_all", "marker", "marker_source", "examples",
    *_WORD_KEYS,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Features:
    """What the rules look at, all normalised (simplified, half-width)."""

    title: str
    text: str
    tail: str
    addressees: tuple[str, ...]
    markers: tuple[tuple[str, str], ...]  # (attribute, source)


@dataclass(frozen=True, slots=True)
class DisclosureRule:
    id: str
    description: str
    attribute: str
    reason_code: str | None
    reason: str
    article: str
    confidence: float
    title_any: tuple[str, ...] = ()
    title_none: tuple[str, ...] = ()
    text_any: tuple[str, ...] = ()
    text_all: tuple[str, ...] = ()
    text_none: tuple[str, ...] = ()
    tail_any: tuple[str, ...] = ()
    title_regex: re.Pattern[str] | None = None
    regex: re.Pattern[str] | None = None
    addressee: str | None = None  # many / single / none
    addressee_all: tuple[str, ...] = ()  # every addressee contains one of these words
    marker: tuple[str, ...] = ()
    marker_source: tuple[str, ...] = ()
    match_examples: tuple[str, ...] = ()
    no_match_examples: tuple[str, ...] = ()

    def cues(self, f: Features) -> list[tuple[str, str]] | None:
        """The cues that made every condition hold, as (where, word); None if one fails."""
        found: list[tuple[str, str]] = []
        if self.marker and not any(a in self.marker for a, _ in f.markers):
            return None
        if self.marker_source and not any(s in self.marker_source for _, s in f.markers):
            return None
        for key, where in (("title_any", "title"), ("text_any", "text"), ("tail_any", "tail")):
            words: tuple[str, ...] = getattr(self, key)
            if words:
                hit = [w for w in words if w in getattr(f, where)]
                if not hit:
                    return None
                found.extend((where, w) for w in hit[:3])
        if self.text_all:
            if not all(w in f.text for w in self.text_all):
                return None
            found.extend(("text", w) for w in self.text_all)
        if any(w in f.title for w in self.title_none) or any(w in f.text for w in self.text_none):
            return None
        for pattern, where in ((self.title_regex, "title"), (self.regex, "text")):
            if pattern is not None:
                m = pattern.search(getattr(f, where))
                if m is None:
                    return None
                found.append((where, m.group()))
        if self.addressee is not None:
            if _addressee_kind(f.addressees) != self.addressee:
                return None
            found.extend(("text", a) for a in f.addressees[:2])
        if self.addressee_all:
            if not f.addressees or not all(
                any(w in a for w in self.addressee_all) for a in f.addressees
            ):
                return None
            found.extend(("text", a) for a in f.addressees[:2])
        return found


def _addressee_kind(addressees: tuple[str, ...]) -> str:
    if not addressees:
        return "none"
    if len(addressees) > 1 or addressees[0].startswith("各"):
        return "many"
    return "single"


def parse_rule(raw: Any, source: str) -> DisclosureRule:
    required = ("description", "attribute", "reason", "article")
    where = check_rule_shape(raw, source, _KEYS, required)
    if raw["attribute"] not in ATTRIBUTES:
        raise RuleError(f"{where}: attribute 必须是 {'/'.join(ATTRIBUTES)} 之一")
    code = raw.get("reason_code")
    if code is not None and code not in REASON_CODES:
        raise RuleError(f"{where}: reason_code 必须是 {'、'.join(REASON_CODES)} 之一")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        raise RuleError(f"{where}: examples 只能包含 match 和 no_match")
    try:
        title_regex = re.compile(raw["title_regex"]) if raw.get("title_regex") else None
        regex = re.compile(raw["regex"]) if raw.get("regex") else None
    except re.error as exc:
        raise RuleError(f"{where}: 正则表达式有误（{exc}）") from exc
    if raw.get("addressee") not in (None, "many", "single", "none"):
        raise RuleError(f"{where}: addressee 只能是 many/single/none")
    return DisclosureRule(
        id=str(raw["id"]), description=str(raw["description"]), attribute=raw["attribute"],
        reason_code=code, reason=str(raw["reason"]), article=str(raw["article"]),
        confidence=float(raw.get("confidence", 0.9)),
        **{k: str_list(raw.get(k), where, k) for k in _WORD_KEYS},
        title_regex=title_regex, regex=regex, addressee=raw.get("addressee"),
        addressee_all=str_list(raw.get("addressee_all"), where, "addressee_all"),
        marker=str_list(raw.get("marker"), where, "marker"),
        marker_source=str_list(raw.get("marker_source"), where, "marker_source"),
        match_examples=str_list(examples.get("match"), where, "examples.match"),
        no_match_examples=str_list(examples.get("no_match"), where, "examples.no_match"),
    )  # fmt: skip


def load_rules(path: Path | None = None) -> list[DisclosureRule]:
    """The disclosure rules, in order; errors name the file and the rule."""
    path = path or rules_dir() / "disclosure.yaml"
    data = load_yaml(path)
    if data.get("kind") != "disclosure" or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path.name}: 需要 kind: disclosure 和 rules 列表")
    rules = [parse_rule(r, path.name) for r in data["rules"]]
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleError(f"{path.name}: 规则 id 重复 {dupes}")
    return rules


def first_match(
    rules: list[DisclosureRule], f: Features
) -> tuple[DisclosureRule, list[tuple[str, str]]] | None:
    for rule in rules:
        cues = rule.cues(f)
        if cues is not None:
            return rule, cues
    return None
