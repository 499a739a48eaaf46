"""Redacted OFD: the same package with the redacted characters really gone.

- Page and template text: each redacted character in its ``TextCode`` is replaced by
  ``MASK`` (one for one, so ``DeltaX`` still fits); characters the masked form keeps in place
  (the surname of 张** for 张三丰) stay. A ``TextObject`` whose text changed loses its
  ``CGTransform`` (glyph indices would still draw the original characters).
- A scanned page's image (OCR'd): opaque black boxes burnt over the redacted characters
  (:mod:`pipeline.redact.raster`), the image rewritten in its own format.
- Metadata a redaction touches is removed: the ``DocInfo`` field, the annotation, the
  attachment (element and file), the custom tag (element and file). Attachments that could
  not be screened are always removed.
- When anything changed, electronic signatures (``Signatures`` and their files) are removed:
  they no longer match and a seal would vouch for a document it did not sign.
- Every other member is copied unchanged (the same bytes, decompressed and recompressed).

``MASK`` is the ASCII ``*``: an embedded font subset may lack its glyph (the reader then draws
a blank or a box), but the original character is not in the file either way.
"""

from __future__ import annotations

import io
import shutil
import zipfile

from lxml import etree

from pipeline.ingest.model import IngestedDocument
from pipeline.ingest.ofd_file import Extra, OfdMarkup
from pipeline.ingest.ofd_package import ROOT, local, open_package, parse_xml, resolve

MASK = "*"
SIGNATURES_REMOVED = "OFD 原有的电子签章已删除（脱敏后签章不再有效）"
Replacement = tuple[int, int, str]
_TAGS = {"annot": "Annot", "attachment": "Attachment", "tag": "CustomTag", "image": "ImageObject"}


def _char_edits(doc: IngestedDocument, markup: OfdMarkup, reps: list[Replacement]) -> dict:
    """part index → TextCode index → {char index: new char}."""
    edits: dict[int, dict[int, dict[int, str]]] = {}
    for start, end, new in reps:
        same = len(new) == end - start
        for off in range(start, end):
            ref = markup.refs[off] if off < len(markup.refs) else None
            if ref is None or (same and new[off - start] == doc.text[off]):
                continue
            part, code, index = ref
            edits.setdefault(part, {}).setdefault(code, {})[index] = MASK
    return edits


def _touched(markup: OfdMarkup, reps: list[Replacement]) -> list[Extra]:
    """The extras a replacement overlaps (or that are always stripped)."""
    return [
        e for e in markup.extras
        if e.always or any(a < e.end and b > e.start for a, b, _ in reps)
    ]  # fmt: skip


class _Parts:
    """Parsed XML parts that are being changed."""

    def __init__(self, zf: zipfile.ZipFile, source: str, names: dict[str, str]) -> None:
        self.zf, self.source, self.names = zf, source, names
        self.roots: dict[str, etree._Element] = {}

    def real(self, part: str) -> str:
        return self.names.get(part.lower(), part)

    def root(self, part: str) -> etree._Element:
        real = self.real(part)
        if real not in self.roots:
            self.roots[real] = parse_xml(self.zf.read(real), self.source, part)
        return self.roots[real]


def _mask_text(parts: _Parts, markup: OfdMarkup, edits: dict) -> None:
    for part_index, codes in edits.items():
        root = parts.root(markup.parts[part_index])
        all_codes = list(root.iter("{*}TextCode"))
        for code_index, chars in codes.items():
            code = all_codes[code_index]
            text = list(code.text or "")
            for i, ch in chars.items():
                if i < len(text):
                    text[i] = ch
            code.text = "".join(text)
            obj = code.getparent()
            for cg in list(obj.iter("{*}CGTransform")) if obj is not None else []:
                cg.getparent().remove(cg)


def _burnt(data: bytes, extra: Extra, reps: list[Replacement], text: str) -> bytes:
    """The scanned image with boxes over the characters the replacements change."""
    from PIL import Image

    from pipeline.redact.raster import burn_boxes, merge_boxes

    rects = []
    for a, b, new in reps:
        lo, hi = max(a, extra.start), min(b, extra.end)
        same = len(new) == b - a
        keep = [same and new[i - a] == text[i] for i in range(lo, hi)]
        boxes = [extra.pixels[i - extra.start] if not keep[i - lo] else None for i in range(lo, hi)]
        rects.extend(merge_boxes(boxes))
    with Image.open(io.BytesIO(data)) as image:
        fmt = image.format or "PNG"
        out = io.BytesIO()
        burn_boxes(image, rects).save(out, format=fmt)
    return out.getvalue()


def _strip(parts: _Parts, extras: list[Extra], dropped: set[str]) -> None:
    doomed: list[etree._Element] = []
    for extra in extras:
        if extra.kind == "image":
            continue
        root = parts.root(extra.part)
        if extra.kind == "docinfo":
            found = list(root.iter())
        else:
            found = list(root.iter(f"{{*}}{_TAGS[extra.kind]}"))
        if 0 <= extra.index < len(found):
            doomed.append(found[extra.index])
        if extra.member:
            dropped.add(parts.real(extra.member))
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _drop_signatures(parts: _Parts, dropped: set[str]) -> bool:
    root = parts.root(ROOT)
    found = [el for el in root.iter("{*}Signatures") if local(el.getparent()) == "DocBody"]
    for el in found:
        signs = resolve(ROOT, el.text or "")
        folder = signs.rsplit("/", 1)[0] + "/" if "/" in signs else signs
        for lower, real in parts.names.items():
            if lower == signs.lower() or (folder != signs and lower.startswith(folder.lower())):
                dropped.add(real)
        el.getparent().remove(el)
    return bool(found)


def ofd_bytes(doc: IngestedDocument, reps: list[Replacement]) -> bytes:
    """The redacted OFD package (see module docstring)."""
    markup = doc.markup
    if not isinstance(markup, OfdMarkup):
        raise ValueError(f"{doc.source}：缺少 OFD 结构信息，无法按原格式输出")
    pkg = open_package(markup.data, doc.source)
    parts = _Parts(pkg.zf, doc.source, pkg.names)
    edits = _char_edits(doc, markup, reps)
    extras = _touched(markup, reps)
    dropped: set[str] = set()
    _mask_text(parts, markup, edits)
    _strip(parts, extras, dropped)
    images = {
        parts.real(e.member): _burnt(pkg.zf.read(parts.real(e.member)), e, reps, doc.text)
        for e in extras
        if e.kind == "image"
    }
    signed = (edits or extras) and _drop_signatures(parts, dropped)
    if signed and SIGNATURES_REMOVED not in doc.warnings:
        doc.warnings.append(SIGNATURES_REMOVED)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info in pkg.zf.infolist():
            if info.filename in dropped or info.is_dir():
                continue
            if info.filename in images:
                out.writestr(info, images[info.filename])
                continue
            if info.filename in parts.roots:
                data = etree.tostring(
                    parts.roots[info.filename], xml_declaration=True, encoding="UTF-8"
                )
                out.writestr(info, data)
                continue
            with pkg.zf.open(info) as src, out.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    return buf.getvalue()
