"""Pure check functions: GB 11643, Luhn, card BINs, GB 32100, number segments, area codes."""

from datetime import date

import pytest

from pipeline.detect.recognizers import validators as v
from tests.check_digits import luhn_complete, uscc, with_check


def test_id_weights_are_the_gb11643_weights():
    assert v.ID_WEIGHTS == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert [2 ** (17 - i) % 11 for i in range(17)] == list(v.ID_WEIGHTS)


@pytest.mark.parametrize("first17", ["11010519900307123", "34150119850101001", "44030420001231567"])
def test_id_check_char_matches_independent_computation(first17):
    full = with_check(first17)
    assert v.id_check_char(first17) == full[-1]
    assert v.id_checksum_ok(full)
    assert v.id18_ok(full)


def test_id_check_x_and_lowercase():
    candidates = (f"1101051990030712{i}" for i in range(10))
    first17 = next(p for p in candidates if with_check(p)[-1] == "X")
    assert v.id_checksum_ok(first17 + "X")
    assert v.id_checksum_ok(first17 + "x")


def test_id_wrong_check_digit_fails():
    full = with_check("11010519900307123")
    wrong = full[:17] + ("0" if full[17] != "0" else "1")
    assert not v.id_checksum_ok(wrong)
    assert not v.id18_ok(wrong)


@pytest.mark.parametrize(
    "first17",
    [
        "99010519900307123",  # province 99 does not exist
        "70010519900307123",  # 70 is not a province code
        "11010519901307123",  # month 13
        "11010519900230123",  # 30 February
        "11010518890307123",  # before 1900
        "11010529990307123",  # in the future
    ],
)
def test_id_structure_invalid(first17):
    assert not v.id18_ok(with_check(first17))


def test_province_codes():
    assert v.province_ok("11") and v.province_ok("65") and v.province_ok("34")
    assert v.province_ok("81") and v.province_ok("82") and v.province_ok("83")
    assert not v.province_ok("10") and not v.province_ok("66") and not v.province_ok("80")


def test_birth_date_18_and_15():
    assert v.birth_date(with_check("11010519900307123")) == date(1990, 3, 7)
    assert v.birth_date("110105900307123") == date(1990, 3, 7)
    assert v.birth_date("110105900230123") is None
    assert v.birth_date("11010520240101123X", today=date(2023, 1, 1)) is None


def test_id15():
    assert v.id15_ok("110105900307123")
    assert not v.id15_ok("990105900307123")
    assert not v.id15_ok("110105901307123")


def test_luhn():
    assert v.luhn_ok("4111111111111111")
    assert not v.luhn_ok("4111111111111112")
    card = luhn_complete("622202123456789012")
    assert v.luhn_ok(card) and len(card) == 19


def test_card_issuer():
    assert v.card_issuer("6222021234567890123") == "银联"
    assert v.card_issuer("4111111111111111") == "VISA"
    assert v.card_issuer("5500000000000004") == "MasterCard"
    assert v.card_issuer("9558801234567890123") == "国内银行"
    assert v.card_issuer("1234567890123456") is None


def test_uscc_check():
    code = uscc("91341500MA2N0DXB0")
    assert v.uscc_ok(code)
    assert v.uscc_ok(code.lower())
    bad = code[:17] + ("0" if code[17] != "0" else "1")
    assert not v.uscc_ok(bad)
    assert not v.uscc_ok("91341500MA2N0DXBI")  # I is not in the GB 32100 character set
    assert not v.uscc_ok(uscc("9134AB00MA2N0DXB0"))  # admin-division part must be digits


def test_mobile_segments():
    assert v.mobile_ok("13812345678")
    assert v.mobile_ok("19912345678")
    assert v.mobile_ok("16612345678")
    assert not v.mobile_ok("14012345678")  # no such segment
    assert not v.mobile_ok("1381234567")
    assert "138" in v.mobile_prefixes()


def test_area_codes():
    assert v.area_code_ok("010") and v.area_code_ok("021") and v.area_code_ok("0564")
    assert not v.area_code_ok("0000") and not v.area_code_ok("001")
    assert "六安" in v.area_codes()["0564"]
    assert v.split_area_code("01012345678") == ("010", "12345678")
    assert v.split_area_code("05643379123") == ("0564", "3379123")


def test_keyword_before():
    import re

    cue = re.compile("电话|联系电话")
    text = "联系电话:3585321"
    assert v.keyword_before(text, text.index("3"), cue, 8) == "联系电话"
    far = "电话是很久很久以前的事了3585321"
    assert v.keyword_before(far, far.index("3"), cue, 8) is None
