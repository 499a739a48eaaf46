"""Detection gaps of narrative notices: a sentence without a subject, estate phases in Latin
letters, bracketed accounts, ages in months, acute conditions, product names, names jieba
splits or glues, and rule boundaries the model must not shorten."""

from __future__ import annotations

import pytest

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.ner_recognizer import _keeps_boundary
from pipeline.detect.recognizers.ner_spots import kinded_spots
from pipeline.document import Detection
from pipeline.normalise import normalise
from pipeline.screen import screen_text


def _found(text: str) -> dict[str, str]:
    return {f.text: f.entity for f in screen_text(text).findings}


def test_a_sentence_without_subject_goes_on_about_the_person_before() -> None:
    text = (
        "社区矫正对象宓春生，男，公民身份号码320104198211050415。因犯盗窃罪，"
        "于2025年3月经秦淮区人民法院判处有期徒刑一年，缓刑一年六个月。"
    )
    found = _found(text)
    assert found.get("宓春生") == "PERSON"
    assert "CRIMINAL_RECORD" in {found.get("因犯盗窃罪"), found.get("犯盗窃罪")}, found


def test_without_a_person_before_a_subjectless_sentence_stays_silent() -> None:
    text = "本规定所称社区矫正工作，由司法行政机关负责。因犯罪被判处管制的，依法实行社区矫正。"
    assert "CRIMINAL_RECORD" not in _found(text).values()


@pytest.mark.parametrize(
    "address",
    ["南宁市青秀区凤岭北路18号B2区6栋2单元1103室", "遵义市汇川区上海路街道万达C3区2栋903号"],
)
def test_an_estate_phase_in_latin_letters_stays_inside_the_address(address: str) -> None:
    found = _found(f"当事人家庭住址：{address}。")
    assert found.get(address) == "ADDRESS", found


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("你在申请中留下的微信号（hxl_2019abc）不作为答复渠道。", "hxl_2019abc", "WECHAT"),
        ("来信人QQ（20581133）已核实。", "20581133", "QQ"),
    ],
)
def test_an_account_in_brackets_after_its_keyword(text: str, value: str, entity: str) -> None:
    assert _found(text).get(value) == entity


def test_a_childs_age_in_years_and_months() -> None:
    found = _found("幼儿刘思彤，女，3岁2个月，于5月6日接种后出现热性惊厥。")
    assert found.get("3岁2个月") == "MINOR"
    assert any(t.endswith("惊厥") and e == "HEALTH" for t, e in found.items()), found


def test_loss_of_self_care_in_a_list_is_health() -> None:
    text = "特困人员公示\n1．兀志芳，集中供养，重度失能，联系电话：13947128806；"
    assert _found(text).get("重度失能") == "HEALTH"


def test_an_event_without_a_medical_head_is_no_health_item() -> None:
    text = "申请人沈卫东反映，小区出现漏水问题，发生多次停电。"
    assert "HEALTH" not in _found(text).values()


def test_a_vaccine_is_not_a_person() -> None:
    text = "患儿吴可馨于10月8日接种麻腮风疫苗后出现皮疹。"
    assert "麻腮风" not in _found(text)


def test_a_name_jieba_reads_as_word_plus_character_after_a_cue() -> None:
    # 白云|飞: a dictionary word and one character, closed by a comma
    assert _found("社区矫正对象白云飞，男，1979年生。").get("白云飞") == "PERSON"


def test_a_surname_glued_to_the_word_before_is_a_spot() -> None:
    text = "上述商品系当事人从个人马国栋处购进。"
    ctx = DetectContext(normalise(text))
    spots = {(text[s:e], kind) for s, e, kind in kinded_spots(ctx)}
    assert ("马国栋", "split") in spots, spots


def _rule(s: int, e: int, **attrs: object) -> Detection:
    return Detection("PERSON", s, e, 0.9, "person_rules", "", dict(attrs))


def test_the_model_keeps_a_roster_cell_and_a_cued_name_whole() -> None:
    text = "五华区民政局  者苏兰    科长\n当事人之妻冶海燕在笔录中证实。"
    cell = text.index("者苏兰")
    assert _keeps_boundary(text, _rule(cell, cell + 3, roster=True), cell + 1, cell + 3)
    cued = text.index("冶海燕")
    rule = _rule(cued, cued + 3, via="cue", cue="之妻")
    assert _keeps_boundary(text, rule, cued + 1, cued + 3)  # 海燕 drops the surname 冶
    # a rule name that swallowed a function character keeps the model's boundary
    other = "经查为王芳所为。"
    w = other.index("为王芳")
    assert not _keeps_boundary(other, _rule(w, w + 3, via="cue", cue="经查"), w + 1, w + 3)
