# ruff: noqa: E501  (policy text is quoted one article a line)
"""适用范围 and 实施时间 by what a sentence means; task tables read once, each cell under the
header it fits (Word tables with merged cells, web tables with rowspan)."""

from __future__ import annotations

import io

from pipeline.ingest import load_bytes
from pipeline.outline import draft_outline
from pipeline.parse import parse_document

REGULATION = """某省农村公路养护管理办法

第一条　为了加强农村公路养护管理，保障农村公路完好畅通，根据《公路法》等法律法规，结合本省实际，制定本办法。
第二条　本省行政区域内农村公路的养护及其监督管理活动，适用本办法。
第三条　本办法所称农村公路，是指纳入农村公路规划并按照公路工程技术标准修建的县道、乡道和村道。
第四条　养护作业单位应当在资质证书有效期内从事养护作业，资质证书有效期满未延续的，不得承接养护工程。
第五条　各县（市、区）应当于2025年底前完成农村公路技术状况普查，2026年6月底前完成养护规划编制。
第六条　检测设备的适用范围和精度应当符合国家标准。
第七条　国有林场、农场内部道路的养护，参照本办法执行。
第八条　本办法自2025年3月1日起施行，有效期5年。
"""

NOTICE = """某市人民政府办公室关于做好2024年春季植树造林工作的通知

各区县人民政府，市政府各部门：

为做好今年春季植树造林工作，现就有关事项通知如下。

一、突出重点区域。各区县要在4月15日前完成荒山造林任务，5月底前完成补植补造。

二、加强组织领导。各区县政府主要负责同志要亲自部署，确保任务落实。
"""

SUBSIDY = """某县就业见习补贴实施细则

一、补贴对象

离校2年内未就业高校毕业生和16—24岁失业青年。

二、补贴标准

见习期间按每人每月1800元给予见习单位补贴，补贴期限最长不超过12个月。

三、执行期限

本细则自印发之日起执行，执行至2026年12月31日。
"""


def _texts(outline, sid):
    return [p.text for p in outline.section(sid).points]


def test_scope_is_the_scope_article_not_any_mention():
    o = draft_outline(REGULATION)
    scope = _texts(o, "scope")
    assert any("本省行政区域内农村公路的养护及其监督管理活动，适用本办法" in t for t in scope)
    assert any("参照本办法执行" in t for t in scope)
    assert not any("所称" in t for t in scope)  # a definition is a 关键词, not the scope
    assert not any("检测设备" in t for t in scope)  # a device's 适用范围 is not the policy's


def test_effective_date_and_validity_not_task_deadlines():
    o = draft_outline(REGULATION)
    timeline = _texts(o, "timeline")
    assert timeline == ["本办法自2025年3月1日起施行，有效期5年。"]
    assert all(p.status == "auto" for p in o.section("timeline").points)


def test_sections_without_such_statements_ask_the_editor():
    o = draft_outline(NOTICE)
    for sid in ("scope", "timeline"):
        (point,) = o.section(sid).points
        assert point.text.startswith("【需编辑补充】") and not point.evidence


def test_beneficiaries_under_a_heading_and_a_validity_period():
    o = draft_outline(SUBSIDY)
    assert any("离校2年内未就业高校毕业生" in t for t in _texts(o, "scope"))
    timeline = _texts(o, "timeline")
    assert any("执行至2026年12月31日" in t for t in timeline)
    assert not any("12个月" in t for t in timeline)


def _docx_with_merged_cells() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("某县2024年政务公开重点任务分解表")
    t = d.add_table(rows=4, cols=6)
    t.cell(0, 1).merge(t.cell(0, 2))  # 工作任务 spans two levels of tasks
    header = ["序号", "工作任务", None, "工作要求", "责任单位", "完成时限"]
    for i, v in enumerate(header):
        if v is not None:
            t.cell(0, i).text = v
    first = t.cell(1, 1).merge(t.cell(3, 1))  # 一级任务 over three rows
    first.text = "深化重点领域信息公开"
    second = t.cell(1, 2).merge(t.cell(2, 2))  # 二级任务 over two rows
    second.text = "推进财政预决算公开"
    t.cell(3, 2).text = "推进教育领域公开"
    rows = [
        ("1", "按规定公开部门预算、决算及“三公”经费，细化到功能分类项级科目", "县财政局", "2024年底前"),
        ("2", "督促各乡镇公开乡镇财政预决算", "县财政局、各乡镇人民政府", "长期坚持"),
        ("3", "及时公开义务教育招生入学政策和划片范围", "县教育和体育局", "每学期开学前"),
    ]  # fmt: skip
    for r, (n, req, unit, when) in enumerate(rows, 1):
        t.cell(r, 0).text, t.cell(r, 3).text = n, req
        t.cell(r, 4).text, t.cell(r, 5).text = unit, when
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_word_table_with_merged_cells_read_once_and_in_place():
    doc = load_bytes(_docx_with_merged_cells(), "plan.docx")
    (table,) = parse_document(doc.text).tables
    rows = [{k: c.value for k, c in r.cells.items()} for r in table.rows]
    assert [r["工作要求"][:7] for r in rows] == [
        "按规定公开部门",
        "督促各乡镇公开",
        "及时公开义务教",
    ]
    assert [r["责任单位"] for r in rows] == [
        "县财政局",
        "县财政局、各乡镇人民政府",
        "县教育和体育局",
    ]
    assert [r["完成时限"] for r in rows] == ["2024年底前", "长期坚持", "每学期开学前"]
    o = draft_outline(doc.text)
    texts = [p.text for p in o.section("measures").points if p.group]
    joined = "\n".join(texts)
    assert joined.count("深化重点领域信息公开") == 1  # the merged cell is read once
    assert joined.count("推进财政预决算公开") == 1
    assert all(p.status == "auto" for p in o.section("measures").points if p.group)


HTML_TABLE = """<html><body>
<h1>某市市场监管局关于印发食品安全重点工作任务清单的通知</h1>
<p>各县区市场监管局：</p>
<p>现将任务清单印发给你们，请抓好落实。</p>
<table border="1">
<tr><th>序号</th><th>重点任务</th><th>工作措施</th><th>责任单位</th><th>完成时限</th></tr>
<tr><td>1</td><td rowspan="2">校园食品安全守护行动</td>
<td>对全市中小学校食堂开展全覆盖检查，督促落实校长陪餐制度</td>
<td rowspan="2">食品经营安全监管科</td><td>2024年6月底前</td></tr>
<tr><td>2</td><td>组织开展校外托管机构餐饮服务专项整治</td><td>2024年9月底前</td></tr>
<tr><td>3</td><td>农村集体聚餐风险防控</td><td>指导乡镇建立集体聚餐申报备案制度，开展厨师培训</td>
<td>各县区市场监管局</td><td>持续推进</td></tr>
</table>
</body></html>"""


def test_web_table_rowspan_cells_carried_down_under_their_header():
    doc = load_bytes(HTML_TABLE.encode("utf-8"), "list.html")
    (table,) = parse_document(doc.text).tables
    second = table.rows[1].cells
    assert second["工作措施"].value.startswith("组织开展校外托管机构")
    assert second["责任单位"].value == "食品经营安全监管科" and second["责任单位"].inherited
    assert second["重点任务"].value == "校园食品安全守护行动" and second["重点任务"].inherited
    assert second["完成时限"].value == "2024年9月底前"
    o = draft_outline(doc.text)
    texts = [p.text for p in o.section("measures").points if p.group]
    assert sum("校园食品安全守护行动" in t for t in texts) == 1
    assert not any("责任单位：组织开展" in t for t in texts)


CELL_LINES = """附件

某区2024年营商环境重点任务分解表

序号

工作任务

工作要求

责任单位

时限要求

1

优化政务服务

深化“一网通办”

深化“一网通办”

推动高频事项全程网办，网办率达到90%以上

区行政审批服务局

2024年10月底前

2

推行“免证办”，在政务服务中心设立免证办专窗

区大数据中心

2024年12月底前

3

开展“办不成事”反映窗口服务，建立问题台账，及时督办

2024年12月底前

4

加强涉企收费监管

清理规范行政事业性收费和涉企保证金

区发展改革局、区财政局

长期坚持
"""


def test_repeated_cell_once_and_shifted_row_realigned():
    (table,) = parse_document(CELL_LINES).tables
    first, _, third, fourth = table.rows
    task = first.cells["工作任务"].value
    assert task.count("深化“一网通办”") == 1
    # row 3 has no unit of its own (merged with the row above): its requirement stays the
    # requirement, the unit comes from above, never the requirement filed under 责任单位
    assert third.cells["工作要求"].value.startswith("开展“办不成事”")
    assert third.cells["责任单位"].value == "区大数据中心" and third.cells["责任单位"].inherited
    assert fourth.cells["责任单位"].value == "区发展改革局、区财政局"
    o = draft_outline(CELL_LINES)
    rows = [p.text for p in o.section("measures").points if p.group]
    assert not any("责任单位：开展" in t or "责任单位：推行" in t for t in rows)


def test_a_sentence_left_under_the_unit_header_is_flagged():
    text = (
        "某县重点任务表\n序号\t工作任务\t责任单位\t完成时限\n"
        "1\t完善农村供水工程\t县水利局\t2024年底前\n"
        "2\t提升农村饮水安全\t定期开展水质检测，发现问题及时整改，确保群众喝上放心水\t长期坚持\n"
    )
    o = draft_outline(text)
    row = next(p for p in o.section("measures").points if "水质检测" in p.text)
    assert "责任单位：定期开展" not in row.text or (
        row.status == "needs_editor" and "表头不符" in row.note
    )
