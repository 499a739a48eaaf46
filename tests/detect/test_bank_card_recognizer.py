"""BankCardRecognizer: Luhn, BIN and keywords; long runs without either are not reported."""

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.recognizers.bank_card_recognizer import BankCardRecognizer
from pipeline.detect.recognizers.exclusions import find_exclusions
from tests.check_digits import luhn_complete


def not_luhn(card: str) -> str:
    return card[:-1] + str((int(card[-1]) + 1) % 10)


UNIONPAY19 = luhn_complete("622202123456789012")
UNIONPAY16 = luhn_complete("621700123456789")
PLAIN16 = luhn_complete("123456789012345")  # no known BIN


def run(text: str):
    engine = DetectionEngine([BankCardRecognizer()], find_exclusions)
    return [(text[d.start : d.end], d) for d in engine.detect(text)]


def test_class_vars():
    assert BankCardRecognizer.name == "BankCardRecognizer"
    assert BankCardRecognizer.entities == ("BANK_CARD",)


def test_unionpay_with_keyword():
    [(value, d)] = run(f"收款人银行卡号{UNIONPAY19}，开户行略")
    assert value == UNIONPAY19 and d.entity == "BANK_CARD"
    assert d.score >= 0.9 and d.attrs["validated"] is True and d.attrs["keyword"] == "银行卡号"
    assert d.attrs["luhn"] and d.attrs["issuer"] == "银联"
    assert "Luhn校验通过" in d.explanation


def test_unionpay_without_keyword_validated_by_bin():
    [(value, d)] = run(f"转入{UNIONPAY16}后")
    assert value == UNIONPAY16 and d.score >= 0.9 and d.attrs["keyword"] is None


def test_grouped_by_four_and_full_width_offsets():
    grouped = " ".join(UNIONPAY19[i : i + 4] for i in range(0, 19, 4))
    text = f"账号：{grouped}。"
    [(value, _)] = run(text)
    assert value == grouped
    full = "－".join(UNIONPAY16[i : i + 4] for i in range(0, 16, 4)).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    )
    text = f"卡号{full}"
    [(value, _)] = run(text)
    assert value == full


def test_luhn_only_is_weak():
    [(_, d)] = run(f"数据{PLAIN16}")
    assert 0.4 <= d.score < 0.9 and d.attrs["validated"] is False and d.attrs["luhn"] is True


def test_account_keyword_without_luhn_is_medium():
    [(_, d)] = run(f"开户账号{not_luhn(PLAIN16)}")
    assert 0.5 <= d.score <= 0.7 and d.attrs["luhn"] is False


def test_long_run_without_luhn_or_keyword_not_reported():
    assert run(f"流水{not_luhn(PLAIN16)}") == []
    assert run(f"记录{not_luhn(UNIONPAY19)}") == []


def test_not_inside_longer_runs_and_not_masked():
    assert run(f"卡号{UNIONPAY19}1") == []
    assert run("卡号6222 **** **** 1234") == []
    assert run("卡号6222********1234") == []


def test_contract_number_not_reported():
    assert run(f"合同编号{PLAIN16}") == []
    assert run("项目编号20200123456789012345") == []


def test_valid_resident_id_left_to_id_recognizer():
    first17 = "11010519900307123"
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    resident = (
        first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]
    )
    assert resident[-1].isdigit()
    assert run(f"当事人{resident}") == []
