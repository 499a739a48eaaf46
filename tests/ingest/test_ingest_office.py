""".doc/.wps/.rtf/.odt through LibreOffice: read, screened and redacted as .docx; the content
decides (a .doc that is DOCX or HTML); encrypted files, a missing LibreOffice and a hung
conversion give clear errors naming the file."""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, libreoffice, load_bytes, load_path, office
from pipeline.redact import replacements
from pipeline.redact.markup_writer import write_redacted
from pipeline.screen import default_screener
from tests.office_builder import (
    HOUSEHOLDS,
    ODT_MANIFEST,
    PARTY,
    converted,
    docx_text,
    must_redact,
    needs_soffice,
    source_docx,
)


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _word_ole(body: bytes = b"") -> bytes:
    """The start of an OLE file that names a WordDocument stream (not a real document)."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 56 + "WordDocument".encode("utf-16-le") + body
    )


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_converted_formats_are_screened_and_redacted_as_docx(fmt, tmp_path):
    path = tmp_path / f"沈丘县低保公示及处罚决定.{fmt}"
    path.write_bytes(converted(fmt))
    doc = load_path(path)
    assert doc.kind == "office" and doc.source == str(path)
    assert office.CONVERTED in doc.warnings
    name, pid, phone, addr = HOUSEHOLDS[1]
    assert f"2\t{name}\t{pid}\t{phone}\t{addr}\t3" in doc.text.splitlines()  # one row per line
    result = default_screener().screen(doc.text)
    redacted = {f.text for f in result.findings if f.action == "redact"}
    assert set(must_redact()) <= redacted | {v for v in must_redact() if v in result.redacted}
    assert not any(v in result.redacted for v in must_redact())

    write_redacted(doc, replacements(result.findings), path.with_name(f"out.{fmt}"))
    out = path.with_name("out.docx")
    assert out.is_file() and not path.with_name(f"out.{fmt}").exists()
    text = docx_text(out.read_bytes())
    assert not [v for v in must_redact() if v in text]
    assert "户主姓名" in text and "行政处罚决定书" in text and HOUSEHOLDS[0][0] in text


def test_doc_that_is_really_docx_or_html_is_read_as_such():
    doc = load_bytes(source_docx(), "公示.doc")
    assert doc.kind == "office" and "内容是 DOCX 文档" in doc.warnings[0]
    assert PARTY[1] in doc.text
    page = "<html><head><meta charset='utf-8'></head><body><p>当事人：{}，身份证号码：{}</p>"
    doc = load_bytes(page.format(PARTY[0], PARTY[1]).encode(), "决定书.doc")
    assert doc.kind == "html" and "网页（HTML）" in doc.warnings[0]
    assert PARTY[1] in doc.text


def test_doc_saved_as_a_single_file_web_page_is_read_as_html():
    import quopri

    name, pid, phone, addr = HOUSEHOLDS[0]
    page = (
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>'
        f"<body><p class=MsoNormal>申请人：{name}，身份证号：{pid}，联系电话：{phone}，"
        f"现住{addr}。</p></body></html>"
    ).encode("gb2312")
    mht = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; "
        b'boundary="----=_NextPart_01DA2C.5E1F"\r\n\r\n'
        b"This is a multi-part message in MIME format.\r\n\r\n"
        b"------=_NextPart_01DA2C.5E1F\r\nContent-Location: file:///C:/D7A1/dafu.htm\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b'Content-Type: text/html; charset="gb2312"\r\n\r\n'
        + quopri.encodestring(page)
        + b"\r\n------=_NextPart_01DA2C.5E1F--\r\n"
    )
    doc = load_bytes(mht, "答复意见书.doc")
    assert doc.kind == "html" and "MHT" in doc.warnings[0]
    assert f"申请人：{name}，身份证号：{pid}" in doc.text  # decoded, not quoted-printable


@needs_soffice
def test_doc_that_is_word_2003_xml_goes_through_libreoffice():
    name, pid, _, addr = PARTY
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<?mso-application progid="Word.Document"?>\n'
        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
        "<w:p><w:r><w:t>行政处罚决定书</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>当事人：{name}，</w:t></w:r><w:r><w:t>公民身份号码：{pid}，</w:t></w:r>"
        f"<w:r><w:t>住所：{addr}。</w:t></w:r></w:p></w:body></w:wordDocument>"
    )
    doc = load_bytes(xml.encode(), "处罚决定.doc")
    assert doc.kind == "office" and "Word 2003 XML" in " ".join(doc.warnings)
    assert doc.text.splitlines()[1] == f"当事人：{name}，公民身份号码：{pid}，住所：{addr}。"


def test_unrecognised_binary_wps_names_the_file_and_the_old_wps_format():
    with pytest.raises(IngestError, match="不是有效的 Word 文档") as info:
        load_bytes(b"\x00WPS\x01" + bytes(range(256)) * 4, "1999年/救灾款发放.wps")
    assert info.value.source == "1999年/救灾款发放.wps" and "WPS 2000" in info.value.problem


def test_without_libreoffice_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    with pytest.raises(IngestError) as info:
        load_bytes(_word_ole(b"\0" * 600), "附件/困难群众名单.wps")
    message = info.value.message
    assert message.startswith("附件/困难群众名单.wps：")
    assert "LibreOffice" in message and "apt-get install libreoffice-writer-nogui" in message


def test_hung_conversion_is_killed_with_its_children(monkeypatch, tmp_path):
    pid_file = tmp_path / "child.pid"
    script = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)\n"
    )
    made: list[str] = []
    mkdtemp = libreoffice.tempfile.mkdtemp

    def recording_mkdtemp(**kw: str) -> str:
        made.append(mkdtemp(**kw))
        return made[-1]

    monkeypatch.setattr(libreoffice, "soffice", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "command", lambda *a: [sys.executable, "-c", script])
    monkeypatch.setattr(libreoffice.tempfile, "mkdtemp", recording_mkdtemp)
    monkeypatch.setenv(libreoffice.TIMEOUT_ENV, "1.5")
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"转换超时（超过 1\.5 秒") as info:
        load_bytes(_word_ole(b"\0" * 600), "慢.doc")
    assert time.monotonic() - started < 20
    assert info.value.source == "慢.doc"
    assert made and not Path(made[0]).exists()  # the temporary directory is gone
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def test_timeout_and_jobs_settings_fall_back_to_the_default(monkeypatch):
    monkeypatch.setenv(libreoffice.TIMEOUT_ENV, "abc")
    assert libreoffice.timeout() == libreoffice.DEFAULT_TIMEOUT
    monkeypatch.setenv(libreoffice.TIMEOUT_ENV, "7")
    assert libreoffice.timeout() == 7.0
    monkeypatch.setenv(libreoffice.JOBS_ENV, "1")
    assert libreoffice._jobs() == 1
    monkeypatch.setenv(libreoffice.JOBS_ENV, "two")
    assert libreoffice._jobs() == (os.cpu_count() or 2)


@needs_soffice
def test_encrypted_doc_is_refused_before_conversion(monkeypatch, tmp_path):
    data = bytearray(converted("doc"))
    size = 1 << int.from_bytes(data[0x1E:0x20], "little")
    fib = next(o for o in range(size, len(data), size) if data[o : o + 2] == b"\xec\xa5")
    data[fib + 0x0B] |= 0x01  # fEncrypted (bit 8 of the flags word at 0x0A)
    monkeypatch.setattr(office, "convert", lambda *a, **k: pytest.fail("LibreOffice was run"))
    with pytest.raises(IngestError, match="已加密") as info:
        load_bytes(bytes(data), "加密的处罚决定.doc")
    assert info.value.source == "加密的处罚决定.doc"


def test_encrypted_docx_package_is_refused():
    # a password-protected .docx is an OLE file holding EncryptionInfo and EncryptedPackage
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
        + "EncryptionInfo".encode("utf-16-le") + b"\0" * 50
        + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500
    )  # fmt: skip
    with pytest.raises(IngestError, match="已加密") as info:
        load_bytes(data, "名单.docx")
    assert "名单.docx" in info.value.message


@needs_soffice
def test_damaged_doc_gives_an_error_and_no_output(tmp_path):
    with pytest.raises(IngestError, match="LibreOffice 无法读取") as info:
        load_bytes(_word_ole(os.urandom(3000)), "损坏的通知.doc")
    assert info.value.source == "损坏的通知.doc"


@needs_soffice
def test_xls_that_calamine_cannot_read_goes_through_calc():
    name, pid, phone, _ = HOUSEHOLDS[2]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="救助对象"><Table>'
        '<Row><Cell><Data ss:Type="String">姓名</Data></Cell>'
        '<Cell><Data ss:Type="String">公民身份号码</Data></Cell>'
        '<Cell><Data ss:Type="String">手机号码</Data></Cell></Row>'
        f'<Row><Cell><Data ss:Type="String">{name}</Data></Cell>'
        f'<Cell><Data ss:Type="String">{pid}</Data></Cell>'
        f'<Cell><Data ss:Type="Number">{phone}</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>"
    )
    doc = load_bytes(xml.encode(), "临时救助对象.xls")
    assert doc.kind == "sheet"
    assert doc.text.splitlines() == ["工作表：救助对象", "姓名\t公民身份号码\t手机号码",
                                     f"{name}\t{pid}\t{phone}"]  # fmt: skip
    assert any("LibreOffice" in w for w in doc.warnings)
    result = default_screener().screen(doc.text)
    out = io.BytesIO()
    write_redacted(doc, replacements(result.findings), out)
    from tests.sheet_builder import all_cell_strings

    cells = all_cell_strings(out.getvalue())
    assert "公民身份号码" in cells and not any(pid in c or phone in c for c in cells)


@needs_soffice
def test_conversion_fetches_no_remote_content():
    import http.server
    import threading
    import zipfile

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_error(404)

        do_OPTIONS = do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/track.png"
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:body><office:text><text:p>当事人：{PARTY[0]}，公民身份号码{PARTY[1]}"
        '<draw:frame draw:name="p1" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></text:p></office:text></office:body>'
        "</office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("META-INF/manifest.xml", ODT_MANIFEST)
        zf.writestr("content.xml", content)
    try:
        doc = load_bytes(buf.getvalue(), "带外链图片的决定书.odt")
    finally:
        server.shutdown()
        server.server_close()
    assert PARTY[1] in doc.text
    assert hits == []  # LibreOffice's default profile requests the image (OPTIONS, then GET)
