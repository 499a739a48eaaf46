"""PDF ingest: text layer with page breaks and character boxes, scanned pages through OCR,
encrypted and damaged files are errors."""

from __future__ import annotations

import io
import os

import pytest
from reportlab.pdfgen import canvas

from pipeline.ingest import IngestError, load_bytes, load_path
from pipeline.ingest.pdf_file import PAGE_BREAK, load_pdf
from pipeline.ingest.pdf_markup import PdfMarkup, locate_pdf
from tests.check_digits import with_check
from tests.pdf_builder import CJK_FONT, pdf_bytes, scan_image, scanned_pdf_bytes

needs_font = pytest.mark.skipif(
    not os.path.exists(CJK_FONT), reason=f"缺少 CJK 字体 {CJK_FONT}（Debian: fonts-noto-cjk）"
)
ID = with_check("41010519790312452")


def _span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


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


def test_every_character_has_its_box_in_points_from_the_top_left():
    doc = load_bytes(pdf_bytes([["关于表彰先进个人的公示", "获表彰人：周建华"], ["此页"]]), "a.pdf")
    markup = doc.markup
    assert isinstance(markup, PdfMarkup)
    assert [(p.number, round(p.width), round(p.height)) for p in markup.pages] == [
        (1, 595, 842),
        (2, 595, 842),
    ]
    for i, ch in enumerate(doc.text):
        hit = markup.box(i)
        assert (hit is None) == (ch in "\n\f"), (i, ch)
        if hit:
            page, (x0, y0, x1, y1) = hit
            assert 0 <= x0 < x1 <= markup.pages[page].width and 0 <= y0 < y1
    # drawn at y = 760 and 740 from the bottom (842 pt high) → about 82 and 102 from the top
    loc = locate_pdf(markup, *_span(doc.text, "周建华"))
    assert loc is not None and loc["page"] == 1 and "pages" not in loc
    x0, y0, x1, y1 = loc["box"]
    assert 90 < y0 < 102 < y1 < 108 and 130 < x0 < x1 < 180 and 30 < x1 - x0 < 40
    title = locate_pdf(markup, *_span(doc.text, "关于"))
    assert title is not None and title["box"][3] < y0  # the first line is above
    assert locate_pdf(markup, *_span(doc.text, "此页"))["page"] == 2  # type: ignore[index]


def test_a_span_across_pages_names_its_first_page_and_all_pages():
    doc = load_bytes(pdf_bytes([["住址：北京市朝阳区"], ["望京街道8号"]]), "a.pdf")
    start = doc.text.index("北京")
    loc = locate_pdf(doc.markup, start, doc.text.index("8号") + 2)  # type: ignore[arg-type]
    assert loc is not None and loc["page"] == 1 and loc["pages"] == [1, 2]


@needs_font  # the test PDF's STSong-Light is not embedded: pdfium draws it with a system CJK font
def test_rotated_and_cropped_pages_map_boxes_to_what_is_displayed():
    import pikepdf
    import pypdfium2 as pdfium

    base = pdf_bytes([["联系人：孙丽娟 13903712288"]])
    for rotate in (90, 180, 270):
        pdf = pikepdf.open(io.BytesIO(base))
        pdf.pages[0].Rotate = rotate
        pdf.pages[0].CropBox = [40, 30, 520, 810]
        buf = io.BytesIO()
        pdf.save(buf)
        doc = load_bytes(buf.getvalue(), "r.pdf")
        markup = doc.markup
        assert isinstance(markup, PdfMarkup)
        loc = locate_pdf(markup, *_span(doc.text, "孙丽娟"))
        assert loc is not None
        page = pdfium.PdfDocument(buf.getvalue())[0]
        image = page.render(scale=2).to_pil().convert("L")
        assert image.size == (round(markup.pages[0].width * 2), round(markup.pages[0].height * 2))
        x0, y0, x1, y1 = (round(v * 2) for v in loc["box"])
        ink = image.crop((x0, y0, x1, y1)).histogram()[:128]
        assert sum(ink) > 30, rotate  # the glyphs are inside the box


def test_blank_pdf_has_no_text_to_screen():
    with pytest.raises(IngestError) as info:
        load_bytes(pdf_bytes([[], []]), "空白.pdf")
    assert "PDF 没有可识别的文字" in info.value.message
    assert "空白.pdf" in info.value.message


def test_image_without_any_text_is_ocred_and_still_has_nothing():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (200, 100), "white")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(300, 150))
    c.drawImage(ImageReader(image), 50, 25, width=200, height=100)
    c.showPage()
    c.save()
    with pytest.raises(IngestError, match="没有可识别的文字"):
        load_bytes(buf.getvalue(), "scan.pdf")


def test_a_scan_whose_ocr_finds_nothing_keeps_its_few_layer_words():
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from tests.pdf_builder import FONT

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(300, 150))
    c.drawImage(ImageReader(Image.new("RGB", (300, 150), "white")), 0, 0, width=300, height=150)
    text = c.beginText(20, 100)
    text.setFont(FONT, 12)
    text.setTextRenderMode(3)  # invisible: nothing for OCR to see
    text.textLine("附件2")
    c.drawText(text)
    c.showPage()
    c.save()
    doc = load_bytes(buf.getvalue(), "附件.pdf")
    assert doc.text == "附件2" and doc.markup.pages[0].source == "text"  # type: ignore[union-attr]
    assert doc.warnings == []


def test_blank_page_keeps_its_place_without_a_warning():
    doc = load_bytes(pdf_bytes([["第一页正文"], [], ["第三页正文"]]), "mixed.pdf")
    assert doc.text.split(PAGE_BREAK) == ["第一页正文", "", "第三页正文"]
    assert doc.warnings == []


SCAN_LINES = [f"救助对象：刘桂芳 身份证号：{ID}", "联系电话：15803716629"]


@pytest.fixture(scope="module")
def scanned() -> bytes:
    if not os.path.exists(CJK_FONT):
        pytest.skip(f"缺少 CJK 字体 {CJK_FONT}（Debian: fonts-noto-cjk）")
    page = scan_image(SCAN_LINES, size=(1300, 230))
    return scanned_pdf_bytes([["TEXT:", "临时救助公示（第一页为扫描件）"], page])


@needs_font
def test_scanned_page_is_ocred_and_located(scanned):
    doc = load_bytes(scanned, "公示.pdf")
    first, second = doc.text.split(PAGE_BREAK)
    assert first == "临时救助公示（第一页为扫描件）"
    assert ID in second and "15803716629" in second and "刘桂芳" in second
    assert doc.warnings == ["第 2 页为扫描页，已 OCR 识别"]
    markup = doc.markup
    assert isinstance(markup, PdfMarkup) and [p.source for p in markup.pages] == ["text", "ocr"]
    loc = locate_pdf(markup, *_span(doc.text, ID))
    assert loc is not None and loc["page"] == 2
    # the page is 1300×230 px at 200 dpi = 468×82.8 pt; the number is on the first line,
    # right of its label
    x0, y0, x1, y1 = loc["box"]
    assert 150 < x0 < x1 < 468 and 10 < y0 < y1 < 40
    phone = locate_pdf(markup, *_span(doc.text, "15803716629"))
    assert phone is not None and phone["box"][1] > y1 - 2  # the second line is below


def test_ocr_page_cap_is_a_warning_naming_what_was_left_out(scanned, monkeypatch):
    doc = load_pdf(scanned, "公示.pdf", ocr_pages=0)
    assert doc.text.split(PAGE_BREAK) == ["临时救助公示（第一页为扫描件）", ""]
    (warning,) = doc.warnings
    assert "1 页没有文字层" in warning and "第 2 页" in warning and "OCR 页数上限" in warning
    monkeypatch.setenv("ZWGK_PDF_OCR_PAGES", "0")
    assert load_bytes(scanned, "公示.pdf").warnings == [warning]
    with pytest.raises(IngestError, match="没有可识别的文字"):
        load_pdf(scanned_pdf_bytes([scan_image(["仅扫描页"])]), "s.pdf", ocr_pages=0)


def test_encrypted_pdf_needs_a_password():
    data = pdf_bytes([["机密内容"]], encrypt="secret")
    with pytest.raises(IngestError, match="PDF 已加密") as info:
        load_bytes(data, "locked.pdf")
    assert "locked.pdf" in info.value.message


def test_owner_password_only_is_read_with_a_warning():
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = pdf_bytes([["公开内容"]], encrypt=StandardEncryption("", "owner", canModify=0))
    doc = load_bytes(data, "perm.pdf")
    assert doc.text == "公开内容"
    assert doc.warnings == ["PDF 设有权限密码（已用空密码打开）"]


def test_damaged_pdf_is_an_error():
    data = pdf_bytes([["正文"]])
    with pytest.raises(IngestError, match="PDF"):
        load_bytes(data[:200], "broken.pdf")
    with pytest.raises(IngestError, match="缺少 PDF 文件头"):
        load_bytes(b"not a pdf at all", "fake.pdf")
