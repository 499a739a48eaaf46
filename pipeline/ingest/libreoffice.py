"""LibreOffice headless as a converter: ``soffice --headless --convert-to <target>`` on bytes.

Each conversion runs as a subprocess in its own process group with a throwaway profile
directory (parallel conversions never share one; it is written with macros disabled, remote
content blocked and link updates off, so a document cannot make the server fetch a URL), a
timeout (``ZWGK_SOFFICE_TIMEOUT`` seconds, default 120) after which the whole group is killed,
at most ``ZWGK_SOFFICE_JOBS`` (default: the number of cores) at once per process, and the
temporary directory removed in every case. Used by :mod:`pipeline.ingest.office` (.doc/.wps/
.rtf/.odt → .docx) and :mod:`pipeline.ingest.spreadsheet` (.xls/.et → .xlsx).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from pipeline.ingest.model import IngestError

INSTALL = (
    "需要 LibreOffice 才能读取此格式，但本机未安装（Debian/Ubuntu："
    "sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）；"
    "或在 Word/WPS 中另存为 {target} 后再处理"
)
DEFAULT_TIMEOUT = 120.0
TIMEOUT_ENV = "ZWGK_SOFFICE_TIMEOUT"
JOBS_ENV = "ZWGK_SOFFICE_JOBS"


def soffice() -> str | None:
    """The LibreOffice executable on PATH (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout() -> float:
    """Seconds one conversion may take (``ZWGK_SOFFICE_TIMEOUT``, default 120)."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, "") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


#: Settings of the throwaway profile: no macros, no remote content (images or links a document
#: refers to by URL are not fetched: an upload must not make the server request addresses),
#: no update of linked files when loading (Writer: 0 never; Calc: 1 never).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop
 oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop
 oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
"""


def command(
    binary: str, src: Path, outdir: Path, profile: Path, target: str, infilter: str | None
) -> list[str]:
    """The LibreOffice command line converting ``src`` into ``outdir``."""
    cmd = [
        binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
        "--nologo", "--norestore", "--nolockcheck", "--nodefault",
    ]  # fmt: skip
    if infilter:
        cmd.append(f"--infilter={infilter}")
    return [*cmd, "--convert-to", target, "--outdir", str(outdir), str(src)]


def _jobs() -> int:
    try:
        return max(1, int(os.environ.get(JOBS_ENV) or 0) or os.cpu_count() or 2)
    except ValueError:
        return os.cpu_count() or 2


#: conversions running at once in this process (the service's thread pool): one per core
_SLOTS = threading.BoundedSemaphore(_jobs())


def _run(cmd: list[str], source: str, limit: float) -> None:
    with _SLOTS:
        _run_one(cmd, source, limit)


def _run_one(cmd: list[str], source: str, limit: float) -> None:
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    try:
        proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired as exc:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if hasattr(os, "killpg"):
                os.killpg(proc.pid, signal.SIGKILL)  # soffice and its soffice.bin child
            else:  # pragma: no cover - Windows
                proc.kill()
        proc.communicate()
        raise IngestError(
            source,
            f"LibreOffice 转换超时（超过 {limit:g} 秒，已终止），文件可能已加密、损坏或过于复杂"
            f"（时限可用环境变量 {TIMEOUT_ENV} 调整）",
        ) from exc


def convert(
    data: bytes, source: str, target: str, suffix: str, infilter: str | None = None
) -> bytes:
    """``data`` converted by LibreOffice to ``target`` (docx, xlsx); ``suffix`` names the
    temporary input file (LibreOffice also looks at it). ``IngestError`` when LibreOffice is
    missing, times out or writes nothing."""
    binary = soffice()
    if binary is None:
        raise IngestError(source, INSTALL.format(target=f".{target}"))
    tmp = Path(tempfile.mkdtemp(prefix="zwgk-soffice-"))
    try:
        src = tmp / f"input{suffix}"
        src.write_bytes(data)
        outdir, profile = tmp / "out", tmp / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS)
        _run(command(binary, src, outdir, profile, target, infilter), source, timeout())
        result = outdir / f"input.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise IngestError(
                source, "LibreOffice 无法读取此文件（文件已损坏、已加密或格式不受支持）"
            )
        return result.read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
