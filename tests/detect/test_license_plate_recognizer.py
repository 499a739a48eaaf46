"""LicensePlateRecognizer: province abbreviation + letter + 5, new-energy 8-character plates."""

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.recognizers.license_plate_recognizer import LicensePlateRecognizer


def run(text: str):
    engine = DetectionEngine([LicensePlateRecognizer()], find_exclusions)
    return [(text[d.start : d.end], d) for d in engine.detect(text)]


def values(text: str):
    return [v for v, _ in run(text)]


def test_class_vars():
    assert LicensePlateRecognizer.name == "LicensePlateRecognizer"
    assert LicensePlateRecognizer.entities == ("LICENSE_PLATE",)


def test_plate_with_keyword():
    [(value, d)] = run("车牌号皖A12345的车辆")
    assert value == "皖A12345" and d.entity == "LICENSE_PLATE"
    assert d.score >= 0.9 and d.attrs == {"validated": True, "keyword": "车牌号"}
    assert "皖" in d.explanation


@pytest.mark.parametrize(
    "plate",
    ["京A12345", "沪B1234X", "粤B·12345", "川A 8888L", "京AD12345", "苏EF12345", "浙A12345D",
     "豫A1234学", "鲁B1234警", "琼A12345"],
)  # fmt: skip
def test_plate_forms(plate):
    assert values(f"违章车辆{plate}已处理") == [plate]


def test_full_width_offsets():
    text = "车牌：京Ａ１２３４５"
    assert values(text) == ["京Ａ１２３４５"]


def test_new_energy_is_one_plate():
    [(value, d)] = run("新能源车粤BD12345")
    assert value == "粤BD12345" and "新能源" in d.explanation


@pytest.mark.parametrize(
    "text",
    ["京ABCDE", "京A1234", "京A1234567", "京I12345", "京O12345", "京A**345", "X京A12345Z",
     "新APP公司", "港A12345"],
)  # fmt: skip
def test_not_plates(text):
    assert values(text) == []
