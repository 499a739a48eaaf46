"""SensitiveCategoryRecognizer: categories fire only when tied to a person."""

from __future__ import annotations

import pytest

from pipeline.detect.base import DetectContext
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.roster_recognizer import RosterRecognizer
from pipeline.detect.recognizers.sensitive_recognizer import SensitiveCategoryRecognizer
from pipeline.normalise import normalise

POLICY = """关于做好2023年民生领域信息公开工作的实施意见
一、做好残疾人就业工作,落实残疾人两项补贴政策,及时公开城市低保对象、农村低保对象、城市特困人员、困难残疾人、重度残疾人等救助信息。
二、加强宗教事务管理,尊重群众宗教信仰自由,做好少数民族地区和宁夏回族自治区对口帮扶工作。
三、依法做好社区矫正、刑满释放人员安置帮教和戒毒康复工作,严厉打击违法犯罪。
四、加强未成年人保护,对未满十四周岁的儿童加强监护,为0-6岁儿童提供免费健康体检,3岁以下婴幼儿照护服务纳入规划。
五、推广人脸识别、指纹识别等技术在政务服务中的应用,2022年出生人口登记率达到100%。
"""


def _found(text: str, with_roster: bool = False) -> list[tuple[str, str, dict]]:
    ctx = DetectContext(normalise(text))
    if with_roster:
        RosterRecognizer().analyze(ctx)
    dets = SensitiveCategoryRecognizer().analyze(ctx)
    return [(d.entity, text[d.start : d.end], d.attrs) for d in dets]


@pytest.mark.parametrize(
    ("text", "entity", "phrase"),
    [
        ("户主周建国,患有精神分裂症,无劳动能力。", "HEALTH", "患有精神分裂症"),
        ("该户户主王建军,三级残疾。", "HEALTH", "三级残疾"),
        ("申请人李娜持有残疾人证。", "HEALTH", "残疾人证"),
        ("张伟,男,1985年出生,信仰基督教。", "RELIGION", "信仰基督教"),
        ("当事人张某某系刑满释放人员。", "CRIMINAL_RECORD", "刑满释放人员"),
        ("王建军因盗窃被判处有期徒刑三年。", "CRIMINAL_RECORD", "判处有期徒刑三年"),
        ("李某,15岁,系某中学学生。", "MINOR", "15岁"),
        ("采集王小明的指纹信息。", "BIOMETRIC", "指纹信息"),
        ("张伟,男,汉族,已婚。", "ETHNICITY", "汉族"),
        ("申请人出生日期:1990年5月12日。", "DATE_OF_BIRTH", "1990年5月12日"),
    ],
)
def test_linked_categories(text: str, entity: str, phrase: str) -> None:
    found = _found(text)
    assert (entity, phrase) in [(e, p) for e, p, _ in found]
    attrs = next(a for e, p, a in found if (e, p) == (entity, phrase))
    assert attrs["category_cue"]


def test_household_pronoun_links() -> None:
    found = _found("该户因病致贫,其子患有白血病。")
    assert [(e, p) for e, p, _ in found] == [("HEALTH", "因病致贫"), ("HEALTH", "患有白血病")]


def test_roster_row_links() -> None:
    text = "姓名\t性别\t身份证号码\t备注\n张伟\t男\t341502198503150012\t二级肢体残疾\n"
    found = _found(text, with_roster=True)
    assert ("HEALTH", "二级肢体残疾") in [(e, p) for e, p, _ in found]
    assert next(a for e, _, a in found if e == "HEALTH")["linked_by"] == "roster"


@pytest.mark.parametrize(
    "text",
    [
        "做好残疾人就业工作。",
        "加强宗教事务管理。",
        "宁夏回族自治区人民政府办公厅",
        "推广人脸识别技术应用。",
        "为0-6岁儿童提供免费体检。",
    ],
)
def test_unlinked_policy_sentences(text: str) -> None:
    assert _found(text) == []


def test_policy_text_is_silent() -> None:
    assert _found(POLICY) == []


def test_link_does_not_cross_sentences() -> None:
    assert _found("联系人:王训涛。做好残疾人就业和重度残疾人托养工作。") == []


def test_original_offsets_through_engine_traditional() -> None:
    original = "戶主周建國，患有精神分裂症，三級殘疾。"
    found = DetectionEngine([SensitiveCategoryRecognizer()]).detect(original)
    assert [(d.entity, original[d.start : d.end]) for d in found] == [
        ("HEALTH", "患有精神分裂症"),
        ("HEALTH", "三級殘疾"),
    ]
