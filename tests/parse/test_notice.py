"""A 印发 notice with its attachments: head, wrapper, tree per attachment, task table, foot."""

from __future__ import annotations

import json

import pytest

from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets


@pytest.fixture(scope="module")
def notice(fixture_text):
    text = fixture_text("yinfa_notice.txt")
    return text, parse_document(text)


def test_every_element_points_into_the_original(notice):
    text, doc = notice
    assert assert_offsets(text, doc.to_dict()) > 80
    json.dumps(doc.to_dict(), ensure_ascii=False)  # serialisable


def test_title_is_joined_across_lines_and_names_the_issued_document(notice):
    text, doc = notice
    assert doc.title.value == "皖江市人民政府办公室关于印发《皖江市2024年政务公开工作要点》的通知"
    assert "\n" in doc.title.text  # the span covers both lines
    assert doc.title.wrapper == "印发"
    assert doc.title.inner.value == "皖江市2024年政务公开工作要点"
    assert text[doc.title.inner.start : doc.title.inner.end] == "皖江市2024年政务公开\n工作要点"


def test_doc_number_issuer_date_and_addressees(notice):
    _, doc = notice
    assert doc.doc_number.normalized == "皖江政办发〔2024〕7号"
    assert (doc.doc_number.org, doc.doc_number.year, doc.doc_number.seq) == ("皖江政办发", 2024, 7)
    assert [i.value for i in doc.issuers] == ["皖江市人民政府办公室"]
    assert doc.date.iso == "2024-03-15" and doc.date.role == "成文日期"
    assert [a.value for a in doc.addressees] == ["各县（区）人民政府", "市政府各部门", "各直属机构"]


def test_marker_attachment_notes_and_sections(notice):
    _, doc = notice
    assert [(m.value, m.attribute, m.source) for m in doc.markers] == [
        ("（此件公开发布）", "主动公开", "附注")
    ]
    assert [n.value for n in doc.attachment_notes] == [
        "皖江市2024年政务公开工作要点",
        "皖江市2024年政务公开重点任务分解表",
    ]
    kinds = [(s.kind, s.label, s.title.value if s.title else None) for s in doc.sections]
    assert kinds == [
        ("main", "正文", None),
        ("inner", "附件1", "皖江市2024年政务公开工作要点"),
        ("attachment", "附件2", "皖江市2024年政务公开重点任务分解表"),
    ]


def test_heading_tree_with_skipped_levels(notice):
    _, doc = notice
    tree = [(h.marker, h.title.value, h.parent, h.section) for h in doc.headings]
    assert tree == [
        ("一、", "聚焦高质量发展，加强政策发布解读", None, "附件1"),
        ("（一）", "做好政策集中发布", 0, "附件1"),
        ("1．", "完善政策文件库", 1, "附件1"),
        ("2．", "规范政策解读", 1, "附件1"),
        ("（1）", "解读材料与文件同步报批", 3, "附件1"),
        ("（2）", "解读方式不少于2种", 3, "附件1"),
        ("（二）", "强化政务舆情回应", 0, "附件1"),
        ("二、", "聚焦民生保障，深化重点领域公开", None, "附件1"),
        ("1．", "推进社会救助信息公开", 7, "附件1"),  # （一） skipped: 1． hangs under 二、
        ("2．", "推进义务教育信息公开", 7, "附件1"),
        ("三、", "加强组织保障", None, "附件1"),
    ]
    assert [h.number for h in doc.headings][:4] == [1, 1, 1, 2]
    assert [c.index for c in doc.children(7)] == [8, 9]


def test_attachment_notes_are_not_headings(notice):
    _, doc = notice
    assert all(h.section != "正文" for h in doc.headings)


def test_task_table_rows_have_named_columns(notice):
    text, doc = notice
    (table,) = doc.tables
    assert table.layout == "tab" and table.section == "附件2"
    assert [(c.value, c.role) for c in table.columns] == [
        ("序号", "seq"), ("工作任务", "task"), ("牵头单位", "lead"),
        ("责任单位", "responsible"), ("完成时限", "deadline"),
    ]  # fmt: skip
    assert table.title.value == "皖江市2024年政务公开重点任务分解表"
    first = table.rows[0]
    assert first.number == 1
    assert first.cells["牵头单位"].value == "市政府办公室"
    assert first.cells["完成时限"].value == "2024年6月底前"
    assert table.rows[2].cells["责任单位"].value == ""  # an empty cell stays empty
    cell = table.rows[1].cells["工作任务"]
    assert text[cell.start : cell.end] == "强化政务舆情回应"


def test_citations_with_their_doc_numbers_and_basis(notice):
    _, doc = notice
    cited = {c.value: (c.doc_number.normalized if c.doc_number else None) for c in doc.citations}
    assert cited["国务院办公厅关于印发2024年政务公开工作要点的通知"] == "国办发〔2024〕21号"
    assert cited["中华人民共和国政府信息公开条例"] == "国务院令第711号"
    assert cited["安徽省2024年政务公开工作要点"] == "皖政办秘〔2024〕9号"
    triggers = [(b.trigger, len(b.citations)) for b in doc.basis]
    assert triggers == [("贯彻落实", 2), ("根据", 1)]
    assert doc.basis[1].value.endswith("要求")


def test_cc_and_printing_line(notice):
    _, doc = notice
    assert [c.value for c in doc.cc] == ["市委办公室", "市人大常委会办公室", "市政协办公室"]
    assert doc.printed_by.value == "皖江市人民政府办公室"
    assert doc.printed_date.iso == "2024-03-15"


def test_preambles_and_heading_scopes(notice):
    text, doc = notice
    main, inner, _ = doc.sections
    assert main.preamble.value.startswith("《皖江市2024年政务公开工作要点》已经市政府同意")
    assert inner.preamble.value.startswith("为做好2024年全市政务公开工作")
    first = doc.headings[0]
    scope = text[first.start : first.scope_end]
    assert scope.startswith("一、聚焦高质量发展") and scope.endswith("24小时内作出回应。")
    leaf = doc.headings[2]
    assert (
        text[leaf.start : leaf.scope_end]
        == "1．完善政策文件库。按主题分类集中展示，每季度更新一次。"
    )
    assert text[doc.headings[10].start : doc.headings[10].scope_end].endswith("配齐配强工作力量。")


def test_attachment_list_under_a_bare_label():
    text = (
        "关于做好汛期安全工作的通知\n各乡镇：\n请做好汛期安全工作。\n\n附件：\n"
        "1.汛期值班表\n2.应急物资清单\n\n某某县应急管理局\n2024年5月6日\n"
    )
    doc = parse_document(text)
    assert [n.value for n in doc.attachment_notes] == ["汛期值班表", "应急物资清单"]
    assert doc.headings == []
    assert [s.kind for s in doc.sections] == ["main"]


def test_tree_of_one_section(notice):
    _, doc = notice
    tree = doc.tree("附件1")
    assert [n["title"] for n in tree] == [
        "聚焦高质量发展，加强政策发布解读",
        "聚焦民生保障，深化重点领域公开",
        "加强组织保障",
    ]
    first = tree[0]["children"][0]
    assert first["marker"] == "（一）"
    assert [c["title"] for c in first["children"]] == ["完善政策文件库", "规范政策解读"]
    assert [c["marker"] for c in first["children"][1]["children"]] == ["（1）", "（2）"]
    assert doc.tree("附件2") == []
    assert len(doc.tree()) == 3
