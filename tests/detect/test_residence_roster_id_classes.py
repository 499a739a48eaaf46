"""Home addresses by residential structure, health/disability roster columns and prose,
and ID numbers written in Chinese numerals."""

from __future__ import annotations

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.address_recognizer import AddressRecognizer
from pipeline.detect.recognizers.id_card_recognizer import IdCardRecognizer
from pipeline.detect.recognizers.person_recognizer import PersonRecognizer
from pipeline.detect.recognizers.roster_recognizer import RosterRecognizer
from pipeline.detect.recognizers.sensitive_recognizer import SensitiveCategoryRecognizer


def _spans(recognizers, text: str, entity: str) -> list[str]:
    dets = DetectionEngine(recognizers).detect(text)
    return [text[d.start : d.end] for d in dets if d.entity == entity]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("其家住蜀山区笔架山街道锦绣苑5幢1单元302室。", "蜀山区笔架山街道锦绣苑5幢1单元302室"),
        ("申请人现住合肥市包河区滨湖世纪城东区7栋1803室，", "合肥市包河区滨湖世纪城东区7栋1803室"),
        ("其家庭住址为官亭镇林桥村陈大圩组16号。", "官亭镇林桥村陈大圩组16号"),
        ("当事人住址：城关镇东城社区5组。", "城关镇东城社区5组"),
        ("来信人住在B栋2单元401室，反映楼上漏水。", "B栋2单元401室"),
    ],
)
def test_home_addresses_by_residential_structure(text, address):
    assert address in _spans([AddressRecognizer()], text, "ADDRESS")


def test_a_project_site_with_a_number_of_buildings_is_no_home_address():
    text = "本项目建设住宅12栋，配套商业用房3000平方米，计划2025年竣工。"
    assert _spans([AddressRecognizer()], text, "ADDRESS") == []


def test_disability_and_disease_columns_of_a_roster():
    text = (
        "困难残疾人生活补贴发放名单\n"
        "序号\t姓名\t残疾类别\t残疾等级\t主要病种\n"
        "1\t卢晓燕\t智力\t智力一级\t无\n"
        "2\t甘德旺\t视力\t视力一级(盲)\t白内障\n"
    )
    health = _spans([RosterRecognizer()], text, "HEALTH")
    assert "智力一级" in health and "视力一级(盲)" in health and "白内障" in health
    assert "无" not in health


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("經核實，申請人鮑立群系二級肢體殘疾，生活困難。", "二级肢体残疾"),
        ("特困人员毛建华，精神三级，长期服药。", "精神三级"),
    ],
)
def test_disability_grades_in_prose(text, phrase):
    from pipeline.normalise import normalise

    norm = normalise(text).text
    got = _spans([PersonRecognizer(), SensitiveCategoryRecognizer()], norm, "HEALTH")
    assert phrase in got


def test_disability_words_in_policy_text_are_not_grades():
    text = "要深入贯彻会议精神，落实精神卫生工作，保障残疾人合法权益。"
    assert _spans([PersonRecognizer(), SensitiveCategoryRecognizer()], text, "HEALTH") == []


def _chinese(number: str) -> str:
    return "".join("零一二三四五六七八九"[int(c)] if c.isdigit() else "X" for c in number)


def _valid_id(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def test_id_number_in_chinese_numerals():
    number = _chinese(_valid_id("34122119790611031"))
    text = f"举报人葛某，公民身份号码{number}，反映如下。"
    assert _spans([IdCardRecognizer()], text, "ID_CARD") == [number]


def test_a_run_of_chinese_numerals_that_fails_the_check_is_no_id():
    number = _chinese(_valid_id("34122119790611031"))
    wrong = number[:-1] + ("一" if number[-1] != "一" else "二")
    assert _spans([IdCardRecognizer()], f"编号{wrong}。", "ID_CARD") == []
