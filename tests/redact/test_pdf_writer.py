"""The redacted PDF: pages with findings rasterised with boxes burnt in, the others untouched,
no redacted value left anywhere in the file, metadata and attachments gone."""

from __future__ import annotations

import io
import os

import pikepdf
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from pipeline.ingest import load_bytes
from pipeline.ingest.locate import attach_locations
from pipeline.redact import replacements
from pipeline.redact.markup_writer import write_redacted
from pipeline.redact.pdf_writer import redact_dpi, redacted_pdf
from pipeline.screen import default_screener
from tests.check_digits import with_check
from tests.pdf_builder import CJK_FONT, FONT, scan_image, scanned_pdf_bytes

ID = with_check("13010219680415302")
MOBILE = "13785126640"
ADDRESS = "石家庄市长安区建北街道育才街116号5栋2单元301室"
ID2 = with_check("13012419900921481")
PAGE1 = [
    "关于2024年度城乡低保新增对象的公示",
    "经本人申请、村（居）委会评议、乡镇审核，拟将下列家庭纳入最低生活保障：",
    f"户主：马玉兰，身份证号：{ID}，",
    f"家庭住址：{ADDRESS}，联系电话：{MOBILE}。",
    "公示期：2024年6月3日至6月9日。",
]
PAGE2 = [
    "根据《社会救助暂行办法》规定，对公示对象有异议的，",
    "可在公示期内向县民政局社会救助股反映。",
]
PAGE3 = [
    "二、特困人员供养",
    f"供养对象：韩德胜，身份证号码{ID2}，",
    "现住辛集市旧城镇东街村128号。",
]

#: bookmarks as a converter makes them from headings and lines: two carry a redacted value
OUTLINE = [f"低保对象马玉兰（{MOBILE}）", "异议反映", f"特困供养韩德胜{ID2}"]


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _build() -> bytes:
    """A three-page 公示 with everything a leak can hide in: Info, XMP, an attachment, a
    script, a comment on the clean page, a filled form field and a bookmark naming a person."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setTitle("马玉兰等低保对象公示")
    c.setAuthor("民政局 王科员")
    c.setSubject(f"户主马玉兰 {ID}")
    for n, lines in enumerate((PAGE1, PAGE2, PAGE3)):
        c.bookmarkPage(f"p{n}")
        c.addOutlineEntry(OUTLINE[n], f"p{n}")
        c.setFont(FONT, 11)
        for i, line in enumerate(lines):
            c.drawString(60, 770 - 22 * i, line)
        c.showPage()
    c.save()
    pdf = pikepdf.open(io.BytesIO(buf.getvalue()))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = f"马玉兰 {ID}"
    pdf.attachments["名单.txt"] = pikepdf.AttachedFileSpec(pdf, f"马玉兰,{ID}".encode())
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    pdf.Root.Names.JavaScript = pikepdf.Dictionary(Names=pikepdf.Array(["a", script]))
    note = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=[300, 700, 320, 720],
        Contents=pikepdf.String(f"核对：{ID}"),
    )
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[60, 740, 200, 760],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://www.gov.cn/")),
    )
    pdf.pages[1].Annots = pdf.make_indirect(pikepdf.Array([note, link]))
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("phone"),
            V=pikepdf.String(MOBILE),
            Rect=[60, 100, 200, 120],
        )
    )
    pdf.pages[2].Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _haystacks(data: bytes) -> list[bytes]:
    """The file, its uncompressed (QDF) form, every stream decoded, and every string operand
    of every content stream (the bytes a font's encoding maps to glyphs)."""
    out = [data]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        qdf = io.BytesIO()
        pdf.save(qdf, qdf=True, compress_streams=False)
        out.append(qdf.getvalue())
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    raw = obj.read_bytes()
                except pikepdf.PdfError:
                    continue
                out.append(raw)
                if "/Subtype" in obj and obj.Subtype != pikepdf.Name.Form:
                    continue  # images, fonts: no content operators
                try:
                    ops = pikepdf.parse_content_stream(obj)
                except pikepdf.PdfError:
                    continue
                strings = [
                    bytes(o) for op in ops for o in op.operands if isinstance(o, pikepdf.String)
                ]
                out.append(b"".join(strings))
    return out


def _encodings(value: str) -> list[bytes]:
    u16 = value.encode("utf-16-be")
    return [
        value.encode("utf-8"),
        value.encode("gbk"),
        u16,
        u16.hex().encode(),
        u16.hex().upper().encode(),
        value.encode("utf-16-le"),
    ]


def _leaks(data: bytes, value: str) -> bool:
    return any(enc in hay for hay in _haystacks(data) for enc in _encodings(value))


@pytest.fixture(scope="module")
def case() -> tuple:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZWGK_NER", "0")
        data = _build()
        doc = load_bytes(data, "公示.pdf")
        result = default_screener().screen(doc.text)
        attach_locations(result.findings, doc)
        edits = replacements(result.findings)
        return data, doc, result, edits, redacted_pdf(doc, edits)


def test_findings_carry_their_page_and_box(case):
    _data, doc, result, _edits, _out = case
    by_value: dict = {}
    for f in result.findings:  # the first occurrence: the page text (then the comment/form)
        by_value.setdefault(doc.text[f.start : f.end], f)
    extra = {(doc.text[f.start : f.end], f.location.get("part")) for f in result.findings}
    assert {(ID, "注释"), (MOBILE, "表单域")} <= extra
    for value, page in ((ID, 1), (MOBILE, 1), (ID2, 3)):
        loc = by_value[value].location
        assert loc["page"] == page and "pages" not in loc, value
        x0, y0, x1, y1 = loc["box"]
        assert 60 <= x0 < x1 < 595 and 60 < y0 < y1 < 160
    assert any(
        ADDRESS in doc.text[f.start : f.end] or doc.text[f.start : f.end] in ADDRESS
        for f in result.findings
        if f.entity == "ADDRESS"
    )


def test_no_redacted_value_is_left_anywhere(case):
    data, doc, _result, edits, out = case
    values = {doc.text[a:b] for a, b, _new in edits if len(doc.text[a:b]) >= 4}
    assert {ID, MOBILE, ID2} <= values
    assert _leaks(data, ID) and _leaks(data, MOBILE)  # the checks can see them in the input
    for value in values:
        assert not _leaks(out, value), value
        for page in PdfReader(io.BytesIO(out)).pages:
            assert value not in (page.extract_text() or "")
        pdf = pdfium.PdfDocument(out)
        assert all(value not in pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_pages_kept_clean_page_untouched_metadata_gone(case):
    data, doc, _result, edits, out = case
    src, dst = pikepdf.open(io.BytesIO(data)), pikepdf.open(io.BytesIO(out))
    assert len(dst.pages) == 3
    # page 2 has no finding: its content stream is copied byte for byte
    assert dst.pages[1].Contents.read_raw_bytes() == src.pages[1].Contents.read_raw_bytes()
    assert dst.pages[1].MediaBox == src.pages[1].MediaBox
    assert [str(a.Subtype) for a in dst.pages[1].Annots] == ["/Link"]  # the comment is gone
    for n in (0, 2):  # redacted pages: one image, no fonts, no annotations
        page = dst.pages[n]
        assert list(page.Resources.keys()) == ["/XObject"] and "/Annots" not in page
        assert [round(float(v)) for v in page.MediaBox] == [0, 0, 595, 842]
    assert "/Info" not in dst.trailer and "/Metadata" not in dst.Root
    assert "/AcroForm" not in dst.Root and len(dst.attachments) == 0
    assert "/JavaScript" not in dst.Root.get("/Names", {})
    with dst.open_outline() as outline:
        titles = [item.title for item in outline.root]
    masked = {doc.text[a:b]: new for a, b, new in edits}
    assert titles == [
        f"低保对象马玉兰（{masked[MOBILE]}）",
        "异议反映",
        f"特困供养韩德胜{masked[ID2]}",
    ]
    assert "*" in masked[MOBILE] and "*" in masked[ID2]
    assert not _leaks(out, "王科员") and not _leaks(out, "名单.txt")


def test_boxes_are_burnt_where_the_values_were(case):
    data, doc, result, _edits, out = case
    scale = redact_dpi() / 72
    assert redact_dpi() == 200 and redact_dpi(96) == 200 and redact_dpi(300) == 300
    before = pdfium.PdfDocument(data)[0].render(scale=scale).to_pil().convert("L")
    after = pdfium.PdfDocument(out)[0].render(scale=scale).to_pil().convert("L")
    assert after.size == before.size
    f = next(f for f in result.findings if doc.text[f.start : f.end] == ID)
    masked = next(new for a, b, new in _edits if doc.text[a:b] == ID)
    assert masked[:4] == ID[:4] and masked[-4:] == ID[-4:] and set(masked[4:-4]) == {"*"}
    x0, y0, x1, y1 = (v * scale for v in f.location["box"])
    digit = (x1 - x0) / len(ID)

    def dark(a: float, b: float, image) -> float:  # share of dark pixels in a column band
        box = (round(a) + 2, round(y0) + 3, round(b) - 2, round(y1) - 3)
        return sum(image.crop(box).histogram()[:40]) / ((box[2] - box[0]) * (box[3] - box[1]))

    hidden = (x0 + 4 * digit, x1 - 4 * digit)  # the ten masked digits
    assert dark(*hidden, after) > 0.97 and dark(*hidden, before) < 0.5
    kept = (x0, x0 + 4 * digit)  # 1301 stays readable, as in the text output
    assert 0.02 < dark(*kept, after) < 0.6


@pytest.mark.skipif(
    not os.path.exists(CJK_FONT),
    reason=f"缺少 CJK 字体 {CJK_FONT}：测试 PDF 的 STSong-Light 未嵌入，需系统字体才能渲染汉字标题",
)
def test_the_heading_outside_the_boxes_is_still_drawn(case):
    _data, _doc, _result, _edits, out = case
    scale = redact_dpi() / 72
    after = pdfium.PdfDocument(out)[0].render(scale=scale).to_pil().convert("L")
    title = (60 * scale, 50 * scale, 300 * scale, 75 * scale)
    assert 0.02 < sum(after.crop(title).histogram()[:128]) / (240 * 25 * scale**2) < 0.6


def test_write_redacted_and_the_cli_write_a_pdf(case, tmp_path):
    from pipeline.cli import main

    data, doc, _result, edits, out = case
    target = tmp_path / "公示.redacted.pdf"
    write_redacted(doc, edits, target)
    assert target.read_bytes() == out  # deterministic
    src = tmp_path / "notice.pdf"
    src.write_bytes(data)
    assert main(["redact", str(src), "-o", str(tmp_path / "out.pdf")]) == 0
    assert not (tmp_path / "out.txt").exists()
    assert not _leaks((tmp_path / "out.pdf").read_bytes(), ID)


def test_no_findings_still_strips_but_keeps_every_page():
    data = _build()
    doc = load_bytes(data, "a.pdf")
    out = redacted_pdf(doc, [])
    src, dst = pikepdf.open(io.BytesIO(data)), pikepdf.open(io.BytesIO(out))
    for a, b in zip(src.pages, dst.pages, strict=True):
        assert a.Contents.read_raw_bytes() == b.Contents.read_raw_bytes()
    assert "/Info" not in dst.trailer and len(dst.attachments) == 0


@pytest.mark.skipif(not os.path.exists(CJK_FONT), reason=f"缺少 CJK 字体 {CJK_FONT}")
def test_scanned_page_is_ocred_located_and_burnt():
    lines = [f"申请人：赵淑珍  身份证号：{ID}", f"联系电话：{MOBILE}"]
    data = scanned_pdf_bytes([scan_image(lines, size=(1300, 230))])
    doc = load_bytes(data, "扫描件.pdf")
    assert doc.warnings == ["第 1 页为扫描页，已 OCR 识别"] and ID in doc.text
    result = default_screener().screen(doc.text)
    attach_locations(result.findings, doc)
    f = next(f for f in result.findings if doc.text[f.start : f.end] == ID)
    assert f.location["page"] == 1
    out = redacted_pdf(doc, replacements(result.findings))
    scale = 200 / 72
    before = pdfium.PdfDocument(data)[0].render(scale=scale).to_pil().convert("L")
    after = pdfium.PdfDocument(out)[0].render(scale=scale).to_pil().convert("L")
    x0, y0, x1, y1 = (v * scale for v in f.location["box"])
    digit = (x1 - x0) / len(ID)
    hidden = (round(x0 + 4.5 * digit), round(y0) + 2, round(x1 - 4.5 * digit), round(y1) - 2)
    area = (hidden[2] - hidden[0]) * (hidden[3] - hidden[1])
    assert sum(before.crop(hidden).histogram()[:128]) / area < 0.5
    assert sum(after.crop(hidden).histogram()[:40]) / area > 0.95
    label = (0, y0, max(x0 - 10, 1), y1)  # 申请人 … 身份证号： stays readable
    assert sum(after.crop(label).histogram()[:128]) > 50


def test_a_pdf_inside_a_zip_comes_back_as_a_redacted_pdf():
    import zipfile

    from tests.pdf_builder import pdf_bytes

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("附件/答复书.pdf", pdf_bytes([[f"申请人：郑海燕，身份证号{ID2}"]]))
    doc = load_bytes(buf.getvalue(), "材料.zip")
    result = default_screener().screen(doc.text)
    out = io.BytesIO()
    write_redacted(doc, replacements(result.findings), out)
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == ["附件/答复书.pdf"]
        member = z.read("附件/答复书.pdf")
    assert member.startswith(b"%PDF") and not _leaks(member, ID2)
    assert len(PdfReader(io.BytesIO(member)).pages) == 1


def test_optional_text_layer_holds_only_what_stays_visible(case, monkeypatch):
    _data, doc, _result, edits, plain = case
    monkeypatch.setenv("ZWGK_PDF_TEXT_LAYER", "1")
    out = redacted_pdf(doc, edits)
    assert out != plain and redacted_pdf(doc, edits, text_layer=False) == plain
    masked = {doc.text[a:b]: new for a, b, new in edits}
    for reader_text in (
        PdfReader(io.BytesIO(out)).pages[0].extract_text(),
        pdfium.PdfDocument(out)[0].get_textpage().get_text_range().replace("\r\n", "\n"),
    ):
        lines = reader_text.split("\n")
        assert lines[0] == PAGE1[0] and lines[1] == PAGE1[1]  # searchable again
        assert f"身份证号：{ID[:4]} {ID[-4:]}，" in reader_text
        assert MOBILE not in reader_text and ID not in reader_text
        assert masked[MOBILE].replace("****", " ") in reader_text
    for value in {doc.text[a:b] for a, b, _new in edits}:
        assert not _leaks(out, value), value
    # the invisible characters sit where they were: re-reading finds the heading in place
    again = load_bytes(out, "again.pdf")
    old = doc.markup.box(doc.text.index("公示"))  # type: ignore[union-attr]
    new = again.markup.box(again.text.index("公示"))  # type: ignore[union-attr]
    assert old is not None and new is not None and old[0] == new[0] == 0
    assert all(abs(a - b) < 1.5 for a, b in zip(old[1], new[1], strict=True))


def test_a_pdf_that_cannot_be_rebuilt_is_a_clear_error_and_nothing_is_written(
    case, tmp_path, monkeypatch, capsys
):
    from pipeline.cli import main

    data, doc, _result, edits, _out = case

    def broken(*_args, **_kwargs):
        raise pikepdf.PdfError("xref damaged")

    monkeypatch.setattr(pikepdf, "open", broken)
    with pytest.raises(ValueError, match=r"公示\.pdf：PDF 无法重建为脱敏文件"):
        redacted_pdf(doc, edits)
    src = tmp_path / "坏.pdf"
    src.write_bytes(data)
    target = tmp_path / "坏.redacted.pdf"
    assert main(["redact", str(src), "-o", str(target)]) != 0
    assert not target.exists()
    assert "PDF 无法重建为脱敏文件" in capsys.readouterr().err
