""".7z archives (py7zr, pure Python): the members of a .7z for :mod:`pipeline.ingest.archive`,
within the same limits as a .zip.

The listing gives every member's uncompressed size, which also bounds what py7zr decompresses;
members over the per-member size, the compression-ratio or the total-size limit are refused
(each with its own Chinese error) before anything is decompressed, and the remaining members
are extracted in one pass (a solid archive decompresses each block once) with py7zr's own
``max_extract_size`` as a second guard. An archive with a password (encrypted contents or an
encrypted header) is refused as a whole. The redacted output of a .7z is a .zip of the
redacted members (:mod:`pipeline.redact.sheet_writer`). RAR archives cannot be read: no
maintained pure-Python reader exists (``rarfile`` needs the non-free ``unrar`` tool).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pipeline.ingest.model import IngestError

if TYPE_CHECKING:
    from pipeline.ingest.archive import _Budget

SEVEN_ZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
RAR_MAGIC = b"Rar!\x1a\x07"
RAR_REFUSED = (
    "暂不支持 RAR 压缩包（读取 RAR 需要外部的 unrar 工具，非自由许可，离线环境不可用），"
    "请解压后重新打包为 .zip 或 .7z 再处理"
)
OUTPUT_NOTE = "7z 压缩包脱敏后输出为 .zip 压缩包（成员名称不变）"
_MB = 2**20


@dataclass(slots=True)
class _Extraction:
    """Members accepted for extraction; decompressed together on first use."""

    data: bytes
    source: str
    names: list[str] = field(default_factory=list)
    limit: int = 0
    files: dict[str, bytes] | None = None
    error: IngestError | None = None

    def get(self, name: str, label: str) -> bytes:
        if self.files is None and self.error is None:
            try:
                self.files = _extract(self.data, self.source, self.names, self.limit)
            except IngestError as exc:
                self.error = exc
        if self.error is not None:
            raise IngestError(label, self.error.problem)
        if self.files is None or name not in self.files:
            raise IngestError(label, "压缩包成员损坏，无法解压")
        return self.files[name]


def _open(data: bytes, source: str) -> Any:
    import py7zr

    try:
        archive = py7zr.SevenZipFile(io.BytesIO(data))
    except py7zr.exceptions.PasswordRequired as exc:
        raise IngestError(source, "7z 压缩包已加密（设有密码），无法审查") from exc
    except Exception as exc:  # Bad7zFile, UnsupportedCompressionMethodError, EOFError …
        raise IngestError(source, f"7z 压缩包损坏，无法读取（{type(exc).__name__}）") from exc
    if archive.needs_password():
        archive.close()
        raise IngestError(source, "7z 压缩包已加密（设有密码），无法审查")
    return archive


def _extract(data: bytes, source: str, names: list[str], limit: int) -> dict[str, bytes]:
    from py7zr.io import BytesIOFactory

    if not names:
        return {}
    factory = BytesIOFactory(limit + 1)
    archive = _open(data, source)
    try:
        archive.max_extract_size = limit
        archive.extract(targets=names, factory=factory)
    except Exception as exc:  # DecompressionBombError, CrcError, LZMAError …
        if type(exc).__name__ == "DecompressionBombError":
            raise IngestError(source, "解压总量超过上限（疑似压缩炸弹），未审查") from exc
        raise IngestError(source, f"7z 压缩包损坏，无法解压（{type(exc).__name__}）") from exc
    finally:
        archive.close()
    out: dict[str, bytes] = {}
    for name in names:
        product = factory.products.get(name)
        if product is not None:
            product.seek(0)
            out[name] = product.read()
    return out


def _refusal(info: Any, label: str, budget: _Budget, planned: int) -> IngestError | None:
    lim = budget.limits
    size = int(info.uncompressed or 0)
    if size > lim.max_member_bytes:
        return IngestError(label, f"压缩包成员过大（上限 {lim.max_member_bytes // _MB} MB）")
    packed = info.compressed
    if packed and size > lim.ratio_floor and size > lim.max_ratio * packed:
        return IngestError(label, f"压缩比异常（{size / packed:.0f} 倍，疑似压缩炸弹），已拒绝解压")
    if budget.total + planned + size > lim.max_total_bytes:
        return IngestError(
            label,
            f"解压总量超过上限（{lim.max_total_bytes // _MB} MB，疑似压缩炸弹），"
            "此成员及其后的成员未审查",
        )
    return None


def seven_zip_members(
    data: bytes, source: str, budget: _Budget, skip: Callable[[str], bool]
) -> list[tuple[str, Callable[[str], bytes]]]:
    """``(name, read)`` for every file of a .7z (``read(label)`` returns its bytes or raises
    ``IngestError``); ``skip(name)`` drops system files. Nothing is decompressed here."""
    archive = _open(data, source)
    try:
        infos = [i for i in archive.list() if not i.is_directory and not skip(i.filename)]
    finally:
        archive.close()
    lim = budget.limits
    declared = sum(int(i.uncompressed or 0) for i in infos)
    if declared > lim.ratio_floor and declared > lim.max_ratio * max(len(data), 1):
        ratio = declared / max(len(data), 1)
        raise IngestError(source, f"压缩比异常（{ratio:.0f} 倍，疑似压缩炸弹），已拒绝解压")
    job = _Extraction(data, source)
    entries: list[tuple[str, Callable[[str], bytes]]] = []
    planned = 0
    for info in infos:
        name, size = info.filename, int(info.uncompressed or 0)
        refusal = _refusal(info, f"{source}!{name}", budget, planned)
        if refusal is None and size:
            job.names.append(name)
            planned += size
        entries.append((name, _reader(job, name, size, refusal, budget)))
    job.limit = planned
    return entries


def _reader(
    job: _Extraction, name: str, size: int, refusal: IngestError | None, budget: _Budget
) -> Callable[[str], bytes]:
    def read(label: str) -> bytes:
        if refusal is not None:
            raise refusal
        if not size:
            return b""
        content = job.get(name, label)
        if len(content) != size:
            raise IngestError(label, "压缩包成员损坏，无法解压（大小与目录不符）")
        budget.total += len(content)
        return content

    return read
