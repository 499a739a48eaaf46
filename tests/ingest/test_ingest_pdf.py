"""PDF ingest: text layer with page breaks; scans and encrypted files are errors."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from pipeline.ingest import IngestError, load_bytes, load_path
from pipeline.ingest.pdf_file import PAGE_BREAK
from tests.pdf_builder import pdf_bytes


def test_text_layer_with_page_breaks(tmp_path):
    path = tmp_path / "reply.pdf"
    path.write_bytes(
        pdf_bytes([["政府信息公开申请答复书", "申请人：张三 电话13812345678"], ["第二页：此复"]])
    )
    doc = load_path(path)
    assert doc.kind == "pdf"
    assert PAGE_BREAK == "\n\f\n"
    assert doc.text == "政府信息公开申请答复书\n申请人：张三 电话13812345678\n\f\n第二页：此复"
    assert doc.text.split(PAGE_BREAK)[1] == "第二页：此复"
    assert doc.warnings == []


def test_blank_pdf_has_no_text_layer():
    with pytest.raises(IngestError) as info:
        load_bytes(pdf_bytes([[], []]), "扫描件.pdf")
    assert "PDF 没有文字层（可能是扫描件），需先做 OCR" in info.value.message
    assert "扫描件.pdf" in info.value.message


def test_image_only_pdf_has_no_text_layer():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (200, 100), "white")
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(image), 72, 600, width=200, height=100)
    c.showPage()
    c.save()
    with pytest.raises(IngestError, match="没有文字层"):
        load_bytes(buf.getvalue(), "scan.pdf")


def test_partly_scanned_pdf_warns_and_keeps_page_positions():
    doc = load_bytes(pdf_bytes([["第一页正文"], [], ["第三页正文"]]), "mixed.pdf")
    assert doc.text.split(PAGE_BREAK) == ["第一页正文", "", "第三页正文"]
    assert any("第 2 页没有文字层" in w for w in doc.warnings)


def test_encrypted_pdf_needs_a_password():
    data = pdf_bytes([["机密内容"]], encrypt="secret")
    with pytest.raises(IngestError, match="PDF 已加密") as info:
        load_bytes(data, "locked.pdf")
    assert "locked.pdf" in info.value.message


def test_damaged_pdf_is_an_error():
    data = pdf_bytes([["正文"]])
    with pytest.raises(IngestError, match="PDF"):
        load_bytes(data[:200], "broken.pdf")
    with pytest.raises(IngestError, match="缺少 PDF 文件头"):
        load_bytes(b"not a pdf at all", "fake.pdf")
