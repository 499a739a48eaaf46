"""PDF pages whose text layer is mojibake (a font's ToUnicode map broken) are read by OCR."""

from __future__ import annotations

import io
import os

import pikepdf
import pytest

from pipeline.ingest.locate import locate
from pipeline.ingest.pdf_file import load_pdf
from pipeline.ingest.pdf_garbled import NOTE, garbled
from pipeline.ingest.pdf_markup import PdfMarkup
from tests.check_digits import with_check
from tests.pdf_builder import CJK_FONT, FONT

ID = with_check("36072119810916402")
PHONE = "15879165203"
NOTICE = [
    "关于城乡最低生活保障对象的公示",
    f"户主：陈秀英，身份证号{ID}",
    f"联系电话{PHONE}，家庭人口3人。",
]
LETTER = (
    "各乡镇人民政府，县直各单位：\n现将《关于做好2025年度城乡居民医疗保险参保缴费工作的通知》"
    "印发给你们，请结合实际认真贯彻落实。联系人：李娜，电话：0797-8221345。\n"
    "附件：1．参保缴费进度表（第二季度）\n2．经办机构联系方式一览表"
)


def _small_pdf(lines: list[str], size: tuple[float, float] = (460, 150)) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    c.setFont(FONT, 13)
    for i, line in enumerate(lines):
        c.drawString(24, size[1] - 36 - 26 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _to_unicode(dest_of_high_byte) -> bytes:  # type: ignore[no-untyped-def]
    """A ToUnicode CMap sending every 2-byte code <hhll> to dest(hh) + ll."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{dest_of_high_byte(hi):04X}>" for hi in range(256)]
    blocks = "\n".join(
        f"{len(ranges[i : i + 100])} beginbfrange\n"
        + "\n".join(ranges[i : i + 100])
        + "\nendbfrange"
        for i in range(0, 256, 100)
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{blocks}\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _with_broken_page(good: bytes, bad: bytes, dest) -> bytes:  # type: ignore[no-untyped-def]
    """``good``'s pages, then ``bad``'s page whose CID font got a broken ToUnicode map."""
    out = pikepdf.open(io.BytesIO(good))
    broken = pikepdf.open(io.BytesIO(bad))
    for font in broken.pages[0].Resources.Font.values():
        if font.get("/Subtype") == "/Type0":
            font.ToUnicode = broken.make_stream(_to_unicode(dest))
    out.pages.append(broken.pages[0])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _shift(text: str, by: int) -> str:
    """Ideographs moved ``by`` code points within the CJK block (CIDs taken for Unicode)."""
    return "".join(
        chr(0x4E00 + (ord(c) - 0x4E00 + by) % 0x51A0) if "\u4e00" <= c <= "\u9fff" else c
        for c in text
    )


def test_real_text_is_not_garbled():
    assert not garbled(LETTER)
    assert not garbled("\n".join(NOTICE))
    assert not garbled("Annual report 2024: revenue grew 3.5% (see table 2); costs fell.")
    assert not garbled(
        "序号\t姓名\t金额（元）\n1\t张三\t1,200.00\n2\t李四\t980.50\n合计\t—\t2,180.50"
    )
    assert not garbled("\ue001\ue002\ue003")  # too short to judge
    cells = "社区服务比例\xa0\xa0\xa0%\xa0\xa0\xa0万人（次）\xa0\xa0≥60\xa0\xa0\xa0≥80\u3000≥95\xa0"
    assert not garbled(cells * 3)  # web-page tables: no-break spaces are spaces


def test_private_use_and_latin1_mojibake_are_garbled():
    pua = "".join(chr(0xE000 + ord(c) % 0x1800) if ord(c) > 0x2E80 else c for c in LETTER)
    assert garbled(pua)
    latin1 = LETTER.encode("gbk").decode("latin-1")  # GBK bytes read as Latin-1
    assert garbled(latin1)
    assert garbled("abc" * 4, unmapped=30)  # characters PDFium could not map


def test_random_ideographs_and_punctuation_soup_are_garbled():
    assert garbled(_shift(LETTER, 0x1234))
    assert garbled(_shift(LETTER, 0x2A17))
    soup = "!\"#$%&'()*+,-./!#%'(*,./\"$&)+-!$'(+./ 0123 ABC" * 2
    assert garbled(soup)


needs_font = pytest.mark.skipif(
    not os.path.exists(CJK_FONT),
    reason=f"缺少 CJK 字体 {CJK_FONT}（Debian: fonts-noto-cjk），无法渲染页面做 OCR",
)


@needs_font
def test_a_page_with_a_private_use_text_layer_is_read_by_ocr():
    pytest.importorskip("rapidocr_onnxruntime")
    good = _small_pdf(["城乡低保公示说明", "本次公示对象共计12户，公示期7天。"])
    bad = _small_pdf(NOTICE)
    data = _with_broken_page(good, bad, lambda hi: 0xE000 + (hi % 25) * 256)
    doc = load_pdf(data, "低保公示.pdf")
    markup = doc.markup
    assert isinstance(markup, PdfMarkup)
    assert [(p.source, p.note) for p in markup.pages] == [("text", ""), ("ocr", NOTE)]
    assert "城乡低保公示说明" in doc.text  # the good page keeps its text layer
    assert ID in doc.text and PHONE in doc.text
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in doc.text)
    assert any("第 2 页文字层乱码" in w for w in doc.warnings)
    start = doc.text.index(ID)
    where = locate(doc, start, start + len(ID))
    assert where is not None and where["page"] == 2 and where["note"] == NOTE
    x0, y0, x1, y1 = where["box"]
    assert 100 < x0 < x1 <= 460 and 36 < y0 < y1 < 100  # the second line, right of 身份证号
    first = doc.text.index("本次公示")
    assert "note" not in (locate(doc, first, first + 4) or {})


def test_a_garbled_page_over_the_ocr_cap_keeps_its_layer_with_a_warning():
    data = _with_broken_page(_small_pdf(["说明"]), _small_pdf(NOTICE), lambda hi: 0xE100)
    doc = load_pdf(data, "低保公示.pdf", ocr_pages=0)
    assert isinstance(doc.markup, PdfMarkup)
    assert [p.source for p in doc.markup.pages] == ["text", "text"]
    assert any("乱码" in w for w in doc.warnings)
    assert not any("没有文字层" in w for w in doc.warnings)  # it has one, just garbled
