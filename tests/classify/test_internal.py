"""Internal circulation as evidence (issue 16): notes, own-unit addressees, internal genres,
weighed against public-facing content; explicit markers still decide."""

from __future__ import annotations

import pytest

from pipeline.classify import classify

_BODY = (
    "为做好今年汛期各项工作，现就有关事项通知如下：一、落实防汛责任，主要负责人亲自部署；"
    "二、加强隐患排查，发现问题立即整改；三、严格值守，确保信息报送及时准确。"
)


def _internal(result) -> bool:
    return result.attribute == "不予公开" and result.reason_code in ("内部事务", "过程性信息")


def _check_evidence(text: str, result) -> None:
    assert result.evidence
    for ev in result.evidence:
        assert 0 <= ev.start < ev.end <= len(text)
        assert ev.basis, "every piece of evidence says what it counts as"
        if ev.sentence_span is not None:
            s, e = ev.sentence_span
            assert s <= ev.start and ev.end <= e


@pytest.mark.parametrize(
    "head",
    [
        "内部事项\n",
        "内部资料  注意保存\n",
        "（内部文件，请勿外传）\n",
        "仅供内部参考\n",
        "发至各部门、本部各单位\n",
    ],
)
def test_a_circulation_note_makes_a_notice_internal(head):
    text = f"{head}某某水务集团有限公司关于做好2025年防汛工作的通知\n各分公司、各子公司：\n{_BODY}"
    result = classify(text)
    assert _internal(result), (head, result.attribute, result.decided_by)
    assert result.decided_by == "内部流转"
    _check_evidence(text, result)
    assert any("内部流转" in ev.basis for ev in result.evidence)


@pytest.mark.parametrize(
    ("addressees", "internal"),
    [
        ("本部各部门，基层各单位", True),
        ("局机关各处室", True),
        ("辖内各支行、分行本部各部室", True),
        ("各职能部门、各所属企业", True),
        ("各县（市、区）人民政府，市政府各部门", False),
        ("各乡镇人民政府、街道办事处，区直各单位", False),
    ],
)
def test_the_same_notice_is_internal_or_public_by_its_addressees(addressees, internal):
    text = f"关于做好2025年防汛工作的通知\n{addressees}：\n{_BODY}\n某某单位\n2025年5月6日"
    result = classify(text)
    assert _internal(result) is internal, (addressees, result.attribute, result.decided_by)
    _check_evidence(text, result)


def test_public_facing_content_outweighs_a_weak_internal_cue():
    text = (
        "关于开展2025年职工之家示范点创建活动的通知\n各县（市、区）总工会，各产业工会：\n"
        "为服务广大职工群众，欢迎社会各界积极参与监督，现将有关事项通知如下。"
    )
    assert classify(text).attribute == "主动公开"


def test_internal_genre_without_any_marker():
    text = (
        "关于组织机关干部参加公文写作能力提升培训的通知\n"
        "为提高机关干部公文写作水平，定于6月12日在三楼会议室举办培训，请各科室派员参加，"
        "参训人员名单于6月10日前报办公室。"
    )
    result = classify(text)
    assert _internal(result), (result.attribute, result.decided_by)


def test_a_process_document_with_a_note_gets_the_process_reason():
    text = (
        "内部资料\n关于调整部分专项资金用途的汇报\n县政府：\n"
        "现将调整专项资金用途的有关情况汇报如下：一、节余情况……二、拟调整用途……"
    )
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("不予公开", "过程性信息")


def test_a_statute_mentioning_internal_material_in_a_sentence_stays_public():
    text = (
        "某某省档案管理条例\n第一条 为了加强档案管理，制定本条例。\n"
        + "第二条 本条例适用于本省行政区域内的档案工作。\n" * 6
        + "第十条 机关形成的内部资料、注意保存的文件，应当按照规定定期移交档案馆，"
        "档案馆应当依法向社会开放。\n"
        + "第十一条 档案馆应当为社会公众利用档案提供便利。\n" * 6
        + "第三十条 本条例自2025年1月1日起施行。"
    )
    assert classify(text).attribute == "主动公开"


@pytest.mark.parametrize("mark", ["★机密", "绝密 ★ 长期", "秘密★一年", "机密★10年"])
def test_secrecy_marks_in_their_placement_variants(mark):
    text = (
        f"{mark}\n关于某某重点目标安全防护工作的通知\n各成员单位：\n现就有关安全防护工作通知如下。"
    )
    result = classify(text)
    assert (result.attribute, result.reason_code) == ("不予公开", "国家秘密"), mark
    _check_evidence(text, result)


def test_an_explicit_public_marker_is_followed_and_the_internal_signs_are_noted():
    text = f"关于做好防汛工作的通知\n局机关各处室：\n{_BODY}\n（此件主动公开）"
    result = classify(text)
    assert (result.attribute, result.decided_by) == ("主动公开", "标注")
    assert any("内部流转" in n for n in result.notes)
