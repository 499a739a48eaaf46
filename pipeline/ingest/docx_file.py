"""Word .docx files (python-docx / its lxml tree): body paragraphs and tables in body order.

Text conventions: one body paragraph per line (empty paragraphs give empty lines); one table
row per line with cells joined by a TAB (a vertically merged continuation cell is an empty
cell); inside a cell, paragraphs and nested-table cells are joined by a space. Inside a run,
``<w:tab/>`` becomes a space, ``<w:br/>``/``<w:cr/>`` a newline in body paragraphs and a space
in cells, ``<w:noBreakHyphen/>`` a hyphen. Deleted revisions, field codes and text boxes are
not part of the text. Every text character belongs to exactly one *slot*: a ``<w:t>`` element
(many characters) or one special element (tab, break, hyphen). ``DocxMarkup`` keeps the
original bytes; the writer re-parses them and edits the slots, so run formatting is kept.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.ingest.model import IngestedDocument, IngestError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
_SDT, _SDT_CONTENT, _CUSTOM = _W + "sdt", _W + "sdtContent", _W + "customXml"
_EXCLUDED_ANCESTORS = frozenset(
    {_W + "del", _W + "moveFrom", _MC + "Fallback", _W + "txbxContent", _P}
)


@dataclass(slots=True, frozen=True)
class DocxMarkup:
    """The original file; the writer re-parses it to edit a fresh copy."""

    data: bytes


@dataclass(slots=True)
class Slot:
    """Text range ``[start, end)`` and the element holding those characters."""

    start: int
    end: int
    element: Any
    is_text: bool


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.slots: list[Slot] = []

    def sep(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def slot(self, text: str, element: Any, is_text: bool) -> None:
        if text:
            self.slots.append(Slot(self.length, self.length + len(text), element, is_text))
            self.sep(text)


def _blocks(parent: Any) -> Iterator[Any]:
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL, _TC, _TR):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == _CUSTOM:
            yield from _blocks(child)


def _runs(p: Any) -> Iterator[Any]:
    for r in p.iter(_R):
        node = r.getparent()
        while node is not None and node is not p:
            if node.tag in _EXCLUDED_ANCESTORS:
                break
            node = node.getparent()
        else:
            yield r


def _paragraph(p: Any, b: _Builder, in_cell: bool) -> None:
    for r in _runs(p):
        for child in r.iterchildren():
            tag = child.tag
            if tag == _W + "t":
                b.slot(child.text or "", child, True)
            elif tag == _W + "tab":
                b.slot(" ", child, False)
            elif tag in (_W + "br", _W + "cr"):
                b.slot(" " if in_cell else "\n", child, False)
            elif tag == _W + "noBreakHyphen":
                b.slot("-", child, False)


def _cell_paragraphs(tc: Any) -> Iterator[Any]:
    """Paragraphs of a cell in order, including those of nested tables."""
    for block in _blocks(tc):
        if block.tag == _P:
            yield block
        elif block.tag in (_TBL, _TR, _TC):
            yield from _cell_paragraphs(block)


def _cell(tc: Any, b: _Builder) -> None:
    started = False
    for p in _cell_paragraphs(tc):
        mark = (len(b.parts), b.length)
        if started:
            b.sep(" ")
        before = b.length
        _paragraph(p, b, in_cell=True)
        if b.length == before:
            del b.parts[mark[0] :]
            b.length = mark[1]
        else:
            started = True


def extract_docx(document: Any) -> tuple[str, list[Slot]]:
    """Text and slots of a python-docx ``Document`` (see module docstring)."""
    b = _Builder()
    first = True
    for block in _blocks(document.element.body):
        if block.tag not in (_P, _TBL):
            continue
        rows = [block] if block.tag == _P else [tr for tr in _blocks(block) if tr.tag == _TR]
        for row in rows:
            if not first:
                b.sep("\n")
            first = False
            if row.tag == _P:
                _paragraph(row, b, in_cell=False)
                continue
            for i, tc in enumerate(tc for tc in _blocks(row) if tc.tag == _TC):
                if i:
                    b.sep("\t")
                _cell(tc, b)
    return "".join(b.parts), b.slots


def _warnings(document: Any) -> list[str]:
    body = document.element.body
    found: list[str] = []
    if next(body.iter(_W + "txbxContent"), None) is not None:
        found.append("文档含文本框，文本框中的文字未纳入审查，请人工检查")
    if any((t.text or "").strip() for t in body.iter(_W + "delText")):
        found.append("文档含修订记录，已删除的文字仍保存在文件中且未纳入审查，请接受修订后再处理")
    for section in document.sections:
        parts = (section.header, section.footer)
        if any(p.strip() for part in parts for p in (q.text for q in part.paragraphs)):
            found.append("页眉/页脚中的文字未纳入审查，请人工检查")
            break
    rels = document.part.rels.values()
    if any(str(r.reltype).endswith("/comments") for r in rels):
        found.append("文档含批注，批注未纳入审查，请删除批注后再发布")
    return found


def open_docx(data: bytes, source: str) -> Any:
    """Parse .docx bytes with python-docx, turning any failure into ``IngestError``."""
    if not data.startswith(b"PK"):
        raise IngestError(source, "DOCX 文件损坏（不是 ZIP 格式的 Word 文档）")
    try:
        from docx import Document

        return Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError …
        raise IngestError(source, f"DOCX 文件损坏，无法读取（{type(exc).__name__}）") from exc


def load_docx(data: bytes, source: str) -> IngestedDocument:
    """Read a .docx; raises ``IngestError`` for damaged or empty documents."""
    document = open_docx(data, source)
    text, _slots = extract_docx(document)
    if not text.strip():
        raise IngestError(source, "DOCX 文档正文中没有文字")
    return IngestedDocument(
        text=text,
        kind="docx",
        source=source,
        encoding=None,
        markup=DocxMarkup(data),
        warnings=_warnings(document),
    )
