"""Layouts seen on agency sites (written for the tests in the style of those pages)."""

from __future__ import annotations

from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets


def test_official_title_is_preferred_to_the_page_title():
    text = (
        "某某市政务公开工作实施细则\n\n某某省某某市人民政府办公室\n\n\n"
        "关于印发某某市政务公开工作实施细则的通知\n( 某府发〔2003〕37号 )\n\n"
        "市政府各部门,市直各单位:\n\n现将《某某市政务公开工作实施细则》印发给你们,请遵照执行。\n\n"
        "二OO三年十二月四日\n"
    )
    doc = parse_document(text)
    assert assert_offsets(text, doc.to_dict()) > 5
    assert doc.title.value == "某某省某某市人民政府办公室关于印发某某市政务公开工作实施细则的通知"
    assert doc.title.wrapper == "印发"
    assert doc.doc_number.text == "某府发〔2003〕37号"
    assert [i.value for i in doc.issuers] == ["某某省某某市人民政府办公室"]
    assert doc.date.iso == "2003-12-04"  # 二OO三 written with Latin O


def test_doc_number_written_after_the_title_and_wrapper_without_guanyu():
    text = (
        "当前位置: 首页 > 政务公开 > 政策法规\n\n"
        "中共某某市委办公室某某市人民政府办公室印发《关于推进政务公开的实施意见》的通知(某办发〔2017〕2号)\n\n"
        "来源:某某市政府门户网 日期:2017-01-12 17:08 字号:【\n视力保护色:\n浏览量:\n\n"
        "各县市区委、人民政府,市直各单位:\n\n《关于推进政务公开的实施意见》已经同意,现印发给你们。\n"
    )
    doc = parse_document(text)
    assert assert_offsets(text, doc.to_dict()) > 5
    assert doc.title.value.endswith("的通知")
    assert (doc.title.wrapper, doc.title.inner.value) == ("印发", "关于推进政务公开的实施意见")
    assert doc.doc_number.normalized == "某办发〔2017〕2号"
    assert text[doc.doc_number.start : doc.doc_number.end] == "某办发〔2017〕2号"
    fields = {f.key: f.value.value for f in doc.metadata if f.value}
    assert fields["发布日期"] == "2017-01-12 17:08"  # 字号 chrome cut from the value
    assert "视力保护色:" in [c.value for c in doc.chrome]


def test_bulleted_metadata_with_values_after_blank_lines():
    text = (
        "某某县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n  • 主题分类:\n\n"
        "  • 发文机构:\n\n    县政府办公室\n  • 发文字号:\n\n    某政发〔2024〕7号\n"
        "  • 发文日期:\n\n    2024年04月06日 16:40\n  • 有效性:\n\n"
        "某某县人民政府工作规则\n\n第一章总则\n\n一、根据有关规定，制定本规则。\n"
    )
    doc = parse_document(text)
    assert assert_offsets(text, doc.to_dict()) > 5
    fields = {f.key: f.value.value if f.value else None for f in doc.metadata}
    assert fields["索引号"] == "6107280000/2024-001005"
    assert fields["主题分类"] is None
    assert fields["发文机关"] == "县政府办公室"
    assert doc.doc_number.normalized == "某政发〔2024〕7号"
    assert doc.date.iso == "2024-04-06"
    assert [(h.marker, h.parent) for h in doc.headings] == [("第一章", None), ("一、", 0)]


def test_red_header_issuers_bracketed_addressees_and_odd_brackets():
    text = (
        "某某省人民政府办公厅文件\n\n某政办发〔2009〕24号\n\n某某省人民政府办公厅关于加强高校\n\n"
        "毕业生就业工作的通知\n\n各市州、县(市、区)人民政府,省政府各厅委:\n\n"
        "根据《国务院办公厅关于加强高校毕业生就业工作的通知》(国办发„2009‟3号)精神,现通知如下。\n"
    )
    doc = parse_document(text)
    assert doc.title.value == "某某省人民政府办公厅关于加强高校毕业生就业工作的通知"
    assert [i.value for i in doc.issuers] == ["某某省人民政府办公厅"]
    assert [a.value for a in doc.addressees] == ["各市州", "县(市、区)人民政府", "省政府各厅委"]
    (cit,) = doc.citations
    assert cit.doc_number.normalized == "国办发〔2009〕3号"
