"""Whose rows a table holds by its title (reach: the table), one decision per person across a
document (reach: the same name), and third parties / statuses beside a name."""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _by_text(text: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.action, f.rule) for f in screen_text(text).findings}


_LIAISON = (
    "附件1\n\n{title}\n\n"
    "单位          姓名      职务              办公电话          手机\n"
    "城关区政府办  {a}    综合科科长        0931-8712034      139 1902 3841\n"
    "七里河区政府办  {b}    科员              0931-2331870      18709318822\n"
    "西固区政府办  {c}    信息中心主任      0931-7553106      15193175264\n"
    "安宁区政府办  {d}    四级主任科员      0931-7663025      17793129907\n"
)


@pytest.mark.parametrize(
    "title", ["全市政务公开工作联络员名单", "各县区信息报送联系人名单", "应急值守通讯录"]
)
def test_a_contact_table_keeps_every_row_public(title: str) -> None:
    names = ("仇建军", "苟晓燕", "展鹏飞", "衣红梅")
    found = _by_text(_LIAISON.format(title=title, a=names[0], b=names[1], c=names[2], d=names[3]))
    for name in names:
        assert found.get(name, ("allow", ""))[0] == "allow", (name, found.get(name))
    mobiles = [
        f
        for f in screen_text(
            _LIAISON.format(title=title, a=names[0], b=names[1], c=names[2], d=names[3])
        ).findings
        if f.entity == "MOBILE"
    ]
    assert len(mobiles) == 4 and all(f.action == "allow" for f in mobiles), mobiles


def test_a_participants_title_above_a_blank_line_still_reaches_its_table() -> None:
    text = (
        "关于举办全省农村低保核查业务培训的通知\n\n各市民政局：\n　　定于12月3日举办培训。\n\n"
        "附件：参训人员名单及联系方式\n\n"
        "单位          姓名      职务            手机\n"
        "长治市民政局  郇丽华    科长            13835512870\n"
        "晋城市民政局  续志刚    科员            15903561294\n"
    )
    found = screen_text(text).findings
    phones = [f for f in found if f.entity == "MOBILE"]
    assert [f.action for f in phones] == ["review", "review"], phones
    names = {f.text: f.action for f in found if f.entity == "PERSON"}
    assert names.get("郇丽华") == "allow" and names.get("续志刚") == "allow", names


def test_a_welfare_roster_under_a_plain_title_is_not_a_contact_table() -> None:
    text = (
        "2026年第四季度城乡低保对象名单\n\n"
        "户主姓名    身份证号              家庭住址\n"
        "宫立春      140402197105163218    城区英雄中路12号3单元402室\n"
    )
    found = _by_text(text)
    assert found["140402197105163218"][0] == "redact"
    assert found["城区英雄中路12号3单元402室"][0] == "redact"


def test_a_named_suspect_is_redacted_at_every_mention() -> None:
    text = (
        "关于一起电信诈骗案件的通报\n　　经查，郦文涛多次冒充客服实施诈骗。11月2日，"
        "犯罪嫌疑人郦文涛被依法刑事拘留。经审讯，郦文涛对犯罪事实供认不讳。"
    )
    mentions = [f for f in screen_text(text).findings if f.text == "郦文涛"]
    assert len(mentions) == 3 and {f.action for f in mentions} == {"redact"}, mentions


def test_a_weak_private_reading_is_not_carried_to_other_mentions() -> None:
    # a word read as a name near a private word must not spread over the document
    text = (
        "　　健全教师、学生、家长、学校多方评价机制，突出师风要求和教育教学实绩。\n"
        "　　开展师风论坛征文活动，宣传师风典型。各地要把师风建设摆在首位。\n"
    )
    redacted = [f for f in screen_text(text).findings if f.action == "redact"]
    assert len(redacted) <= 1, redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("行政处罚决定书\n当事人：宁海波。经查，涉案冻品系当事人从个人陈玉兰处购进。", "陈玉兰"),
        ("关于防返贫监测帮扶情况的报告\n例如，监测户马秀兰家中4口人，长期卧床。", "马秀兰"),
        ("疫苗接种异常反应通报\n患儿古丽娜·艾山，女，于接种后出现发热。", "古丽娜·艾山"),
    ],
)
def test_a_third_party_or_status_beside_a_name_makes_it_private(text: str, name: str) -> None:
    found = _by_text(text)
    assert found.get(name, ("missing", ""))[0] == "redact", found


def test_a_child_in_a_narrative_is_not_allowed_silently() -> None:
    text = "情况通报\n6月14日，城南小学学生谢雨航，男，9岁，在河道游泳时溺水。"
    assert _by_text(text)["谢雨航"][0] == "review"


@pytest.mark.parametrize(
    "text",
    [
        "事故调查报告\n经查，段志强醉酒驾驶机动车，被依法追究刑事责任。",
        "工伤认定决定书\n经查，职工雷振宇在车间作业时受伤，诊断为头皮挫裂伤。",
    ],
)
def test_an_uncued_name_beside_a_disease_or_record_is_reviewed(text: str) -> None:
    persons = [f for f in screen_text(text).findings if f.entity == "PERSON"]
    assert persons and all(f.action != "allow" for f in persons), persons


def test_the_sentence_rule_leaves_a_publicity_list_to_its_own_rules() -> None:
    text = (
        "关于2026年第一批重特大疾病医疗救助对象的公示\n"
        "根据《市医疗救助实施方案》，现将救助对象公示如下：\n"
        "1．苟兰芳，患尿毒症，救助金额12000元；\n"
    )
    found = {f.text: f.rule for f in screen_text(text).findings}
    assert found.get("苟兰芳") not in (None, "PI-NAME-SENSITIVE-SENTENCE"), found
    assert any("尿毒症" in t for t in found), found


def test_a_cited_plan_in_the_opening_lines_does_not_type_the_document() -> None:
    from pipeline.decide.doc_type import DocTypeClassifier

    text = (
        "关于2026年第一批临时救助对象的公示\n"
        "根据《县临时救助实施方案》《县社会救助实施细则》，经审核，现公示如下："
    )
    assert DocTypeClassifier.from_yaml().classify(text).id == "subsidy_publicity"
