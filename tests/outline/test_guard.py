"""The faithfulness guard against deliberately corrupted drafts."""

from __future__ import annotations

import pytest

from pipeline.normalise import normalise
from pipeline.outline import apply_guard, check_point, draft_outline
from pipeline.outline.model import UNVERIFIED, Evidence, Outline, Point


def _resolver(text: str):  # type: ignore[no-untyped-def]
    return lambda e: text[e.start : e.end]


def _find(outline: Outline, sid: str, needle: str) -> Point:
    return next(p for p in outline.section(sid).points if needle in p.text)


def _corrupt(text: str, sid: str, needle: str, old: str, new: str) -> tuple[Outline, Point]:
    outline = draft_outline(text)
    point = _find(outline, sid, needle)
    assert old in point.text
    point.text = point.text.replace(old, new)
    apply_guard(outline, _resolver(text))
    return outline, point


@pytest.mark.parametrize(
    ("sid", "needle", "old", "new", "kind"),
    [
        ("standards", "每户5000元", "5000元", "8000元", "number"),  # changed figure
        # a dropped comparator
        ("standards", "最高不超过30万元", "最高不超过30万元", "最高30万元", "comparator"),
        ("standards", "6个月以上", "6个月以上", "6个月以下", "comparator"),  # flipped
        ("timeline", "起施行", "2024年3月1日", "2024年4月1日", "date"),  # wrong date
        ("basis", "国发〔2019〕28号", "国发〔2019〕28号", "国发〔2019〕29号", "doc_number"),
        (
            "basis",
            "就业促进法",
            "《中华人民共和国就业促进法》",
            "《中华人民共和国劳动法》",
            "title",
        ),
    ],
)
def test_corrupted_point_is_marked(
    subsidy: str, sid: str, needle: str, old: str, new: str, kind: str
) -> None:
    outline, point = _corrupt(subsidy, sid, needle, old, new)
    assert point.status == "needs_editor"
    assert point.text.startswith(UNVERIFIED)
    kinds = {i.kind for i in outline.guard.issues if i.section == sid}
    assert kind in kinds
    assert not outline.guard.passed
    assert outline.to_dict()["guard"]["issues"][0]["message"]
    # every other point still passes
    others = [p for s in outline.sections for p in s.points if p is not point and p.evidence]
    assert all(p.status == "auto" for p in others if not p.note)


def test_invented_document_number_in_a_measure(subsidy: str) -> None:
    outline, point = _corrupt(
        subsidy, "measures", "第四条", "每户5000元", "每户5000元（依据江人社发〔2023〕9号）"
    )
    assert point.status == "needs_editor"
    assert any(i.kind == "doc_number" for i in outline.guard.issues)


def test_invented_sentence_fails_the_wording_check(subsidy: str) -> None:
    outline = draft_outline(subsidy)
    point = outline.section("benefits").points[0]
    point.text = "对购买新能源汽车的市民发放消费券，并减免停车费用。"
    apply_guard(outline, _resolver(subsidy))
    assert point.status == "needs_editor"
    assert any(i.kind == "support" for i in outline.guard.issues)


def test_point_without_evidence_in_a_section_is_flagged(subsidy: str) -> None:
    outline = draft_outline(subsidy)
    outline.section("goals").points = []
    report = apply_guard(outline, _resolver(subsidy))
    assert "goals" in report.unsupported_sections
    assert outline.section("goals").points[0].text.startswith("【需编辑补充】")


def test_uncorrupted_outline_passes(subsidy: str) -> None:
    outline = draft_outline(subsidy)
    report = apply_guard(outline, _resolver(subsidy))
    assert report.passed and report.points > 20


def test_evidence_from_another_place_does_not_support(subsidy: str) -> None:
    """Moving the evidence to an unrelated span makes a correct figure unsupported."""
    outline = draft_outline(subsidy)
    point = _find(outline, "standards", "每户5000元")
    unrelated = subsidy.index("第十二条")
    point.evidence = [Evidence(unrelated, unrelated + 30)]
    apply_guard(outline, _resolver(subsidy))
    assert point.status == "needs_editor"


@pytest.mark.parametrize(
    ("draft", "evidence", "ok"),
    [
        ("补贴不超过3年", "补贴期限最长不超过3年。", True),
        ("补贴期限3年", "补贴期限最长不超过3年。", False),
        ("满6个月以上给予补贴", "正常经营满6个月以上的,给予补贴", True),
        ("满6个月给予补贴", "正常经营满6个月以上的,给予补贴", False),
        ("权重不低于4%", "所占分值权重不低于4%。", True),
        ("权重不低于5%", "所占分值权重不低于4%。", False),
        ("於2024年3月1日起施行", "本办法自2024年3月1日起施行。", True),
        ("2024年3月施行", "本办法自2024年3月1日起施行。", True),
        ("2024年5月施行", "本办法自2024年3月1日起施行。", False),
        ("依据《就业促进法》", "根据《中华人民共和国就业促进法》", False),
        ("國發〔2019〕28號文件", "(国发〔2019〕28号)", True),
        ("国办发〔2019〕28号文件", "(国发〔2019〕28号)", False),
    ],
)
def test_check_point_rules(draft: str, evidence: str, ok: bool) -> None:
    problems = check_point(draft, normalise(evidence).text)
    assert (problems == []) is ok, problems
