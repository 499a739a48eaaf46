"""A roster's header cell names a column (残疾等级, 病种, 患病情况); only the cells below it are a
person's sensitive information. Found on a 低保 roster of issue 13: the header 「残疾等级」 itself
was redacted as HEALTH."""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


@pytest.mark.parametrize(
    ("text", "header", "cells"),
    [
        (
            "城乡低保对象公示\n序号\t户主\t家庭住址\t残疾等级\n"
            "1\t周德福\t上桥镇金桥村王大郢组28号\t肢体二级\n"
            "2\t李秀兰\t北城社区8组\t精神三级\n",
            "残疾等级",
            ["肢体二级", "精神三级"],
        ),
        (
            "2024年大病救助对象名单\n姓名 | 病种 | 救助金额（元）\n"
            "孙有才 | 尿毒症 | 5000\n吴桂香 | 白血病 | 8000\n",
            "病种",
            ["尿毒症", "白血病"],
        ),
        (
            "困难职工帮扶名单\n序号\t姓名\t患病情况\t帮扶金额\n"
            "1\t刘长根\t患有糖尿病\t1000\n2\t陈有福\t重病住院\t1500\n",
            "患病情况",
            ["患有糖尿病"],
        ),
    ],
)
def test_a_header_cell_is_not_a_persons_health_data(text, header, cells):
    found = {f.text: f for f in screen_text(text).findings if f.entity == "HEALTH"}
    assert header not in found, found[header].rule
    for cell in cells:
        assert cell in found and found[cell].action in ("redact", "review")
