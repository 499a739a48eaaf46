"""The service takes spreadsheet and .zip uploads: /v1/screen locates findings by cell,
/v1/redact answers with the redacted workbook / archive, the same bytes' content as the CLI."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import quote

import pytest

from api.redacted import XLSX_TYPE
from tests.sheet_builder import IDS, all_cell_strings, roster_xlsx


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def test_screen_upload_locates_cells(client, keys):
    roster = roster_xlsx(hidden_sheet="备查", rows=2)
    files = {"file": ("低保公示.xlsx", roster.data, XLSX_TYPE)}
    r = client.post("/v1/screen", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    cells = {
        f["text"]: (f["location"]["sheet"], f["location"]["cell"])
        for f in r.json()["findings"]
        if f["entity"] == "ID_CARD"
    }
    assert cells == roster.id_cells


def test_redact_upload_returns_workbook_and_zip(client, keys):
    roster = roster_xlsx(rows=3)
    files = {"file": ("名单.xlsx", roster.data, "application/octet-stream")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200 and r.headers["content-type"] == XLSX_TYPE
    assert quote("名单.redacted.xlsx") in r.headers["content-disposition"]
    cells = all_cell_strings(r.content)
    assert not any(value in c for value in IDS[:3] for c in cells)
    assert "户主姓名" in cells

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("一组/名单.xlsx", roster.data)
    files = {"file": ("附件.zip", buf.getvalue(), "application/zip")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        member = zf.read("一组/名单.xlsx")
    assert not any(value in c for value in IDS[:3] for c in all_cell_strings(member))
