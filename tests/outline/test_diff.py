"""Diff mode: changed figures, dates, scopes and clauses with both sides cited."""

from __future__ import annotations

import pytest

from pipeline.outline import draft_outline
from pipeline.outline.model import Outline, Point


@pytest.fixture(scope="module")
def outline(subsidy: str, subsidy_old: str) -> Outline:
    return draft_outline(subsidy, previous=subsidy_old)


def _sides(p: Point, new: str, old: str) -> tuple[str, str]:
    cur = "".join(new[e.start : e.end] for e in p.evidence if e.doc == "current")
    prev = "".join(old[e.start : e.end] for e in p.evidence if e.doc == "previous")
    return cur, prev


def _point(outline: Outline, needle: str) -> Point:
    return next(p for p in outline.section("diff").points if needle in p.text)


def test_changed_amount_and_period_cite_both_versions(
    outline: Outline, subsidy: str, subsidy_old: str
) -> None:
    p = _point(outline, "3000元 调整为")
    assert "6个月以上" in p.text and "5000元" in p.text and "12个月以上" in p.text
    cur, prev = _sides(p, subsidy, subsidy_old)
    assert "每户5000元" in cur and "每户3000元" in prev
    loan = _point(outline, "不超过20万元")
    assert "不超过30万元" in loan.text
    cur, prev = _sides(loan, subsidy, subsidy_old)
    assert "最高不超过30万元" in cur and "最高不超过20万元" in prev


def test_changed_dates(outline: Outline, subsidy: str, subsidy_old: str) -> None:
    p = _point(outline, "2021年4月1日")
    assert "2024年3月1日" in p.text
    cur, prev = _sides(p, subsidy, subsidy_old)
    assert "自2024年3月1日起施行" in cur and "自2021年4月1日起施行" in prev


def test_scope_change(outline: Outline, subsidy: str, subsidy_old: str) -> None:
    p = next(p for p in outline.section("diff").points if p.label == "范围变化")
    cur, prev = _sides(p, subsidy, subsidy_old)
    assert "适用于" in cur and "适用于" in prev and "个体经营" in cur and "个体经营" not in prev


def test_added_and_removed_clauses(outline: Outline, subsidy: str, subsidy_old: str) -> None:
    added = [p for p in outline.section("diff").points if p.label == "新增条款"]
    removed = [p for p in outline.section("diff").points if p.label == "删除条款"]
    assert any("社会保险补贴" in p.text for p in added)
    assert all(e.doc == "current" for p in added for e in p.evidence)
    assert any("户籍所在地" in p.text for p in removed)
    for p in removed:
        assert all(e.doc == "previous" for e in p.evidence)
        e = p.evidence[0]
        assert subsidy_old[e.start : e.end].strip() in p.text


def test_diff_is_guarded_and_json_marks_previous(outline: Outline) -> None:
    assert outline.guard.passed
    d = outline.to_dict()
    assert d["previous_length"] is not None
    docs = {e.get("doc", "current") for p in d["sections"][8]["points"] for e in p["evidence"]}
    assert docs == {"current", "previous"}


def test_same_version_has_no_differences(subsidy: str) -> None:
    outline = draft_outline(subsidy, previous=subsidy)
    labels = {p.label for p in outline.section("diff").points}
    assert labels == {"新旧衔接"}  # only the document's own 同时废止 clause


def test_corrupted_diff_is_caught(subsidy: str, subsidy_old: str) -> None:
    from pipeline.outline import apply_guard

    outline = draft_outline(subsidy, previous=subsidy_old)
    p = _point(outline, "3000元 调整为")
    p.text = p.text.replace("3000元 调整为", "4000元 调整为")

    def resolve(e):  # type: ignore[no-untyped-def]
        return (subsidy_old if e.doc == "previous" else subsidy)[e.start : e.end]

    apply_guard(outline, resolve)
    assert p.status == "needs_editor"
