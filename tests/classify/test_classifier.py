"""The classifier end to end: markers, rules, model, screening conflicts, evidence offsets."""

from __future__ import annotations

import json

import pytest

from pipeline.classify import classify
from pipeline.classify.model import load_corpus
from pipeline.classify.rules import ATTRIBUTES, REASON_CODES
from pipeline.classify.topics import AREAS
from pipeline.normalise import normalise


def _check_evidence(text: str, result) -> None:
    assert result.evidence, "every label is explained by evidence"
    for ev in result.evidence:
        assert 0 <= ev.start < ev.end <= len(text)
        piece = text[ev.start : ev.end]
        if not ev.cue.startswith("须遮蔽"):
            assert normalise(piece).text == normalise(ev.cue).text


def test_request_in_traditional_characters_is_process_information(read):
    text = read("request_traditional.txt")
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("不予公开", "过程性信息")
    assert result.rule == "DA-PROCESS-REQUEST"
    assert result.article == "《政府信息公开条例》第十六条第二款"
    _check_evidence(text, result)
    assert any("妥否" in text[e.start : e.end] for e in result.evidence)


def test_marker_decides_but_a_conflicting_rule_is_reported(read):
    text = read("request_marked_public.txt")
    result = classify(text)
    assert result.attribute == "主动公开" and result.decided_by == "标注"
    assert text[result.evidence[0].start : result.evidence[0].end] == "（此件公开发布）"
    assert any("DA-PROCESS-REQUEST" in c for c in result.conflicts)


def test_public_marker_with_personal_information_stays_public_with_items_to_mask(read):
    # masking identifiers is de-identification, not withholding a substantive part (issue 16)
    text = read("roster_marked_public.txt")
    result = classify(text, screen=True)
    assert (result.attribute, result.decided_by) == ("主动公开", "标注")
    assert result.reason_code is None
    listed = {text[f["start"] : f["end"]] for f in result.findings if f["action"] == "redact"}
    assert "341502198503121230" in listed
    assert result.to_mask == len([f for f in result.findings if f["action"] == "redact"])
    assert any(f"须遮蔽{result.to_mask}处" in n for n in result.notes)
    cues = {ev.cue for ev in result.evidence}
    assert "须遮蔽：身份证号" in cues
    _check_evidence(text, result)


def test_screening_result_can_be_passed_in(read):
    from pipeline.screen import screen_text

    text = read("roster_marked_public.txt")
    result = classify(text, screening=screen_text(text))
    assert result.attribute == "主动公开" and result.to_mask >= 1


def test_without_screening_the_marker_stands(read):
    assert classify(read("roster_marked_public.txt")).attribute == "主动公开"


def test_enforcement_record_and_internal_affairs(read):
    record = classify(read("inquiry_record.txt"))
    assert (record.attribute, record.reason_code) == ("不予公开", "行政执法案卷")
    duty = classify(read("duty_notice.txt"))
    assert (duty.attribute, duty.reason_code, duty.rule) == (
        "不予公开", "内部事务", "DA-INTERNAL-AFFAIRS",
    )  # fmt: skip
    assert duty.article == "《政府信息公开条例》第十六条第一款"


def test_model_decides_when_nothing_else_does():
    text = "某某镇2023年工作总结\n一年来，全镇上下围绕乡村振兴，完成道路硬化12公里。\n"
    result = classify(text)
    assert result.decided_by == "模型"
    assert result.attribute in ATTRIBUTES and 0 < result.confidence <= 1
    assert result.model is not None
    if result.confidence < 0.5:
        assert any("人工" in n for n in result.notes)
    _check_evidence(text, result)


def test_secret_mark_is_state_secret():
    result = classify("机密★10年\n\n关于某某工作的通知\n各单位：\n请严格保密。\n")
    assert (result.attribute, result.reason_code, result.decided_by) == (
        "不予公开",
        "国家秘密",
        "标注",
    )


@pytest.mark.parametrize("record", load_corpus(), ids=lambda r: r["id"])
def test_contract_on_every_corpus_document(record):
    result = classify(record["text"], doc_id=record["id"])
    data = result.to_dict()
    assert list(data)[:8] == [
        "id", "attribute", "reason_code", "reason", "article", "topic", "confidence", "evidence",
    ]  # fmt: skip
    assert data["attribute"] in ATTRIBUTES
    assert data["reason_code"] is None or data["reason_code"] in REASON_CODES
    assert data["topic"] in AREAS or data["topic"] == "其他"
    assert data["article"].startswith("《政府信息公开条例》第")
    _check_evidence(record["text"], result)
    json.dumps(data, ensure_ascii=False)


def test_topic_areas():
    r = classify("关于2024年城乡低保标准调整的通知\n各乡镇：\n最低生活保障标准提高到每月800元。\n")
    assert (r.topic, r.topic_gov) == ("社会救助", "民政、扶贫、救灾")


def test_page_category_is_used_when_it_is_a_gov_category():
    text = "主题分类：綜合政務\n關於做好值班工作的通知\n各科室：\n請做好值班。\n"
    assert classify(text).topic_gov == "综合政务"


def test_title_cues_point_into_the_title():
    text = (
        "首页 > 值班安排 > 通知公告\n\n"
        "关于2024年国庆节期间值班安排的通知\n局机关各科室：\n请做好值班。\n"
    )
    result = classify(text)
    assert result.rule == "DA-INTERNAL-AFFAIRS"
    title_start = text.index("关于2024年")
    assert all(ev.start >= title_start for ev in result.evidence)


def test_on_request_document_with_personal_information_keeps_its_attribute():
    text = (
        "关于同意张晓明建房申请的批复\n张晓明：\n你提交的申请收悉，身份证号341502198503121230。"
        "经审查，同意你在城南镇幸福村三组18号翻建住房。\n"
    )
    result = classify(text, screen=True)
    assert result.attribute == "依申请公开"
    assert any("第三十七条" in n for n in result.notes)
    assert "须遮蔽：身份证号" in {ev.cue for ev in result.evidence}


def test_partial_marker_takes_the_withholding_reason_from_the_rules():
    text = (
        "某某物业服务项目投标文件（报价部分）\n投标人：某某物业管理有限公司\n"
        "物业服务费报价：住宅每平方米每月1.35元\n\n（此件删减后公开）\n"
    )
    result = classify(text)
    assert (result.attribute, result.reason_code, result.decided_by) == (
        "部分公开", "第三方合法权益", "标注",
    )  # fmt: skip
