"""PDF files: the text layer with character boxes (pypdfium2), scanned pages through OCR.

Text conventions: each page's text (newlines normalised to ``\\n``, trailing whitespace of
every line removed, leading/trailing blank lines dropped) is one block; pages are joined by
``PAGE_BREAK`` = ``"\\n\\f\\n"``, i.e. a line holding only a form feed, so page *n* starts after
the *(n-1)*-th form feed. A page without usable text keeps its place: it is rendered and read
by OCR (:mod:`pipeline.ingest.pdf_scan`), up to ``ocr_pages`` pages per file (beyond that, or
without the OCR component, the page stays empty and a warning names it). Encrypted PDFs that
cannot be opened without a password raise ``IngestError``.

``IngestedDocument.markup`` is a :class:`PdfMarkup`: the original bytes, every page's size and
text range, and for every character of ``text`` its page and box (see
:mod:`pipeline.ingest.pdf_markup`).
"""

from __future__ import annotations

import math
import os
from array import array
from typing import Any

from pipeline.ingest.model import IngestedDocument, IngestError
from pipeline.ingest.pdf_boxes import HOLD
from pipeline.ingest.pdf_markup import Box, PdfExtra, PdfMarkup, PdfPage

PAGE_BREAK = "\n\f\n"
NAN_BOX = array("f", (math.nan,) * 4)
#: between the last page and the annotation/form lines (pipeline.ingest.pdf_extras)
EXTRA_SEPARATOR = "\n\n"
#: at most this many pages of one PDF are read by OCR (``ZWGK_PDF_OCR_PAGES`` overrides)
OCR_PAGES = 200


def open_pdf(data: bytes, source: str) -> Any:
    """A ``pypdfium2.PdfDocument``, or ``IngestError`` for a damaged or locked file."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise IngestError(source, "PDF 已加密，需要密码才能读取，请提供未加密的文件") from exc
        raise IngestError(source, f"PDF 文件损坏，无法读取（{exc}）") from exc
    except Exception as exc:
        raise IngestError(source, f"PDF 文件损坏，无法读取（{type(exc).__name__}）") from exc


def _page_chars(textpage: Any) -> tuple[list[str], list[int], int, int]:
    """Characters of the text layer with their PDFium index (-1 for line breaks), the count
    of characters without a Unicode mapping and of control codes dropped. Boxes are computed
    later, for the pages that need them (:mod:`pipeline.ingest.pdf_boxes`)."""
    import pypdfium2.raw as raw

    tp = textpage.raw  # the bare pointer: ctypes calls on it are several times faster
    unicode, mapping_error = raw.FPDFText_GetUnicode, raw.FPDFText_HasUnicodeMapError
    chars: list[str] = []
    indices: list[int] = []
    bad = dropped = 0
    prev = 0
    for i in range(raw.FPDFText_CountChars(tp)):
        code = unicode(tp, i)
        if code == 10 and prev == 13:
            prev = code
            continue  # "\r\n" → one "\n"
        prev = code
        if code in (0, 0xFFFE, 0xFFFF) or code >= 0x110000 or mapping_error(tp, i) == 1:
            ch = "\ufffd"
            bad += 1
        else:
            ch = chr(code)
        if ch in "\r\f":
            ch = "\n"
        elif ch < " " and ch not in "\t\n":
            dropped += ch not in "\x02\x03"  # else pdfium's markers (soft hyphen 0x02 …)
            continue
        chars.append(ch)
        indices.append(-1 if ch == "\n" else i)
    return chars, indices, bad, dropped


def _normalise(chars: list[str], indices: list[int]) -> tuple[str, list[int]]:
    """Trailing whitespace of each line removed, leading/trailing line breaks dropped; the
    PDFium index of every character kept (-1 for line breaks)."""
    out_c: list[str] = []
    out_i: list[int] = []
    line_c: list[str] = []
    line_i: list[int] = []

    def flush() -> None:
        n = len(line_c)
        while n and line_c[n - 1].isspace():
            n -= 1
        out_c.extend(line_c[:n])
        out_i.extend(line_i[:n])
        line_c.clear()
        line_i.clear()

    for ch, i in zip(chars, indices, strict=True):
        if ch == "\n":
            flush()
            out_c.append("\n")
            out_i.append(-1)
        else:
            line_c.append(ch)
            line_i.append(i)
    flush()
    start, end = 0, len(out_c)
    while start < end and out_c[start] == "\n":
        start += 1
    while end > start and out_c[end - 1] == "\n":
        end -= 1
    return "".join(out_c[start:end]), out_i[start:end]


def _ocr_limit(ocr_pages: int | None) -> int:
    if ocr_pages is not None:
        return ocr_pages
    try:
        return int(os.environ.get("ZWGK_PDF_OCR_PAGES", OCR_PAGES))
    except ValueError:
        return OCR_PAGES


def _listed(numbers: list[int]) -> str:
    return "、".join(str(n) for n in numbers[:20]) + ("等" if len(numbers) > 20 else "")


def _no_boxes(markup: PdfMarkup, n: int) -> None:
    """``n`` characters without a page or box (page breaks, annotation lines)."""
    markup.page_of.extend((-1,) * n)
    markup.boxes.extend((0.0,) * (4 * n))
    markup.char_index.extend((-1,) * n)


def _append_extras(text: str, data: bytes, markup: PdfMarkup, warnings: list[str]) -> str:
    """The text with one line per annotation text and form value after the pages."""
    from pipeline.ingest.pdf_extras import read_extras

    extras = read_extras(data)
    if not extras:
        return text
    pieces = [text, EXTRA_SEPARATOR]
    offset = len(text) + len(EXTRA_SEPARATOR)
    for i, (page, label, value) in enumerate(extras):
        line = f"{label}：{value}"
        if i:
            pieces.append("\n")
            offset += 1
        markup.extras.append(PdfExtra(offset, offset + len(line), page, label.split(" ", 1)[0]))
        pieces.append(line)
        offset += len(line)
    _no_boxes(markup, offset - len(text))
    warnings.append(f"PDF 含注释或表单域 {len(extras)} 处，已一并审查（遮蔽后的 PDF 中全部删除）")
    return "".join(pieces)


def load_pdf(data: bytes, source: str, ocr_pages: int | None = None) -> IngestedDocument:
    """Extract the text layer (OCR for scanned pages); pages joined by ``PAGE_BREAK``."""
    import pypdfium2.raw as raw

    from pipeline.ingest import pdf_scan
    from pipeline.ingest.pdf_garbled import NOTE, garbled

    pdf = open_pdf(data, source)
    markup = PdfMarkup(data=data)
    texts: list[str] = []
    warnings: list[str] = []
    scanned: list[int] = []
    mojibake: list[int] = []  # pages whose garbled text layer was replaced by OCR
    unread: list[int] = []
    bad = 0
    limit = _ocr_limit(ocr_pages)
    tried = 0  # pages given to OCR (the cap counts them)
    annotated = False  # any annotation or a form: read their text too (pdf_extras)
    read = False
    try:
        if len(pdf) == 0:
            raise IngestError(source, "PDF 没有页面")
        offset = 0
        for index in range(len(pdf)):
            page = pdf[index]
            annotated = annotated or raw.FPDFPage_GetAnnotCount(page) > 0
            textpage = page.get_textpage()
            chars, indices, page_bad, dropped = _page_chars(textpage)
            text, page_idx = _normalise(chars, indices)
            page_boxes: list[Box | None] | None = None  # OCR'd pages: boxes from OCR
            width, height = page.get_size()
            source_kind, note = "text", ""
            scan = pdf_scan.needs_ocr(page, text)
            garbage = not scan and garbled(text, dropped)
            if scan or garbage:
                if tried >= limit:
                    unread.extend([index + 1] if scan else [])  # garbage: layer kept, warned
                else:
                    tried += 1
                    ocr = pdf_scan.ocr_page(page)
                    if ocr is None:
                        unread.extend([index + 1] if scan else [])
                    elif ocr[0].strip() or not text.strip():  # else keep the few layer words
                        text, page_boxes = ocr
                        page_bad = 0
                        source_kind = "ocr"
                        (mojibake if garbage else scanned).append(index + 1)
                        note = NOTE if garbage else ""
            if page_boxes is None and page_idx and len(markup.held) < HOLD:
                markup.held[index] = (page, textpage)  # its boxes will need no reload
            else:
                textpage.close()
                page.close()
            bad += page_bad
            if offset:
                offset += len(PAGE_BREAK)
                _no_boxes(markup, len(PAGE_BREAK))
            if page_boxes is None:  # the text layer: boxes computed when first asked for
                markup.page_of.extend([index if i >= 0 else -1 for i in page_idx])
                markup.char_index.extend(page_idx)
                markup.boxes.extend(NAN_BOX * len(page_idx))
                if page_idx:
                    markup.lazy.add(index)
            else:
                for box in page_boxes:
                    markup.page_of.append(-1 if box is None else index)
                    markup.boxes.extend(box or (0.0, 0.0, 0.0, 0.0))
                markup.char_index.extend((-1,) * len(page_boxes))
            markup.pages.append(
                PdfPage(index + 1, width, height, offset, offset + len(text), source_kind, note)
            )
            offset += len(text)
            texts.append(text)
        encrypted = raw.FPDF_GetSecurityHandlerRevision(pdf) != -1
        annotated = annotated or raw.FPDF_GetFormType(pdf) != raw.FORMTYPE_NONE
        read = True
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(source, f"PDF 文件损坏，无法提取文字（{type(exc).__name__}）") from exc
    finally:
        if read and markup.lazy:
            markup.pdf = pdf  # boxes computed from it when first asked for
        else:
            for page, textpage in markup.held.values():
                textpage.close()
                page.close()
            markup.held.clear()
            pdf.close()
    if scanned:
        warnings.append(f"第 {_listed(scanned)} 页为扫描页，已 OCR 识别")
    if mojibake:
        warnings.append(
            f"第 {_listed(mojibake)} 页文字层乱码（字体缺少编码映射），已按扫描件 OCR 识别"
        )
    if unread:
        why = pdf_scan.unread_reason(tried, limit)
        warnings.append(
            f"PDF 有 {len(unread)} 页没有文字层（扫描页，第 {_listed(unread)} 页），{why}"
        )
    text = PAGE_BREAK.join(texts)
    if annotated:
        text = _append_extras(text, data, markup, warnings)
    if not text.strip():
        raise IngestError(source, "PDF 没有可识别的文字（扫描页未识别出文字）")
    bad += sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    if bad > max(5, len(text) // 100):
        warnings.append("PDF 文字层可能乱码（字体缺少编码映射），提取结果需人工核对")
    if encrypted:
        warnings.append("PDF 设有权限密码（已用空密码打开）")
    return IngestedDocument(
        text=text, kind="pdf", source=source, encoding=None, markup=markup, warnings=warnings
    )
