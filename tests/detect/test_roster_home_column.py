"""A roster's home-address column is decided once for all its rows.

Issue 13: 「北城社区8组」 was kept in one row while the same column was redacted in the others;
a cell with only a community or village name (南岗村, 城东社区) was dropped or read as a name.
"""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text

DIBAO = (
    "2024年第二季度城乡低保对象公示\n"
    "序号\t姓名\t家庭住址\t保障人数\t月保障金（元）\n"
    "1\t周德福\t上桥镇金桥村王大郢组28号\t2\t860\n"
    "2\t李秀兰\t北城社区8组\t1\t430\n"
    "3\t王德厚\t金桥村王大郢组\t3\t1290\n"
    "4\t赵桂芝\t南岗村\t1\t430\n"
)
# a visiting list: the village head's and the liaison's rows hold an official's cue, and
# their home addresses were read as office addresses (PI-ADDRESS-OFFICE) row by row
ZOUFANG = (
    "2024年春节走访慰问名单\n姓名\t职务\t家庭住址\t慰问金（元）\n"
    "王五\t村主任\t城关镇人民路12号3栋201室\t500\n"
    "赵六\t村民\t白鹤村三组\t800\n"
    "钱七\t联络员\t白鹤村五组8号\t500\n"
)
JIUZHU = (
    "临时救助对象花名册\n"
    "序号 | 户主姓名 | 居住地址 | 救助事由 | 救助金额\n"
    "1 | 孙有才 | 三河镇杨柳村5组16号 | 因病 | 2000\n"
    "2 | 钱多多 | 杨柳村张家湾组 | 因灾 | 1500\n"
    "3 | 吴桂香 | 城东社区 | 因病 | 1000\n"
)
TEKUN = (
    "特困供养人员名单\n姓名\t性别\t住址\t供养方式\n"
    "刘长根\t男\t城关镇人民路12号3栋201室\t分散供养\n"
    "陈有福\t男\t白鹤村三组\t分散供养\n"
    "蒙桂兰\t女\t罗锦村委会东岭屯\t分散供养\n"
    "杨秀英\t女\t城关镇\t分散供养\n"
)


def _by_value(text: str) -> dict[str, tuple[str, str, str]]:
    return {f.text: (f.entity, f.action, f.rule) for f in screen_text(text).findings}


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        (DIBAO, ["上桥镇金桥村王大郢组28号", "北城社区8组", "金桥村王大郢组"]),
        (ZOUFANG, ["城关镇人民路12号3栋201室", "白鹤村三组", "白鹤村五组8号"]),
        (JIUZHU, ["三河镇杨柳村5组16号", "杨柳村张家湾组"]),
        (TEKUN, ["城关镇人民路12号3栋201室", "白鹤村三组", "罗锦村委会东岭屯"]),
    ],
)
def test_every_home_address_of_a_column_gets_one_decision(text, cells):
    found = _by_value(text)
    decisions = {found.get(c) for c in cells}
    assert len(decisions) == 1, {c: found.get(c) for c in cells}
    entity, action, _ = decisions.pop()  # type: ignore[misc]
    assert (entity, action) == ("ADDRESS", "redact")


@pytest.mark.parametrize(("text", "cell"), [(DIBAO, "南岗村"), (JIUZHU, "城东社区")])
def test_a_village_or_community_alone_in_that_column_is_an_address_not_a_name(text, cell):
    entity, action, _ = _by_value(text)[cell]
    assert (entity, action) == ("ADDRESS", "allow")


def test_a_township_alone_is_already_at_the_published_level():
    assert "城关镇" not in _by_value(TEKUN)


def test_a_column_of_care_homes_alone_is_not_a_home_address_column():
    text = (
        "特困人员集中供养名单\n序号\t姓名\t家庭住址\t供养方式\n"
        "1\t王德厚\t石婆店镇敬老院\t集中供养\n2\t欧阳德明\t石婆店镇敬老院\t集中供养\n"
    )
    assert "石婆店镇敬老院" not in _by_value(text)


def test_an_office_address_column_is_not_typed_as_homes():
    text = (
        "2024年政务公开联络员名单\n单位\t联络员\t办公地址\t联系电话\n"
        "县民政局\t王明\t城关镇梅山南路12号\t0564-3371234\n"
        "县农业农村局\t李华\t北城社区\t0564-3371235\n"
    )
    found = _by_value(text)
    assert "北城社区" not in found
