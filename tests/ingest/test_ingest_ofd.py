"""OFD packages: text in reading order, per-character page and box, metadata, bad input."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.ingest import IngestError, load_bytes
from pipeline.ingest.locate import attach_locations, location_label
from pipeline.ingest.ofd_layout import deltas
from pipeline.screen import screen_text
from tests.ofd_builder import Spec, Text, members, ofd_bytes
from tests.sheet_builder import ADDRESSES, IDS, NAMES, PHONES


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _roster(prefix: str = "ofd") -> Spec:
    """Page 1: a heading and a 3-column roster laid out as rows of separate text objects;
    page 2: a letter paragraph; both pages on a template carrying the issuing office."""
    row_y = [62.0, 70.5, 79.0]
    rows: list[Text] = []
    for n, y in enumerate(row_y):
        rows += [
            Text(22, y, NAMES[n], 3.5, delta="list"),
            Text(48, y, IDS[n], 2.4, delta=("g", "mixed", "g")[n], split=6 if n == 1 else 0),
            Text(104, y, PHONES[n], 2.4),
            Text(140, y, ADDRESSES[n], 3.0),
        ]
    page1 = [
        Text(30, 28, "罗山县2024年度临时救助对象公示", 5.5),
        Text(22, 52, "姓名"),
        Text(48, 52, "身份证号码"),
        Text(104, 52, "联系电话"),
        Text(140, 52, "家庭住址"),
        *rows,
    ]
    page2 = [
        Text(25, 40, "如对公示对象有异议，请于公示期内向县民政局反映。", 4.0),
        Text(25, 48, f"经办人：周海燕，联系电话{PHONES[3]}。", 4.0, split=4),
    ]
    return Spec(
        pages=[page1, page2],
        template=[Text(150, 285, "罗山县民政局", 3.0)],
        prefix=prefix,
    )


def test_text_is_in_reading_order_with_cells_tabbed_and_pages_broken():
    doc = load_bytes(ofd_bytes(_roster()), "公示/临时救助.ofd")
    assert doc.kind == "ofd" and doc.warnings == []
    pages = doc.text.split("\n\f\n")
    assert len(pages) == 2
    lines = pages[0].split("\n")
    assert lines[0] == "罗山县2024年度临时救助对象公示"
    assert lines[1] == "姓名\t身份证号码\t联系电话\t家庭住址"
    for n in range(3):
        assert lines[2 + n] == "\t".join([NAMES[n], IDS[n], PHONES[n], ADDRESSES[n]])
    assert lines[-1] == "罗山县民政局"  # the template is part of every page, at its place
    assert pages[1].split("\n")[1] == f"经办人：周海燕，联系电话{PHONES[3]}。"
    assert pages[1].endswith("罗山县民政局")


def test_findings_are_located_on_their_page_in_millimetres():
    doc = load_bytes(ofd_bytes(_roster()), "临时救助.ofd")
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    where = {f.text: f.location for f in result.findings}
    for n, y in enumerate([62.0, 70.5, 79.0]):
        loc = where[IDS[n]]
        assert loc["page"] == 1 and loc["unit"] == "mm"
        x0, y0, x1, y1 = loc["box"]
        assert x0 == pytest.approx(48) and x1 == pytest.approx(48 + 18 * 2.4)
        assert y0 == pytest.approx(y) and y1 == pytest.approx(y + 2.4)
    phone = where[PHONES[3]]
    assert phone["page"] == 2
    assert phone["box"][0] == pytest.approx(25 + 12 * 4.0)  # after 「经办人：周海燕，联系电话」
    assert location_label(phone) == "第2页"


def test_without_namespace_prefix_the_same_text():
    prefixed = load_bytes(ofd_bytes(_roster()), "a.ofd").text
    assert load_bytes(ofd_bytes(_roster(prefix="")), "b.ofd").text == prefixed


def test_delta_g_syntax_expands_and_pads():
    assert deltas("g 3 4.2", 4) == [4.2, 4.2, 4.2]
    assert deltas("1 g 2 3.5 2", 5) == [1.0, 3.5, 3.5, 2.0]
    assert deltas("2.5", 4) == [2.5, None, None]
    assert deltas(None, 1) == []


def test_metadata_annotations_attachments_and_tags_are_screened():
    spec = _roster()
    spec.docinfo = {"Title": "临时救助公示", "Author": "韩文静"}
    spec.custom_data = {"审批人手机": "13525067781"}
    spec.annotations = {1: f"核对：{NAMES[4]}身份证号{IDS[4]}"}
    spec.attachments = {"补充名单.csv": f"姓名,身份证号\n赵立新,{IDS[3]}\n".encode("gbk")}
    spec.custom_tag = "城关镇人民路8号3单元402室"
    doc = load_bytes(ofd_bytes(spec), "公示.ofd")
    for line in ("文档信息 作者：韩文静", "文档信息 审批人手机：13525067781",
                 "自定义标引：城关镇人民路8号3单元402室"):  # fmt: skip
        assert line in doc.text
    assert f"注释 第2页：审核人 核对：{NAMES[4]}身份证号{IDS[4]}" in doc.text
    assert f"赵立新\t{IDS[3]}" in doc.text
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    where = {f.text: f.location for f in result.findings}
    assert where[IDS[3]] == {"part": "附件 补充名单.csv"}
    assert where[IDS[4]] == {"part": "注释", "page": 2}
    assert location_label(where[IDS[4]]) == "第2页 注释"
    assert where["13525067781"] == {"part": "文档信息 审批人手机"}


def test_ofd_inside_a_zip_is_read_as_a_member():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("附件/救助公示.ofd", ofd_bytes(_roster()))
    doc = load_bytes(buf.getvalue(), "材料.zip")
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    loc = next(f.location for f in result.findings if f.text == IDS[0])
    assert loc["member"] == "材料.zip!附件/救助公示.ofd" and loc["page"] == 1


def test_sniffed_by_content_under_another_name():
    data = ofd_bytes(_roster())
    assert load_bytes(data, "download").kind == "ofd"
    with pytest.raises(IngestError, match=r"报告\.docx.*OFD 文件"):
        load_bytes(data, "报告.docx")


def _broken(spec: Spec, **changes: bytes | None) -> bytes:
    parts = members(ofd_bytes(spec))
    for name, data in changes.items():
        name = name.replace("__", "/")
        if data is None:
            parts.pop(name)
        else:
            parts[name] = data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"OFD.xml": None}, "不是有效的 OFD 文件"),
        (
            {"Doc_0__Document.xml": b"<ofd:Document xmlns:ofd='x'><ofd:Pages>"},
            "Document.xml 不是有效的 XML",
        ),
        ({"Doc_0__Pages__Page_1__Content.xml": None}, "缺少第 2 页"),
        ({"Doc_0__Document.xml": None}, "缺少 Doc_0/Document.xml"),
    ],
)
def test_broken_packages_are_refused_naming_the_file(changes, message):
    with pytest.raises(IngestError) as err:
        load_bytes(_broken(_roster(), **changes), "罗山县公示.ofd")
    assert err.value.message.startswith("罗山县公示.ofd：") and message in err.value.message


def test_entities_are_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocInfo>'
        b"<ofd:Title>&b;</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
        b"</ofd:DocBody></ofd:OFD>"
    )
    doc = load_bytes(_broken(_roster(), **{"OFD.xml": bomb}), "x.ofd")
    assert "AAAAAAAAAA" not in doc.text


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (40, 40), 255).save(buf, format="PNG")
    return buf.getvalue()


def test_scanned_ofd_without_ocr_is_refused(monkeypatch):
    monkeypatch.setattr("pipeline.ingest.ofd_extras.ocr_available", lambda: False)
    spec = Spec(pages=[[], []], scanned={0: _png(), 1: _png()})
    with pytest.raises(IngestError, match="OFD 为扫描件（仅含图片），需 OCR"):
        load_bytes(ofd_bytes(spec), "扫描件.ofd")
    spec = Spec(pages=[_roster().pages[0], []], scanned={1: _png()})
    doc = load_bytes(ofd_bytes(spec), "半扫描.ofd")
    assert any("第 2 页只有图片" in w for w in doc.warnings)


def test_nested_ofd_attachments_stop_at_the_depth_limit():
    from pipeline.ingest.ofd_extras import MAX_ATTACHMENT_DEPTH

    data = ofd_bytes(Spec(pages=[[Text(20, 20, f"最内层附件：联系电话{PHONES[4]}")]]))
    for level in range(MAX_ATTACHMENT_DEPTH + 1):
        data = ofd_bytes(
            Spec(pages=[[Text(20, 20, f"第{level}层文件")]], attachments={f"a{level}.ofd": data})
        )
    doc = load_bytes(data, "嵌套.ofd")
    assert "附件嵌套层数过多" in " ".join(doc.warnings)
    assert PHONES[4] not in doc.text  # the innermost one was not read, and is dropped on output
