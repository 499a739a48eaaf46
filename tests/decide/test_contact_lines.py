"""Contact lines of real-style notices: staff and organiser contacts stay, private people's go.

The texts are written for these tests in the manner of published notices (contact blocks,
lists of units, service-provider records, participant lists, replies and publicity lists).
"""

from __future__ import annotations

import pytest

from pipeline.screen import screen_text


def _findings(text: str) -> dict[str, tuple[str, str, str]]:
    res = screen_text(text)
    return {text[f.start : f.end]: (f.entity, f.action, f.rule) for f in res.findings}


def _action(text: str, value: str) -> str:
    got = _findings(text)
    assert value in got, f"{value} not found in {sorted(got)}"
    return got[value][1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a contact list running across ； and a line break
        (
            "六、联系方式\n联系人：周立新，0312-5881234，13903121122；\n何静，0312-5881235，15803125566\n",
            "15803125566",
        ),
        ("会务联络员：市科技局 韩冰 联系电话：18931156677", "18931156677"),
        ("报名联系人：县文旅局办公室 邓晓 17732109988（工作日）", "17732109988"),
        (
            "技术支持单位：\n　　市大数据中心　　冉　强　18603118899　　宁　悦　13703119900\n",
            "13703119900",
        ),
        ("平台技术联系人：宋凯 15133127788\n\n附件：申报表", "15133127788"),
        ("咨询电话：0311-86012345（业务）、13785112233（技术）", "13785112233"),
        ("短信举报：13305519876，举报邮箱：jubao@ahcz.gov.cn", "13305519876"),
    ],
)
def test_staff_and_organiser_mobiles_in_contact_lines_are_kept(text, value):
    assert _action(text, value) == "allow"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("联系电话：（0371）65509946，电子邮箱：zhc@hnjyt.gov.cn", "zhc@hnjyt.gov.cn"),
        ("请于10日前将扫描件发送至kjc@most.gov.cn。", "kjc@most.gov.cn"),
        ("河北省体育科学学会 邮箱：office@hbtykx.org.cn", "office@hbtykx.org.cn"),
        ("技术咨询：数据中心，service@cnic.ac.cn", "service@cnic.ac.cn"),
        ("省总工会邢敏 电话：0311-87061234 电子邮箱：hbgh_zhc@126.com", "hbgh_zhc@126.com"),
        ("七、联系方式\n电话：0311-87803218\n邮箱：hbsgyxh@163.com\n", "hbsgyxh@163.com"),
    ],
)
def test_organisation_and_contact_line_mailboxes_are_kept(text, value):
    assert _action(text, value) == "allow"


def test_a_private_persons_mail_and_phone_stay_redacted():
    text = "申请人吕海涛，联系电话13955123456，电子邮箱lvht1988@163.com，现住合肥市。"
    got = _findings(text)
    assert got["13955123456"][1] == "redact"
    assert got["lvht1988@163.com"][1] == "redact"


def test_a_private_cue_earlier_in_the_paragraph_beats_a_weak_contact_cue():
    text = "来信人：戴玉兰\n联系地址：长丰县水湖镇\n联系电话：15956781234\n"
    assert _action(text, "15956781234") == "redact"


def test_neighbours_phone_is_private():
    text = "经走访，邻居孔繁荣（电话0551-65512345）证实该户长期无人居住。"
    assert _action(text, "0551-65512345") == "redact"


def test_publicity_list_phones_do_not_become_contact_lines():
    text = (
        "2024年第二季度临时救助对象公示\n"
        "1. 焦德顺，电话13865432109，救助金额2000元。\n"
        "监督电话：0564-3312345\n"
    )
    assert _action(text, "13865432109") == "redact"


def test_reply_letters_keep_the_applicants_phone_redacted():
    text = (
        "政府信息公开申请答复书\n黎文娟：\n您留下的电话15255661234已收悉。\n联系电话：0551-62251234"
    )
    assert _action(text, "15255661234") == "redact"


def test_participants_phones_go_to_review_and_staff_ones_stay():
    text = (
        "关于举办全市统计业务培训班的通知\n"
        "参训人员：龚小波 13905317788，蒋瑶 15069012233\n\n"
        "会务联系人：市统计局办公室 吴迪，13806412345"
    )
    got = _findings(text)
    assert got["15069012233"][1] == "review"
    assert got["13806412345"][1] == "allow"


def test_service_provider_records_keep_the_company_number():
    text = (
        "序号\n服务商名称\n服务内容\n咨询电话\n\n"
        "1\n华信云数据服务有限公司\n为中小企业提供上云诊断和培训。\n中小企业\n18807315566\n\n"
        "2\n南岭工业互联网研究院\n提供设备联网改造方案。\n制造企业\n13574129988\n"
    )
    got = _findings(text)
    assert got["18807315566"][1] == "allow"
    assert got["13574129988"][1] == "allow"


def test_an_office_address_in_a_contact_line_stays():
    text = "联系地址：郑州市金水区经三路15号省教育厅302室\n联系电话：0371-65902345"
    assert all(a != "redact" for _, a, _ in _findings(text).values())


@pytest.mark.parametrize(
    "text",
    [
        "登录网址：http://10.42.18.7:8080/sbxt/ 进行填报。",
        "问卷链接：https://www.wjx.cn/vm/h5/19486/18081698829/，请于月底前完成。",
    ],
)
def test_server_addresses_and_url_digits_are_not_a_persons(text):
    assert _findings(text) == {}


def test_an_official_cue_before_the_name_beats_a_trailing_tongzhi():
    text = "会议由副厅长汤建国同志，主持。"
    assert _action(text, "汤建国") == "allow"
    assert _action("贺红梅同志：\n您反映的问题已收悉。", "贺红梅") == "redact"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("经查，村民钟永福，电话13955667788，多次到镇政府反映宅基地问题。", "13955667788"),
        (
            "县人民检察院指控，被告人在本市东风路18号幸福小区2栋301室内盗窃，电话13811112222。",
            "13811112222",
        ),
    ],
)
def test_narratives_about_private_people_are_not_contact_lines(text, value):
    assert _action(text, value) == "redact"


def test_an_address_in_a_narrative_is_not_an_office_address():
    text = "市人民检察院指控，被告人于2019年5月进入本市城关镇柳林村三组杨某家中。"
    assert all(rule != "PI-ADDRESS-OFFICE" for _, _, rule in _findings(text).values())


def test_an_organisation_in_a_narrative_does_not_own_a_customers_number():
    text = "经调取，联通公司义乌分公司提供的号码为15267891234的机主信息。"
    assert _action(text, "15267891234") == "redact"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 电话/手机 after a person the notice is about: whose the mobile is, 电话 does not say
        (
            "关于对摊主孟庆丰占道经营的处理通报\n孟庆丰，电话15956781234，在城关镇新华街摆摊。",
            "15956781234",
        ),
        ("表彰决定\n见义勇为先进个人：农民工覃海生，手机号18677452310。", "18677452310"),
        ("寻人启事\n我镇五保户祁明远走失，其侄子手机13398761234，望知情者告知。", "13398761234"),
    ],
)
def test_a_weak_cue_alone_does_not_make_a_mobile_staff_contact(text: str, value: str) -> None:
    assert _action(text, value) != "allow"
