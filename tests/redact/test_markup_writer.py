"""Markup-preserving redaction writers: txt, html, docx, pdf (as text)."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from pipeline.ingest import load_bytes, load_path
from pipeline.redact.markup_writer import apply_replacements, write_redacted

ID = "11010519491231002X"


def _span(text: str, value: str, new: str) -> tuple[int, int, str]:
    start = text.index(value)
    return (start, start + len(value), new)


# --- apply_replacements -------------------------------------------------------------------


def test_apply_replacements_any_order():
    text = "申请人张三，电话13812345678。"
    reps = [_span(text, "13812345678", "138****5678"), _span(text, "张三", "张*")]
    assert apply_replacements(text, reps) == "申请人张*，电话138****5678。"
    assert apply_replacements(text, []) == text
    assert apply_replacements(text, [(0, 0, "【】")]) == "【】" + text
    assert apply_replacements("ab", [(0, 1, ""), (1, 2, "")]) == ""


def test_apply_replacements_rejects_bad_spans():
    with pytest.raises(ValueError, match="重叠"):
        apply_replacements("0123456789", [(0, 5, "x"), (4, 6, "y")])
    with pytest.raises(ValueError, match="越界"):
        apply_replacements("0123", [(2, 9, "x")])
    with pytest.raises(ValueError, match="越界"):
        apply_replacements("0123", [(3, 2, "x")])


# --- txt and pdf --------------------------------------------------------------------------


def test_txt_written_as_utf8(tmp_path):
    src = tmp_path / "reply.txt"
    src.write_bytes("申请人：张三\r\n身份证号：11010519491231002X\r\n".encode("gbk"))
    doc = load_path(src)
    out = tmp_path / "out.txt"
    write_redacted(doc, [_span(doc.text, ID, "110105**********2X")], out)
    assert out.read_text("utf-8") == "申请人：张三\n身份证号：110105**********2X\n"
    buf = io.BytesIO()
    write_redacted(doc, [_span(doc.text, "张三", "张*")], buf)
    assert buf.getvalue().decode("utf-8").startswith("申请人：张*\n")


def test_pdf_becomes_a_redacted_pdf(tmp_path):
    from pypdf import PdfReader

    from tests.pdf_builder import pdf_bytes

    doc = load_bytes(pdf_bytes([["申请人：张三 电话13812345678"]]), "reply.pdf")
    target = tmp_path / "reply_redacted.pdf"
    write_redacted(doc, [_span(doc.text, "13812345678", "138****5678")], target)
    assert not (tmp_path / "reply_redacted.txt").exists()
    assert target.read_bytes().startswith(b"%PDF")
    assert "13812345678" not in PdfReader(target).pages[0].extract_text()
    assert doc.warnings == []


# --- html ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>公示</title>
<script>var tpl = "<td>联系电话</td>";</script></head>
<body><div class="nav"><a href="/index.html" title="首页">首页</a></div>
<div id="content" data-id="42">
<p>申请人：<b>张</b>三，手机 138&nbsp;1234&nbsp;5678。</p>
<table border="1" class="gs">
<tr><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>
<tr><td>李四</td><td>{id}</td><td>13912345678</td></tr>
<tr><td>王&amp;五</td><td>&nbsp;</td><td><span>139</span><span>00001111</span></td></tr>
</table>
</div></body></html>
"""


def _html_doc(charset: str = "utf-8", encoding: str = "utf-8"):
    data = PAGE.format(charset=charset, id=ID).encode(encoding)
    return data, load_bytes(data, "gs.html")


def test_html_round_trip(tmp_path):
    data, doc = _html_doc()
    assert "申请人：张三，手机 138 1234 5678。" in doc.text
    assert "王&五\t\t13900001111" in doc.text
    reps = [
        _span(doc.text, "张三", "张*"),  # crosses <b>张</b> and the next text node
        _span(doc.text, "138 1234 5678", "138****5678"),  # crosses &nbsp; entities
        _span(doc.text, ID, "110105**********2X"),
        _span(doc.text, "13912345678", "139****5678"),
        _span(doc.text, "13900001111", "[电话]"),  # crosses two <span>s
        _span(doc.text, "王&五", "王<某>"),  # needs escaping on the way out
    ]
    expected = apply_replacements(doc.text, reps)
    out = tmp_path / "out.html"
    write_redacted(doc, reps, out)
    written = out.read_bytes()
    again = load_path(out)
    assert again.text == expected
    for value in (ID, "13912345678", "1234&nbsp;5678", "00001111", "<b>张</b>三"):
        assert value.encode() not in written
    html_out = written.decode("utf-8")
    # markup, attributes and scripts untouched
    assert '<script>var tpl = "<td>联系电话</td>";</script>' in html_out
    assert '<div id="content" data-id="42">' in html_out
    assert '<table border="1" class="gs">' in html_out
    assert "<b>张*</b>，手机 138****5678。" in html_out
    assert "<td>王&lt;某&gt;</td>" in html_out
    assert "<span>[电话]</span><span></span>" in html_out
    assert html_out.count("<tr>") == 3
    # nothing else changed: undoing the edits gives back the original
    assert len(html_out.splitlines()) == len(data.decode().splitlines())


def test_html_keeps_its_encoding(tmp_path):
    data, doc = _html_doc("gbk", "gbk")
    assert doc.encoding == "gb18030"
    buf = io.BytesIO()
    write_redacted(doc, [_span(doc.text, "李四", "李*")], buf)
    written = buf.getvalue()
    assert "李四".encode("gbk") not in written
    assert written == data.replace("李四".encode("gbk"), "李*".encode("gbk"))


def test_html_empty_replacements_reproduce_the_file(tmp_path):
    data, doc = _html_doc()
    out = tmp_path / "same.html"
    write_redacted(doc, [], out)
    assert out.read_bytes() == data


# --- docx ---------------------------------------------------------------------------------


def _docx() -> bytes:
    d = Document()
    p = d.add_paragraph("申请人：")
    name = p.add_run("张")
    name.bold = True
    p.add_run("三，手机13812345678。")
    table = d.add_table(rows=2, cols=3)
    for i, value in enumerate(["姓名", "身份证号", "联系电话"]):
        table.cell(0, i).text = value
    table.cell(1, 0).text = "李四"
    table.cell(1, 1).text = ID
    table.cell(1, 2).text = "13912345678"
    d.add_paragraph("特此公示。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _all_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def test_docx_round_trip(tmp_path):
    doc = load_bytes(_docx(), "gs.docx")
    assert doc.text == (
        "申请人：张三，手机13812345678。\n姓名\t身份证号\t联系电话\n"
        f"李四\t{ID}\t13912345678\n特此公示。"
    )
    reps = [
        _span(doc.text, "张三", "张*"),  # crosses the bold run and the next one
        _span(doc.text, "13812345678", "138****5678"),
        _span(doc.text, ID, "110105**********2X"),
        _span(doc.text, "13912345678", "139****5678"),
    ]
    out = tmp_path / "out.docx"
    write_redacted(doc, reps, out)
    data = out.read_bytes()
    again = load_bytes(data, "out.docx")
    assert again.text == apply_replacements(doc.text, reps)
    xml = _all_xml(data)
    for value in (ID, "13812345678", "13912345678", "张三"):
        assert value not in xml
    reread = Document(io.BytesIO(data))
    runs = reread.paragraphs[0].runs
    assert [r.text for r in runs] == ["申请人：", "张*", "，手机138****5678。"]
    assert runs[1].bold is True and not runs[2].bold
    assert len(reread.tables) == 1
    assert reread.tables[0].cell(1, 1).text == "110105**********2X"
    assert reread.paragraphs[-1].text == "特此公示。"


def test_docx_writer_does_not_change_the_ingested_document(tmp_path):
    doc = load_bytes(_docx(), "gs.docx")
    before = doc.text
    buf = io.BytesIO()
    write_redacted(doc, [_span(doc.text, "李四", "李*")], buf)
    write_redacted(doc, [_span(doc.text, "李四", "某某")], buf2 := io.BytesIO())
    assert doc.text == before
    assert "某某" in load_bytes(buf2.getvalue(), "x.docx").text
    assert "李*" in load_bytes(buf.getvalue(), "y.docx").text


def test_markup_mismatch_is_refused():
    doc = load_bytes(_docx(), "gs.docx")
    doc.text = doc.text + "多余"
    with pytest.raises(ValueError, match="不一致"):
        write_redacted(doc, [], io.BytesIO())


def test_docx_span_over_a_tab_element():
    d = Document()
    p = d.add_paragraph("经办人：赵六")
    p.add_run("\t")
    p.add_run("13700001111")
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), "tab.docx")
    assert doc.text == "经办人：赵六 13700001111"
    out = io.BytesIO()
    write_redacted(doc, [_span(doc.text, "赵六 13700001111", "[已删除]")], out)
    assert load_bytes(out.getvalue(), "o.docx").text == "经办人：[已删除]"
    assert "13700001111" not in _all_xml(out.getvalue())
