# ruff: noqa: E501  (document texts are long data lines)
"""Classes from held-out classify set d (2026-12-08): a 密级 given as an OA header field, a
withheld annex said in a sentence, a report released as 公开版 with parts removed, drafts whose
status stands on its own line or in a note, and a 送审稿 with its 施行 date left blank.
Documents written for this test."""

from __future__ import annotations

import pytest

from pipeline.classify import classify


@pytest.mark.parametrize(
    "header",
    ["密级：机密　保密期限：10年", "密级:秘密  保密期限:5年", "文号：某办〔2026〕3号  密级：绝密"],
)
def test_secrecy_header_field_is_a_state_secret(header: str) -> None:
    text = f"{header}\n\n关于做好重点目标安全防护的通知\n各有关单位：\n现就防护工作通知如下。"
    got = classify(text)
    assert (got.attribute, got.reason_code) == ("不予公开", "国家秘密")


def test_secrecy_field_saying_none_is_no_secret() -> None:
    text = "密级：无\n\n关于开展全民健身日活动的通知\n各县（市、区）人民政府：\n现将活动安排通知如下，欢迎广大市民参与。"
    assert classify(text).attribute != "不予公开"


def test_withheld_annex_in_a_sentence_makes_a_contract_partial() -> None:
    text = (
        "某县政府采购合同公告\n一、合同编号：XCG-2026-118\n二、采购人：某县人民医院\n三、供应商：某某医疗设备有限公司\n"
        "四、合同金额：人民币386万元\n五、其他补充事宜：本合同附表1《设备配置及单价清单》涉及供应商核心报价和成本信息，"
        "属于商业秘密，经征求供应商意见，依据《中华人民共和国政府信息公开条例》第十五条不予公开；合同其余内容予以公开。"
    )
    got = classify(text)
    assert got.attribute == "部分公开"


def test_report_released_as_public_version_is_partial() -> None:
    text = (
        "某街道办事处\n关于2026年困难家庭入户走访情况的报告\n（公开版）\n区民政局：\n"
        "    今年以来，街道共走访困难家庭312户，落实临时救助46户。\n"
        "    【此处涉及个别家庭成员病情和收入情况的内容，属于第三方个人隐私，已作删除处理】\n"
        "    特此报告。"
    )
    assert classify(text).attribute == "部分公开"


@pytest.mark.parametrize(
    "text",
    [
        "某区2027年数字政府建设工作要点\n（讨论稿）\n一、总体要求\n到2027年底，政务服务事项全程网办率达到95%。",
        "某县农村生活垃圾治理实施方案\n一、工作目标\n到2027年，农村生活垃圾收运处置体系覆盖所有行政村。\n说明：本稿为讨论稿，请各乡镇于3月10日前反馈意见。",
        "某市停车场管理办法（送审）\n第一条 为规范停车场管理，制定本办法。\n第二十八条 本办法自2027年  月  日起施行。",
    ],
)
def test_draft_status_outside_the_title_is_process_information(text: str) -> None:
    got = classify(text)
    assert (got.attribute, got.reason_code) == ("不予公开", "过程性信息")
