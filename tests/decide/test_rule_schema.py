"""Broken rule packs are refused with a message that names the file and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.decide import Decider, RuleError
from pipeline.decide.rule_schema import load_pack, rules_dir


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """
pack: test
rules:
  - id: T-1
    description: 测试
    entity: [MOBILE]
    action: redact
    reason: 测试理由
    basis: 条例第十五条
    examples:
      match:
        - {text: "电话13812345678", value: "13812345678"}
"""


def test_good_pack_loads(tmp_path: Path):
    pack = load_pack(_write(tmp_path, GOOD))
    assert [r.id for r in pack.rules] == ["T-1"]
    assert pack.rules[0].applies("MOBILE", "unknown", "other", {}, 1.0, "")
    assert not pack.rules[0].applies("EMAIL", "unknown", "other", {}, 1.0, "")


@pytest.mark.parametrize(
    ("replace", "with_", "message"),
    [
        ("action: redact", "action: delete", "action 必须是"),
        ("entity: [MOBILE]", "entity: [PHONE]", "未知的实体类型"),
        ("    reason: 测试理由\n", "", "缺少 reason"),
        ('value: "13812345678"', 'value: "13900000000"', "不在示例文本中"),
        ("    basis:", "    colour: red\n    basis:", "未知字段"),
    ],
)
def test_broken_rules_are_named(tmp_path: Path, replace: str, with_: str, message: str):
    assert replace in GOOD
    with pytest.raises(RuleError) as err:
        load_pack(_write(tmp_path, GOOD.replace(replace, with_)))
    assert message in str(err.value)
    assert "pack.yaml" in str(err.value)


def test_duplicate_ids_and_bad_yaml(tmp_path: Path):
    dup = GOOD + GOOD.split("rules:\n", 1)[1]
    with pytest.raises(RuleError, match="重复"):
        load_pack(_write(tmp_path, dup))
    with pytest.raises(RuleError, match="无法读取"):
        load_pack(_write(tmp_path, "rules: [unclosed"))


def test_shipped_packs_end_with_a_fallback_and_every_rule_explains_itself():
    decider = Decider.from_dir(rules_dir())
    last = decider.rules[-1]
    assert not (last.entity or last.role or last.doc_type or last.context or last.attrs)
    for rule in decider.rules:
        assert rule.reason and rule.description
        if rule.action != "allow" or rule.entity:
            # rules that act carry a legal basis; only the low-confidence hint may lack one
            assert rule.basis or rule.id == "PI-NAME-LOW-CONFIDENCE", rule.id
