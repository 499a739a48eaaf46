"""Readable evidence (phrases and sentences, not n-grams), 部分公开 only for a withheld
substantive part, topics that fit (issue 16)."""

from __future__ import annotations

from pipeline.classify import Classifier, classify
from pipeline.classify.model import default_model
from pipeline.classify.topics import classify_topic
from pipeline.normalise import normalise


def test_model_evidence_quotes_phrases_of_the_document_and_their_sentences():
    # no rules, no marker, no internal sign: the model decides, in the document's own words
    clf = Classifier([], default_model())
    text = (
        "2024年上半年全区经济运行情况\n上半年，全区地区生产总值同比增长5.1%，规模以上工业增加值"
        "增长6.3%。社会消费品零售总额增长4.8%，城乡居民人均可支配收入稳步提高。"
    )
    result = clf.classify(text)
    assert result.decided_by == "模型"
    by_model = [ev for ev in result.evidence if ev.basis.startswith("模型")]
    assert by_model
    for ev in by_model:
        quoted = normalise(text[ev.start : ev.end]).text
        assert quoted == ev.cue and len(ev.cue) >= 2
        assert ev.cue in normalise(ev.sentence).text
        assert ev.sentence_span is not None
        assert text[ev.sentence_span[0] : ev.sentence_span[1]].strip()


def test_model_phrases_are_words_not_bare_bigrams():
    text = (
        "2024年上半年全区经济运行情况\n上半年，全区地区生产总值同比增长5.1%，规模以上工业增加值"
        "增长6.3%，社会消费品零售总额增长4.8%，城乡居民人均可支配收入稳步提高。"
    )
    result = classify(text)
    for ev in result.evidence:
        if ev.basis.startswith("模型"):
            assert len(ev.cue) >= 3 or ev.cue == ev.sentence, ev.cue


def test_rule_evidence_names_the_rule_in_words():
    text = "关于申请追加防汛经费的请示\n县财政局：\n现申请追加防汛经费30万元。\n妥否，请批示。"
    result = classify(text)
    assert result.decided_by.startswith("规则")
    assert any(ev.basis.startswith("规则 DA-PROCESS-REQUEST：") for ev in result.evidence)
    assert all(ev.sentence for ev in result.evidence)


def test_masking_identifiers_keeps_the_attribute_and_counts_the_items():
    text = (
        "关于2025年度城乡居民临时救助对象的公示\n"
        "根据有关规定，现将临时救助对象公示如下：王建国，身份证号341502198503121230，"
        "救助金额2000元。公示期5个工作日，监督电话0564-3371234。"
    )
    result = classify(text, screen=True)
    assert result.attribute == "主动公开"
    assert result.to_mask >= 1
    assert any("须遮蔽" in n and "findings" in n for n in result.notes)
    assert "须遮蔽：身份证号" in {ev.cue for ev in result.evidence}


def test_a_withheld_price_schedule_makes_a_public_document_partial():
    text = (
        "某某区政府采购项目合同公告\n一、合同编号：QX-2025-031\n二、供应商：某某科技有限公司\n"
        "三、合同金额：186万元\n附件：合同文本\n（分项报价明细表（涉及商业秘密，不予公开））\n"
    )
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("部分公开", "第三方合法权益")
    assert any(ev.basis.startswith("部分公开") for ev in result.evidence)


def test_a_disclosure_work_plan_is_general_government_affairs():
    title = "某某高新区2025年政务公开工作方案"
    body = (
        "为深入推进政务公开，围绕就业创业、生态环境、财政预决算等重点领域加强信息公开，"
        "做好招聘信息、环境监测、预算公开等事项的发布。"
    )
    guess = classify_topic(title, title + body)
    assert (guess.topic, guess.gov_category) == ("其他", "综合政务")
    assert "政务公开" in guess.cues


def test_a_specific_area_in_the_title_of_a_disclosure_document_wins():
    title = "关于做好生态环境领域基层政务公开标准化工作的通知"
    guess = classify_topic(title, title + "各地要公开环境影响评价、排污许可和环境监测信息。")
    assert guess.topic == "生态环境"


def test_gov_categories_beyond_the_grassroots_areas():
    road = "关于同意某某高速公路增设东收费站的复函\n省交通运输厅：你厅报来的设置收费站请示收悉。"
    assert classify_topic(road.split("\n")[0], road).gov_category == "工业、交通"
    labour = (
        "关于做好技工院校职业技能等级认定工作的通知\n各市人力资源社会保障局："
        "现就技能人才评价通知如下。"
    )
    guess = classify_topic(labour.split("\n")[0], labour)
    assert guess.gov_category == "劳动、人事、监察" and guess.cues


def test_nothing_specific_is_other():
    text = "关于召开第一季度工作例会的通知\n定于4月2日召开例会，请准时参加。"
    guess = classify_topic(text.split("\n")[0], text)
    assert (guess.topic, guess.gov_category) == ("其他", "其他")
