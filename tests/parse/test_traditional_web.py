"""Traditional characters with pinyin noise, a web metadata block, page chrome; and a web
page whose table was extracted one cell per line."""

from __future__ import annotations

import pytest

from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets


@pytest.fixture(scope="module")
def opinion(fixture_text):
    text = fixture_text("traditional_opinion.txt")
    return text, parse_document(text)


@pytest.fixture(scope="module")
def page(fixture_text):
    text = fixture_text("web_table_page.txt")
    return text, parse_document(text)


def test_offsets_in_traditional_text_with_pinyin(opinion):
    text, doc = opinion
    assert assert_offsets(text, doc.to_dict()) > 40
    # the title keeps the original script, without the pinyin the mirror inserted
    assert doc.title.value == "廣東省人民政府辦公廳關於進一步做好政務公開工作的實施意見"
    assert "(guān)" in doc.title.text


def test_bracket_variant_doc_number_and_chinese_numeral_date(opinion):
    _, doc = opinion
    assert doc.doc_number.text == "粵府辦【2019】12號"
    assert doc.doc_number.normalized == "粤府办〔2019〕12号"
    assert doc.date.text == "二〇一九年六月三日" and doc.date.iso == "2019-06-03"
    assert [i.value for i in doc.issuers] == ["廣東省人民政府辦公廳"]
    assert [a.value for a in doc.addressees] == [
        "各地級以上市人民政府",
        "省政府各部門",
        "各直屬機構",
    ]


def test_metadata_block_is_separated(opinion):
    text, doc = opinion
    fields = {f.key: f.value.value for f in doc.metadata if f.value}
    assert fields == {
        "索引号": "11440000006939911X/2019-00123",
        "主题分类": "綜合政務",
        "发文机关": "廣東省人民政府辦公廳",
        "成文日期": "2019年06月03日",
        "发文字号": "粵府辦【2019】12號",
        "公开方式": "主動公開",
    }
    key = doc.metadata[0].key_span
    assert text[key.start : key.end] == "索引號"
    # nothing of the metadata block is mistaken for the body
    assert doc.title.start > doc.metadata[-1].value.end


def test_page_chrome_is_recognised(opinion):
    _, doc = opinion
    assert [c.value for c in doc.chrome] == [
        "EN", "字號：默認 大 中 小 | 打印 | 關閉", "【我要糾錯】", "掃一掃在手機打開當前頁",
    ]  # fmt: skip


def test_markers_from_footnote_and_metadata(opinion):
    _, doc = opinion
    assert [(m.text, m.attribute, m.source) for m in doc.markers] == [
        ("公開方式：主動公開", "主动公开", "元数据"),
        ("（此件公開發布）", "主动公开", "附注"),
    ]


def test_skipped_levels_in_traditional_text(opinion):
    _, doc = opinion
    tree = [(h.marker, h.title.value, h.parent) for h in doc.headings]
    assert tree == [
        ("一、", "總體要求", None),
        ("1.", "完善主動公開目錄", 0),
        ("2.", "規範依申請公開", 0),
        ("二、", "保障措施", None),
        ("（一）", "加強組織領導", 3),
        ("（1）", "建立工作台賬", 4),
        ("（二）", "強化考核監督", 3),
    ]


def test_citation_of_an_order_number(opinion):
    _, doc = opinion
    (cit,) = doc.citations
    assert cit.value == "中華人民共和國政府信息公開條例"
    assert cit.doc_number.normalized == "国务院令第711号"
    assert cit.trigger == "贯彻落实"


def test_web_page_metadata_with_values_on_their_own_lines(page):
    text, doc = page
    assert assert_offsets(text, doc.to_dict()) > 40
    fields = {f.key: f.value.value for f in doc.metadata if f.value}
    assert fields["索引号"] == "00315-1200-2023-00041"
    assert fields["发文字号"] == "青阳办字（2023）5号"
    assert fields["公开方式"] == "主动公开"
    assert fields["发布日期"] == "2023-04-10 09:30"
    assert doc.doc_number.normalized == "青阳办字〔2023〕5号"
    assert any(c.value.startswith("当前位置") for c in doc.chrome)


def test_cell_per_line_table_with_empty_and_split_cells(page):
    text, doc = page
    (table,) = doc.tables
    assert table.layout == "cell-lines"
    assert [c.role for c in table.columns] == ["seq", "task", "lead", "responsible", "deadline"]
    rows = {r.number: r for r in table.rows}
    assert sorted(rows) == [1, 2, 3]
    assert rows[1].cells["牵头单位"].value == "县政府办"
    assert "牵头单位" not in rows[2].cells  # an empty cell (two blank lines)
    assert rows[2].cells["责任单位"].value == "各乡镇人民政府"
    lead = rows[3].cells["牵头单位"]
    assert lead.value == "县数据资源局 / 县委网信办"
    assert text[lead.start : lead.end] == "县数据资源局\n\n县委网信办"
    assert rows[3].cells["完成时限"].value == "2023年12月底前"


def test_wrapper_points_at_the_attachment(page):
    _, doc = page
    assert doc.title.wrapper == "印发"
    inner = [s for s in doc.sections if s.kind == "inner"]
    assert [s.title.value for s in inner] == ["青阳县2023年政务公开重点任务分解表"]
