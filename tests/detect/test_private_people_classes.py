"""Classes of issue 13 seen on real text: statute wording is nobody's data; cue-following
words are not names; third parties and welfare statuses are people's data."""

from __future__ import annotations

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.person_recognizer import PersonRecognizer
from pipeline.detect.recognizers.sensitive_recognizer import SensitiveCategoryRecognizer


def _found(recognizer, text: str, entity: str | None = None) -> list[str]:
    dets = DetectionEngine([PersonRecognizer(), recognizer]).detect(text)
    return [text[d.start : d.end] for d in dets if entity is None or d.entity == entity]


@pytest.mark.parametrize(
    "text",
    [
        "第十二条 用人单位不得招用未满十六周岁的未成年人。申请人应当如实提交材料。",
        "有下列情形之一的，用人单位可以解除劳动合同：（一）劳动者患病，医疗期满后不能从事原工作的。",
        "情节严重的，处三年以下有期徒刑或者拘役，并处罚金。单位犯前款罪的，对单位判处罚金。",
        "农业转基因生物安全管理审批，当事人应提交材料。",
        "该方案是日前科技部、财政部印发的，申请人可以登录网站查询。",
        "依照《中华人民共和国未成年人保护法》，其监护人应当履行监护职责。",
        "对最低生活保障家庭中的老年人、未成年人、重度残疾人和重病患者等困难人员，给予分类施保。",
    ],
)
def test_statute_and_policy_wording_links_nobody(text):
    sensitive = _found(SensitiveCategoryRecognizer(), text)
    people = _found(SensitiveCategoryRecognizer(), text, "PERSON")
    assert [s for s in sensitive if s not in people] == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("经查，申请人柴永辉患有尿毒症，长期透析。", "患有尿毒症"),
        ("来信人反映，其子刘小军于2019年因盗窃罪被判处有期徒刑三年。", "判处有期徒刑三年"),
        ("吕秀珍，残疾等级：肢体二级，现居住在城关镇。", "残疾等级:肢体二级"),
    ],
)
def test_a_person_with_a_sensitive_phrase_is_still_found(text, phrase):
    from pipeline.normalise import normalise

    norm = normalise(text).text
    got = _found(SensitiveCategoryRecognizer(), norm)
    assert any(phrase in g or g in phrase for g in got if g not in ("柴永辉", "刘小军", "吕秀珍"))


@pytest.mark.parametrize(
    "text",
    [
        "申请人应根据本办法第五条提交材料。",
        "告知当事人陈述、申辩的权利。",
        "被申请人收到仲裁申请书副本后，应当在十日内提交答辩书。",
        "举报人所在单位应对举报人严肃处理。",
        "告知投诉人向有管辖权的部门投诉。",
        "鼓励开展残疾人康复新技术研究。",
        "项目名称：\n申报单位：\n申请日期：\n",
    ],
)
def test_cue_following_words_and_form_labels_are_not_names(text):
    assert _found(PersonRecognizer(), text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("经查，当事人之妻王秀英在店内销售过期食品。", "王秀英"),
        ("证人蒯静怡证实了上述事实。", "蒯静怡"),
        ("举报人：佘春燕，要求查处。", "佘春燕"),
        ("镇干部看望了特困户王立新。", "王立新"),
        ("其邻居闫晓东称未见异常。", "闫晓东"),
    ],
)
def test_third_parties_and_statuses_with_rare_surnames_are_found(text, name):
    assert name in _found(PersonRecognizer(), text, "PERSON")


def test_names_each_with_their_unit_in_a_list():
    text = "拟表彰人员：\n龚秀云（舒城县城关镇第二小学）、蒯立新（桃溪镇卫生院）\n"
    got = _found(PersonRecognizer(), text, "PERSON")
    assert "龚秀云" in got and "蒯立新" in got


def test_a_division_with_its_parent_in_brackets_is_no_name():
    text = "各县（市、区）教育局，高新区（经开区）管委会：\n"
    assert _found(PersonRecognizer(), text, "PERSON") == []


@pytest.mark.parametrize(
    "text",
    [
        "家庭成员应当遵守下列规定：\n（二）关爱未成年人健康成长，教育其养成良好习惯；\n",
        "（三）讯问未成年被告人时，是否通知其法定代理人到场；",
        "对审计结果有异议的，本村或者本村民小组五分之一以上的村民可以申请复查。",
    ],
)
def test_enumerated_statute_items_link_nobody(text):
    from pipeline.detect.recognizers.address_recognizer import AddressRecognizer

    dets = DetectionEngine(
        [PersonRecognizer(), AddressRecognizer(), SensitiveCategoryRecognizer()]
    ).detect(text)
    assert [text[d.start : d.end] for d in dets] == []
