"""依申请公开 (a reply to an applicant, details available on request) and 部分公开 (a
substantive part withheld) as classes, against routine notices that only need identifiers
masked (主动公开 with ``to_mask``), issue 16. Documents written for this test, in several
officials' styles."""

from __future__ import annotations

import pytest

from pipeline.classify import classify

ON_REQUEST = [
    # a formal reply with a number, 您, a remedy clause
    "政府信息公开申请答复书\n（2025）第58号\n周某某：\n本机关于2025年3月12日收到您提交的《政府信息公开申请表》，"
    "您申请获取“2024年本街道老旧小区改造项目资金拨付明细”。经审查，现答复如下：该信息属于本机关公开职责范围，"
    "现将《资金拨付明细表》提供给您。如对本答复不服，可在收到之日起六十日内申请行政复议。\n某某街道办事处",
    # 你 / a letter-style reply from a bureau, no 答复书 heading
    "关于孙某某政府信息公开申请的答复\n孙某某：\n你于2025年5月6日以信函方式向我局提出政府信息公开申请，"
    "要求公开某某路拓宽工程环境影响评价的审批文件。经查，现将该审批文件复印件随本答复寄送给你。\n特此告知。",
    # a company as applicant, 告知书
    "某某县自然资源局政府信息公开告知书\n某某建材有限公司：\n你单位申请获取的“某某镇砂石料场采矿权出让合同”，"
    "本机关予以公开，请于收到本告知书后10个工作日内到县政务服务中心窗口领取。",
    # a summary whose details are available on request
    "关于2025年度全县中小学校舍维修资金安排情况的说明\n2025年全县安排校舍维修资金420万元，"
    "重点用于12所农村学校屋面防水和取暖设施改造。各校项目清单、工程预算书和验收资料由县教育局"
    "计划财务股存档，公民、法人或者其他组织可依申请获取。",
]

PARTIAL = [
    # 商业秘密 part withheld, the rest published
    (
        "某某产业园污水处理厂特许经营项目评审结果公示（公开版）\n经专家评审，某某水务有限公司为第一中标候选人。"
        "投标人的成本测算表、融资方案等涉及商业秘密的部分不予公开，其余内容公示如下：服务期25年。",
        "第三方合法权益",
    ),
    # the third party refused consent, passages removed
    (
        "某某市2024年度重点排污单位环境信用评价结果\n本次共评价重点排污单位86家，环境信用良好企业61家。\n"
        "说明：经书面征求意见，3家企业的生产工艺参数等内容第三方不同意公开，已作删除处理，其余内容予以公开。",
        "第三方合法权益",
    ),
    # a parenthetical note inside a report
    (
        "某某区应急管理局关于某化工厂一般生产安全事故的调查报告\n一、事故经过\n二车间反应釜泄漏，造成1人受伤。\n"
        "二、事故原因\n（本部分涉及企业核心工艺，属于商业秘密，已隐去）\n三、处理建议\n对该厂处以罚款15万元。",
        "第三方合法权益",
    ),
    # public safety: a reply to one agency, sensitive parameters removed
    (
        "关于某某大桥维修加固工程设计方案的批复\n市交通运输局：\n你局报来的设计方案收悉。经研究，原则同意，"
        "工程估算投资3200万元。桥梁监测传感器布设点位及控制系统参数事关公共安全，相关内容已按规定删去。",
        "三安全一稳定",
    ),
]

ROUTINE = [
    "关于2025年第二批城乡居民临时救助对象的公示\n经个人申请、乡镇审核、县民政局审批，现将救助对象公示如下："
    "张建华，城关镇，身份证号110101199003074514，救助金额3000元；李秀英，河口镇，"
    "联系电话13955612345，救助金额2000元。公示期5个工作日，监督电话：0564-3371234。",
    "某某镇2025年公益性岗位拟聘用人员名单公示\n经报名、资格审核、面试，拟聘用：赵立民，"
    "身份证号110101199003074514，手机13812345678。公示期间如有异议，请向镇劳动保障所反映。",
]


@pytest.mark.parametrize("text", ON_REQUEST)
def test_replies_and_documents_available_on_request(text):
    result = classify(text)
    assert result.attribute == "依申请公开", (result.decided_by, result.reason)
    assert result.evidence and all(ev.cue and ev.sentence for ev in result.evidence)


@pytest.mark.parametrize(("text", "code"), PARTIAL)
def test_a_withheld_substantive_part_is_partial(text, code):
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("部分公开", code), result.decided_by
    part = [ev for ev in result.evidence if ev.basis.startswith("部分公开")]
    assert part, result.evidence
    quoted = text[part[0].start : part[0].end]
    assert any(w in quoted for w in ("删", "不予公开", "不同意公开", "隐去", "公开版")), quoted


@pytest.mark.parametrize("text", ROUTINE)
def test_a_notice_that_only_needs_identifiers_masked_stays_public(text):
    result = classify(text, screen=True)
    assert result.attribute == "主动公开"
    assert result.to_mask >= 1
    assert any(ev.cue.startswith("须遮蔽") for ev in result.evidence)


def test_a_law_on_withholding_withholds_nothing_itself():
    text = (
        "某某省政府信息公开条例\n第一条 为了保障公民依法获取政府信息，制定本条例。\n"
        "第十五条 涉及商业秘密、个人隐私的部分不予公开。\n第十六条 第三方不同意公开且有合理理由的，"
        "不予公开。\n"
        "第三十条 本条例自2025年1月1日起施行。"
    )
    assert classify(text).attribute != "部分公开"


def test_a_registration_record_inquiry_is_not_an_on_request_reply():
    text = (
        "关于钱某申请获取企业股东信息的答复\n钱某：\n你申请获取某某贸易有限公司的股东出资情况。"
        "该信息属于企业登记档案资料，查询应当依照有关规定到市场监管部门登记窗口办理查询。"
    )
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("不予公开", "行政查询事项")


READABLE = [
    # the model decides (no marker, no rule): figures and dates around its words
    "2025年1至9月全县农业生产情况\n前三季度，全县粮食播种面积38.6万亩，同比增长1.2%；"
    "蔬菜产量21.4万吨。设施农业稳步发展，新建高标准农田2.1万亩，农民人均可支配收入增长6.5%。",
    "某某市2024年第三季度空气质量状况\n第三季度全市优良天数比例为86.7%，PM2.5平均浓度"
    "为28微克/立方米，同比下降3.4%。主要污染物为臭氧，各区县应加强挥发性有机物治理。",
    # rule, marker, internal circulation, request reply, withheld part, masking
    "关于申请追加防汛经费的请示\n县财政局：\n现申请追加防汛经费30万元。\n妥否，请批示。",
    "关于印发某某县2025年就业工作要点的通知\n各乡镇人民政府，县直各单位：\n现将要点印发给你们。\n（此件公开发布）",
    "内部资料 注意保存\n关于国庆节期间值班安排的通知\n局机关各科室：\n"
    "10月1日至7日值班表如下，请各科室负责人带班。",
    *ON_REQUEST[:2],
    *(text for text, _ in PARTIAL[:2]),
    ROUTINE[0],
]


@pytest.mark.parametrize("text", READABLE)
def test_every_label_has_readable_evidence(text):
    from pipeline.classify.explain import evidence_problems

    result = classify(text, screen=True)
    assert evidence_problems(result.evidence, text) == [], [
        (e.cue, e.basis) for e in result.evidence
    ]
    assert all(e.basis for e in result.evidence)


def test_the_readability_check_catches_ngrams_and_numbers():
    from pipeline.classify.explain import evidence_problems
    from pipeline.classify.result import Evidence

    text = "现将政府信息公开工作要点印发给你们，2024年共办理1200件。"
    span = (0, len(text))

    def model_ev(cue: str) -> Evidence:
        start = text.index(cue)
        return Evidence(start, start + len(cue), cue, "模型：…", text, span)

    assert evidence_problems([], text) == ["没有证据"]
    assert evidence_problems([model_ev("息公")], text)  # a character bigram across two words
    assert evidence_problems([model_ev("2024年")], text)
    assert evidence_problems([Evidence(2, 4, "政府", basis="", sentence=text)], text)
    assert evidence_problems([model_ev("政府信息公开")], text) == []
