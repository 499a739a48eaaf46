"""Government web pages (.html/.htm/.shtml): text without page chrome, plus a source map.

See ``html_extract`` for the text conventions. ``IngestedDocument.markup`` is an
``HtmlMarkup``: the decoded source and, per text character, the source span and text-node id
it came from, so that ``pipeline.redact.markup_writer`` can rewrite characters inside the
original text nodes and leave all markup untouched.
"""

from __future__ import annotations

import codecs
import re
from array import array
from dataclasses import dataclass

from pipeline.ingest.model import IngestedDocument, IngestError
from pipeline.ingest.text_file import decode_bytes

_BOMS = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)


@dataclass(slots=True, frozen=True)
class HtmlMarkup:
    """What the writer needs: the source text and a per-character map into it."""

    source: str
    encoding: str
    starts: array  # text index -> source start (-1: synthetic separator)
    ends: array  # text index -> source end (exclusive)
    nodes: array  # text index -> text-node id (-1: synthetic separator)
    bom: bytes = b""  # byte-order mark of the original file, written back unchanged


def declared_charset(data: bytes) -> str | None:
    """The charset named in a ``<meta>`` tag near the start of the page, if any."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def load_html(data: bytes, source: str) -> IngestedDocument:
    """Decode and extract a web page; raises ``IngestError`` when nothing is left."""
    from pipeline.ingest.html_extract import extract

    declared = declared_charset(data)
    text_source, encoding = decode_bytes(data, source, declared)
    extracted = extract(text_source)
    if not extracted.text.strip():
        raise IngestError(source, "网页中没有提取到正文文字")
    warnings = list(extracted.warnings)
    if declared and _canonical(declared) != _canonical(encoding):
        warnings.append(f"网页声明编码为 {declared}，实际按 {encoding} 解码")
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    markup = HtmlMarkup(
        text_source, encoding, extracted.starts, extracted.ends, extracted.nodes, bom
    )
    return IngestedDocument(
        text=extracted.text,
        kind="html",
        source=source,
        encoding=encoding,
        markup=markup,
        warnings=warnings,
    )


def _canonical(name: str) -> str:
    name = name.lower().replace("_", "-")
    if name in {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"}:
        return "gb18030"
    return {"utf8": "utf-8", "utf-8-sig": "utf-8"}.get(name, name)
