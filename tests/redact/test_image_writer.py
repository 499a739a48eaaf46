"""Redacted pictures: the same format, opaque black boxes over the changed characters of each
redacted value (the OCR of the output no longer reads them), no metadata kept."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.ingest import load_bytes
from pipeline.ingest.image_file import ImageMarkup
from pipeline.ingest.model import IngestedDocument
from pipeline.redact import replacements
from pipeline.redact.image_writer import value_rects
from pipeline.redact.markup_writer import write_redacted
from pipeline.redact.raster import burn_boxes, merge_boxes
from pipeline.screen import default_screener
from tests.image_builder import encoded, letter, needs_font, roster


def _redacted(doc):
    result = default_screener().screen(doc.text, doc_id=doc.source)
    edits = replacements(result.findings)
    out = io.BytesIO()
    write_redacted(doc, edits, out)
    return edits, out.getvalue()


def _black_inside(image, rect, shrink=1):
    """Every pixel of ``rect`` (shrunk by ``shrink``) is black."""
    x0, y0, x1, y1 = (
        int(rect[0]) + shrink,
        int(rect[1]) + shrink,
        int(rect[2]) - shrink,
        int(rect[3]) - shrink,
    )
    crop = image.convert("L").crop((x0, y0, x1, y1))
    return crop.getextrema()[1] < 40


@pytest.fixture(scope="module")
def roster_out():
    drawing = roster()
    doc = load_bytes(encoded(drawing.image, "PNG"), "公示.png")
    edits, data = _redacted(doc)
    return drawing, doc, edits, data


@needs_font
def test_roster_values_are_burnt_and_unreadable(roster_out):
    from PIL import Image

    drawing, doc, edits, data = roster_out
    out = Image.open(io.BytesIO(data))
    assert out.format == "PNG" and out.size == drawing.image.size
    ids_and_mobiles = [v for row in drawing.text.split("\n")[2:] for v in row.split("\t")[2:4]]
    burnt = {doc.text[a:b] for a, b, _ in edits}
    assert set(ids_and_mobiles) <= burnt
    for rep in edits:
        for rect in value_rects(doc.text, doc.markup.boxes, rep):
            assert _black_inside(out, rect), (doc.text[rep[0] : rep[1]], rect)
    again = load_bytes(data, "公示.redacted.png").text
    for value in ids_and_mobiles:
        assert value not in again
        assert value[4:-4] not in again  # the masked middle part is not readable either
    assert "临时救助对象公示" in again  # the rest of the picture is untouched


@needs_font
def test_kept_characters_of_a_partial_mask_stay_visible(roster_out):
    from PIL import Image

    _drawing, doc, edits, data = roster_out
    out = Image.open(io.BytesIO(data)).convert("L")
    start, _end, new = next(r for r in edits if len(r[2]) == r[1] - r[0] and r[2][0] != "*")
    keep = doc.markup.boxes[start]  # the first character, kept by the masked form
    assert new[0] == doc.text[start]
    cx, cy = (keep[0] + keep[2]) / 2, (keep[1] + keep[3]) / 2
    assert out.crop((int(cx) - 6, int(cy) - 6, int(cx) + 6, int(cy) + 6)).getextrema()[1] > 200


@needs_font
def test_jpeg_stays_jpeg_upright_without_exif():
    from PIL import Image

    drawing = letter()
    exif = Image.Exif()
    exif[0x0112] = 8  # stored turned the other way: rotate 270° to display
    exif[0x013B] = "王秀英"
    stored = drawing.image.transpose(Image.Transpose.ROTATE_270)
    doc = load_bytes(encoded(stored, "JPEG", quality=90, exif=exif.tobytes()), "答复.jpeg")
    edits, data = _redacted(doc)
    out = Image.open(io.BytesIO(data))
    assert out.format == "JPEG" and out.size == drawing.image.size
    assert not dict(out.getexif()) and "exif" not in out.info
    again = load_bytes(data, "答复.redacted.jpeg").text
    for value in ("坞城路128号3单元502室", "13803451122"):
        assert any(value in doc.text[a:b] for a, b, _ in edits), value
        assert value not in again


@needs_font
def test_picture_in_an_archive_is_redacted_in_kind(roster_out):
    from PIL import Image

    drawing, _doc, _edits, png = roster_out
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("附件/公示.png", encoded(drawing.image, "PNG"))
    doc = load_bytes(buf.getvalue(), "材料.zip")
    _edits, data = _redacted(doc)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        member = zf.read("附件/公示.png")
    out = Image.open(io.BytesIO(member))
    assert out.format == "PNG"
    assert member == png  # the same redacted picture as when it is uploaded on its own


def _synthetic(fmt: str, mode: str = "RGB") -> IngestedDocument:
    """A picture with a known text and boxes (no OCR): ``电话13900001111`` on one line."""
    from PIL import Image

    image = Image.new("RGB", (400, 60), "white")
    if mode != "RGB":
        image = image.convert(mode)
    text = "电话13900001111"
    boxes = [(10.0 + 20 * i, 15.0, 30.0 + 20 * i, 45.0) for i in range(len(text))]
    markup = ImageMarkup(encoded(image, fmt), fmt, image.size, list(boxes))
    return IngestedDocument(text=text, kind="image", source=f"x.{fmt.lower()}", markup=markup)


@pytest.mark.parametrize(
    ("fmt", "mode"), [("PNG", "RGBA"), ("BMP", "RGB"), ("TIFF", "L"), ("GIF", "P"), ("PNG", "1")]
)
def test_every_format_is_written_back_in_kind(fmt, mode):
    from PIL import Image

    doc = _synthetic(fmt, mode)
    out = io.BytesIO()
    write_redacted(doc, [(2, 13, "139****1111")], out)
    image = Image.open(io.BytesIO(out.getvalue()))
    assert image.format == fmt
    rgb = image.convert("RGB")
    centre = [20 + 20 * i for i in range(len(doc.text))]
    assert all(rgb.getpixel((centre[i], 30)) == (0, 0, 0) for i in range(5, 9))  # the ****
    assert rgb.getpixel((centre[2], 30)) != (0, 0, 0)  # the kept 1 of 139
    assert rgb.getpixel((centre[10], 30)) != (0, 0, 0)  # the kept 1111
    assert rgb.getpixel((20, 30)) != (0, 0, 0)  # 电 untouched


def test_merge_boxes_gives_one_rectangle_per_line():
    line1 = [(10.0, 10.0, 20.0, 30.0), (20.0, 11.0, 30.0, 31.0)]
    line2 = [(5.0, 50.0, 15.0, 70.0), None, (15.0, 50.0, 25.0, 70.0)]
    assert merge_boxes(line1 + line2) == [(10.0, 10.0, 30.0, 31.0), (5.0, 50.0, 25.0, 70.0)]


def test_burn_boxes_is_opaque_in_every_mode():
    from PIL import Image

    for mode in ("RGB", "RGBA", "L", "LA", "P", "CMYK"):
        image = Image.new("RGB", (50, 30), (200, 180, 160)).convert(mode)
        out = burn_boxes(image, [(10, 5, 20, 15)], pad=1)
        assert out.convert("RGB").getpixel((15, 10)) == (0, 0, 0), mode
        assert out.convert("RGB").getpixel((40, 25)) != (0, 0, 0), mode
        assert image.convert("RGB").getpixel((15, 10)) != (0, 0, 0)  # the input is not changed


def test_value_rects_box_what_the_masked_form_hides():
    text = "住址太原市小店区坞城路128号"
    boxes = [(float(10 * i), 0.0, float(10 * i + 10), 20.0) for i in range(len(text))]
    rects = value_rects(text, boxes, (2, len(text), "太原市小店区***"))
    assert rects == [(80.0, 0.0, float(10 * len(text)), 20.0)]  # after 小店区, to the end
