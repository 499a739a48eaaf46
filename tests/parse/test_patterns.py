"""Variants, one by one: 文号 brackets, dates, markers, numerals, chrome."""

from __future__ import annotations

import pytest

from pipeline.parse import parse_document
from pipeline.parse.numerals import cn_to_int
from tests.parse.offsets import assert_offsets

HEAD = "关于做好防汛工作的通知\n各乡镇：\n"


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("国办发〔2019〕54号", "国办发〔2019〕54号"),
        ("皖政办[2020]3号", "皖政办〔2020〕3号"),
        ("豫办【2016】60號", "豫办〔2016〕60号"),
        ("长府办函（2018）46号", "长府办函〔2018〕46号"),
        ("淄政办字(2023)38号", "淄政办字〔2023〕38号"),
        ("六政务公开办〔2020〕14号", "六政务公开办〔2020〕14号"),
        ("鲁政发〔２０２３〕第８号", "鲁政发〔2023〕8号"),
        ("粵府辦［2019］12號", "粤府办〔2019〕12号"),
    ],
)
def test_doc_number_variants_in_running_text(written, normalized):
    text = f"根据{written}文件要求，现通知如下。"
    doc = parse_document(text)
    (number,) = doc.doc_numbers
    assert number.normalized == normalized
    assert text[number.start : number.end] == written


@pytest.mark.parametrize(
    ("line", "normalized", "complete"),
    [
        ("皖江政办发〔2024〕7号", "皖江政办发〔2024〕7号", True),
        ("皖江政办〔2024〕7號", "皖江政办〔2024〕7号", True),
        ("皖江政办 [2024] 7 号", "皖江政办〔2024〕7号", True),
        ("淄高新管办字〔202312", "淄高新管办字〔2023〕12号", False),
    ],
)
def test_doc_number_line_of_the_document(line, normalized, complete):
    text = f"皖江市人民政府办公室\n{line}\n\n关于做好防汛工作的通知\n\n各乡镇：\n请做好防汛准备。\n"
    doc = parse_document(text)
    assert doc.doc_number.normalized == normalized
    assert doc.doc_number.complete is complete
    assert text[doc.doc_number.start : doc.doc_number.end] == line
    assert bool(doc.warnings) is not complete


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023年7月25日", "2023-07-25"),
        ("二〇二三年七月二十五日", "2023-07-25"),
        ("二○二三年十二月三十一日", "2023-12-31"),
        ("二〇二〇年十月一日", "2020-10-01"),
        ("２０２３年１１月５日", "2023-11-05"),
    ],
)
def test_signature_dates(written, iso):
    text = f"{HEAD}请做好防汛准备，确保安全度汛。\n\n皖江市应急管理局\n{written}\n"
    doc = parse_document(text)
    assert doc.date.iso == iso
    assert text[doc.date.start : doc.date.end] == written
    assert [i.value for i in doc.issuers] == ["皖江市应急管理局"]


def test_impossible_dates_are_not_dates():
    doc = parse_document("2023年13月1日和2023年2月40日都不是日期。")
    assert doc.dates == []


def test_truncated_signature_date_is_read_with_a_warning():
    text = "关于做好防汛工作的通知\n各乡镇：\n请做好防汛准备。\n\n皖江市应急管理局\n2023年725\n"
    doc = parse_document(text)
    assert doc.date.iso == "2023-07-25"
    assert any("成文日期" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("marker", "attribute"),
    [
        ("（此件公开发布）", "主动公开"),
        ("(此件公开发布)", "主动公开"),
        ("（此件主动公开）", "主动公开"),
        ("（此件公開發布）", "主动公开"),
        ("（此件　公开发布）", "主动公开"),
        ("此件公开发布", "主动公开"),
        ("【此件依申请公开】", "依申请公开"),
        ("（此件依申请公开）", "依申请公开"),
        ("（此件不予公开）", "不予公开"),
        ("（此件不公开）", "不予公开"),
        ("（此件删减后公开）", "部分公开"),
        ("（此件发至县级）", "不予公开"),
        ("（信息公开选项：依申请公开）", "依申请公开"),
        ("公开属性：主动公开", "主动公开"),
        ("公开方式：不予公开", "不予公开"),
        ("（此件公开\n发布）", "主动公开"),
        ("(此 件 公 开 发 布)", "主动公开"),
    ],
)
def test_marker_variants(marker, attribute):
    text = f"{HEAD}请做好防汛准备。\n\n皖江市应急管理局\n2023年7月25日\n\n{marker}\n"
    doc = parse_document(text)
    assert [(m.text, m.attribute) for m in doc.markers] == [(marker, attribute)]


@pytest.mark.parametrize("secret", ["秘密★1年", "机密★", "绝密★长期", "密级：秘密★6个月"])
def test_secrecy_marks(secret):
    text = f"{secret}\n\n关于做好防汛工作的通知\n各乡镇：\n请做好防汛准备。\n"
    doc = parse_document(text)
    (marker,) = doc.markers
    assert (marker.text, marker.attribute, marker.source) == (secret, "不予公开", "密级")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("7", 7),
    ],
)
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


def test_zero_width_and_full_width_input_keeps_offsets():
    text = (
        "关\u200b于做好防汛工作的通知\n各乡镇：\n（一）做好准备。请于２０２３年６月１日前完成。\n"
    )
    doc = parse_document(text)
    assert assert_offsets(text, doc.to_dict()) >= 3
    assert doc.title.value == "关于做好防汛工作的通知"
    assert doc.headings[0].title.value == "做好准备"
    assert doc.dates[0].iso == "2023-06-01"


def test_empty_and_plain_text():
    assert parse_document("").title is None
    doc = parse_document("今天天气很好。")
    assert doc.title is None and doc.headings == [] and doc.tables == []


def test_cell_line_table_rows_numbered_inside_the_task_cell():
    text = (
        "某县政务公开任务分解表\n\n工 作 任 务\n\n牵头单位\n\n责任单位\n\n工作要求\n\n"
        "一、推进决策公开\n\n1.公开重大决策草案\n\n县政府办\n\n县直各单位\n\n决策前公开征求意见。\n\n"
        "2公开决策执行情况\n\n\n\n各乡镇\n\n按季度公开。\n\n"
        "3.公开政策解读\n\n县新闻办\n\n县直各单位\n\n同步解读。\n"
    )
    doc = parse_document(text)
    (table,) = doc.tables
    assert [c.value for c in table.columns] == ["工作任务", "牵头单位", "责任单位", "工作要求"]
    assert [r.number for r in table.rows] == [1, 2, 3]  # 「2公开…」 lost its dot
    assert table.rows[0].group == ["一、推进决策公开"]
    second = table.rows[1].cells
    assert "牵头单位" not in second and second["责任单位"].value == "各乡镇"
    assert second["工作任务"].value == "2公开决策执行情况"
    assert assert_offsets(text, doc.to_dict()) > 10


def test_heading_marks_in_other_styles():
    text = (
        "关于做好防汛工作的通知\n各乡镇：\n一.总体要求\n㈠压实责任。\n⒈落实责任人。\n⑴明确到村。\n"
        "①明确到组。\n㈡强化保障。\n二、工作措施\n"
    )
    doc = parse_document(text)
    got = [(h.marker, h.kind, h.number, h.parent) for h in doc.headings]
    assert got == [
        ("一.", "一、", 1, None),
        ("㈠", "(一)", 1, 0),
        ("⒈", "1.", 1, 1),
        ("⑴", "(1)", 1, 2),
        ("①", "①", 1, 3),
        ("㈡", "(一)", 2, 0),
        ("二、", "一、", 2, None),
    ]
    assert doc.headings[1].title.value == "压实责任"


def test_title_from_the_metadata_when_the_page_has_no_title_line():
    text = (
        "标题：某某县2024年防汛抗旱应急演练方案\n发布日期：2024-05-06\n\n一、演练目的\n检验预案。\n"
    )
    doc = parse_document(text)
    assert doc.title.value == "某某县2024年防汛抗旱应急演练方案"
    assert text[doc.title.start : doc.title.end] == doc.title.value


def test_cell_line_table_with_longer_column_names():
    text = (
        "重点任务清单\n\n序号\n\n重点任务\n\n牵头部门（单位）\n\n完成时限\n\n"
        "1\n\n建设政务公开专区\n\n县数据资源局\n\n2024年9月底前\n\n"
        "2\n\n更新主动公开目录\n\n县政府办\n\n2024年6月底前\n"
    )
    (table,) = parse_document(text).tables
    assert [(c.value, c.role) for c in table.columns] == [
        ("序号", "seq"),
        ("重点任务", "task"),
        ("牵头部门（单位）", "lead"),
        ("完成时限", "deadline"),
    ]
    assert table.rows[1].cells["牵头部门（单位）"].value == "县政府办"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("市政府各部门、各直属机构：", ["市政府各部门", "各直属机构"]),
        ("县直有关单位：", ["县直有关单位"]),
        ("国务院各部委、各直属机构：", ["国务院各部委", "各直属机构"]),
        ("各乡镇人民政府，县直各单位：", ["各乡镇人民政府", "县直各单位"]),
    ],
)
def test_addressee_lines(line, expected):
    text = f"关于做好防汛工作的通知\n\n{line}\n　　请做好防汛准备，确保安全度汛。\n"
    doc = parse_document(text)
    assert [a.value for a in doc.addressees] == expected
    assert all(text[a.start : a.end] == a.value for a in doc.addressees)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("某某市物业管理办法（征求意见稿）", "某某市物业管理办法（征求意见稿）"),
        ("某某县河长制考核细则(试行)", "某某县河长制考核细则(试行)"),
        ("（本稿仅供内部征求意见）\n某某县河长制考核办法", "某某县河长制考核办法"),
    ],
)
def test_titles_with_qualifiers_and_bracketed_notes(first, title):
    doc = parse_document(f"{first}\n第一条 为规范管理，制定本办法。\n")
    assert doc.title.value == title


def test_space_separated_assessment_table():
    text = (
        "2020年政务公开考评内容\n公开事项 公开事项 内容要求 自评得分\n"
        "一、加强用权公开(13%) (一)加强权力配置信息公开。(5%) 全面梳理权责清单并公开。 5\n"
        "各级行政机关依法公开工作职能和联系方式。\n"
        "(二)加强权力运行过程信息公开。(3%) 完善重大行政决策预公开机制。 3\n"
        "二、加强政策解读(10%) (一)助力做好“六稳”工作。(3%) 加大政策解读力度。 3\n"
        "\n下一步，我们将继续做好政务公开工作。\n"
    )
    doc = parse_document(text)
    (table,) = doc.tables
    assert table.layout == "spaces" and table.title.value == "2020年政务公开考评内容"
    assert [c.value for c in table.columns] == ["公开事项", "公开事项2", "内容要求", "自评得分"]
    assert len(table.rows) == 3
    first, second, third = table.rows
    assert first.cells["自评得分"].value == "5"
    assert [e.value for e in first.extra] == ["各级行政机关依法公开工作职能和联系方式。"]
    assert second.cells["公开事项"].inherited and second.cells["公开事项"].value.startswith("一、")
    assert second.cells["公开事项2"].value == "(二)加强权力运行过程信息公开。(3%)"
    assert third.cells["内容要求"].value == "加大政策解读力度。"
    assert "下一步" not in text[table.start : table.end]
    assert assert_offsets(text, doc.to_dict()) > 10


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("询问笔录\n询问时间：2024年4月9日\n问：你是否听清楚？\n", "询问笔录"),
        ("某某村困难家庭人员情况登记表\n户主：李某某\n", "某某村困难家庭人员情况登记表"),
        ("责令改正通知书\n某某公司：\n经查，你单位存在违法行为。\n", "责令改正通知书"),
        (
            "某某区养老服务体系建设规划（2024—2030年）（讨论稿）\n一、发展基础\n",
            "某某区养老服务体系建设规划（2024—2030年）（讨论稿）",
        ),
        (
            "关于2023年安全生产工作情况\n的报告\n市应急管理局：\n现将有关情况报告如下。\n",
            "关于2023年安全生产工作情况的报告",
        ),
    ],
)
def test_titles_of_records_forms_and_split_reports(text, title):
    doc = parse_document(text)
    assert doc.title.value == title


def test_printed_page_numbers_are_chrome():
    text = (
        "关于做好防汛工作的通知\n各乡镇：\n请做好防汛准备。\n— 1 —\n一、压实责任\n第 2 页 共 3 页\n"
    )
    doc = parse_document(text)
    assert [c.value for c in doc.chrome] == ["— 1 —", "第 2 页 共 3 页"]
    assert [h.marker for h in doc.headings] == ["一、"]
