"""Hotlines and supervision lines are found and allowed with a reason, not dropped silently.

An allowed item reported with its rule and reason is the audit trail a reviewer reads
(issue 13); the exclusion pass still keeps them away from the personal-data recognizers.
"""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _lines(text: str):
    return {f.text: f for f in screen_text(text).findings if f.entity in ("LANDLINE", "MOBILE")}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "关于开展2024年度“双随机、一公开”抽查工作的公告\n欢迎社会各界监督，"
            "监督电话：0564-3371234，投诉电话：12345。",
            ["0564-3371234", "12345"],
        ),
        (
            "举报方式：\n1.来信：寄县纪委监委信访室；\n2.短信举报：13305510000；\n3.举报电话：12388。",
            ["13305510000", "12388"],
        ),
        (
            "如对公示对象有异议，请拨打12345政务服务便民热线或县民政局值班电话(0564)3379999反映。",
            ["12345", "(0564)3379999"],
        ),
        (
            "市场监管部门投诉举报热线12315、客服电话400-800-1234全天受理。",
            ["12315", "400-800-1234"],
        ),
    ],
)
def test_supervision_and_hotline_numbers_are_reported_and_allowed(text, values):
    found = _lines(text)
    for value in values:
        assert value in found, (value, list(found))
        f = found[value]
        assert f.action == "allow" and f.rule == "PI-PHONE-PUBLIC-LINE"
        assert f.reason and f.basis


@pytest.mark.parametrize(
    "text",
    [
        "根据《中华人民共和国刑法》第110条的规定，共办理案件2345件。",
        "2023年全县共接待群众来访12380人次。",
    ],
)
def test_short_numbers_no_phone_word_names_are_not_reported(text):
    assert _lines(text) == {}


def test_a_private_persons_phone_is_not_a_public_line():
    text = "当事人王大宝，男，联系电话13955552222，住城关镇。监督电话：0564-3371234。"
    found = _lines(text)
    assert found["13955552222"].action == "redact"
    assert found["0564-3371234"].action == "allow"
