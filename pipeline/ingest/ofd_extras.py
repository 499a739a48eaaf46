"""The parts of an OFD package besides page text where personal information hides.

- ``DocInfo`` in OFD.xml: 标题、作者、主题、摘要、关键词 and every ``CustomData``;
- annotations (``Annotations`` → per-page ``Annot``: remark, parameters, appearance text);
- attachments (``Attachments``): each attached file is read like an upload of its own;
- custom tags (``CustomTags`` → tag files): all their text;
- scanned pages (images only): their ``ImageObject`` resources, OCR'd with
  :mod:`pipeline.ingest.ocr` when that module is installed.

Each becomes one line (``文档信息 作者：…``) with an :class:`~pipeline.ingest.ofd_file.Extra`
saying what the writer strips when a redaction touches it.
"""

from __future__ import annotations

import contextvars
import importlib.util
import io
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from lxml import etree

from pipeline.ingest.model import IngestError
from pipeline.ingest.ofd_layout import Box, numbers
from pipeline.ingest.ofd_package import (
    ROOT,
    Package,
    child,
    child_text,
    local,
    media_files,
    resolve,
)

if TYPE_CHECKING:
    from pipeline.ingest.ofd_file import Extra, PageInfo

#: attachments are read this many OFD levels deep (an OFD attached to an OFD …), no deeper
MAX_ATTACHMENT_DEPTH = 3
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("ofd_attachment_depth", default=0)
DOCINFO = {"Title": "标题", "Author": "作者", "Subject": "主题", "Abstract": "摘要"}


def _words(el: etree._Element) -> str:
    return " ".join(t.strip() for t in el.itertext() if t.strip())


class _Lines:
    """Lines of metadata text with their extras, starting at text offset ``base``."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.parts: list[str] = []
        self.extras: list[Extra] = []
        self.length = 0

    def add(self, label: str, value: str, kind: str, **where: object) -> None:
        from pipeline.ingest.ofd_file import Extra

        if kind == "attachment":  # a document of its own: its lines (a roster's rows) kept
            line = f"{label}：\n{value}" if value else f"{label}："
        else:
            value = " ".join(value.split())
            if not value and not where.get("always"):
                return
            line = f"{label}：{value}"
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.base + self.length
        self.parts.append(line)
        self.length += len(line)
        self.extras.append(Extra(start, start + len(line), kind, label, **where))  # type: ignore[arg-type]


def _docinfo(pkg: Package, out: _Lines) -> None:
    root = pkg.xml(ROOT)
    for k, el in enumerate(root.iter()):
        name = local(el)
        parent = el.getparent()
        if parent is None or local(parent) not in ("DocInfo", "CustomDatas"):
            continue
        if name in DOCINFO:
            out.add(f"文档信息 {DOCINFO[name]}", el.text or "", "docinfo", part=ROOT, index=k)
        elif name == "Keywords":
            out.add("文档信息 关键词", "、".join(t.strip() for t in el.itertext()), "docinfo",
                    part=ROOT, index=k)  # fmt: skip
        elif name == "CustomData":
            label = f"文档信息 {el.get('Name', '自定义数据')}"
            out.add(label, el.text or "", "docinfo", part=ROOT, index=k)


def _ref(pkg: Package, doc_part: str, name: str) -> str | None:
    doc = pkg.xml(doc_part)
    loc = child_text(doc, name)
    part = resolve(doc_part, loc) if loc else None
    return part if part and pkg.find(part) else None


def _annotations(pkg: Package, doc_part: str, numbers: dict[str, int], out: _Lines) -> None:
    index = _ref(pkg, doc_part, "Annotations")
    if index is None:
        return
    for page in pkg.xml(index).iter("{*}Page"):
        loc = child_text(page, "FileLoc")
        part = resolve(index, loc) if loc else ""
        if not part or pkg.find(part) is None:
            continue
        for k, annot in enumerate(pkg.xml(part).iter("{*}Annot")):
            text = " ".join(filter(None, [annot.get("Creator", ""), _words(annot)]))
            n = numbers.get(page.get("PageID", ""), 0)
            out.add(f"注释 第{n}页" if n else "注释", text, "annot", part=part, index=k, page=n)


def _attachments(pkg: Package, doc_part: str, out: _Lines, warnings: list[str]) -> None:
    from pipeline.ingest import load_bytes

    index = _ref(pkg, doc_part, "Attachments")
    if index is None:
        return
    for k, att in enumerate(pkg.xml(index).iter("{*}Attachment")):
        loc = child_text(att, "FileLoc")
        member = resolve(index, loc) if loc else ""
        name = att.get("Name") or PurePosixPath(member).name or f"附件{k + 1}"
        if att.get("Format") and not PurePosixPath(name).suffix:
            name = f"{name}.{att.get('Format', '').lower()}"
        label = f"附件 {name}"
        token = _depth.set(_depth.get() + 1)
        try:
            if _depth.get() > MAX_ATTACHMENT_DEPTH:
                raise IngestError(f"{pkg.source}!{name}", "附件嵌套层数过多")
            doc = load_bytes(pkg.read(member), f"{pkg.source}!{name}")
        except IngestError as exc:
            warnings.append(f"{exc.message}（OFD 附件未能审查，脱敏后的文件中已删除）")
            out.add(label, "", "attachment", part=index, index=k, member=member, always=True)
            continue
        finally:
            _depth.reset(token)
        warnings.extend(f"{pkg.source}!{name}：{w}" for w in doc.warnings)
        out.add(label, doc.text, "attachment", part=index, index=k, member=member)


def _tags(pkg: Package, doc_part: str, out: _Lines) -> None:
    index = _ref(pkg, doc_part, "CustomTags")
    if index is None:
        return
    for k, tag in enumerate(pkg.xml(index).iter("{*}CustomTag")):
        loc = child_text(tag, "FileLoc")
        member = resolve(index, loc) if loc else ""
        if member and pkg.find(member):
            text = _words(pkg.xml(member))
            out.add("自定义标引", text, "tag", part=index, index=k, member=member)


def metadata(
    pkg: Package, pages: list[PageInfo], base: int, warnings: list[str]
) -> tuple[str, list[Extra]]:
    """The metadata lines (starting at text offset ``base``) and their extras."""
    out = _Lines(base)
    _docinfo(pkg, out)
    numbers = {p.page_id: p.number for p in pages if p.page_id}
    for doc_part in dict.fromkeys(p.doc_part for p in pages):
        _annotations(pkg, doc_part, numbers, out)
        _tags(pkg, doc_part, out)
        _attachments(pkg, doc_part, out, warnings)
    return "".join(out.parts), out.extras


def _res_parts(pkg: Package, info: PageInfo, root: etree._Element) -> list[str]:
    doc = pkg.xml(info.doc_part)
    parts: list[str] = []
    common = child(doc, "CommonData")
    for el in common.iter("{*}PublicRes", "{*}DocumentRes") if common is not None else []:
        if el.text and el.text.strip():
            parts.append(resolve(info.doc_part, el.text))
    for el in root.iter("{*}PageRes"):
        if el.text and el.text.strip():
            parts.append(resolve(info.part, el.text))
    return parts


def ocr_available() -> bool:
    return importlib.util.find_spec("pipeline.ingest.ocr") is not None


def _to_mm(box: Box | None, place: list[float], size: tuple[int, int]) -> Box | None:
    if box is None or len(place) < 4:
        return None
    bx, by, bw, bh = place[:4]
    sx, sy = bw / max(size[0], 1), bh / max(size[1], 1)
    return (bx + box[0] * sx, by + box[1] * sy, bx + box[2] * sx, by + box[3] * sy)


def ocr_pages(
    pkg: Package, root_of: Callable[[str], etree._Element], scanned: list[PageInfo]
) -> dict[int, tuple[str, list[Extra], list[Box | None]]] | None:
    """Page number → (recognised text, one extra per image, a box in mm per character) for
    the scanned pages; None when OCR is not installed (:mod:`pipeline.ingest.ocr` missing)."""
    if not scanned:
        return {}
    if not ocr_available():
        return None
    from PIL import Image

    from pipeline.ingest import ocr  # type: ignore[attr-defined, unused-ignore]
    from pipeline.ingest.ofd_file import Extra

    result: dict[int, tuple[str, list[Extra], list[Box | None]]] = {}
    for info in scanned:
        root = root_of(info.part)
        media = media_files(pkg, _res_parts(pkg, info, root))
        texts: list[str] = []
        extras: list[Extra] = []
        mm: list[Box | None] = []
        for k, img in enumerate(root.iter("{*}ImageObject")):
            found = media.get(img.get("ResourceID", ""))
            if found is None:
                continue
            try:
                with Image.open(io.BytesIO(pkg.read(found.part))) as image:
                    image.load()
                    text, pixels = ocr.lines_text(ocr.recognise(image))
                    size = image.size
            except IngestError:
                raise
            except Exception as exc:
                raise IngestError(
                    pkg.source, f"OFD 第 {info.number} 页的图片无法识别（{type(exc).__name__}）"
                ) from exc
            if not text.strip():
                continue
            if texts:
                texts.append("\n")
                mm.append(None)
            start = sum(len(t) for t in texts)
            place = numbers(img.get("Boundary"))
            extras.append(Extra(start, start + len(text), "image", "扫描图片", part=info.part,
                                index=k, member=found.part, page=info.number,
                                pixels=list(pixels)))  # fmt: skip
            texts.append(text)
            mm.extend(_to_mm(b, place, size) for b in pixels)
        result[info.number] = ("".join(texts), extras, mm)
    return result
