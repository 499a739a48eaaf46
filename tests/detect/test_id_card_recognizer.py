"""IdCardRecognizer: GB 11643 check digit, birth date, province; through the engine too."""

import pytest

from pipeline.detect.base import DetectContext
from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.exclusions import find_exclusions
from pipeline.detect.recognizers.id_card_recognizer import IdCardRecognizer
from pipeline.normalise import normalise
from tests.check_digits import with_check

VALID = with_check("11010519900307123")
VALID_SH = with_check("31011519851231456")


def run(text: str):
    return DetectionEngine([IdCardRecognizer()], find_exclusions).detect(text)


def analyze(text: str):
    ctx = DetectContext(normalise(text))
    ctx.exclusions = find_exclusions(ctx.text)
    return IdCardRecognizer().analyze(ctx)


def test_class_vars():
    assert IdCardRecognizer.name == "IdCardRecognizer"
    assert IdCardRecognizer.entities == ("ID_CARD",)


def test_valid_id_next_to_chinese():
    text = f"申请人张三身份证号{VALID}，住址略"
    [d] = run(text)
    assert (d.entity, text[d.start : d.end]) == ("ID_CARD", VALID)
    assert d.score >= 0.9 and d.recognizer == "IdCardRecognizer"
    assert d.attrs["validated"] is True and d.attrs["keyword"] == "身份证号"
    assert "校验位正确" in d.explanation and "1990-03-07" in d.explanation
    assert "地区码11" in d.explanation


def test_valid_id_without_keyword_still_found():
    [d] = run(f"当事人{VALID_SH}因故")
    assert d.attrs["validated"] and d.attrs["keyword"] is None and d.score >= 0.9


def test_x_check_digit():
    candidates = (f"3415011985010100{i}" for i in range(10))
    first17 = next(p for p in candidates if with_check(p)[-1] == "X")
    for value in (first17 + "X", first17 + "x"):
        [d] = run(f"身份证:{value}")
        assert d.attrs["validated"]


def test_full_width_and_split_digits_map_to_original_offsets():
    full = VALID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    text = f"身份证号码：{full}。"
    [d] = run(text)
    assert text[d.start : d.end] == full
    spaced = f"{VALID[:6]} {VALID[6:14]} {VALID[14:]}"
    text = f"身份证号 {spaced} 已核实"
    [d] = run(text)
    assert text[d.start : d.end] == spaced


def test_wrong_check_digit_without_keyword_not_reported():
    wrong = VALID[:17] + ("0" if VALID[17] != "0" else "1")
    assert run(f"编码{wrong}号") == []


def test_wrong_check_digit_with_keyword_is_low_score():
    wrong = VALID[:17] + ("0" if VALID[17] != "0" else "1")
    [d] = analyze(f"身份证号:{wrong}")
    assert 0.5 <= d.score <= 0.7 and d.attrs["validated"] is False
    assert "校验位错误" in d.explanation


@pytest.mark.parametrize("first17", ["99010519900307123", "11010519901307123"])
def test_bad_province_or_date_never_reported(first17):
    assert run(f"身份证号{with_check(first17)}") == []


def test_legacy_15_digit():
    [d] = run("原身份证号110105900307123已换发")
    assert d.attrs["validated"] and d.score >= 0.9 and "15位" in d.explanation
    [d] = run("编码110105900307123")
    assert d.score < 0.9 and d.attrs["validated"] is False


def test_not_inside_longer_runs_or_codes():
    assert run(f"1{VALID}") == []
    assert run(f"{VALID}5") == []
    assert run(f"AB{VALID}") == []


def test_masked_ids_not_reported():
    assert run("身份证号3415**********5412") == []
    assert run("身份证号341501********5412") == []
    assert run(f"身份证号{VALID[:14]}****") == []


def test_contract_number_not_reported():
    assert run("合同编号20200123456789012345") == []
    assert run(f"项目编号:{VALID}") == []  # an explicit serial-number label wins
