"""Issue 13 classes: minors in publicity lists (review), the reach of a private cue over an
agency's phone (the sentence or line, not the paragraph), ``minor_cue`` slots."""

from __future__ import annotations

import pytest

from pipeline.decide.minors import minor_cue, reference_year
from pipeline.document import Detection
from pipeline.screen import screen_text


def _action(text: str, value: str, entity: str) -> str | None:
    for f in screen_text(text).findings:
        if f.text == value and f.entity == entity:
            return f.action
    return None


# ── minors in publicity lists ─────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("text", "child"),
    [
        (
            "关于2025年春季学期营养改善计划受助学生的公示\n经学校审核，拟资助以下学生：\n"
            "三年级（2）班 柏欣怡，家庭经济困难类型：低保家庭\n公示期五天。",
            "柏欣怡",
        ),
        (
            "2025年度孤儿基本生活费发放名单公示\n序号\t姓名\t性别\t年龄\t发放金额\n"
            "1\t冉梓涵\t女\t11\t1500\n2\t冉国栋\t男\t16\t1500",
            "冉梓涵",
        ),
        (
            "2025年第二季度临时救助对象公示\n序号\t姓名\t身份证号\t救助原因\t金额\n"
            "1\t訾秀珍\t411422196911034024\t因病\t2000\n2\t訾晨阳\t411422201209184016\t本人在读小学\t800",
            "訾晨阳",
        ),
        (
            "关于困境儿童基本生活补贴对象的公示\n经审核，拟将以下儿童纳入保障：邬思源，男，8岁，父母重残；"
            "邬思琪，女，6岁。",
            "邬思琪",
        ),
    ],
)
def test_children_in_publicity_lists_go_to_review(text: str, child: str) -> None:
    assert _action(text, child, "PERSON") == "review"


def test_adults_in_the_same_list_keep_their_publicity_reading() -> None:
    text = (
        "2025年第二季度临时救助对象公示\n序号\t姓名\t身份证号\t救助原因\t金额\n"
        "1\t訾秀珍\t411422196911034024\t因病\t2000\n2\t訾晨阳\t411422201209184016\t本人在读小学\t800"
    )
    assert _action(text, "訾秀珍", "PERSON") == "allow"


def test_a_teacher_in_a_school_list_is_no_minor() -> None:
    text = "关于2025年度优秀教师的表彰决定\n城关小学教师滕玉兰，从教二十年，获评优秀教师。"
    assert _action(text, "滕玉兰", "PERSON") == "allow"


def test_minor_cue_reads_the_persons_own_slot() -> None:
    text = "公示名单：宗德海，男，45岁，务工；宗小禾，女，7岁，在读小学。"
    a = Detection("PERSON", text.index("宗德海"), text.index("宗德海") + 3, 0.9, "t", "")
    b = Detection("PERSON", text.index("宗小禾"), text.index("宗小禾") + 3, 0.9, "t", "")
    spans = [(a.start, a.end), (b.start, b.end)]
    year = reference_year(text)
    assert minor_cue(text, a, spans, year) is None
    assert minor_cue(text, b, spans, year) == "7岁"


def test_reference_year_is_the_documents_latest_year() -> None:
    assert reference_year("2019年申请，2021年12月复核") == 2021


# ── a private cue reaches its sentence or line, not the next sentence ─────────────────────
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        (
            "关于做好2025年度城乡居民医保参保登记工作的通知\n各乡镇人民政府：\n"
            "申请人须携带身份证、户口簿到乡镇便民服务中心办理登记手续。县医疗保障局待遇保障股联系电话："
            "0564-5012345，手机：13956401234。",
            "13956401234",
        ),
        (
            "关于开展2025年职业技能培训的通知\n各有关单位：\n报名人员应如实填写个人信息，申请人须本人到场。"
            "县人社局职业能力建设股 18956402345。",
            "18956402345",
        ),
    ],
)
def test_agency_phone_after_a_private_sentence_is_allowed(text: str, phone: str) -> None:
    assert _action(text, phone, "MOBILE") == "allow"


def test_private_persons_phone_in_the_same_sentence_stays_private() -> None:
    text = (
        "关于做好2025年度城乡居民医保参保登记工作的通知\n各乡镇人民政府：\n"
        "申请人栾德民，手机：13956401234，已提交登记材料。"
    )
    assert _action(text, "13956401234", "MOBILE") == "redact"


# ── a participants' table (参会回执, 报名表): names stay, their mobiles go to review ─────────
@pytest.mark.parametrize(
    "title",
    ["参会回执", "报名回执", "参训人员报名表"],
)
def test_participant_table_rows(title: str) -> None:
    text = (
        "关于举办全市档案业务培训班的通知\n各县（区）档案馆：\n现将有关事项通知如下。\n"
        f"附件：{title}\n{title}\n单位\t姓名\t职务\t手机\n"
        "东城区档案馆\t卜凡荣\t副馆长\t13905641122\n西城区档案馆\t阙海燕\t科长\t15955012233"
    )
    assert _action(text, "阙海燕", "PERSON") == "allow"
    assert _action(text, "13905641122", "MOBILE") == "review"
    assert _action(text, "15955012233", "MOBILE") == "review"


def test_a_welfare_roster_is_no_participant_table() -> None:
    text = (
        "2025年第三季度城乡低保对象公示\n序号\t姓名\t身份证号\t联系电话\n"
        "1\t包玉珍\t341522196803041121\t13905641122"
    )
    assert _action(text, "13905641122", "MOBILE") == "redact"
