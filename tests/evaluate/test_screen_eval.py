"""The screen evaluator, checked with fake screen functions on small and real labelled sets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.document import Finding, ScreenResult
from pipeline.evaluate import evaluate, format_report, load_labelled
from pipeline.evaluate.labelled import LabelledDoc, LabelledSetError, locate

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "labelled"

ID = "341502195306103849"
PHONE = "13996526075"
DOC = {
    "id": "t1",
    "genre": "社会救助公示",
    "text": f"低保公示：张德胜，身份证号{ID}，电话{PHONE}。监督电话0564-3771234。张德胜。",
    "expected": [
        {"entity": "PERSON", "text": "张德胜", "action": "allow", "must_redact": False},
        {"entity": "ID_CARD", "text": ID, "action": "redact", "must_redact": True},
        {"entity": "MOBILE", "text": PHONE, "action": "redact", "must_redact": True},
        {"entity": "PERSON", "text": "张德胜", "action": "allow", "must_redact": False},
    ],
}


def finding(text: str, entity: str, value: str, action: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(
        entity=entity,
        start=start,
        end=start + len(value),
        text=value,
        action=action,  # type: ignore[arg-type]
        score=1.0,
        rule="test.rule",
        reason="测试",
        basis="",
        masked="*" * len(value),
    )


def perfect_screen(docs: list[LabelledDoc]) -> Callable[[str], ScreenResult]:
    """A screen that returns exactly the expected items of whichever document it is given."""
    by_text = {d.text: d for d in docs}

    def screen(text: str) -> ScreenResult:
        doc = by_text[text]
        found = [
            Finding(e.entity, e.start, e.end, e.text, e.action, 1.0, "r", "", "", "")  # type: ignore[arg-type]
            for e in doc.expected
        ]
        return ScreenResult(text=text, doc_type="test", findings=found, redacted=text)

    return screen


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    (tmp_path / "t1.json").write_text(json.dumps(DOC, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def fixed(*findings: Finding) -> Callable[[str], ScreenResult]:
    return lambda text: ScreenResult(text, "test", list(findings), text)


def test_perfect_screen_on_small_set_scores_full(small_set: Path) -> None:
    report = evaluate(small_set, perfect_screen(load_labelled(small_set)))
    assert report.must_redact_recall == 1.0
    assert report.must_redact_strict_recall == 1.0
    assert report.action_accuracy == 1.0
    assert report.detection_recall == 1.0
    assert report.false_alarms == [] and report.must_misses == []


def test_missed_id_is_listed_and_recall_drops(small_set: Path) -> None:
    text = DOC["text"]
    report = evaluate(small_set, fixed(finding(text, "MOBILE", PHONE, "redact")))
    assert report.must_redact_recall == 0.5
    assert [m.item.text for m in report.must_misses] == [ID]
    out = format_report(report)
    assert "必须遮蔽项召回率：50.0%" in out
    assert f"漏：t1\tID_CARD（身份证号）\t{ID}\t未检出" in out


def test_allowed_must_redact_value_is_a_miss(small_set: Path) -> None:
    text = DOC["text"]
    screen = fixed(finding(text, "ID_CARD", ID, "allow"), finding(text, "MOBILE", PHONE, "redact"))
    report = evaluate(small_set, screen)
    assert [m.item.text for m in report.must_misses] == [ID]
    assert report.action_accuracy == 0.5
    assert "检出但放行" in format_report(report)


def test_review_counts_as_caught_but_separately(small_set: Path) -> None:
    text = DOC["text"]
    screen = fixed(finding(text, "ID_CARD", ID, "review"), finding(text, "MOBILE", PHONE, "redact"))
    report = evaluate(small_set, screen)
    assert report.must_redact_recall == 1.0
    assert report.must_redact_strict_recall == 0.5
    assert report.action_accuracy == 0.5
    assert report.action_direction_accuracy == 1.0
    assert "送审 1" in format_report(report)


def test_spurious_redact_is_a_false_alarm(small_set: Path) -> None:
    text = DOC["text"]
    screen = fixed(
        finding(text, "ID_CARD", ID, "redact"),
        finding(text, "MOBILE", PHONE, "redact"),
        finding(text, "LANDLINE", "0564-3771234", "redact"),
        finding(text, "LANDLINE", "0564-3771234", "allow"),  # allowed extras are harmless
    )
    report = evaluate(small_set, screen)
    assert len(report.false_alarms) == 1
    assert report.false_alarms_per_20 == 20.0
    assert report.by_entity()["LANDLINE"].false_alarms == 1
    assert report.by_genre()["社会救助公示"].false_alarms == 1
    assert "误报：t1\tLANDLINE（固定电话）\t0564-3771234\t遮蔽" in format_report(report)


def test_wrong_entity_misses_and_is_flagged_as_type_confusion(small_set: Path) -> None:
    text = DOC["text"]
    screen = fixed(
        finding(text, "ID_CARD", ID, "redact"), finding(text, "LANDLINE", PHONE, "redact")
    )
    report = evaluate(small_set, screen)
    assert [m.item.text for m in report.must_misses] == [PHONE]
    assert report.false_alarms[0].overlaps == ["MOBILE"]
    out = format_report(report)
    assert "类型不符，被 LANDLINE/遮蔽 覆盖" in out


def test_occurrence_order_and_partial_overlap(small_set: Path) -> None:
    text = DOC["text"]
    partial = finding(text, "ID_CARD", ID[:10], "redact")  # overlapping part of the value
    second_name = finding(text, "PERSON", "张德胜", "allow", nth=1)
    report = evaluate(small_set, fixed(partial, second_name))
    persons = [r for r in report.items if r.item.entity == "PERSON"]
    assert [r.finding is not None for r in persons] == [False, True]
    assert report.items[1].finding is partial


def test_screen_errors_are_reported_not_raised(small_set: Path) -> None:
    def broken(text: str) -> ScreenResult:
        raise RuntimeError("boom")

    report = evaluate(small_set, broken)
    assert report.errors == [("t1", "RuntimeError: boom")]
    assert report.must_redact_recall == 0.0
    assert "筛查出错的文档：1 份" in format_report(report)


def test_locate_uses_occurrence_order() -> None:
    assert locate("甲乙甲乙甲", ["甲", "乙", "甲"]) == [(0, 1), (1, 2), (2, 3)]
    with pytest.raises(LabelledSetError):
        locate("甲乙", ["甲", "甲"])


def test_invalid_label_is_rejected(tmp_path: Path) -> None:
    bad = dict(
        DOC,
        expected=[{"entity": "NAME", "text": "张德胜", "action": "allow", "must_redact": False}],
    )
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LabelledSetError):
        load_labelled(tmp_path)


def test_perfect_screen_on_the_labelled_set_scores_full() -> None:
    docs = load_labelled(LABELLED)
    report = evaluate(LABELLED, perfect_screen(docs))
    assert report.n_docs == 40
    assert report.must_redact_recall == 1.0 and report.action_accuracy == 1.0
    assert report.false_alarms == []
    out = format_report(report)
    assert "文档 40 份" in out and "按文档类别统计" in out
