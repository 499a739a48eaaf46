""".zip and .7z archives: every member is a document of its own, named ``a.zip!dir/member.xlsx``.

Members are read recursively (a .zip inside a .zip), within limits against zip bombs: member
count, total uncompressed size, nesting depth and, for large members, the compression ratio.
The sizes are enforced while decompressing (a header may lie). A member that cannot be read
(unsupported type, damaged, encrypted, over a limit) gives a Chinese error naming it, in
``ArchiveMarkup.errors`` and in the warnings; the other members are still read.

The archive's text is its members' texts joined by a blank line (``ArchiveMarkup.members``
keep each one's offset), so the whole archive can be screened as one document and every
finding traced to its member; :func:`pipeline.redact.sheet_writer.archive_bytes` writes a .zip
of the redacted members (members that could not be screened are left out; a .7z is answered
with a .zip too). .7z members come from :mod:`pipeline.ingest.sevenzip` under the same limits.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.ingest.model import MAX_BYTES, IngestedDocument, IngestError
from pipeline.ingest.sevenzip import OUTPUT_NOTE, SEVEN_ZIP_MAGIC

MEMBER_SEPARATOR = "\n\n"
Reader = Callable[[str], bytes]
_SKIPPED_PREFIXES = ("__MACOSX/",)
_SKIPPED_NAMES = (".DS_Store",)


@dataclass(slots=True, frozen=True)
class ArchiveLimits:
    """Bounds on what one archive (with everything nested in it) may expand to."""

    max_members: int = 2000
    max_total_bytes: int = 200 * 1024 * 1024
    max_member_bytes: int = MAX_BYTES
    max_depth: int = 3
    #: uncompressed/compressed above this is refused for members over ``ratio_floor`` bytes
    max_ratio: float = 100.0
    ratio_floor: int = 1024 * 1024


LIMITS = ArchiveLimits()


@dataclass(slots=True)
class Member:
    """One screened member: its path inside the archive, its text offset, its document."""

    name: str
    base: int
    doc: IngestedDocument


@dataclass(slots=True)
class ArchiveMarkup:
    members: list[Member] = field(default_factory=list)
    #: Chinese error messages of the members that could not be read (each names its member)
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Budget:
    limits: ArchiveLimits
    members: int = 0
    total: int = 0


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names stored in GBK without the UTF-8 flag (Chinese Windows) are
    decoded as such instead of as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gb18030")
    return name


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, budget: _Budget) -> bytes:
    lim = budget.limits
    if info.flag_bits & 0x1:
        raise IngestError(label, "压缩包成员已加密（设有密码），无法审查")
    if info.file_size > lim.max_member_bytes:
        raise IngestError(label, f"压缩包成员过大（上限 {lim.max_member_bytes // 2**20} MB）")
    if info.file_size > lim.ratio_floor and info.file_size > lim.max_ratio * max(
        info.compress_size, 1
    ):
        ratio = info.file_size / max(info.compress_size, 1)
        raise IngestError(label, f"压缩比异常（{ratio:.0f} 倍，疑似压缩炸弹），已拒绝解压")
    room = min(lim.max_member_bytes, lim.max_total_bytes - budget.total)
    out = io.BytesIO()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                out.write(chunk)
                if out.tell() > room:
                    break
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise IngestError(label, f"压缩包成员损坏，无法解压（{exc}）") from exc
    except NotImplementedError as exc:
        raise IngestError(label, f"压缩包成员使用了不支持的压缩方法（{exc}）") from exc
    if out.tell() > room:
        if room < lim.max_member_bytes:
            raise IngestError(
                label,
                f"解压总量超过上限（{lim.max_total_bytes // 2**20} MB，疑似压缩炸弹），"
                "此成员及其后的成员未审查",
            )
        raise IngestError(label, f"压缩包成员过大（上限 {lim.max_member_bytes // 2**20} MB）")
    data = out.getvalue()
    big = info.compress_size and len(data) > lim.ratio_floor
    if big and len(data) > lim.max_ratio * info.compress_size:
        ratio = len(data) / info.compress_size
        raise IngestError(label, f"压缩比异常（{ratio:.0f} 倍，疑似压缩炸弹），已拒绝解压")
    budget.total += len(data)
    return data


def _load_member(data: bytes, label: str, depth: int, budget: _Budget) -> IngestedDocument:
    from pipeline.ingest import _kind, load_bytes

    if not data:
        raise IngestError(label, "文件为空")
    if _kind(data, label) == "zip":
        return _load(data, label, depth + 1, budget)
    return load_bytes(data, label, max_bytes=budget.limits.max_member_bytes)


def _skipped(name: str) -> bool:
    return name.startswith(_SKIPPED_PREFIXES) or name.rsplit("/", 1)[-1] in _SKIPPED_NAMES


def _entries(data: bytes, source: str, budget: _Budget) -> list[tuple[str, Reader]]:
    """``(name, read)`` for every file of a .zip or a .7z (``read(label)`` → its bytes)."""
    from pipeline.ingest.sevenzip import seven_zip_members

    if data.startswith(SEVEN_ZIP_MAGIC):
        return seven_zip_members(data, source, budget, _skipped)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise IngestError(source, f"ZIP 压缩包损坏，无法读取（{exc}）") from exc

    def reader(info: zipfile.ZipInfo) -> Reader:
        return lambda label: _read(zf, info, label, budget)

    return [
        (_member_name(i), reader(i)) for i in infos if not i.is_dir() and not _skipped(i.filename)
    ]


def _load(data: bytes, source: str, depth: int, budget: _Budget) -> IngestedDocument:
    lim = budget.limits
    if depth > lim.max_depth:
        raise IngestError(source, f"压缩包嵌套层数超过上限（{lim.max_depth} 层），未审查")
    files = _entries(data, source, budget)
    budget.members += len(files)
    if budget.members > lim.max_members:
        raise IngestError(
            source, f"压缩包中的文件过多（超过 {lim.max_members} 个，疑似压缩炸弹），未审查"
        )
    markup = ArchiveMarkup()
    warnings: list[str] = []
    parts: list[str] = []
    length = 0
    for name, read in files:
        label = f"{source}!{name}"
        try:
            doc = _load_member(read(label), label, depth, budget)
        except IngestError as exc:
            markup.errors.append(exc.message)
            if "解压总量超过上限" in exc.problem:
                break
            continue
        except Exception as exc:  # a reader's unexpected failure must not stop the others
            markup.errors.append(f"{label}：无法读取（{type(exc).__name__}）")
            continue
        if isinstance(doc.markup, ArchiveMarkup):
            markup.errors.extend(doc.markup.errors)
            warnings.extend(w for w in doc.warnings if w not in doc.markup.errors)
        else:
            warnings.extend(f"{label}：{w}" for w in doc.warnings)
        if parts:
            parts.append(MEMBER_SEPARATOR)
            length += len(MEMBER_SEPARATOR)
        markup.members.append(Member(name, length, doc))
        parts.append(doc.text)
        length += len(doc.text)
    if not markup.members:
        detail = "；".join(markup.errors[:3]) if markup.errors else "压缩包中没有文件"
        raise IngestError(source, f"压缩包中没有可审查的文件（{detail}）")
    if markup.errors and depth == 0:
        warnings = markup.errors + warnings
        warnings.append(f"{len(markup.errors)} 个成员未能审查，脱敏后的压缩包中不包含这些成员")
    elif markup.errors:
        warnings = markup.errors + warnings
    if data.startswith(SEVEN_ZIP_MAGIC):
        warnings.append(OUTPUT_NOTE)
    return IngestedDocument(
        text="".join(parts), kind="zip", source=source, markup=markup, warnings=warnings
    )


def load_archive(data: bytes, source: str, limits: ArchiveLimits | None = None) -> IngestedDocument:
    """Read a .zip and its members (see module docstring); ``IngestError`` when the archive
    itself is unreadable, over the member-count limit or has no readable member."""
    return _load(data, source, 0, _Budget(limits or LIMITS))


def leaves(doc: IngestedDocument) -> list[IngestedDocument]:
    """The documents an archive holds, nested archives flattened (the document itself
    when it is not an archive)."""
    if not isinstance(doc.markup, ArchiveMarkup):
        return [doc]
    return [leaf for m in doc.markup.members for leaf in leaves(m.doc)]


def locate_member(markup: ArchiveMarkup, start: int, end: int) -> tuple[Member, int] | None:
    """The member a text span starts in, and the span's offset inside that member's text."""
    for member in reversed(markup.members):
        if member.base <= start:
            if start < member.base + len(member.doc.text):
                return member, member.base
            return None
    return None
