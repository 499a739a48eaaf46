"""PDF uploads: ``/v1/screen`` locates findings by page and box, ``/v1/redact`` answers with
the redacted PDF, byte for byte what ``zwgk redact FILE -o OUT.pdf`` writes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pipeline.cli import main
from tests.check_digits import with_check
from tests.pdf_builder import pdf_bytes

ID = with_check("32010619870709281")
PHONE = "15996327741"
REPLY = [
    "政府信息公开申请答复书",
    f"申请人：钱立新（身份证号{ID}，联系电话{PHONE}）：",
    "你单位于2024年3月2日提出的申请收悉，现答复如下。",
]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def test_screen_upload_locates_pdf_findings(client, keys):
    files = {"file": ("答复书.pdf", pdf_bytes([["第一页"], REPLY]), "application/pdf")}
    r = client.post("/v1/screen", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    found = {f["text"]: f["location"] for f in r.json()["findings"]}
    assert found[ID]["page"] == 2 and found[PHONE]["page"] == 2
    assert found[ID]["box"][2] < found[PHONE]["box"][0]  # the number comes before the phone


def test_redact_upload_returns_a_redacted_pdf_like_the_cli(client, keys, tmp_path):
    data = pdf_bytes([REPLY, ["此页无个人信息"]])
    files = {"file": ("答复书.pdf", data, "application/pdf")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert "%E7%AD%94%E5%A4%8D%E4%B9%A6.redacted.pdf" in r.headers["content-disposition"]
    assert int(r.headers["x-zwgk-redactions"]) >= 2
    src = tmp_path / "答复书.pdf"
    src.write_bytes(data)
    assert main(["redact", str(src), "-o", str(tmp_path / "out.pdf")]) == 0
    assert r.content == (tmp_path / "out.pdf").read_bytes()
    pages = PdfReader(io.BytesIO(r.content)).pages
    assert len(pages) == 2 and pages[1].extract_text().strip() == "此页无个人信息"
    assert ID not in pages[0].extract_text() and ID.encode() not in r.content
    only_json = {**bearer(keys["reviewer"]), "Accept": "application/json"}
    r = client.post("/v1/redact", files=files, headers=only_json)
    assert r.headers["content-type"] == "application/json" and ID not in r.json()["redacted"]


def test_a_pdf_that_cannot_be_rebuilt_is_a_422_naming_the_file(client, keys, monkeypatch):
    import pikepdf

    def broken(*_args, **_kwargs):
        raise pikepdf.PdfError("xref damaged")

    monkeypatch.setattr(pikepdf, "open", broken)
    files = {"file": ("答复书.pdf", pdf_bytes([REPLY]), "application/pdf")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 422
    assert "答复书.pdf" in r.text and "PDF 无法重建为脱敏文件" in r.text
