# ruff: noqa: E501  (document texts are long data lines)
"""Issue 13 classes (2026-12-08): decisions on a private person's case (行政复议, 工伤认定,
仲裁) and accident reports name private people; an organisation's legal representative is
named for the organisation; an organisation's 住所地 is its seat; spread form labels and
character-spaced lines read as words; an age in a name's own particulars marks a minor."""

from __future__ import annotations

import pytest

from pipeline.decide.doc_type import DocTypeClassifier
from pipeline.normalise import normalise
from pipeline.screen import screen_text

DOC_TYPES = DocTypeClassifier.from_yaml()


def _decided(text: str, value: str, entity: str = "PERSON") -> tuple[str, str] | None:
    for f in screen_text(text).findings:
        if f.text == value and f.entity == entity:
            return f.action, f.rule
    return None


# ── document types ──────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    "text",
    [
        "某市人民政府\n行政复议决定书\n某政复〔2026〕12号\n申请人：某某\n被申请人：某市自然资源局",
        "认定工伤决定书\n编号：2026-0331\n申请人：某某\n用人单位：某某建材有限公司",
        "某县劳动人事争议仲裁委员会\n仲裁裁决书\n申请人：某某\n被申请人：某某餐饮管理有限公司",
    ],
)
def test_case_decisions_are_typed(text: str) -> None:
    assert DOC_TYPES.classify(text).id == "case_decision"


def test_a_law_whose_contents_name_the_procedure_is_no_case_decision() -> None:
    law = (
        "工伤保险条例\n目录\n第一章 总则\n第二章 工伤保险基金\n第三章 工伤认定\n第四章 劳动能力鉴定\n"
        "第十八条 提出工伤认定申请应当提交下列材料：（一）工伤认定申请表；（二）与用人单位存在劳动关系的证明材料。"
    )
    assert DOC_TYPES.classify(law).id != "case_decision"


def test_accident_report_is_typed() -> None:
    text = "关于某某商砼公司“3·17”车辆伤害事故的调查报告\n事故调查组依法开展调查，查明了事故原因和直接经济损失。"
    assert DOC_TYPES.classify(text).id == "accident_report"


# ── who is named in a case decision ─────────────────────────────────────────────────────
REVIEW = (
    "某区人民政府\n行政复议决定书\n区政复字〔2026〕第7号\n\n"
    "申请人：岑海波，男，1975年2月生，住某区北门街道柳荫小区3栋2单元501室。\n"
    "被申请人：某区市场监督管理局，住所地某区解放东路206号。\n"
    "法定代表人：聂文斌，局长。\n\n"
    "    申请人不服被申请人作出的处理决定，向本机关申请行政复议。经审理查明，申请人所购电动车"
    "系其在某商行购得，同住的表弟覃小峰亦在场。现场见证的店员常明辉出具了书面说明。\n\n"
    "    本机关认为，被申请人认定事实清楚，决定维持。\n"
)


def test_review_applicant_and_uncued_witness_are_redacted() -> None:
    assert _decided(REVIEW, "岑海波") == ("redact", "PI-NAME-PRIVATE")
    # no cue at all before 常明辉 beyond 店员: a private person in a case decision
    decided = _decided(REVIEW, "常明辉")
    assert decided is not None and decided[0] == "redact"


def test_legal_representative_of_the_respondent_is_allowed() -> None:
    assert _decided(REVIEW, "聂文斌") == ("allow", "PI-NAME-REPRESENTATIVE")


def test_organisation_seat_is_allowed_home_is_redacted() -> None:
    seat = _decided(REVIEW, "某区解放东路206号", "ADDRESS")
    assert seat == ("allow", "PI-ADDRESS-ORGANISATION")
    found = [
        f for f in screen_text(REVIEW).findings if f.entity == "ADDRESS" and "柳荫小区" in f.text
    ]
    assert found and all(f.action == "redact" for f in found)


def test_representative_particulars_stay_private() -> None:
    text = (
        "行政处罚决定书\n当事人：某某食品有限公司\n法定代表人：鲍立群，身份证号430102198211053017，"
        "手机13974112580，住长沙市开福区芙蓉中路一段18号7栋1102室。"
    )
    assert _decided(text, "鲍立群") == ("allow", "PI-NAME-REPRESENTATIVE")
    assert _decided(text, "13974112580", "MOBILE") == ("redact", "PI-CONTACT-PRIVATE")
    addr = [f for f in screen_text(text).findings if f.entity == "ADDRESS"]
    assert addr and all(f.action == "redact" for f in addr)


def test_accident_report_uncued_victim_goes_to_review() -> None:
    text = (
        "某建筑工地“8·2”物体打击事故调查报告\n\n一、事故发生经过\n"
        "    8月2日上午，钢筋班组在二号楼作业。据同班组工人符永庆陈述，当日未设置警戒区。"
        "死者家属反映，焦明远入场后未接受三级安全教育。\n"
        "二、责任认定\n    施工单位项目经理严志刚未组织安全技术交底，建议给予行政处罚。\n"
    )
    assert _decided(text, "符永庆") == ("redact", "PI-NAME-THIRD-PARTY")
    victim = _decided(text, "焦明远")
    assert victim is not None and victim[0] in ("review", "redact")
    assert _decided(text, "严志刚") is not None and _decided(text, "严志刚")[0] == "allow"  # type: ignore[index]


def test_handling_officer_of_a_hotline_ticket_is_a_contact() -> None:
    text = (
        "12345热线工单办理情况\n来电人：某某\n诉求内容：反映小区路灯损坏。\n"
        "办理结果：已修复。\n承办人：杭雪梅    联系电话：0571-86021135\n"
    )
    assert _decided(text, "杭雪梅") == ("allow", "PI-NAME-OFFICIAL")


def test_a_private_household_landline_is_redacted() -> None:
    text = "信访事项答复意见书\n你反映的问题已转街道处理。另据反映，对门住户家中座机0851-85523176长期无人接听。"
    decided = _decided(text, "0851-85523176", "LANDLINE")
    assert decided is not None and decided[0] == "redact"


# ── letter spacing ──────────────────────────────────────────────────────────────────────
def test_spread_label_reads_as_its_cue() -> None:
    text = "认定工伤决定书\n\n申 请 人：滕美兰（系职工之妻）\n职工姓名：卢国强\n"
    assert normalise(text).text.splitlines()[2].startswith("申请人:")
    decided = _decided(text, "滕美兰")
    assert decided is not None and decided[0] == "redact"


def test_character_spaced_line_is_joined_but_a_header_line_is_not() -> None:
    spaced = "其 中 东 侧 地 块 与 邻 户 甘 德 旺 存 在 边 界 争 议"
    header = "姓名 性别 民族 住址 联系电话"
    n = normalise(spaced + "\n" + header)
    assert n.text.splitlines() == ["其中东侧地块与邻户甘德旺存在边界争议", header]
    # offsets still point into the original
    start = n.text.index("甘德旺")
    s, e = n.span_to_original(start, start + 3)
    assert n.original[s:e] == "甘 德 旺"


# ── minors ──────────────────────────────────────────────────────────────────────────────
def test_age_in_own_particulars_marks_a_minor_beside_a_university_hospital() -> None:
    text = (
        "2026年第三期慈善救助款发放公示\n一、救助情况\n"
        "    1. 受助人颜若溪，女，9岁，确诊神经母细胞瘤，现在某某大学附属第一医院治疗，本期资助3万元。\n"
    )
    decided = _decided(text, "颜若溪")
    assert decided is not None and decided[0] in ("review", "redact")


# ── model spans that are words ──────────────────────────────────────────────────────────
def test_arbitration_words_are_not_names() -> None:
    text = (
        "第二十九条 劳动争议仲裁委员会收到仲裁申请之日起五日内，认为符合受理条件的，应当受理。"
        "仲裁庭由三名仲裁员组成，设首席仲裁员。"
    )
    persons = [f.text for f in screen_text(text).findings if f.entity == "PERSON"]
    assert not any(p.startswith("仲裁") for p in persons)


# ── set d classes (2026-12-08): role nouns, licence publicity, village homes, injuries ──
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("法律援助典型案例\n受援人郝长青在工地受伤后，用工方拒付医疗费。", "郝长青"),
        ("限期拆除公告\n经查，相邻权利人柏玉珍多次反映该建筑影响通行。", "柏玉珍"),
        ("关于出租屋消防安全隐患的通报\n一、房东符德彪将住房分隔为多间出租。", "符德彪"),
    ],
)
def test_private_role_nouns_make_a_name_private(text: str, name: str) -> None:
    decided = _decided(text, name)
    assert decided is not None and decided[0] == "redact"


def test_licence_publicity_keeps_holders_masks_identifiers() -> None:
    text = (
        "某区市场监督管理局关于注销食品经营许可证的公告\n\n"
        "1. 某区阿香米粉店    经营者：蓝秀英    许可证编号：JY25303020019921\n"
        "   注销原因：营业执照已注销。经营者预留电话15987412036无法接通，特此公告。\n"
    )
    assert _decided(text, "蓝秀英") == ("allow", "PI-NAME-LICENCE-PUBLICITY")
    assert _decided(text, "15987412036", "MOBILE") == ("redact", "PI-CONTACT-PRIVATE")


def test_village_group_house_number_is_a_home_not_premises() -> None:
    text = "关于注销重复户口的公告\n序号  姓名  户籍地址\n1  常玉梅  清苑区何桥乡北王力村三组21号\n"
    found = [f for f in screen_text(text).findings if f.entity == "ADDRESS"]
    assert found and all(f.action == "redact" for f in found)


def test_chongqing_floor_door_address_is_found() -> None:
    text = "房东将位于渝中区解放碑街道民生路附23号3单元12-4的住房分隔出租。"
    found = [f.text for f in screen_text(text).findings if f.entity == "ADDRESS"]
    assert any(t.endswith("3单元12-4") for t in found)


@pytest.mark.parametrize(
    "injury", ["左手臂被划伤缝合6针", "面部烫伤", "被狗咬伤", "诊断为再生障碍性贫血"]
)
def test_injuries_and_blood_disorders_are_health(injury: str) -> None:
    text = f"情况说明\n经核实，村民戚光明{injury}，已送医治疗。"
    found = [f for f in screen_text(text).findings if f.entity == "HEALTH"]
    assert any(injury.endswith(f.text) or f.text in injury for f in found)


def test_web_chrome_does_not_hide_the_title() -> None:
    text = (
        "首页 > 政务公开 > 乡镇动态\n【字体：大 中 小】 打印本页 关闭窗口\n扫一扫在手机打开当前页\n"
        "某镇2026年第三批农村村民宅基地申请审批公示\n发布日期：2026-09-02\n"
    )
    assert DOC_TYPES.classify(text).id == "licence_publicity"


def test_candidate_publicity_profile_is_public_but_a_criminal_record_is_reviewed() -> None:
    text = (
        "某村第十二届村民委员会正式候选人公示\n\n主任候选人：韩德海，男，回族，1972年4月出生，初中文化\n\n"
        "    原初步候选人马玉林因犯盗窃罪被判处有期徒刑二年，不得列为候选人。\n"
    )
    assert _decided(text, "回族", "ETHNICITY") == ("allow", "PI-APPOINTMENT-PROFILE")
    decided = _decided(text, "马玉林")
    assert decided is not None and decided[0] in ("review", "redact")
