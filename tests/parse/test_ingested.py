"""The parser on what ingest produces from HTML and DOCX (tables as TAB rows)."""

from __future__ import annotations

import io

from pipeline.ingest import load_bytes
from pipeline.parse import parse_document
from tests.parse.offsets import assert_offsets

HTML = """<html><head><title>某某县人民政府</title></head><body>
<div class="crumb">当前位置：首页 &gt;&gt; 政府信息公开 &gt;&gt; 通知</div>
<h1>某某县人民政府办公室关于印发某某县防汛抗旱工作任务分工的通知</h1>
<p>某政办〔2024〕11号</p>
<p>各乡镇人民政府，县直各单位：</p>
<p>现将《某某县防汛抗旱工作任务分工》印发给你们，请认真贯彻执行。</p>
<p>一、总体要求</p>
<p>（一）压实责任。各乡镇要落实防汛主体责任。</p>
<table border="1">
<tr><td>序号</td><td>任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>水库安全度汛检查</td><td>县水利局</td><td>各乡镇</td><td>5月底前</td></tr>
<tr><td>2</td><td>城区排涝设施清淤</td><td>县住建局</td><td></td><td>6月15日前</td></tr>
</table>
<p>某某县人民政府办公室</p>
<p>2024年4月28日</p>
<p>（此件公开发布）</p>
<div class="footer">扫一扫在手机打开当前页</div>
</body></html>"""


def test_html_page():
    doc = load_bytes(HTML.encode("utf-8"), "notice.html")
    parsed = parse_document(doc.text)
    assert assert_offsets(doc.text, parsed.to_dict()) > 20
    assert parsed.title.wrapper == "印发"
    assert parsed.doc_number.normalized == "某政办〔2024〕11号"
    assert parsed.date.iso == "2024-04-28"
    assert [m.attribute for m in parsed.markers] == ["主动公开"]
    (table,) = parsed.tables
    assert [c.role for c in table.columns] == ["seq", "task", "lead", "responsible", "deadline"]
    assert table.rows[1].cells["任务"].value == "城区排涝设施清淤"
    assert table.rows[1].cells["配合单位"].value == ""
    assert [h.marker for h in parsed.headings] == ["一、", "（一）"]


def test_docx_document():
    import docx

    d = docx.Document()
    for text in [
        "某某市生态环境局关于开展2024年大气污染防治专项检查的通知",
        "某环发〔2024〕9号",
        "各区县生态环境分局：",
        "为深入贯彻落实《中华人民共和国大气污染防治法》，现就有关事项通知如下。",
        "一、检查范围",
        "1.涉气重点排污单位。",
        "2.建筑施工工地。",
        "二、工作要求",
    ]:
        d.add_paragraph(text)
    table = d.add_table(rows=2, cols=3)
    for i, text in enumerate(["检查内容", "责任单位", "完成时间"]):
        table.rows[0].cells[i].text = text
    for i, text in enumerate(["扬尘管控", "各区县分局", "2024年6月30日前"]):
        table.rows[1].cells[i].text = text
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), "notice.docx")
    parsed = parse_document(doc.text)
    assert assert_offsets(doc.text, parsed.to_dict()) > 10
    assert parsed.title.value == "某某市生态环境局关于开展2024年大气污染防治专项检查的通知"
    assert parsed.doc_number.normalized == "某环发〔2024〕9号"
    assert [(h.marker, h.parent) for h in parsed.headings] == [
        ("一、", None), ("1.", 0), ("2.", 0), ("二、", None),
    ]  # fmt: skip
    (tbl,) = parsed.tables
    assert tbl.rows[0].cells["责任单位"].value == "各区县分局"
    assert (parsed.basis[0].trigger, len(parsed.basis[0].citations)) == ("贯彻落实", 1)
