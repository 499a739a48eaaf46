"""Pictures are OCR'd (RapidOCR) into screenable text with a box per character; findings are
located on the picture; bombs, blank and broken pictures are clear errors."""

from __future__ import annotations

import pytest

from pipeline.ingest import IngestError, _kind, load_bytes
from pipeline.ingest.locate import attach_locations
from pipeline.screen import default_screener
from tests.image_builder import encoded, letter, needs_font, overlap, render, roster

pytestmark = needs_font


@pytest.fixture(scope="module")
def roster_doc():
    drawing = roster()
    doc = load_bytes(encoded(drawing.image, "PNG"), "临时救助公示.png")
    result = default_screener().screen(doc.text, doc_id=doc.source)
    attach_locations(result.findings, doc)
    return drawing, doc, result


@pytest.fixture(scope="module")
def letter_doc():
    """The letter stored sideways as a phone camera does: pixels turned, EXIF orientation 6."""
    from PIL import Image

    drawing = letter()
    stored = drawing.image.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x013B] = "王秀英"  # Artist: metadata the redacted copy must not keep
    data = encoded(stored, "JPEG", quality=92, exif=exif.tobytes())
    doc = load_bytes(data, "来信答复.jpg")
    result = default_screener().screen(doc.text, doc_id=doc.source)
    attach_locations(result.findings, doc)
    return drawing, doc, result


def _finding(result, doc, value):
    hits = [f for f in result.findings if value in doc.text[f.start : f.end]]
    assert hits, f"{value} not found in {doc.text!r}"
    return hits[0]


def test_roster_text_keeps_rows_and_cells(roster_doc):
    drawing, doc, _ = roster_doc
    assert doc.kind == "image"
    rows = doc.text.split("\n")
    assert rows[1].split("\t") == ["序号", "姓名", "身份证号", "联系电话", "救助金额"]
    assert rows[2].split("\t")[1:4] == drawing.text.split("\n")[2].split("\t")[1:4]
    boxes = doc.markup.boxes
    assert len(boxes) == len(doc.text)
    assert all(b is None for ch, b in zip(doc.text, boxes, strict=True) if ch in "\t\n")


def test_roster_id_and_mobile_are_redacted_where_drawn(roster_doc):
    drawing, doc, result = roster_doc
    for row in drawing.text.split("\n")[2:]:
        for value in row.split("\t")[2:4]:
            f = _finding(result, doc, value)
            assert f.action == "redact"
            assert f.location["page"] == 1
            assert all(isinstance(v, int) for v in f.location["box"])
            assert overlap(f.location["box"], drawing.box_of(value)) > 0.8, value


def test_exif_orientation_is_applied_and_letter_located(letter_doc):
    drawing, doc, result = letter_doc
    assert doc.markup.size == drawing.image.size  # upright, not the stored sideways pixels
    for value in ("坞城路128号3单元502室", "13803451122"):
        f = _finding(result, doc, value)
        assert f.action == "redact"
        assert overlap(f.location["box"], drawing.box_of(value)) > 0.7, value


def test_multi_frame_gif_reads_the_first_frame_and_says_so():
    from PIL import Image

    first = render([["联系人：孙立平  手机：13512340987"]], font_px=26).image.convert("P")
    second = Image.new("P", first.size, 255)
    data = encoded(first, "GIF", save_all=True, append_images=[second])
    doc = load_bytes(data, "通知截图.gif")
    assert "13512340987" in doc.text
    assert any("2 帧" in w and "第一帧" in w for w in doc.warnings)


def test_blank_picture_is_an_error_naming_the_file():
    from PIL import Image

    with pytest.raises(IngestError, match="图片中未识别到文字") as info:
        load_bytes(encoded(Image.new("RGB", (600, 300), "white"), "PNG"), "空白扫描.png")
    assert "空白扫描.png" in info.value.message


def test_decompression_bomb_is_refused_before_decoding():
    from PIL import Image

    data = encoded(Image.new("1", (9000, 7500), 1), "PNG")  # 67.5 MP in a few kilobytes
    assert len(data) < 200_000
    with pytest.raises(IngestError, match="解压炸弹") as info:
        load_bytes(data, "附件/炸弹.png")
    assert "附件/炸弹.png" in info.value.message


def test_broken_and_mislabelled_pictures():
    with pytest.raises(IngestError, match="图片文件损坏"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 60, "扫描件.png")
    with pytest.raises(IngestError, match="图片文件损坏"):
        load_bytes("这是一段文字，不是图片。".encode(), "照片.jpg")
    with pytest.raises(IngestError, match="内容是 PDF"):
        load_bytes(b"%PDF-1.7\n" + b"0" * 40, "scan.png")
    with pytest.raises(IngestError, match="图片"):
        load_bytes(encoded(render([["公示"]]).image, "PNG"), "公示.docx")


def test_sniffed_pictures_without_an_extension():
    from PIL import Image

    image = Image.new("RGB", (40, 20), "white")
    for fmt in ("PNG", "JPEG", "BMP", "TIFF", "GIF"):
        assert _kind(encoded(image, fmt), "upload") == "image", fmt
    # a text that happens to start with "BM" is still text
    assert _kind("BMW 车辆采购公告：中标单位……".encode(), "notice.txt") == "txt"


def test_tall_screenshot_is_read_in_tiles_without_losing_or_doubling_lines():
    from PIL import Image

    from pipeline.ingest import ocr

    texts = ["一、申请人：韩晓东", "联系电话：13705518826", "住址：六安市金安区梅山南路88号"]
    tall = Image.new("RGB", (620, 5400), "white")
    tops = [120, 1860, 5200]  # the second in the overlap of the first two tiles
    for text, top in zip(texts, tops, strict=True):
        tall.paste(render([[text]], font_px=24, margin=4).image, (30, top))
    lines = ocr.recognise(tall)
    assert [ln.text for ln in lines] == texts
    for line, top in zip(lines, tops, strict=True):
        assert top <= line.box[1] and line.box[3] <= top + 50
