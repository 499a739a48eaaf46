"""Transliterated names joined by a middle dot: found whole, never cut at the dot."""

from __future__ import annotations

import pytest

from pipeline.detect.recognizers.transliterated import DottedNames, dotted_names
from pipeline.screen import screen_text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("授予约翰·史密斯（英国）友谊奖。", ["约翰·史密斯"]),  # the verb stays outside
        ("外籍教师玛丽亚•冈萨雷斯，护照", ["玛丽亚•冈萨雷斯"]),  # look-alike dot
        ("约翰·F·肯尼迪", ["约翰·F·肯尼迪"]),
        ("阿不都热合曼·买买提·艾力", ["阿不都热合曼·买买提·艾力"]),
        ("审计局沙吾列·努尔兰", ["沙吾列·努尔兰"]),
        ("中国·合肥 丝路·敦煌 北京·朝阳区", []),  # place names are not transliterations
        ("2024·春 让·雷诺", []),  # a one-character part is not enough
        ("没有圆点的文本", []),
    ],
)
def test_dotted_names(text, names):
    assert [text[s:e] for s, e in dotted_names(text)] == names


def test_around_widens_only_names_inside_a_dotted_name():
    text = "申请人穆罕默德·阿卜杜勒，电话"
    dotted = DottedNames(text)
    assert dotted.around(3, 6) == (3, 12)
    assert dotted.around(0, 3) is None and dotted.around(12, 14) is None


def test_a_private_applicant_with_a_dotted_name_is_redacted_whole():
    # the surname route alone found 穆罕默 and left 德·阿卜杜勒 readable
    result = screen_text("申请人穆罕默德·阿卜杜勒，联系电话13912345678。")
    people = [f for f in result.findings if f.entity == "PERSON"]
    assert [f.text for f in people] == ["穆罕默德·阿卜杜勒"]
    assert people[0].action == "redact" and people[0].rule == "PI-NAME-PRIVATE"
    assert "阿卜杜勒" not in result.redacted and "德·" not in result.redacted


def test_an_official_with_a_dotted_name_keeps_the_official_rule():
    result = screen_text("局长买买提·艾力出席会议。")
    (person,) = [f for f in result.findings if f.entity == "PERSON"]
    assert (person.text, person.rule) == ("买买提·艾力", "PI-NAME-OFFICIAL")


def test_a_dotted_name_inside_a_book_title_is_not_a_person():
    result = screen_text("推荐阅读《哈利·波特》，作者罗琳。")
    assert "哈利·波特" not in {f.text for f in result.findings}
