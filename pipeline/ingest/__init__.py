"""Ingest: turn a .txt/.html/.docx/.pdf file, a spreadsheet (.xlsx/.xls/.et/.ods/.csv …), a
word-processing file LibreOffice converts (.doc/.wps/.rtf/.odt, :mod:`pipeline.ingest.office`)
or a .zip/.7z archive of such files into the text the pipeline screens.

``load_path`` / ``load_bytes`` return an ``IngestedDocument`` whose ``text`` every later
stage indexes, or raise ``IngestError`` with a Chinese message naming the file; they never
return an empty text. The file type comes from the extension and is checked against the
content (a renamed .doc, a PDF called .txt …). Heavy libraries are imported only when a file of
that kind is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.image_file import IMAGE_EXTENSIONS
from pipeline.ingest.model import MAX_BYTES, IngestedDocument, IngestError, Kind
from pipeline.ingest.office import WORD_EXTENSIONS
from pipeline.ingest.spreadsheet import SHEET_EXTENSIONS

__all__ = ["MAX_BYTES", "IngestError", "IngestedDocument", "load_bytes", "load_path"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    **SHEET_EXTENSIONS,
    ".zip": "zip",
    ".7z": "zip",
    **WORD_EXTENSIONS,
    **IMAGE_EXTENSIONS,
    ".ofd": "ofd",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def _sniff(data: bytes) -> str | None:
    """What the bytes really are: 'pdf', 'docx', 'zip', 'ole', 'rtf', 'image' or None."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import zipfile
        from io import BytesIO

        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "docx"  # damaged: let the DOCX reader report it
        if "word/document.xml" in names:
            return "docx"
        if any(n.lstrip("/").lower() == "ofd.xml" for n in names):
            return "ofd"
        return "xlsx" if "xl/workbook.xml" in names else "zip"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "zip"  # a .7z: the archive reader tells the two apart
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGES) or (data[:2] == b"BM" and data[6:10] == b"\0\0\0\0"):
        return "image"
    return None


_FOREIGN = {
    "ole": "内容是旧版 Office 格式（.doc/.xls/.wps），请改正扩展名后再处理",
    "rtf": "内容是 RTF 格式，请改正扩展名为 .rtf",
    "image": "内容是图片文件，请改正扩展名（如 .png、.jpg）",
    "zip": "内容是 ZIP 压缩包（不是 Word 文档），请改正扩展名为 .zip",
    "xlsx": "内容是 Excel 工作簿，请改正扩展名为 .xlsx",
    "ofd": "内容是 OFD 文件，请改正扩展名为 .ofd",
}


_SUPPORTED = (
    "支持 .txt、.html、.docx、.pdf、.xlsx、.xls、.et、.ods、.csv、.doc、.wps、.rtf、.odt、"
    ".ofd、.zip、.7z、.png、.jpg 等"
)


def _is_zip(data: bytes) -> bool:
    import zipfile
    from io import BytesIO

    return zipfile.is_zipfile(BytesIO(data))


def _container_kind(data: bytes, name: str, declared: Kind | None, sniffed: str | None) -> Kind:
    """The kind of a file declared (or sniffed) as a spreadsheet or an archive."""
    ext = Path(name).suffix.lower()
    if declared is None:
        return "xlsx" if sniffed == "xlsx" else "zip"
    if sniffed == "docx" and not _is_zip(data):
        sniffed = "zip"  # a damaged package: the spreadsheet or zip reader reports it
    if sniffed in ("pdf", "docx", "image", "rtf"):
        what = {"image": "图片", "rtf": "RTF"}.get(sniffed, sniffed.upper())
        raise IngestError(name, f"扩展名为 {ext}，但内容是 {what} 文件，请改正扩展名")
    if declared == "zip":
        if sniffed not in ("zip", "xlsx"):
            raise IngestError(name, "ZIP 压缩包损坏（不是 ZIP 格式）")
        return "zip"
    if declared == "csv":
        if sniffed is not None:
            raise IngestError(name, f"扩展名为 {ext}，但内容不是文本表格（CSV/TSV）")
        return "csv"
    if sniffed is None:
        from pipeline.ingest.html_file import looks_like_html
        from pipeline.ingest.office import is_spreadsheet_xml

        if is_spreadsheet_xml(data):
            return "sheet"  # Excel 2003 XML saved as .xls: LibreOffice converts it
        if looks_like_html(data):
            return "html"  # a "spreadsheet" exported as a web page: common on government sites
        raise IngestError(name, "不是有效的表格文件（内容是纯文本，请另存为 .xlsx 或 .csv）")
    if declared == "xlsx" and sniffed == "zip":
        raise IngestError(name, "XLSX 文件损坏，无法读取（不是完整的 Excel 工作簿）")
    return "xlsx" if declared == "xlsx" and sniffed == "xlsx" else "sheet"


def _kind(data: bytes, name: str) -> Kind:
    ext = Path(name).suffix.lower()
    sniffed = _sniff(data)
    if ext == ".rar" or data.startswith(b"Rar!\x1a\x07"):
        from pipeline.ingest.sevenzip import RAR_REFUSED

        raise IngestError(name, RAR_REFUSED)
    if ext and ext not in _EXTENSIONS:
        raise IngestError(name, f"不支持的文件类型 {ext}（{_SUPPORTED}）")
    declared = _EXTENSIONS.get(ext)
    if declared == "ofd" or sniffed == "ofd":  # a ZIP holding OFD.xml
        if sniffed != "ofd":
            raise IngestError(name, "不是有效的 OFD 文件（不是包含 OFD.xml 的 ZIP 包）")
        if declared not in (None, "zip", "ofd"):
            raise IngestError(name, _FOREIGN["ofd"])
        return "ofd"
    if declared == "office" or (declared == "docx" and sniffed in ("ole", "rtf")):
        return "office"  # LibreOffice converts it; pipeline.ingest.office checks the content
    if declared in ("xlsx", "sheet", "csv", "zip") or (
        declared is None and sniffed in ("xlsx", "zip")
    ):
        return _container_kind(data, name, declared, sniffed)
    if declared == "image" or (declared is None and sniffed == "image"):
        if sniffed == "image":
            return "image"
        if sniffed in ("pdf", "docx", "rtf"):
            problem = f"扩展名为 {ext}，但内容是 {sniffed.upper()} 文件，请改正扩展名"
            raise IngestError(name, problem)
        raise IngestError(name, "图片文件损坏或格式无法识别（不是 PNG/JPEG/BMP/TIFF/GIF）")
    if sniffed in _FOREIGN:
        raise IngestError(name, _FOREIGN[sniffed])
    declared = _EXTENSIONS.get(ext)
    if declared is None:
        from pipeline.ingest.html_file import looks_like_html

        if sniffed in ("pdf", "docx"):
            return "pdf" if sniffed == "pdf" else "docx"
        return "html" if looks_like_html(data) else "txt"
    if declared in ("txt", "html") and sniffed in ("pdf", "docx"):
        raise IngestError(name, f"扩展名为 {ext}，但内容是 {sniffed.upper()} 文件，请改正扩展名")
    if declared == "pdf" and sniffed != "pdf" and b"%PDF-" not in data[:1024]:
        raise IngestError(name, "PDF 文件损坏（缺少 PDF 文件头）")
    return declared


def _too_large(max_bytes: int) -> str:
    if max_bytes >= 10 * 1024:
        return f"文件过大（上限 {round(max_bytes / 1024 / 1024, 2):g} MB）"
    return f"文件过大（上限 {max_bytes} 字节）"


def load_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> IngestedDocument:
    """Ingest file content; ``name`` (a file name or path) selects the type by extension."""
    if len(data) > max_bytes:
        raise IngestError(name, _too_large(max_bytes))
    if not data:
        raise IngestError(name, "文件为空")
    kind = _kind(data, name)
    if kind == "txt":
        from pipeline.ingest.text_file import load_text

        return load_text(data, name)
    if kind == "html":
        from pipeline.ingest.html_file import load_html

        doc = load_html(data, name)
        if Path(name).suffix.lower() in SHEET_EXTENSIONS:
            doc.warnings.append("扩展名是表格，但内容是网页（HTML），已按网页审查并按网页输出")
        return doc
    if kind == "docx":
        from pipeline.ingest.docx_file import load_docx

        return load_docx(data, name)
    if kind == "office":
        from pipeline.ingest.office import load_office

        return load_office(data, name)
    if kind in ("xlsx", "sheet", "csv"):
        from pipeline.ingest.spreadsheet import load_spreadsheet

        return load_spreadsheet(data, name, kind)
    if kind == "zip":
        from pipeline.ingest.archive import load_archive

        return load_archive(data, name)
    if kind == "ofd":
        from pipeline.ingest.ofd_file import load_ofd

        return load_ofd(data, name)
    if kind == "image":
        from pipeline.ingest.image_file import load_image

        return load_image(data, name)
    from pipeline.ingest.pdf_file import load_pdf

    return load_pdf(data, name)


def load_path(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> IngestedDocument:
    """Ingest a file on disk (size checked before reading)."""
    source = os.fspath(path)
    try:
        size = os.path.getsize(source)
        if not os.path.isfile(source):
            raise IngestError(source, "不是文件")
        if size > max_bytes:
            raise IngestError(source, _too_large(max_bytes))
        with open(source, "rb") as fh:
            data = fh.read()
    except FileNotFoundError as exc:
        raise IngestError(source, "文件不存在") from exc
    except PermissionError as exc:
        raise IngestError(source, "没有读取权限") from exc
    except IsADirectoryError as exc:
        raise IngestError(source, "不是文件") from exc
    return load_bytes(data, source, max_bytes=max_bytes)
