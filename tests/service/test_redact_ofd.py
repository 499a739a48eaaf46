"""The service takes OFD uploads: /v1/screen locates findings by page and box (mm),
/v1/redact answers with the redacted OFD package."""

from __future__ import annotations

import pytest

from tests.ofd_builder import Spec, Text, members, ofd_bytes
from tests.sheet_builder import IDS, PHONES


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _reply() -> bytes:
    return ofd_bytes(
        Spec(
            pages=[
                [Text(28, 30, "政府信息公开申请答复书", 5.5)],
                [
                    Text(25, 40, f"申请人身份证号{IDS[2]}，", 3.5, split=7),
                    Text(25, 47, f"联系电话{PHONES[2]}。", 3.5),
                ],
            ]
        )
    )


def test_ofd_upload_is_located_and_redacted_in_kind(client, keys):
    auth = {"Authorization": f"Bearer {keys['reviewer']}"}
    files = {"file": ("答复书.ofd", _reply(), "application/octet-stream")}
    r = client.post("/v1/screen", files=files, headers=auth)
    assert r.status_code == 200, r.text
    where = {f["text"]: f["location"] for f in r.json()["findings"]}
    assert where[IDS[2]]["page"] == 2 and where[IDS[2]]["unit"] == "mm"
    assert where[IDS[2]]["box"][0] == pytest.approx(25 + 7 * 3.5)
    r = client.post("/v1/redact", files=files, headers=auth)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/ofd")
    assert "%E7%AD%94%E5%A4%8D%E4%B9%A6.redacted.ofd" in r.headers["content-disposition"]
    blob = b"".join(members(r.content).values())
    assert IDS[2].encode() not in blob and PHONES[2].encode() not in blob
    assert "政府信息公开申请答复书".encode() in blob
