"""PassportRecognizer: Chinese passports and travel permits; keyword raises the score."""

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.recognizers.passport_recognizer import PassportRecognizer


def run(text: str):
    engine = DetectionEngine([PassportRecognizer()], find_exclusions)
    return [(text[d.start : d.end], d) for d in engine.detect(text)]


def test_class_vars():
    assert PassportRecognizer.name == "PassportRecognizer"
    assert PassportRecognizer.entities == ("PASSPORT",)


def test_ordinary_passport_with_keyword():
    [(value, d)] = run("护照号码E12345678，签发地安徽")
    assert value == "E12345678" and d.entity == "PASSPORT"
    assert d.attrs == {"validated": False, "keyword": "护照号码"}
    assert 0.5 <= d.score <= 0.7


def test_keyword_raises_score():
    [(_, bare)] = run("持有E12345678入境")
    [(_, cued)] = run("护照E12345678")
    assert 0.4 <= bare.score < cued.score


@pytest.mark.parametrize("value", ["E12345678", "EA1234567", "G12345678"])
def test_ordinary_forms_without_keyword(value):
    assert [v for v, _ in run(f"编号为{value}的")] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("往来港澳通行证C12345678", "C12345678"),
        ("港澳通行证号CA1234567", "CA1234567"),
        ("回乡证H12345678", "H12345678"),
        ("护照号:P1234567", "P1234567"),
        ("外籍人员护照号码 K1234567", "K1234567"),
    ],
)
def test_other_forms_need_keyword(text, value):
    assert [v for v, _ in run(text)] == [value]
    assert run(f"型号{value}") == []


def test_full_width_offsets():
    text = "护照：Ｅ１２３４５６７８"
    [(value, _)] = run(text)
    assert value == "Ｅ１２３４５６７８"


@pytest.mark.parametrize(
    "text",
    ["E123456789", "XE12345678", "E1234567", "护照E12**5678", "EI1234567", "车次G1234"],
)
def test_not_passports(text):
    assert run(text) == []
