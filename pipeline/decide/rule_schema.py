"""The rule-pack format (rules/*.yaml) and its loader, with errors that name the rule."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.document import ENTITIES

ACTIONS = ("redact", "review", "allow")
_CONDITION_KEYS = {
    "entity",
    "role",
    "doc_type",
    "context",
    "document_context",
    "attrs",
    "max_score",
}
_KNOWN_KEYS = _CONDITION_KEYS | {"id", "description", "action", "reason", "basis", "examples"}


def rules_dir() -> Path:
    """Where the rule packs live: ``$ZWGK_RULES_DIR`` or the repository's ``rules/``."""
    env = os.environ.get("ZWGK_RULES_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "rules"


class RuleError(ValueError):
    """A rule pack that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One decision rule: conditions, an action, and the explanation it gives."""

    id: str
    description: str
    action: str
    reason: str
    basis: str
    entity: frozenset[str] = frozenset()
    role: frozenset[str] = frozenset()
    doc_type: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    document_context: tuple[str, ...] = ()
    attrs: tuple[tuple[str, Any], ...] = ()
    max_score: float | None = None
    match_examples: tuple[Example, ...] = ()
    no_match_examples: tuple[Example, ...] = ()
    source: str = ""

    def applies(
        self,
        entity: str,
        role: str,
        doc_type: str,
        attrs: dict[str, Any],
        score: float,
        sentence: str,
        document_words: frozenset[str] = frozenset(),
    ) -> bool:
        """True when every condition of the rule holds for this finding.

        ``document_words`` are the rules' ``document_context`` words present in the document.
        """
        if self.document_context and not any(w in document_words for w in self.document_context):
            return False
        if self.entity and entity not in self.entity:
            return False
        if self.role and role not in self.role:
            return False
        if self.doc_type and doc_type not in self.doc_type:
            return False
        if self.max_score is not None and score > self.max_score:
            return False
        for key, wanted in self.attrs:
            value = attrs.get(key)
            if value not in wanted if isinstance(wanted, tuple) else value != wanted:
                return False
        return not self.context or any(word in sentence for word in self.context)


@dataclass(slots=True)
class RulePack:
    name: str
    version: int
    rules: list[Rule] = field(default_factory=list)


def str_list(raw: Any, where: str, key: str) -> tuple[str, ...]:
    """A string or list of strings from a rule file as a tuple (RuleError otherwise)."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise RuleError(f"{where}: “{key}” 应为字符串列表")
    return tuple(raw)


def _examples(raw: Any, where: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if not raw:
        return (), ()
    if not isinstance(raw, dict) or set(raw) - {"match", "no_match"}:
        raise RuleError(f"{where}: examples 只能包含 match 和 no_match")
    out: list[tuple[Example, ...]] = []
    for key in ("match", "no_match"):
        items = []
        for ex in raw.get(key) or []:
            if not isinstance(ex, dict) or not {"text", "value"} <= set(ex):
                raise RuleError(f"{where}: 每个示例都需要 text 和 value")
            if ex["value"] not in ex["text"]:
                raise RuleError(f"{where}: 示例值“{ex['value']}”不在示例文本中")
            items.append(Example(str(ex["text"]), str(ex["value"])))
        out.append(tuple(items))
    return out[0], out[1]


def check_rule_shape(
    raw: Any, source: str, known: Collection[str], required: tuple[str, ...]
) -> str:
    """The checks every rule pack shares — an id, no unknown keys, the required keys —
    returning the rule's label for later messages (``<file> 规则 <id>``)."""
    if not isinstance(raw, dict) or "id" not in raw:
        raise RuleError(f"{source}: 每条规则都需要 id")
    where = f"{source} 规则 {raw['id']}"
    unknown = set(raw) - set(known)
    if unknown:
        raise RuleError(f"{where}: 未知字段 {sorted(unknown)}")
    for key in required:
        if not raw.get(key):
            raise RuleError(f"{where}: 缺少 {key}")
    return where


def parse_rule(raw: Any, source: str) -> Rule:
    """Validate one rule mapping and build a :class:`Rule`."""
    where = check_rule_shape(raw, source, _KNOWN_KEYS, ("description", "action", "reason"))
    if raw["action"] not in ACTIONS:
        raise RuleError(
            f"{where}: action 必须是 redact/review/allow 之一，而不是 {raw['action']!r}"
        )
    entities = str_list(raw.get("entity"), where, "entity")
    bad = [e for e in entities if e not in ENTITIES]
    if bad:
        raise RuleError(f"{where}: 未知的实体类型 {bad}")
    attrs = raw.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise RuleError(f"{where}: attrs 应为键值对")
    match, no_match = _examples(raw.get("examples"), where)
    return Rule(
        id=str(raw["id"]),
        description=str(raw["description"]),
        action=str(raw["action"]),
        reason=str(raw["reason"]),
        basis=str(raw.get("basis") or ""),
        entity=frozenset(entities),
        role=frozenset(str_list(raw.get("role"), where, "role")),
        doc_type=frozenset(str_list(raw.get("doc_type"), where, "doc_type")),
        context=str_list(raw.get("context"), where, "context"),
        document_context=str_list(raw.get("document_context"), where, "document_context"),
        attrs=tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in attrs.items())),
        max_score=float(raw["max_score"]) if raw.get("max_score") is not None else None,
        match_examples=match,
        no_match_examples=no_match,
        source=source,
    )


def load_pack(path: Path) -> RulePack:
    """Load and validate one rule pack file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path.name}: 无法读取规则文件（{exc}）") from exc
    if isinstance(data, dict) and data.get("kind", "decision") != "decision":
        # another engine's pack in the same folder (kind: disclosure → pipeline.classify)
        return RulePack(str(data.get("pack", path.stem)), int(data.get("version", 1)), [])
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path.name}: 规则文件需要 pack 名称和 rules 列表")
    rules = [parse_rule(r, path.name) for r in data["rules"]]
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleError(f"{path.name}: 规则 id 重复 {dupes}")
    return RulePack(str(data.get("pack", path.stem)), int(data.get("version", 1)), rules)


def load_yaml(path: Path) -> dict[str, Any]:
    """Read a YAML mapping (doc types, roles), reporting the file name on failure."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path.name}: 无法读取（{exc}）") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: 应为 YAML 映射")
    return data
