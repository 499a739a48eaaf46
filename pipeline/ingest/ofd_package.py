"""The OFD package (GB/T 33190-2016): a ZIP of XML parts. Safe reading of its members.

Members are read within the archive limits of :mod:`pipeline.ingest.archive` (member count,
total size, compression ratio); XML is parsed without entities, DTDs or network access.
Element names are matched by local name (``{*}Page``), so files written with the
``http://www.ofdspec.org/2016`` namespace, with another prefix or with none are all read.
Paths inside the package: ``/Doc_0/…`` is from the package root, anything else is relative to
the directory of the part that names it.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from pipeline.ingest.archive import LIMITS, ArchiveLimits
from pipeline.ingest.model import IngestError

NS = "http://www.ofdspec.org/2016"
ROOT = "OFD.xml"


def is_ofd(names: list[str]) -> bool:
    """A ZIP is an OFD package when it holds ``OFD.xml`` at its root."""
    return any(n.lstrip("/").lower() == "ofd.xml" for n in names)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(raw: bytes, source: str, part: str) -> etree._Element:
    """An XML part, parsed safely; ``IngestError`` naming the file and the part if broken."""
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise IngestError(source, f"OFD 文件损坏：{part} 不是有效的 XML（{exc.msg}）") from exc
    if root is None:
        raise IngestError(source, f"OFD 文件损坏：{part} 为空")
    return root


def local(el: etree._Element) -> str:
    """The element's name without namespace."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def child(el: etree._Element, name: str) -> etree._Element | None:
    return el.find(f"{{*}}{name}")


def child_text(el: etree._Element, path: str) -> str:
    """The stripped text of the element at ``a/b/c`` (local names) below ``el``, or ''."""
    node: etree._Element | None = el
    for name in path.split("/"):
        node = child(node, name) if node is not None else None
    return (node.text or "").strip() if node is not None else ""


def resolve(base_part: str, loc: str) -> str:
    """The member name of ``loc`` as named in ``base_part``."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        path = loc.lstrip("/")
    else:
        path = posixpath.join(posixpath.dirname(base_part), loc)
    return posixpath.normpath(path).lstrip("/")


@dataclass(slots=True)
class Package:
    """The members of an OFD package, read lazily and within limits."""

    source: str
    zf: zipfile.ZipFile
    limits: ArchiveLimits = LIMITS
    names: dict[str, str] = field(default_factory=dict)  # lower-cased normalised → real
    total: int = 0

    def find(self, part: str) -> str | None:
        """The real member name of ``part`` (case-insensitive, leading '/' ignored)."""
        return self.names.get(posixpath.normpath(part).lstrip("/").lower())

    def read(self, part: str) -> bytes:
        """A member's bytes; ``IngestError`` when missing or over a limit."""
        real = self.find(part)
        if real is None:
            raise IngestError(self.source, f"OFD 文件不完整：缺少 {part}")
        info = self.zf.getinfo(real)
        lim = self.limits
        if info.flag_bits & 0x1:
            raise IngestError(self.source, "OFD 文件已加密，无法读取")
        if info.file_size > lim.max_member_bytes or (
            info.file_size > lim.ratio_floor
            and info.file_size > lim.max_ratio * max(1, info.compress_size)
        ):
            raise IngestError(self.source, f"OFD 文件中的 {part} 过大或压缩比异常（疑似压缩炸弹）")
        room = min(lim.max_member_bytes, lim.max_total_bytes - self.total)
        out = io.BytesIO()
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(1 << 20):
                    out.write(chunk)
                    if out.tell() > room:
                        raise IngestError(
                            self.source, "OFD 文件解压后过大（疑似压缩炸弹），已拒绝读取"
                        )
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise IngestError(self.source, f"OFD 文件损坏：{part} 无法解压（{exc}）") from exc
        self.total += out.tell()
        return out.getvalue()

    def xml(self, part: str) -> etree._Element:
        return parse_xml(self.read(part), self.source, part)


def open_package(data: bytes, source: str, limits: ArchiveLimits | None = None) -> Package:
    """Open the ZIP; ``IngestError`` if it is no ZIP, has too many members or no OFD.xml."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(source, f"OFD 文件损坏，无法读取（不是有效的 ZIP 包：{exc}）") from exc
    pkg = Package(source, zf, limits or LIMITS)
    if len(infos) > pkg.limits.max_members:
        raise IngestError(source, f"OFD 包中的文件过多（超过 {pkg.limits.max_members} 个）")
    for info in infos:
        if not info.is_dir():
            norm = posixpath.normpath(info.filename.replace("\\", "/")).lstrip("/")
            pkg.names.setdefault(norm.lower(), info.filename)
    if pkg.find(ROOT) is None:
        raise IngestError(source, "不是有效的 OFD 文件（包中缺少 OFD.xml）")
    return pkg


@dataclass(slots=True)
class Media:
    """An image resource: its member name and the resource file declaring it."""

    part: str
    res_part: str


def media_files(pkg: Package, res_parts: list[str]) -> dict[str, Media]:
    """``MultiMedia`` ID → image member, from the given resource files (missing ones skipped)."""
    out: dict[str, Media] = {}
    for res_part in res_parts:
        if pkg.find(res_part) is None:
            continue
        root = pkg.xml(res_part)
        base = resolve(res_part, root.get("BaseLoc", "") or ".")
        for mm in root.iter("{*}MultiMedia"):
            loc = child_text(mm, "MediaFile")
            if mm.get("ID") and loc:
                out[mm.get("ID", "")] = Media(resolve(base + "/x", loc), res_part)
    return out
