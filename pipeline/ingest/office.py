"""Word-processing files read through LibreOffice: .doc/.dot (Word 97–2003), .wps/.wpt (WPS
Office, which writes OLE Word files), .rtf and .odt.

The file is converted to .docx by ``soffice --headless --convert-to docx``
(:mod:`pipeline.ingest.libreoffice`) in a subprocess
(its own process group, a throwaway profile directory so parallel conversions do not collide —
macros off and remote content blocked in it, so a document cannot make the server fetch a URL —,
a timeout from ``ZWGK_SOFFICE_TIMEOUT``, default 120 s; the whole group is killed on timeout
and the temporary directory removed in every case), then read by
:func:`pipeline.ingest.docx_file.load_docx`. The document keeps its original name as
``source`` and gets kind ``office``: it is redacted as a .docx (the DOCX writer on the
converted bytes; the output name gets the ``.docx`` suffix).

The content decides, not the name: a ".doc" that is really a DOCX, an RTF or a web page (common
on government sites) is read as what it is, with a warning; an encrypted file (Word's
``fEncrypted`` flag, an encrypted OOXML package, an ODF manifest with encryption data) is
refused before LibreOffice runs. Without LibreOffice the error says how to install it.
:func:`sheet_to_xlsx` is the same conversion for .xls/.et workbooks calamine cannot read.
"""

from __future__ import annotations

from pathlib import PurePath

from pipeline.ingest.libreoffice import INSTALL, TIMEOUT_ENV, convert, soffice
from pipeline.ingest.model import IngestedDocument, IngestError, Kind

__all__ = ["INSTALL", "TIMEOUT_ENV", "WORD_EXTENSIONS", "convert", "load_office", "soffice"]

#: extension → ingest kind (read through LibreOffice, redacted as .docx)
WORD_EXTENSIONS: dict[str, Kind] = {
    ".doc": "office",
    ".dot": "office",
    ".wps": "office",
    ".wpt": "office",
    ".rtf": "office",
    ".odt": "office",
}
CONVERTED = "已用 LibreOffice 转换为 .docx 读取，脱敏后输出为 .docx 文档"
ENCRYPTED = "文档已加密（设有打开密码），无法读取，请解除密码后再处理"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"
_WORDML = b"schemas.microsoft.com/office/word/2003/wordml"


def word_encrypted(data: bytes) -> bool:
    """An OLE Word file whose FIB sets ``fEncrypted``, or an encrypted OOXML package."""
    if _ENCRYPTED_PACKAGE in data[: 1 << 20] or _ENCRYPTED_PACKAGE in data[-(1 << 16) :]:
        return True
    shift = int.from_bytes(data[0x1E:0x20], "little")
    size = 1 << shift if 7 <= shift <= 16 else 512
    for off in range(size, len(data) - 12, size):
        # the WordDocument stream starts at a sector with the FIB: wIdent 0xA5EC, nFib ≥ 0x65
        fib = data[off : off + 4]
        if fib[:2] == b"\xec\xa5" and int.from_bytes(fib[2:], "little") >= 0x65:
            return bool(int.from_bytes(data[off + 0x0A : off + 0x0C], "little") & 0x0100)
    return False


def _odf_encrypted(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return b"encryption-data" in zf.read("META-INF/manifest.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return False


def _is_odt(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and _ODF_TEXT in data[:200]


def _is_wordml(data: bytes) -> bool:
    """A Word 2003 XML document (WordprocessingML), which some systems save as .doc."""
    head = data[:4096]
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and _WORDML in head


def _mht_page(data: bytes) -> bytes | None:
    """The HTML part of a single-file web page (MHT, Word's 「单个文件网页」 saved as .doc)."""
    head = data[:2048].lower()
    if not head.lstrip().startswith(b"mime-version:") or b"multipart/related" not in head:
        return None
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) and payload else None
    return None


def _as_other(doc: IngestedDocument, ext: str, what: str, output: str) -> IngestedDocument:
    doc.warnings.insert(0, f"扩展名为 {ext}，但内容是{what}，已按{what}审查并{output}")
    return doc


def _suffix_for(data: bytes, ext: str, source: str) -> tuple[str, str | None]:
    """The temporary file's suffix and LibreOffice input filter for word-processing bytes."""
    if data.startswith(_OLE):
        if word_encrypted(data):
            raise IngestError(source, ENCRYPTED)
        if _WORD_STREAM not in data:
            if any(s in data for s in _WORKBOOK_STREAMS):
                problem = f"扩展名为 {ext}，但内容是 Excel 表格，请改正扩展名为 .xls"
                raise IngestError(source, problem)
            raise IngestError(source, "不是 Word 文档（旧版 Office 文件中没有 Word 正文）")
        return ".doc", "MS Word 97"
    if data.startswith(b"{\\rtf"):
        return ".rtf", None
    if _is_wordml(data):
        return ".xml", "MS Word 2003 XML"
    if _is_odt(data):
        if _odf_encrypted(data):
            raise IngestError(source, ENCRYPTED)
        return ".odt", None
    hint = "；旧版 WPS 文字（WPS 2000 及更早）文件请在 WPS 中另存为 .docx" if "wp" in ext else ""
    raise IngestError(source, f"不是有效的 Word 文档（扩展名为 {ext}，内容无法识别）{hint}")


def load_office(data: bytes, source: str) -> IngestedDocument:
    """Read a .doc/.wps/.rtf/.odt (see module docstring); ``IngestError`` names the file."""
    from pipeline.ingest import _sniff
    from pipeline.ingest.docx_file import load_docx

    ext = PurePath(source.rsplit("!", 1)[-1]).suffix.lower() or ".doc"
    sniffed = _sniff(data)
    if sniffed == "docx":
        doc = load_docx(data, source)
        doc.kind = "office"
        return _as_other(doc, ext, " DOCX 文档", "输出为 .docx 文档")
    if sniffed in ("pdf", "image", "xlsx") or (sniffed == "zip" and not _is_odt(data)):
        what = {"image": "图片", "xlsx": "Excel 工作簿", "zip": "ZIP 压缩包"}.get(sniffed, "PDF")
        raise IngestError(source, f"扩展名为 {ext}，但内容是 {what} 文件，请改正扩展名")
    if sniffed is None and not _is_wordml(data):
        from pipeline.ingest.html_file import load_html, looks_like_html

        page = _mht_page(data)
        if page is not None:
            doc = load_html(page, source)
            return _as_other(doc, ext, "单个文件网页（MHT）", "按网页输出（其中的图片不保留）")
        if looks_like_html(data):
            return _as_other(load_html(data, source), ext, "网页（HTML）", "按网页输出")
        if b"\x00" not in data[:4096]:
            from pipeline.ingest.text_file import load_text

            return _as_other(load_text(data, source), ext, "纯文本", "输出纯文本")
    suffix, infilter = _suffix_for(data, ext, source)
    converted = convert(data, source, "docx", suffix, infilter)
    try:
        doc = load_docx(converted, source)
    except IngestError as exc:
        raise IngestError(source, exc.problem.replace("DOCX ", "")) from exc
    doc.kind = "office"
    if suffix != ext and not (suffix == ".doc" and ext in (".dot", ".wps", ".wpt")):
        what = "Word 2003 XML" if suffix == ".xml" else suffix[1:].upper()
        doc.warnings.insert(0, f"扩展名为 {ext}，但内容是 {what} 格式")
    doc.warnings.insert(0, CONVERTED)
    return doc


def is_spreadsheet_xml(data: bytes) -> bool:
    """An Excel 2003 XML workbook (SpreadsheetML), often saved by agencies as .xls."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head


def convertible_sheet(data: bytes) -> bool:
    """Bytes LibreOffice Calc may read where calamine failed: an OLE file with an Excel
    workbook stream, or an Excel 2003 XML workbook (anything else would be imported as text)."""
    if data.startswith(_OLE):
        return any(s in data for s in _WORKBOOK_STREAMS)
    return is_spreadsheet_xml(data)


def sheet_to_xlsx(data: bytes, source: str) -> bytes:
    """An .xls/.et workbook calamine cannot read, converted to .xlsx by LibreOffice Calc."""
    if data.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise IngestError(source, "表格文件已加密（设有打开密码），请解除密码后再处理")
        return convert(data, source, "xlsx", ".xls", "MS Excel 97")
    return convert(data, source, "xlsx", ".xml", "MS Excel 2003 XML")
