"""/v1/redact answers an .rtf upload with a redacted .docx; without LibreOffice a .doc upload
gets a 422 saying how to install it."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from api.redacted import DOCX_TYPE
from pipeline.ingest import libreoffice
from tests.office_builder import PARTY, converted, docx_text, must_redact, needs_soffice


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


@needs_soffice
def test_rtf_upload_is_answered_with_a_redacted_docx(client, keys):
    files = {"file": ("处罚决定书.rtf", converted("rtf"), "application/rtf")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == DOCX_TYPE
    assert quote("处罚决定书.redacted.docx") in r.headers["content-disposition"]
    text = docx_text(r.content)
    assert not [v for v in must_redact() if v in text] and "行政处罚决定书" in text


def test_doc_upload_without_libreoffice_is_a_clear_422(client, keys, monkeypatch):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 56 + "WordDocument".encode("utf-16-le")
    files = {"file": ("决定书.doc", ole + PARTY[1].encode() * 20, "application/msword")}
    r = client.post("/v1/screen", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert "决定书.doc" in detail and "libreoffice-writer-nogui" in detail
