"""Redacted OFD: an OFD package in which no redacted value is left in any member."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.ingest import load_bytes
from pipeline.ingest.ofd_file import OfdMarkup
from pipeline.redact import replacements
from pipeline.redact.markup_writer import write_redacted
from pipeline.redact.ofd_writer import MASK, SIGNATURES_REMOVED
from pipeline.screen import screen_text
from tests.ofd_builder import Spec, Text, members, ofd_bytes
from tests.sheet_builder import ADDRESSES, IDS, NAMES, PHONES

FONT = b"\x00\x01\x00\x00fake-embedded-font-bytes" * 40


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _decision() -> Spec:
    """A penalty decision over two pages, a party's particulars in a row layout, one text
    object split over two TextCodes, a template footer, metadata and an attachment."""
    page1 = [
        Text(60, 25, "行政处罚决定书", 6.0),
        Text(30, 40, "当事人：", 4.0),
        Text(46, 40, "宋志强", 4.0, delta="list"),
        Text(30, 48, "公民身份号码：", 4.0),
        Text(58, 48, IDS[1], 3.0, delta="mixed", split=10),
        Text(30, 56, f"联系电话：{PHONES[1]}", 4.0, split=5),
        Text(30, 64, f"住址：{ADDRESSES[2]}", 4.0),
        Text(30, 80, "经查，当事人于2024年5月在城关镇经营无证餐饮。", 4.0),
    ]
    page2 = [
        Text(30, 30, "姓名", 3.5),
        Text(60, 30, "身份证号", 3.5),
        Text(110, 30, "手机号码", 3.5),
        Text(30, 38, NAMES[0], 3.5),
        Text(60, 38, IDS[0], 2.5),
        Text(110, 38, PHONES[0], 2.5),
    ]
    return Spec(
        pages=[page1, page2],
        template=[Text(140, 282, "信阳市市场监督管理局", 3.0)],
        docinfo={"Title": "行政处罚决定书", "Author": "卢晓东"},
        custom_data={"当事人电话": PHONES[4]},
        annotations={0: f"当事人另一号码{PHONES[2]}"},
        attachments={"送达回证.csv": f"受送达人,身份证号\n宋志强,{IDS[1]}\n".encode()},
        custom_tag=f"当事人住址{ADDRESSES[4]}",
        signed=True,
        extra={"Doc_0/Res/font_3.ttf": FONT},
    )


SECRETS = [IDS[0], IDS[1], PHONES[0], PHONES[1], PHONES[2], PHONES[4], ADDRESSES[2], ADDRESSES[4]]


def _everything(data: bytes) -> bytes:
    return b"\n".join(members(data).values())


def test_redacted_ofd_has_no_value_in_any_member(tmp_path: Path, capsys):
    src = tmp_path / "处罚决定书.ofd"
    original = ofd_bytes(_decision())
    src.write_bytes(original)
    out = tmp_path / "公开版.ofd"
    assert main(["redact", str(src), "-o", str(out)]) in (0, 1)
    err = capsys.readouterr().err
    assert SIGNATURES_REMOVED in err
    data = out.read_bytes()
    blob = _everything(data)
    before = _everything(original)
    for value in SECRETS:
        assert value.encode() in before
        assert value.encode() not in blob, value
    parts = members(data)
    kept = members(original)
    assert parts["Doc_0/Res/font_3.ttf"] == FONT
    assert parts["Doc_0/PublicRes.xml"] == kept["Doc_0/PublicRes.xml"]
    assert not any(n.startswith("Doc_0/Signs/") for n in parts)
    assert not any(n.startswith("Doc_0/Attachs/att_") for n in parts)
    assert b"Signatures" not in parts["OFD.xml"]
    # metadata is removed only where a redacted value is: the author (a name the rules allow
    # in a penalty decision) and the title stay, the party's phone in CustomData goes
    root = parts["OFD.xml"].decode()
    assert "卢晓东" in root and "<ofd:Title>行政处罚决定书" in root and "当事人电话" not in root
    assert b"<ofd:Annot " not in parts["Doc_0/Annots/Page_0/Annotation.xml"]
    # the result is an OFD zwgk reads again: masks in place, layout unchanged
    again = load_bytes(data, "公开版.ofd")
    first_page = again.text.split("\n\f\n")[0]
    found = screen_text(load_bytes(original, "x.ofd").text).findings
    masked = next(f.masked for f in found if f.text == IDS[1])
    assert MASK in masked and f"公民身份号码：{masked}\n" in first_page  # same count, in place
    assert "经查，当事人于2024年5月在城关镇经营无证餐饮。" in first_page
    assert "信阳市市场监督管理局" in again.text and "行政处罚决定书" in again.text


def test_textcode_keeps_its_count_and_deltas(tmp_path: Path):
    original = ofd_bytes(_decision())
    doc = load_bytes(original, "决定书.ofd")
    result = screen_text(doc.text, doc.source)
    buf = io.BytesIO()
    write_redacted(doc, replacements(result.findings), buf)
    ns = {"ofd": "http://www.ofdspec.org/2016"}
    page = "Doc_0/Pages/Page_1/Content.xml"
    old = etree.fromstring(members(original)[page]).findall(".//ofd:TextCode", ns)
    new = etree.fromstring(members(buf.getvalue())[page]).findall(".//ofd:TextCode", ns)
    assert len(old) == len(new)
    changed = 0
    for a, b in zip(old, new, strict=True):
        assert len(a.text) == len(b.text) and a.get("DeltaX") == b.get("DeltaX")
        assert a.get("X") == b.get("X") and a.get("Y") == b.get("Y")
        if a.text != b.text:
            changed += 1
            assert set(b.text) <= set(a.text) | {MASK}
    assert changed >= 2  # the ID and the mobile of the table row


def test_cgtransform_of_changed_text_is_dropped():
    spec = _decision()
    data = members(ofd_bytes(spec))
    page = "Doc_0/Pages/Page_0/Content.xml"
    cg = (
        '<ofd:CGTransform CodePosition="0" CodeCount="11" GlyphCount="11">'
        "<ofd:Glyphs>5 6 7 8 9 10 11 12 13 14 15</ofd:Glyphs></ofd:CGTransform>"
    )
    marker = 'DeltaX="g 4 4">联系电话：</ofd:TextCode>'
    xml = data[page].decode()
    assert marker in xml
    data[page] = xml.replace(marker, marker + cg).encode()
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, raw in data.items():
            zf.writestr(name, raw)
    doc = load_bytes(buf.getvalue(), "决定书.ofd")
    assert isinstance(doc.markup, OfdMarkup)
    result = screen_text(doc.text, doc.source)
    out = io.BytesIO()
    write_redacted(doc, replacements(result.findings), out)
    redacted = members(out.getvalue())[page]
    assert b"CGTransform" not in redacted and PHONES[1].encode() not in redacted


def test_nothing_to_redact_keeps_the_package_and_its_signature():
    spec = Spec(
        pages=[[Text(30, 30, "关于开展2024年安全生产月活动的通知", 5.0)]],
        signed=True,
    )
    original = ofd_bytes(spec)
    doc = load_bytes(original, "通知.ofd")
    out = io.BytesIO()
    write_redacted(doc, [], out)
    assert members(out.getvalue()) == members(original)
    assert SIGNATURES_REMOVED not in doc.warnings


def test_scanned_page_is_burnt_where_ocr_found_the_value(monkeypatch):
    from PIL import Image, ImageDraw

    from pipeline.ingest import ocr

    image = Image.new("RGB", (400, 100), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 390, 90), fill=(120, 120, 120))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    line = f"联系电话{PHONES[3]}"
    step = 380 / len(line)
    boxes = [(10 + i * step, 10.0, 10 + (i + 1) * step, 90.0) for i in range(len(line))]
    fake = ocr.OcrLine(line, (10.0, 10.0, 390.0, 90.0), tuple(boxes), 0.99)
    monkeypatch.setattr(ocr, "recognise", lambda img: [fake])
    spec = Spec(pages=[[]], scanned={0: buf.getvalue()})
    doc = load_bytes(ofd_bytes(spec), "扫描.ofd")
    assert doc.text == line
    result = screen_text(doc.text, doc.source)
    from pipeline.ingest.locate import attach_locations

    attach_locations(result.findings, doc)
    loc = next(f.location for f in result.findings if f.text == PHONES[3])
    assert loc["page"] == 1 and loc["box"][0] == pytest.approx(
        (10 + 4 * step) * 210 / 400, abs=0.01
    )
    out = io.BytesIO()
    write_redacted(doc, replacements(result.findings), out)
    burnt = Image.open(io.BytesIO(members(out.getvalue())["Doc_0/Res/scan_0.png"]))
    x = int(10 + 8 * step)
    assert burnt.getpixel((x, 50))[:3] == (0, 0, 0)  # inside the phone number
    assert burnt.getpixel((int(10 + step), 50))[:3] == (120, 120, 120)  # 「联」 kept
