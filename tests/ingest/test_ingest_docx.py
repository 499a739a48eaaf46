"""DOCX ingest: body order, table rows, run map, damaged files."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.text import WD_BREAK

from pipeline.ingest import IngestError, load_bytes, load_path
from pipeline.ingest.docx_file import DocxMarkup, extract_docx


def _build(path=None) -> bytes:
    doc = Document()
    doc.add_paragraph("关于城乡低保对象的公示")
    p = doc.add_paragraph("申请人：")
    p.add_run("张三").bold = True
    p.add_run("，联系电话13812345678。")
    table = doc.add_table(rows=3, cols=3)
    for i, value in enumerate(["姓名", "身份证号", "联系电话"]):
        table.cell(0, i).text = value
    table.cell(1, 0).text = "李四"
    table.cell(1, 1).text = "11010519491231002X"
    table.cell(1, 2).text = "13912345678"
    table.cell(2, 0).text = "王"
    table.cell(2, 0).add_paragraph("五")  # two paragraphs in one cell
    table.cell(2, 1).merge(table.cell(2, 2)).text = "合并单元格"
    doc.add_paragraph("")
    tail = doc.add_paragraph("特此公示")
    tail.add_run().add_break(WD_BREAK.LINE)
    tail.add_run("某县民政局\t2023年5月1日")
    buf = io.BytesIO()
    doc.save(buf)
    if path is not None:
        path.write_bytes(buf.getvalue())
    return buf.getvalue()


EXPECTED = (
    "关于城乡低保对象的公示\n"
    "申请人：张三，联系电话13812345678。\n"
    "姓名\t身份证号\t联系电话\n"
    "李四\t11010519491231002X\t13912345678\n"
    "王 五\t合并单元格\n"
    "\n"
    "特此公示\n某县民政局 2023年5月1日"
)


def test_paragraphs_and_tables_in_body_order(tmp_path):
    path = tmp_path / "公示.docx"
    _build(path)
    doc = load_path(path)
    assert doc.kind == "docx"
    assert doc.text == EXPECTED
    assert doc.encoding is None
    assert isinstance(doc.markup, DocxMarkup)
    assert doc.warnings == []


def test_slots_cover_runs():
    data = _build()
    document = Document(io.BytesIO(data))
    text, slots = extract_docx(document)
    assert text == EXPECTED
    start = text.index("张三")
    slot = next(s for s in slots if s.start <= start < s.end)
    assert slot.is_text and slot.element.text == "张三"
    assert (
        slot.element.getparent().find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr"
        )
        is not None
    )  # the bold run
    # every text slot holds exactly the characters it covers
    for s in slots:
        if s.is_text:
            assert text[s.start : s.end] == s.element.text


def test_truncated_docx_names_the_file(tmp_path):
    data = _build()
    path = tmp_path / "损坏的公示.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError) as info:
        load_path(path)
    assert "DOCX 文件损坏" in info.value.message
    assert "损坏的公示.docx" in info.value.message
    assert info.value.source == str(path)


def test_non_zip_docx_and_renamed_doc_are_errors():
    with pytest.raises(IngestError, match="DOCX 文件损坏"):
        load_bytes("这不是 Word 文档".encode(), "x.docx")
    with pytest.raises(IngestError, match=r"不是 Word 文档"):  # OLE without a Word stream
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.docx")


def test_empty_docx_is_an_error():
    doc = Document()
    doc.add_paragraph("")
    buf = io.BytesIO()
    doc.save(buf)
    with pytest.raises(IngestError, match="没有文字"):
        load_bytes(buf.getvalue(), "empty.docx")


def test_header_text_gives_a_warning():
    doc = Document()
    doc.add_paragraph("正文")
    doc.sections[0].header.paragraphs[0].text = "经办人：赵六 13700000000"
    buf = io.BytesIO()
    doc.save(buf)
    result = load_bytes(buf.getvalue(), "h.docx")
    assert result.text == "正文"
    assert any("页眉" in w for w in result.warnings)
