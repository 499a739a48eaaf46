"""A Word document with a 低保 roster and a penalty decision, built with python-docx and
converted to .doc/.rtf/.odt by LibreOffice once per test session (tests skip without it)."""

from __future__ import annotations

import io
from functools import cache

import pytest

from pipeline.ingest.office import soffice
from tests.check_digits import with_check

needs_soffice = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) 未安装，跳过 .doc/.wps/.rtf/.odt 测试"
    "（Debian: apt-get install libreoffice-writer-nogui）",
)

#: the roster's households: name, ID, mobile, home address
HOUSEHOLDS = [
    ("马桂芝", with_check("41272419580912" + "142"), "13937615520", "槐店镇西关村五组28号"),
    ("赵德胜", with_check("41272419670403" + "351"), "15188420376", "郑郭镇前赵庄村11号"),
    (
        "孙小娟",
        with_check("41272419890726" + "562"),
        "18638201947",
        "城关镇建设路中段东侧4号院2单元301室",
    ),
]
#: the penalty decision's party
PARTY = (
    "郭永强",
    with_check("41272419760218" + "573"),
    "13569431082",
    "沈丘县槐店镇新华街南段17号",
)


def _build() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading("沈丘县民政局关于2024年第三季度城乡最低生活保障对象的公示", level=1)
    doc.add_paragraph(
        "根据《社会救助暂行办法》和省、市有关规定，经个人申请、乡镇（街道）审核、县民政局审批，"
        "现将新增城乡低保对象名单公示如下，公示期为7天。"
    )
    table = doc.add_table(rows=1, cols=6)
    for cell, head in zip(
        table.rows[0].cells,
        ("序号", "户主姓名", "身份证号码", "联系电话", "家庭住址", "保障人口"),
        strict=True,
    ):
        cell.text = head
    for i, (name, pid, phone, addr) in enumerate(HOUSEHOLDS, 1):
        cells = table.add_row().cells
        for cell, value in zip(cells, (str(i), name, pid, phone, addr, str(i + 1)), strict=True):
            cell.text = value
    doc.add_paragraph("监督电话：0394-5212345（县民政局社会救助股）")
    doc.add_heading("沈丘县市场监督管理局行政处罚决定书", level=2)
    doc.add_paragraph("沈市监罚〔2024〕37号")
    name, pid, phone, addr = PARTY
    doc.add_paragraph(
        f"当事人：{name}，男，汉族，身份证号码：{pid}，住址：{addr}，联系电话：{phone}。"
    )
    doc.add_paragraph(
        "经查，当事人于2024年5月起在其经营的门店销售过期食品，违反了《中华人民共和国食品安全法》"
        "第三十四条的规定。依据该法第一百二十四条，决定对当事人罚款人民币伍仟元整。"
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@cache
def source_docx() -> bytes:
    return _build()


def _paragraphs() -> tuple[list[str], list[list[str]], list[str]]:
    """The text before the roster, the roster rows (header first), the text after it."""
    name, pid, phone, addr = PARTY
    before = [
        "沈丘县民政局关于2024年第四季度农村低保对象动态调整情况的公示",
        "经村（居）民主评议、乡镇审核、区民政局审批，现将调整后的低保对象予以公示：",
    ]
    rows = [["序号", "户主姓名", "身份证号码", "联系电话", "家庭住址", "保障人口"]]
    rows += [[str(i), n, p, t, a, str(i + 1)] for i, (n, p, t, a) in enumerate(HOUSEHOLDS, 1)]
    after = [
        "行政处罚决定书",
        f"当事人：{name}，男，1976年2月18日出生，公民身份号码{pid}，家庭住址{addr}，手机{phone}。",
        "当事人未按规定办理相关手续，依据有关规定，本机关决定给予警告。",
    ]
    return before, rows, after


def _rtf_text(text: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
                   for c in text)  # fmt: skip


def rtf_document() -> bytes:
    """An RTF file written by hand (the way report generators write them): paragraphs and a
    table, Chinese as ``\\uN?`` escapes."""
    before, rows, after = _paragraphs()
    out = ["{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24"]
    out += [f"\\pard {_rtf_text(t)}\\par" for t in before]
    for row in rows:
        cells = "".join(f"\\cellx{1500 * (i + 1)}" for i in range(len(row)))
        body = "".join(f"{_rtf_text(c)}\\cell " for c in row)
        out.append(f"\\trowd{cells}\\pard\\intbl {body}\\row")
    out += [f"\\pard {_rtf_text(t)}\\par" for t in after]
    return ("\n".join(out) + "}").encode("ascii")


ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt_document() -> bytes:
    """A minimal OpenDocument text package written by hand (mimetype, manifest, content)."""
    import zipfile
    from xml.sax.saxutils import escape

    before, rows, after = _paragraphs()
    para = "".join(f"<text:p>{escape(t)}</text:p>" for t in before)
    table = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in r)
        + "</table:table-row>"
        for r in rows
    )
    cols = f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
    tail = "".join(f"<text:p>{escape(t)}</text:p>" for t in after)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f'<office:body><office:text>{para}<table:table table:name="名单">{cols}{table}'
        f"</table:table>{tail}</office:text></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("META-INF/manifest.xml", ODT_MANIFEST, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


@cache
def converted(target: str) -> bytes:
    """The fixture as ``doc`` (python-docx's document saved by LibreOffice as Word 97), or as
    a hand-written ``rtf`` / ``odt`` with the same roster and a differently worded decision."""
    from pipeline.ingest.office import convert

    if target == "rtf":
        return rtf_document()
    if target == "odt":
        return odt_document()
    return convert(source_docx(), "fixture.docx", target, ".docx")


def must_redact() -> list[str]:
    """The values no redacted output may contain: the households' IDs, mobiles and home
    addresses (their names are published by law in a 低保 公示) and all of the party's."""
    return [v for row in HOUSEHOLDS for v in row[1:]] + list(PARTY)


def docx_text(data: bytes) -> str:
    """All text of a .docx: paragraphs and table cells."""
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(c.text for row in table.rows for c in row.cells)
    return "\n".join(parts)
