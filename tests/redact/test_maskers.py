"""Masked forms follow DOMAIN.md: 138****5678, 3415**********3456, 张*, address cut."""

from __future__ import annotations

import pytest

from pipeline.document import Finding
from pipeline.redact import mask, redact_text, replacements


@pytest.mark.parametrize(
    ("entity", "value", "masked"),
    [
        ("MOBILE", "13812345678", "138****5678"),
        ("MOBILE", "１３８ １２３４ ５６７８", "138****5678"),
        ("MOBILE", "+86 138-1234-5678", "+86 138****5678"),
        ("ID_CARD", "341502198503123456", "3415**********3456"),
        ("ID_CARD", "11010519900307451X", "1101**********451X"),
        ("ID_CARD", "341502850312123", "3415*******2123"),
        ("BANK_CARD", "6222 0210 0112 3456 789", "6222***********6789"),
        ("LANDLINE", "0564-3585321", "0564-*****21"),
        ("LANDLINE", "3585321", "*****21"),
        ("PASSPORT", "E12345678", "E******78"),  # the letter stays (it was dropped before)
        ("PASSPORT", "EA1234567", "E******67"),
        ("PERSON", "张三", "张*"),
        ("PERSON", "王小军", "王**"),
        ("PERSON", "欧阳娜娜", "欧阳**"),
        ("EMAIL", "zhangsan@163.com", "z***@163.com"),
        ("HEALTH", "患有尿毒症", "*****"),
    ],
)
def test_masked_forms(entity: str, value: str, masked: str):
    assert mask(entity, value) == masked


def test_address_is_cut_to_township():
    value = "舒城县干汊河镇新河村3组"
    assert mask("ADDRESS", value, {"keep_chars": 7}) == "舒城县干汊河镇***"
    assert mask("ADDRESS", value, {}) == "***"


def _f(start: int, end: int, masked: str, action: str = "redact") -> Finding:
    return Finding("PERSON", start, end, "", action, 1.0, "R", "", "", masked)  # type: ignore[arg-type]


def test_redact_text_replaces_at_offsets_and_skips_allowed():
    text = "申请人张三,电话13812345678,局长李四。"
    findings = [_f(3, 5, "张*"), _f(8, 19, "138****5678"), _f(22, 24, "李*", "allow")]
    assert redact_text(text, findings) == "申请人张*,电话138****5678,局长李四。"


def test_overlapping_findings_never_leak_the_tail():
    text = "abcdefghij"
    edits = replacements([_f(2, 5, "###"), _f(4, 8, "$$$$")])
    assert edits == [(2, 8, "###***")]
    assert redact_text(text, [_f(2, 5, "###"), _f(4, 8, "$$$$")]) == "ab###***ij"


def test_review_findings_are_masked_in_the_redacted_version():
    assert redact_text("王五来了", [_f(0, 2, "王*", "review")]) == "王*来了"
