"""Phone numbers as real notices type them: lists, odd separators, numbers run together."""

from __future__ import annotations

import pytest

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.registry import identifier_recognizers
from pipeline.normalise import normalise

ENGINE = DetectionEngine(identifier_recognizers())


def _values(text: str) -> dict[str, str]:
    norm = normalise(text).text
    return {norm[d.start : d.end]: d.entity for d in ENGINE.detect(norm)}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("联系电话：010-68501234、68505678、68509012", ["010-68501234", "68505678", "68509012"]),
        ("电话：0531-86091234,86095678（传真）", ["0531-86091234", "86095678"]),
        ("办公电话0371—65509946", ["0371—65509946"]),
        ("电话：0571- 89986571", ["0571- 89986571"]),
        ("联系人：许诺 010一67551234", ["010一67551234"]),
        ("总机电话027-88012345", ["027-88012345"]),
    ],
)
def test_landline_lists_and_separators(text, values):
    got = _values(text)
    for value in values:
        assert got.get(value) == "LANDLINE", (value, got)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("联系电话：（010）8420123484205678传真", ["(010)84201234", "84205678"]),
        ("电话：0311-6690852066908522（传真）", ["0311-66908520", "66908522"]),
        ("咨询电话：8581234585805678　附件", ["85812345", "85805678"]),
    ],
)
def test_numbers_run_together_are_split_and_not_a_bank_card(text, parts):
    got = _values(text)
    assert "BANK_CARD" not in got.values()
    for part in parts:
        assert got.get(part) == "LANDLINE", (part, got)


def test_a_real_card_number_after_a_card_keyword_is_still_a_card():
    got = _values("补助资金打入户主银行卡号6222021001123456789。")
    assert got.get("6222021001123456789") == "BANK_CARD"


def test_a_list_needs_a_number_before_it():
    assert _values("共有68505678户参加") == {}
