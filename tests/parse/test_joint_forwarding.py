"""A joint 转发 notice: 签发人 on the 文号 line, two issuers, 附件N：title heads, a 办法 with
chapters and articles as an attachment."""

from __future__ import annotations

import pytest

from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets


@pytest.fixture(scope="module")
def joint(fixture_text):
    text = fixture_text("zhuanfa_joint.txt")
    return text, parse_document(text)


def test_offsets(joint):
    text, doc = joint
    assert assert_offsets(text, doc.to_dict()) > 50


def test_forwarding_title_names_the_forwarded_notice(joint):
    _, doc = joint
    assert doc.title.wrapper == "转发"
    assert doc.title.inner.value == "省财政厅 省民政厅关于进一步加强困难群众救助资金管理的通知"
    assert doc.title.value.startswith("皖江市财政局 皖江市民政局关于转发")


def test_doc_number_with_signers_on_its_line(joint):
    _, doc = joint
    assert doc.doc_number.text == "皖江财社〔2024〕18号"
    assert [s.value for s in doc.signers] == ["刘建华", "陈思远"]


def test_joint_issuers_and_chinese_numeral_date(joint):
    _, doc = joint
    assert [i.value for i in doc.issuers] == ["皖江市财政局", "皖江市民政局"]
    assert doc.date.iso == "2024-05-20"
    assert [m.attribute for m in doc.markers] == ["主动公开"]


def test_inline_attachment_heads_and_the_forwarded_document(joint):
    _, doc = joint
    assert [(s.kind, s.label, s.title.value if s.title else None) for s in doc.sections] == [
        ("main", "正文", None),
        ("inner", "附件1", "安徽省财政厅 安徽省民政厅关于进一步加强困难群众救助资金管理的通知"),
        ("attachment", "附件2", "皖江市困难群众救助资金管理办法"),
    ]
    assert [n.value for n in doc.attachment_notes] == [
        "安徽省财政厅 安徽省民政厅关于进一步加强困难群众救助资金管理的通知",
        "皖江市困难群众救助资金管理办法",
    ]


def test_each_attachment_restarts_the_tree(joint):
    _, doc = joint
    tree = [(h.section, h.marker, h.title.value[:6], h.parent) for h in doc.headings]
    assert tree == [
        ("附件1", "一、", "规范资金分配", None),
        ("附件1", "二、", "加强绩效管理", None),
        ("附件2", "第一章", "总则", None),
        ("附件2", "第一条", "为规范困难群", 2),
        ("附件2", "第二条", "本办法所称困", 2),
        ("附件2", "第二章", "资金管理", None),
        ("附件2", "第三条", "救助资金实行", 5),
        ("附件2", "第四条", "本办法自20", 5),
    ]


def test_citation_with_doc_number_and_foot(joint):
    _, doc = joint
    cited = {c.value: c.doc_number.normalized if c.doc_number else None for c in doc.citations}
    assert cited["社会救助暂行办法"] == "国务院令第649号"
    assert (
        cited["安徽省财政厅 安徽省民政厅关于进一步加强困难群众救助资金管理的通知"]
        == "皖财社〔2024〕301号"
    )
    assert [c.value for c in doc.cc] == ["省财政厅", "省民政厅"]
    assert doc.printed_by.value == "皖江市财政局办公室"
