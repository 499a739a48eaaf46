"""Write a redacted copy of an ingested file, keeping its markup.

``replacements`` are ``(start, end, new_text)`` in ``IngestedDocument.text`` offsets (end
exclusive, non-overlapping, any order). Per kind:

- txt: the replaced text, UTF-8, ``\\n`` newlines.
- html: the original source with replacements spliced into the text nodes; tags, attributes,
  scripts, comments and the encoding are unchanged. A span crossing several text nodes puts the
  new text in the first node and blanks its part of the others, so no original character of
  the span survives.
- docx: the same document with the characters replaced inside the ``<w:t>`` elements (run
  formatting kept); a span crossing runs follows the same first-gets-it rule.
- office (.doc/.wps/.rtf/.odt): the same on LibreOffice's .docx conversion; a path output
  gets the ``.docx`` suffix.
- xlsx/xlsm, xls/xlsb/ods/et (→ .xlsx), csv/tsv, zip: see :mod:`pipeline.redact.sheet_writer`.
- image: the same picture with opaque boxes over the redacted characters, see
  :mod:`pipeline.redact.image_writer`.
- pdf: a redacted PDF: pages with findings rasterised with opaque boxes burnt in, the others
  kept, metadata/attachments/scripts/forms stripped, see :mod:`pipeline.redact.pdf_writer`.
- ofd: the same OFD package with the redacted characters masked inside ``TextCode`` and the
  metadata holding them removed, see :mod:`pipeline.redact.ofd_writer`.

Characters that exist only in the extracted text (line breaks, TABs between cells) have no
place in HTML/DOCX; a replacement covering only such characters changes nothing there.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import BinaryIO

from pipeline.ingest.model import IngestedDocument
from pipeline.redact.slots import slot_edits

Replacement = tuple[int, int, str]
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def _validated(replacements: list[Replacement], length: int) -> list[Replacement]:
    reps = sorted(replacements, key=lambda r: (r[0], r[1]))
    prev_end = 0
    for start, end, _new in reps:
        if not 0 <= start <= end <= length:
            raise ValueError(f"替换范围越界：{start}-{end}（文本长度 {length}）")
        if start < prev_end:
            raise ValueError(f"替换范围重叠：{start}-{end}")
        prev_end = end
    return reps


def apply_replacements(text: str, replacements: list[Replacement]) -> str:
    """``text`` with every ``(start, end, new)`` applied (offsets refer to ``text``)."""
    pieces: list[str] = []
    pos = 0
    for start, end, new in _validated(replacements, len(text)):
        pieces.append(text[pos:start])
        pieces.append(new)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _emit(data: bytes, out: Path | str | BinaryIO) -> None:
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)


def _splice(source: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply source-range edits (merging any that touch the same characters)."""
    merged: list[list] = []
    for a, b, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1][2] += new
        else:
            merged.append([a, b, new])
    pieces: list[str] = []
    pos = 0
    for a, b, new in merged:
        pieces.append(source[pos:a])
        pieces.append(new)
        pos = b
    pieces.append(source[pos:])
    return "".join(pieces)


def _html_bytes(doc: IngestedDocument, reps: list[Replacement]) -> bytes:
    from pipeline.ingest.html_file import HtmlMarkup

    m = doc.markup
    if not isinstance(m, HtmlMarkup) or len(m.nodes) != len(doc.text):
        raise ValueError(f"{doc.source}：缺少网页结构信息，无法按原格式输出")
    edits: list[tuple[int, int, str]] = []
    for start, end, new in reps:
        groups: dict[int, list[int]] = {}
        for i in range(start, end):
            node = m.nodes[i]
            if node < 0:
                continue
            group = groups.get(node)
            if group is None:
                groups[node] = [m.starts[i], m.ends[i]]
            else:
                group[0] = min(group[0], m.starts[i])
                group[1] = max(group[1], m.ends[i])
        for k, (a, b) in enumerate(groups.values()):
            edits.append((a, b, html.escape(new, quote=False) if k == 0 else ""))
    codec = "utf-8" if m.encoding == "utf-8-sig" else m.encoding
    return m.bom + _splice(m.source, edits).encode(codec, errors="xmlcharrefreplace")


def _write_docx(doc: IngestedDocument, reps: list[Replacement], out: Path | str | BinaryIO) -> None:
    from docx.oxml import OxmlElement

    from pipeline.ingest.docx_file import DocxMarkup, extract_docx, open_docx

    if not isinstance(doc.markup, DocxMarkup):
        raise ValueError(f"{doc.source}：缺少 Word 文档结构信息，无法按原格式输出")
    document = open_docx(doc.markup.data, doc.source)
    text, slots = extract_docx(document)
    if text != doc.text:
        raise ValueError(f"{doc.source}：文档内容与读取时不一致，无法按原格式输出")
    edits = slot_edits(slots, reps)
    for k, piece in edits.items():
        slot = slots[k]
        el = slot.element
        if slot.is_text:
            el.text = _splice(el.text or "", piece)
            el.set(_XML_SPACE, "preserve")
            continue
        new = "".join(e[2] for e in piece)
        if new:
            t = OxmlElement("w:t")
            t.text = new
            t.set(_XML_SPACE, "preserve")
            el.addprevious(t)
        el.getparent().remove(el)
    if isinstance(out, str | os.PathLike):
        document.save(os.fspath(out))
    else:
        document.save(out)


def write_redacted(
    doc: IngestedDocument,
    replacements: list[tuple[int, int, str]],
    out: Path | BinaryIO,
) -> None:
    """Write ``doc`` with ``replacements`` applied, in its own format where possible."""
    reps = _validated(replacements, len(doc.text))
    if doc.kind == "html":
        _emit(_html_bytes(doc, reps), out)
    elif doc.kind in ("docx", "office"):
        if doc.kind == "office" and isinstance(out, str | os.PathLike):
            from pipeline.redact.sheet_writer import output_name

            out = Path(output_name(doc, os.fspath(out)))  # .doc/.wps/.rtf/.odt → .docx
        _write_docx(doc, reps, out)
    elif doc.kind == "image":
        from pipeline.redact.image_writer import image_bytes

        _emit(image_bytes(doc, reps), out)
    elif doc.kind in ("xlsx", "sheet", "csv", "zip"):
        from pipeline.redact.sheet_writer import archive_bytes, output_name, sheet_bytes

        if isinstance(out, str | os.PathLike):
            out = Path(output_name(doc, os.fspath(out)))
        _emit(archive_bytes(doc, reps) if doc.kind == "zip" else sheet_bytes(doc, reps), out)
    elif doc.kind == "pdf":
        from pipeline.redact.pdf_writer import redacted_pdf

        _emit(redacted_pdf(doc, reps), out)
    elif doc.kind == "ofd":
        from pipeline.redact.ofd_writer import ofd_bytes

        _emit(ofd_bytes(doc, reps), out)
    else:
        _emit(apply_replacements(doc.text, reps).encode("utf-8"), out)
