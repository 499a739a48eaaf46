"""PersonRecognizer: cues, person tags, compound surnames, masked names and negatives."""

from __future__ import annotations

import pytest

from pipeline.detect.base import DetectContext
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.person_recognizer import PersonRecognizer
from pipeline.normalise import normalise

POLICY = """关于印发2023年高新区政务公开工作方案的通知
各有关单位:
为做好2023年高新区政务公开工作,进一步提升政务公开标准化、规范化、信息化水平,根据国家、省、市有关工作要求,结合我区实际,制定如下工作方案。
一、加强组织领导。各部门主要负责同志要亲自抓,明确一名负责人具体负责,局长办公会每年至少研究1次政务公开工作,建立健全工作机制。
二、深化重点领域信息公开。建设局、教育和体育事业中心、卫生健康事业中心、高新区环保局等行业主管部门要完善公开目录。王府井街区改造、黄金周旅游市场秩序、周年庆典活动方案、万元以上项目资金安排要及时公开。
三、加强政策解读。坚持以习近平新时代中国特色社会主义思想为指导,严格执行审核把关机制,组长单位要牵头做好解读,拓宽公开渠道,完善惠企利民政策直达机制,问需于民、问计于民。
四、强化监督考核。江苏省、安徽省六安市金安区的经验做法要学习借鉴,对工作成绩显著的单位予以通报表扬,申请人应当按照规定提交材料,党员同志要发挥带头作用。
"""


def _persons(text: str) -> list[tuple[str, float, dict]]:
    ctx = DetectContext(normalise(text))
    return [(text[d.start : d.end], d.score, d.attrs) for d in PersonRecognizer().analyze(ctx)]


def _names(text: str) -> list[str]:
    return [name for name, _, _ in _persons(text)]


def test_contact_cue_with_enumeration() -> None:
    found = _persons("联系人:王训涛、王鹏,联系电话:3585321")
    assert [f[0] for f in found] == ["王训涛", "王鹏"]
    for _, score, attrs in found:
        assert score == pytest.approx(0.9)
        assert attrs["cue"] == "联系人" and attrs["cue_kind"] == "contact" and attrs["via"] == "cue"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("申请人张三于2020年3月提出申请", "张三", "private"),
        ("户主周建国,家庭人口4人", "周建国", "private"),
        ("被申请人黄某某未到场", "黄某某", "private"),
        ("法定代表人:司马光明", "司马光明", "official"),
        ("联系人:欧阳娜娜", "欧阳娜娜", "contact"),
        ("责任编辑:刘洋", "刘洋", "editor"),
        ("局长李明华主持会议", "李明华", "post"),
        ("李明华局长出席会议", "李明华", "post"),
        ("县长王小明同志讲话", "王小明", "post"),
        ("刘芳芳女士反映", "刘芳芳", "post"),
        ("以习近平同志为核心的党中央", "习近平", "post"),
        ("举报人:诸葛明亮", "诸葛明亮", "private"),
    ],
)
def test_cues(text: str, name: str, kind: str) -> None:
    found = _persons(text)
    assert [f[0] for f in found] == [name]
    assert found[0][2]["cue_kind"] == kind
    assert found[0][1] >= 0.8


def test_editor_and_reviewer_on_one_line() -> None:
    assert _names("责任编辑:刘洋 审核:陈静") == ["刘洋", "陈静"]


def test_cue_without_person_tag_scores_lower() -> None:
    found = _persons("联系人:上官婉儿")
    assert found and found[0][0] == "上官婉儿"
    assert 0.8 <= found[0][1] <= 0.9


def test_person_tag_without_cue_is_weak() -> None:
    found = _persons("经调查,王建军家庭确实困难。")
    assert [(n, s) for n, s, _ in found] == [("王建军", pytest.approx(0.55))]
    assert found[0][2]["via"] == "nr" and found[0][2]["cue"] is None


@pytest.mark.parametrize("text", ["张某与李某某因合同纠纷诉至法院", "当事人张某,男"])
def test_masked_judicial_names(text: str) -> None:
    found = _persons(text)
    assert found
    for name, score, attrs in found:
        assert "某" in name and attrs["masked_form"] is True and attrs["via"] == "masked"
        assert score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "王*军的电话已公开",
        "联系人:王*军",
        "属于某种特殊情况",
        "高新区管委会",
        "黄金周期间",
        "王府井大街",
        "周年庆典",
        "万元以上",
        "方案如下",
        "江苏省人民政府",
        "局长办公会",
        "主要负责同志",
        "申请人应当提交",
        "审核把关",
        "组长单位",
        "党员同志",
        "投诉人方先生",
    ],
)
def test_negatives(text: str) -> None:
    assert _names(text) == []


def test_policy_text_has_no_person() -> None:
    assert _persons(POLICY) == []


def test_scores_never_below_half() -> None:
    text = POLICY + "联系人:王训涛、王鹏。经调查,王建军家庭困难。张某与李某某纠纷。"
    assert all(score >= 0.5 for _, score, _ in _persons(text))


def test_original_offsets_through_engine_traditional_fullwidth() -> None:
    original = "聯系人：王訓濤、王鵬，聯系電話：３５８５３２１"
    found = DetectionEngine([PersonRecognizer()]).detect(original)
    assert [original[d.start : d.end] for d in found] == ["王訓濤", "王鵬"]
    assert all(d.entity == "PERSON" for d in found)


def test_exclusions_are_respected() -> None:
    ctx = DetectContext(normalise("联系人:王训涛"))
    ctx.exclusions = [(4, 7, "already reviewed")]
    assert PersonRecognizer().analyze(ctx) == []
