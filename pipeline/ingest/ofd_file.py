"""OFD files (GB/T 33190-2016): text with page and position, read from the package's XML.

OFD.xml → ``DocBody/DocRoot`` → Document.xml → ``Pages/Page@BaseLoc`` → each page's
Content.xml (with its ``Template`` pages from ``CommonData/TemplatePage``): the characters of
every ``TextCode``, placed by :mod:`pipeline.ingest.ofd_layout`.

Text conventions: each page's lines in reading order (cells of a row joined by a TAB); pages
joined by ``PAGE_BREAK`` as for PDF. After the pages, one line per piece of metadata that
could hold personal information (:mod:`pipeline.ingest.ofd_extras`: ``DocInfo`` fields,
annotations, attachments, custom tags). ``OfdMarkup`` keeps, per character, its page and box
(mm, page origin top left) and the ``TextCode`` it came from, so
:mod:`pipeline.redact.ofd_writer` masks exactly those characters in the package.
A page with no text but images is a scan: OCR'd when :mod:`pipeline.ingest.ocr` is there,
else reported (all pages scanned: ``IngestError``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from pipeline.ingest.model import IngestedDocument, IngestError
from pipeline.ingest.ofd_layout import Box, CharRef, PageText, Run, page_text, text_runs
from pipeline.ingest.ofd_package import ROOT, Package, child, child_text, open_package, resolve

PAGE_BREAK = "\n\f\n"
EXTRA_SEPARATOR = "\n\n"


@dataclass(slots=True)
class Extra:
    """A piece of the text outside the page content: ``[start, end)`` and what to strip from
    the package when a redaction touches it (``kind``: docinfo, annot, attachment, tag,
    image); ``always``: strip it even without a redaction (it could not be screened)."""

    start: int
    end: int
    kind: str
    label: str
    part: str = ""
    index: int = -1
    member: str = ""
    page: int = 0
    always: bool = False
    #: kind image: per character of ``[start, end)``, its box in the image (pixels)
    pixels: list[Box | None] = field(default_factory=list)


@dataclass(slots=True)
class OfdMarkup:
    data: bytes
    #: member names of the content parts (pages, templates) a ``CharRef`` points into
    parts: list[str]
    refs: list[CharRef | None]
    boxes: list[Box | None]
    page_starts: list[int]
    extras: list[Extra] = field(default_factory=list)
    root_part: str = ROOT


@dataclass(slots=True)
class PageInfo:
    number: int
    part: str
    templates: list[str]
    doc_part: str
    page_id: str = ""


def _doc_parts(pkg: Package) -> list[str]:
    root = pkg.xml(ROOT)
    parts = []
    for body in root.iter("{*}DocBody"):
        loc = child_text(body, "DocRoot")
        if loc:
            parts.append(resolve(ROOT, loc))
    if not parts:
        raise IngestError(pkg.source, "OFD 文件损坏：OFD.xml 中没有 DocRoot（文档入口）")
    return parts


def _pages(pkg: Package, doc_part: str, first: int) -> list[PageInfo]:
    doc = pkg.xml(doc_part)
    common = child(doc, "CommonData")
    tpls: dict[str, str] = {}
    if common is not None:
        for tpl in common.iter("{*}TemplatePage"):
            if tpl.get("ID") and tpl.get("BaseLoc"):
                tpls[tpl.get("ID", "")] = resolve(doc_part, tpl.get("BaseLoc", ""))
    pages: list[PageInfo] = []
    container = child(doc, "Pages")
    for page in container.iter("{*}Page") if container is not None else []:
        loc = page.get("BaseLoc")
        if not loc:
            continue
        part = resolve(doc_part, loc)
        if pkg.find(part) is None:
            raise IngestError(
                pkg.source, f"OFD 文件不完整：缺少第 {first + len(pages)} 页（{part}）"
            )
        pages.append(PageInfo(first + len(pages), part, [], doc_part, page.get("ID", "")))
    for info in pages:
        root = pkg.xml(info.part)
        for ref in root.iter("{*}Template"):
            tpl_part = tpls.get(ref.get("TemplateID", ""))
            if tpl_part and pkg.find(tpl_part) is not None:
                info.templates.append(tpl_part)
    return pages


@dataclass(slots=True)
class _Reader:
    pkg: Package
    parts: list[str] = field(default_factory=list)
    roots: dict[str, etree._Element] = field(default_factory=dict)

    def root(self, part: str) -> etree._Element:
        if part not in self.roots:
            self.roots[part] = self.pkg.xml(part)
        return self.roots[part]

    def runs(self, part: str) -> list[Run]:
        if part not in self.parts:
            self.parts.append(part)
        return text_runs(self.root(part), self.parts.index(part))


def _has_images(root: etree._Element) -> bool:
    return next(root.iter("{*}ImageObject"), None) is not None


def load_ofd(data: bytes, source: str) -> IngestedDocument:
    """Read an OFD package (see module docstring)."""
    from pipeline.ingest.ofd_extras import metadata, ocr_pages

    pkg = open_package(data, source)
    reader = _Reader(pkg)
    pages: list[PageInfo] = []
    for doc_part in _doc_parts(pkg):
        pages.extend(_pages(pkg, doc_part, len(pages) + 1))
    if not pages:
        raise IngestError(source, "OFD 文件没有页面")
    texts: list[PageText] = []
    scanned: list[PageInfo] = []
    for info in pages:
        runs: list[Run] = []
        for tpl in info.templates:
            runs.extend(reader.runs(tpl))
        runs.extend(reader.runs(info.part))
        texts.append(page_text(runs))
        if not texts[-1].text.strip() and _has_images(reader.root(info.part)):
            scanned.append(info)
    warnings: list[str] = []
    extras: list[Extra] = []
    ocr_texts = ocr_pages(pkg, reader.root, scanned)
    if ocr_texts is None and scanned:
        if len(scanned) == len(pages):
            raise IngestError(source, "OFD 为扫描件（仅含图片），需 OCR")
        listed = "、".join(str(p.number) for p in scanned[:20])
        warnings.append(f"OFD 第 {listed} 页只有图片（扫描页），未纳入审查，需 OCR")
    refs: list[CharRef | None] = []
    boxes: list[Box | None] = []
    starts: list[int] = []
    pieces: list[str] = []
    for n, page in enumerate(texts):
        if n:
            pieces.append(PAGE_BREAK)
            refs.extend([None] * len(PAGE_BREAK))
            boxes.extend([None] * len(PAGE_BREAK))
        starts.append(len(refs))
        text, page_refs, page_boxes = page.text, page.refs, page.boxes
        ocr = (ocr_texts or {}).get(pages[n].number)
        if ocr is not None:  # a scanned page: the text its images hold
            text, found, page_boxes = ocr
            page_refs = [None] * len(text)
            for extra in found:
                extra.start += len(refs)
                extra.end += len(refs)
                extras.append(extra)
        pieces.append(text)
        refs.extend(page_refs)
        boxes.extend(page_boxes)
    body = "".join(pieces)
    meta_text, meta = metadata(pkg, pages, len(body) + len(EXTRA_SEPARATOR), warnings)
    if meta:
        body += EXTRA_SEPARATOR + meta_text
        extras.extend(meta)
    if not body.strip():
        raise IngestError(source, "OFD 文件中没有文字")
    markup = OfdMarkup(data, reader.parts, refs, boxes, starts, extras)
    return IngestedDocument(text=body, kind="ofd", source=source, markup=markup, warnings=warnings)


def _round(box: Box) -> list[float]:
    return [round(v, 2) for v in box]


def locate_ofd(markup: OfdMarkup, start: int, end: int) -> dict[str, Any] | None:
    """``{"page": n, "box": [x0, y0, x1, y1], "unit": "mm"}`` of a span on a page (the box
    of its characters on the page it starts on); metadata: ``{"part": "文档信息 作者"}``."""
    for extra in markup.extras:
        if extra.kind != "image" and extra.start <= start < extra.end:
            part = extra.label.split("：", 1)[0]
            out: dict[str, Any] = {"part": part.removesuffix(f" 第{extra.page}页")}
            if extra.page:  # an annotation: its page, the part says 注释
                out["page"] = extra.page
            return out
    if start >= len(markup.refs):
        return None
    page = bisect_right(markup.page_starts, start)
    if page == 0:
        return None
    limit = markup.page_starts[page] if page < len(markup.page_starts) else len(markup.refs)
    found = [b for b in markup.boxes[start : min(end, limit)] if b is not None]
    if not found:
        return {"page": page}
    box = (
        min(b[0] for b in found),
        min(b[1] for b in found),
        max(b[2] for b in found),
        max(b[3] for b in found),
    )
    return {"page": page, "box": _round(box), "unit": "mm"}
