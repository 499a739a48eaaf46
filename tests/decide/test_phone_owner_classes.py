"""Whose phone is it? The nearest person in the clause, and a disciplined official's own phone.

Issue 13: a private person's mobile in a sentence that also names an organisation was read as
the organisation's contact line (PI-MOBILE-STAFF), and an official's personal mobile in a
disciplinary 通报 was kept as a staff contact. Documents written as agencies write them.
"""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _decided(text: str, value: str):
    result = screen_text(text)
    start = text.index(value)
    for f in result.findings:
        if f.start == start and f.end == start + len(value):
            return f
    raise AssertionError(f"“{value}” not found in {[x.text for x in result.findings]}")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a lost-property notice of a police station: the owner's phone
        (
            "关于认领遗失物品的公告\n区公安分局城东派出所失主：李红 联系电话：15955556666，"
            "请本人携带身份证件到所认领。",
            "15955556666",
        ),
        # a market-supervision bulletin crediting a member of the public
        (
            "县市场监管局接群众张伟举报 13855551234，执法人员随即赶赴现场。",
            "13855551234",
        ),
        # a public-security report: a citizen's tip-off, the phone in brackets
        (
            "城关派出所：经群众刘晓峰提供线索（手机15855551234），民警在该小区当场查获涉案车辆。",
            "15855551234",
        ),
        # a traffic-police notice to a vehicle owner
        (
            "县公安局交警大队通知：报案人王磊，电话13955550001，请于三日内到大队领取被盗车辆。",
            "13955550001",
        ),
        # a villager's phone in a town government's work bulletin
        (
            "镇人民政府村民王有才 13855559999 反映村道损坏，镇村建办已安排维修。",
            "13855559999",
        ),
    ],
)
def test_a_private_persons_phone_is_private_even_in_an_organisations_line(text, value):
    finding = _decided(text, value)
    assert finding.action == "redact", (finding.rule, finding.role)
    assert finding.role in ("private", "party", "beneficiary")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("联系人：综合科 王明 电话13905641234", "13905641234"),
        ("报名咨询：县人社局就业服务中心 孙老师 13805647788（工作日）", "13805647788"),
        ("咨询电话：0564-3371234（县民政局办公室），工作日上午8:30-12:00。", "0564-3371234"),
        # a private person named before the contact cue does not own the line after the cue
        (
            "失主李红已于当日领回钱包。如有其他遗失物品，请联系城东派出所值班民警，"
            "联系人：张警官，咨询电话13905640001。",
            "13905640001",
        ),
    ],
)
def test_an_organisations_own_contact_line_stays_allowed(text, value):
    finding = _decided(text, value)
    assert finding.action == "allow", (finding.rule, finding.role)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "关于3起违反中央八项规定精神典型问题的通报\n\n1.某镇党委副书记张建华（手机13855556666）"
            "违规收受礼金问题。2023年春节期间，张建华收受管理服务对象礼金2万元，受到党内严重警告处分。",
            "13855556666",
        ),
        (
            "县纪委监委关于4起违规问题的通报\n二、城关镇副镇长李卫东，手机13955557777，"
            "违规操办儿子婚宴，受到政务警告处分。",
            "13955557777",
        ),
        (
            "2023年第二季度作风建设情况\n某街道办事处主任王国庆，手机13966001234，"
            "在疫情防控中履职不力，受到诫勉谈话。",
            "13966001234",
        ),
    ],
)
def test_a_disciplined_officials_mobile_is_not_a_contact_line(text, value):
    finding = _decided(text, value)
    assert finding.action in ("redact", "review"), (finding.rule, finding.role)


def test_a_disciplined_officials_id_and_home_address_are_private():
    text = (
        "关于张建国同志违规问题的通报\n张建国，男，身份证号341502198503121230，城关镇党委书记，"
        "住合肥市蜀山区长江西路100号3栋201室，违规收受礼金，受到党内警告处分。"
    )
    assert _decided(text, "341502198503121230").action == "redact"
    assert _decided(text, "合肥市蜀山区长江西路100号3栋201室").action == "redact"


def test_the_supervising_bodys_contact_in_a_disciplinary_notice_stays_allowed():
    text = (
        "关于3起违反中央八项规定精神典型问题的通报\n……\n\n"
        "联系人：县纪委党风政风监督室 王明，电话：0564-3371234"
    )
    assert _decided(text, "0564-3371234").action == "allow"
