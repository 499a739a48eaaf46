"""``zwgk redact`` / ``zwgk screen`` on WPS and Word 97 files and on a .7z holding one: the
redacted file is a .docx (inside the archive too), findings name the archive member."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from pipeline.cli import main
from tests.office_builder import HOUSEHOLDS, PARTY, converted, docx_text, must_redact, needs_soffice

py7zr = pytest.importorskip("py7zr")
pytestmark = needs_soffice


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def test_cli_redacts_a_wps_file_into_a_docx(tmp_path, capsys):
    src = tmp_path / "城乡低保公示（第三季度）.wps"  # WPS Office writes OLE Word files
    src.write_bytes(converted("doc"))
    assert main(["redact", str(src), "-o", str(tmp_path / "公示.wps")]) == 0
    out = tmp_path / "公示.docx"
    assert out.is_file() and not (tmp_path / "公示.wps").exists()
    err = capsys.readouterr().err
    assert "已输出为 .docx" in err and str(out) in err and "LibreOffice" in err
    text = docx_text(out.read_bytes())
    assert not [v for v in must_redact() if v in text]
    assert HOUSEHOLDS[2][0] in text and "监督电话" in text


def test_cli_screens_and_redacts_a_7z_with_a_word_member(tmp_path, capsys):
    buf = io.BytesIO()
    with py7zr.SevenZipFile(buf, "w") as z:
        z.writestr(converted("doc"), "2024年/处罚决定书.doc")
        z.writestr("附件说明：名单见处罚决定书。".encode(), "说明.txt")
    src = tmp_path / "信息公开附件.7z"
    src.write_bytes(buf.getvalue())
    assert main(["screen", "--json", str(src)]) == 2  # block: IDs in the member
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    member = f"{src}!2024年/处罚决定书.doc"
    assert [r["path"] for r in records] == [member, f"{src}!说明.txt"]
    ids = {f["text"]: f["location"] for f in records[0]["findings"] if f["entity"] == "ID_CARD"}
    assert ids[PARTY[1]] == {"member": member}

    assert main(["redact", str(src), "-o", str(tmp_path / "脱敏.7z")]) == 0
    with zipfile.ZipFile(tmp_path / "脱敏.zip") as zf:
        assert sorted(zf.namelist()) == ["2024年/处罚决定书.docx", "说明.txt"]
        text = docx_text(zf.read("2024年/处罚决定书.docx"))
    assert not [v for v in must_redact() if v in text] and "户主姓名" in text
