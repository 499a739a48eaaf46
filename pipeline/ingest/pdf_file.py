"""PDF files: the text layer, read with pypdf.

Text conventions: each page's extracted text (newlines normalised to ``\\n``, trailing
whitespace removed) is one block; pages are joined by ``PAGE_BREAK`` = ``"\\n\\f\\n"``, i.e. a
line holding only a form feed, so page *n* starts after the *(n-1)*-th form feed. A page without
text keeps its (empty) place. A PDF in which no page has text has no text layer (a scan) and
raises ``IngestError``; so do encrypted PDFs that cannot be opened without a password.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from pipeline.ingest.model import IngestedDocument, IngestError
from pipeline.ingest.text_file import normalise_newlines

PAGE_BREAK = "\n\f\n"


def _open(data: bytes, source: str) -> Any:
    from pypdf import PdfReader

    # pypdf logs its own repair notes ("EOF marker not found") to stderr; the user gets
    # one message from us instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:
        raise IngestError(source, f"PDF 文件损坏，无法读取（{type(exc).__name__}）") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:
            raise IngestError(source, "PDF 已加密，无法解密（需要密码或缺少解密组件）") from exc
        if not ok:
            raise IngestError(source, "PDF 已加密，需要密码才能读取，请提供未加密的文件")
    return reader


def load_pdf(data: bytes, source: str) -> IngestedDocument:
    """Extract the text layer; pages joined by ``PAGE_BREAK``."""
    reader = _open(data, source)
    pages: list[str] = []
    empty: list[int] = []
    try:
        for number, page in enumerate(reader.pages, 1):
            text = normalise_newlines(page.extract_text() or "").replace("\f", "\n")
            text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
            if not text.strip():
                empty.append(number)
            pages.append(text)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(source, f"PDF 文件损坏，无法提取文字（{type(exc).__name__}）") from exc
    if not pages:
        raise IngestError(source, "PDF 没有页面")
    if len(empty) == len(pages):
        raise IngestError(source, "PDF 没有文字层（可能是扫描件），需先做 OCR")
    warnings: list[str] = []
    if empty:
        listed = "、".join(str(n) for n in empty[:20]) + ("等" if len(empty) > 20 else "")
        warnings.append(f"PDF 第 {listed} 页没有文字层（可能是扫描页），未纳入审查，需先做 OCR")
    text = PAGE_BREAK.join(pages)
    bad = sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    if bad > max(5, len(text) // 100):
        warnings.append("PDF 文字层可能乱码（字体缺少编码映射），提取结果需人工核对")
    if reader.is_encrypted:
        warnings.append("PDF 设有权限密码（已用空密码打开）")
    return IngestedDocument(text=text, kind="pdf", source=source, encoding=None, warnings=warnings)
