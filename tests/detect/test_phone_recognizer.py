"""MobileRecognizer and LandlineRecognizer, including hotline and masked-value negatives."""

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.recognizers.phone_recognizer import LandlineRecognizer, MobileRecognizer


def run(text: str):
    engine = DetectionEngine([MobileRecognizer(), LandlineRecognizer()], find_exclusions)
    return [(d.entity, text[d.start : d.end], d) for d in engine.detect(text)]


def found(text: str):
    return [(entity, value) for entity, value, _ in run(text)]


def test_class_vars():
    assert MobileRecognizer.name == "MobileRecognizer" and MobileRecognizer.entities == ("MOBILE",)
    assert LandlineRecognizer.name == "LandlineRecognizer"
    assert LandlineRecognizer.entities == ("LANDLINE",)


def test_mobile_next_to_chinese():
    [(entity, value, d)] = run("联系电话13812345678，请勿外传")
    assert (entity, value) == ("MOBILE", "13812345678")
    assert d.score >= 0.9 and d.attrs == {"validated": True, "keyword": "联系电话"}
    assert "号段138" in d.explanation and d.recognizer == "MobileRecognizer"


def test_mobile_full_width_split_offsets_in_original():
    text = "联系电话１３８ １２３４ ５６７８"
    [(entity, value, d)] = run(text)
    assert entity == "MOBILE" and value == "１３８ １２３４ ５６７８"
    assert (d.start, d.end) == (4, len(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("手机:+86 138-1234-5678。", "+86 138-1234-5678"),
        ("手机+8613912345678", "+8613912345678"),
        ("电话138-1234-5678", "138-1234-5678"),
        ("张三15912345678李四", "15912345678"),
    ],
)
def test_mobile_forms(text, value):
    assert found(text) == [("MOBILE", value)]


def test_mobile_not_inside_longer_digit_run():
    assert found("编号213812345678") == []
    assert found("编号138123456789") == []


def test_mobile_unknown_segment_needs_keyword():
    assert found("数据14012345678") == []
    [(_, _, d)] = run("手机14012345678")
    assert 0.5 <= d.score <= 0.7 and d.attrs["validated"] is False


def test_masked_mobile_not_reported():
    assert found("联系电话138****1234") == []
    assert found("联系电话138****5678，13812345678") == [("MOBILE", "13812345678")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("办公电话0564-3379123。", "0564-3379123"),
        ("电话:(0564)3379123", "(0564)3379123"),
        ("电话（０５６４）３３７９１２３", "（０５６４）３３７９１２３"),
        ("北京010-62345678", "010-62345678"),
        ("座机05643379123", "05643379123"),
        ("电话0564 3379123", "0564 3379123"),
        ("联系电话0564-3379123转8001", "0564-3379123转8001"),
        ("联系电话0564-3379123-8001", "0564-3379123-8001"),
    ],
)
def test_landline_forms(text, value):
    assert found(text) == [("LANDLINE", value)]


def test_landline_attrs():
    [(_, _, d)] = run("办公电话0564-3379123")
    assert d.attrs == {"validated": True, "keyword": "办公电话"} and d.score >= 0.9
    assert "区号0564" in d.explanation and "六安" in d.explanation


def test_bare_local_number_needs_keyword():
    [(entity, value, d)] = run("联系电话:3585321")
    assert (entity, value) == ("LANDLINE", "3585321")
    assert 0.5 <= d.score <= 0.7 and d.attrs == {"validated": False, "keyword": "联系电话"}
    assert found("Tel: 33791234") == [("LANDLINE", "33791234")]
    assert found("本年度共有3585321人次参保") == []
    assert found("共计3585321") == []


def test_unknown_area_code_needs_keyword():
    assert found("号码0001-3379123") == []


@pytest.mark.parametrize(
    "text",
    [
        "请拨打12345政务服务便民热线",
        "市长热线0564-12345",
        "12380举报电话",
        "消费者投诉12315",
        "纳税服务12366",
        "社保咨询12333",
        "服务热线400-800-1234",
        "客服电话4008001234",
        "免费电话800-810-8888",
        "中国工商银行95588",
        "报警110，火警119，急救120，交通事故122",
        "监督电话：0564-3371234",
        "举报电话:3371234",
        "投诉电话0564-3379123",
        "值班电话(0564)3379999",
    ],
)
def test_public_and_agency_lines_are_not_personal(text):
    assert found(text) == []


def test_dates_money_statistics_not_phones():
    assert found("2020年12月31日共受理146425件，金额13812345678元") == []
    assert found("电话会议于2021-03-15召开") == []


def test_bare_number_after_area_code_form_is_one_landline():
    assert found("电话0564 3379123，传真0564 3379124") == [
        ("LANDLINE", "0564 3379123"),
        ("LANDLINE", "0564 3379124"),
    ]
