"""Generic detection fixes found by the held-out evaluation, each pinned by a case."""

from __future__ import annotations

from pipeline.detect.engine import DetectionEngine
from pipeline.detect.registry import default_exclusion_finder, default_recognizers
from pipeline.screen import screen_text

ENGINE = DetectionEngine(default_recognizers(), default_exclusion_finder())


def _spans(text: str, entity: str) -> list[str]:
    return [text[d.start : d.end] for d in ENGINE.detect(text) if d.entity == entity]


def test_enforcement_badge_numbers_are_not_mobiles():
    text = "本局执法人员王磊(执法证号:13010219021)在现场检查。"
    assert _spans(text, "MOBILE") == []


def test_estate_name_after_the_street_number_stays_in_the_address():
    text = "通讯地址:保定市竞秀区先锋街道东风中路866号金台小区11号楼3单元501室"
    assert _spans(text, "ADDRESS") == ["保定市竞秀区先锋街道东风中路866号金台小区11号楼3单元501室"]


def test_natural_village_tun_is_a_person_level_address():
    text = "家住临桂镇双塘村委会新村屯,生活困难。"
    assert any(s.endswith("新村屯") for s in _spans(text, "ADDRESS"))


def test_salutations_name_the_addressee_but_not_a_bare_honorific():
    assert _spans("答复意见书\n\n凌志远:\n\n您的来信收悉。", "PERSON") == ["凌志远"]
    assert _spans("答复意见书\n\n陈女士:\n\n您的来信收悉。", "PERSON") == []


def test_traditional_reply_title_is_a_disclosure_reply():
    text = "政府信息公開申請答覆書\n\n鄭雅婷:\n\n本機關收到您的申請,現答覆如下。"
    result = screen_text(text)
    assert result.doc_type == "disclosure_reply"
    person = next(f for f in result.findings if f.entity == "PERSON")
    assert (person.text, person.action) == ("鄭雅婷", "redact")


def test_illness_after_huan_and_not_hazards():
    assert _spans("申请人张三罹患胃癌住院化疗。", "HEALTH") == ["罹患胃癌住院化疗"]
    assert _spans("来信人反映其母亲王秀英患阿尔茨海默病多年。", "HEALTH") == ["患阿尔茨海默病"]
    assert _spans("各单位要做好安全隐患排查,防范重大疾病传播。", "HEALTH") == []


def test_birth_date_in_a_form_block_is_tied_to_the_person_above():
    text = "当事人:郝建军  性别:男\n出生日期:1971年6月4日\n住址:某地"
    assert _spans(text, "DATE_OF_BIRTH") == ["1971年6月4日"]
    # a blank line ends the block: nobody is tied to the date
    assert _spans("当事人:郝建军\n\n出生日期:1971年6月4日", "DATE_OF_BIRTH") == []


def test_lettered_buildings_and_fang_rooms_complete_the_address():
    text = "住址:海口市美兰区白龙街道白龙南路48号椰城花园B栋1204房,联系电话"
    assert _spans(text, "ADDRESS") == ["海口市美兰区白龙街道白龙南路48号椰城花园B栋1204房"]


def test_two_line_header_keeps_the_first_lines_columns():
    text = (
        "序号\t户主\t身份证\t家庭住址\t金额\n"
        "\t姓名\t号码\t\t(元)\n"
        "1\t蓝志坚\t450312195706134552\t临桂镇罗锦村委会东岭村8号\t2500"
    )
    assert _spans(text, "ADDRESS") == ["临桂镇罗锦村委会东岭村8号"]


def test_a_name_column_alone_makes_a_list_of_people():
    text = "学生资助公示\n序号\t学生姓名\t年级\t资助金额\n1\t黎雨欣\t三年级\t1000"
    result = screen_text(text)
    name = next(f for f in result.findings if f.entity == "PERSON")
    assert (name.text, name.rule, name.action) == ("黎雨欣", "PI-NAME-MINOR-LIST", "review")
