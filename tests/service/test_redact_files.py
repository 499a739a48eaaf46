"""``/v1/redact`` with an uploaded HTML or DOCX file answers with the redacted file in its
own format, byte for byte what ``zwgk redact FILE -o OUT`` writes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from api.redacted import DOCX_TYPE
from pipeline.cli import main

ID = "341502198503121230"
REPLY = f"申请人张晓明，身份证号{ID}，联系电话13812345678。"
PAGE = (
    '<html><head><meta charset="gb18030"><title>答复</title></head><body>'
    f'<div class="zw"><p>政府信息公开申请答复书</p><p style="color:red">{REPLY}</p></div>'
    "</body></html>"
)


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _cli_redact(src: Path, tmp_path: Path) -> bytes:
    out = tmp_path / f"cli{src.suffix}"
    assert main(["redact", str(src), "-o", str(out)]) == 0
    return out.read_bytes()


def _docx(path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("政府信息公开申请答复书")
    para = doc.add_paragraph()
    para.add_run("申请人").bold = True
    para.add_run(REPLY.removeprefix("申请人"))
    doc.save(str(path))


def test_uploaded_html_comes_back_as_redacted_html_like_the_cli(client, keys, tmp_path):
    src = tmp_path / "notice.html"
    src.write_bytes(PAGE.encode("gb18030"))
    files = {"file": ("notice.html", src.read_bytes(), "text/html")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=gb18030"
    assert r.content == _cli_redact(src, tmp_path)
    page = r.content.decode("gb18030")
    assert '<p style="color:red">' in page and "<title>答复</title>" in page
    assert ID not in page and "3415**********1230" in page and "138****5678" in page
    assert r.headers["x-zwgk-verdict"] == "block" and int(r.headers["x-zwgk-redactions"]) >= 3
    assert "notice.redacted.html" in r.headers["content-disposition"]


def test_uploaded_docx_comes_back_as_redacted_docx_with_its_formatting(client, keys, tmp_path):
    from docx import Document

    src = tmp_path / "reply.docx"
    _docx(src)
    files = {"file": ("reply.docx", src.read_bytes(), "application/octet-stream")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200 and r.headers["content-type"] == DOCX_TYPE
    got = Document(io.BytesIO(r.content))
    cli = Document(io.BytesIO(_cli_redact(src, tmp_path)))
    texts = [p.text for p in got.paragraphs]
    assert texts == [p.text for p in cli.paragraphs]
    assert ID not in "".join(texts) and "3415**********1230" in texts[1]
    assert got.paragraphs[1].runs[0].bold  # run formatting kept
    assert "reply.redacted.docx" in r.headers["content-disposition"]


def test_json_is_still_the_answer_for_text_and_when_only_json_is_accepted(client, keys):
    headers = bearer(keys["reviewer"])
    r = client.post("/v1/redact", json={"text": REPLY, "id": "7"}, headers=headers)
    assert r.headers["content-type"] == "application/json"
    assert r.json()["id"] == "7" and ID not in r.json()["redacted"]
    txt = {"file": ("reply.txt", REPLY.encode(), "text/plain")}
    assert client.post("/v1/redact", files=txt, headers=headers).json()["redactions"] >= 3
    html = {"file": ("notice.html", PAGE.encode("gb18030"), "text/html")}
    r = client.post("/v1/redact", files=html, headers={**headers, "Accept": "application/json"})
    assert r.headers["content-type"] == "application/json"
    assert "<p" not in r.json()["redacted"] and ID not in r.json()["redacted"]
