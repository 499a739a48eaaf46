"""File-type dispatch, limits and error messages of ``load_path`` / ``load_bytes``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.ingest import IngestedDocument, IngestError, load_bytes, load_path


def test_unsupported_extension(tmp_path):
    path = tmp_path / "名单.pptx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(IngestError) as info:
        load_path(path)
    assert "不支持的文件类型 .pptx" in info.value.message
    assert "名单.pptx" in info.value.message


def test_too_large_is_rejected_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:  # sparse: 51 MB on paper, nothing on disk
        fh.truncate(51 * 1024 * 1024)
    with pytest.raises(IngestError, match=r"文件过大（上限 50 MB）"):
        load_path(path)
    with pytest.raises(IngestError, match=r"文件过大（上限 1.5 MB）"):
        load_path(path, max_bytes=1536 * 1024)
    with pytest.raises(IngestError, match="文件过大"):
        load_bytes(b"x" * 2000, "big.txt", max_bytes=1000)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(IngestError, match="文件不存在"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="不是文件"):
        load_path(tmp_path)


def test_content_contradicting_the_extension():
    with pytest.raises(IngestError, match="内容是 PDF"):
        load_bytes(b"%PDF-1.4\n...", "reply.txt")
    with pytest.raises(IngestError, match="图片"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "scan.txt")


def test_sniffing_without_an_extension():
    page = "<!DOCTYPE html><html><body><p>公示内容</p></body></html>".encode()
    assert load_bytes(page, "upload").kind == "html"
    assert load_bytes("公示内容".encode(), "upload").kind == "txt"


def test_result_type_and_error_fields():
    doc = load_bytes("申请人：张三".encode(), "a.txt")
    assert isinstance(doc, IngestedDocument)
    assert doc.warnings == []
    err = IngestError("a.pdf", "PDF 已加密")
    assert err.source == "a.pdf"
    assert err.message == "a.pdf：PDF 已加密"
    assert str(err) == err.message


def test_package_import_stays_light():
    code = (
        "import sys, pipeline.ingest, pipeline.redact.markup_writer\n"
        "heavy = [m for m in ('docx', 'pypdf', 'bs4', 'lxml', 'charset_normalizer') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
