"""Picture uploads: ``/v1/screen`` locates findings by page and pixel box, ``/v1/redact``
answers with the redacted picture in its own format, what ``zwgk redact FILE -o OUT`` writes."""

from __future__ import annotations

import io

import pytest

from pipeline.cli import main
from tests.check_digits import with_check
from tests.image_builder import encoded, needs_font, overlap, render

pytestmark = needs_font
ID = with_check("36010219790823451")
PHONE = "18679104432"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


@pytest.fixture(scope="module")
def notice():
    return render(
        [
            ["关于拟推荐见义勇为先进个人的公示"],
            [f"推荐人选：黄立群，公民身份号码{ID}，手机{PHONE}。"],
        ],
        font_px=26,
    )


def test_screen_upload_locates_picture_findings(client, keys, notice):
    files = {"file": ("公示.png", encoded(notice.image, "PNG"), "image/png")}
    r = client.post("/v1/screen", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    found = {f["text"]: f["location"] for f in r.json()["findings"]}
    assert found[ID]["page"] == 1 and found[PHONE]["page"] == 1
    assert overlap(found[ID]["box"], notice.box_of(ID)) > 0.8
    assert overlap(found[PHONE]["box"], notice.box_of(PHONE)) > 0.8


def test_redact_upload_returns_the_picture_like_the_cli(client, keys, notice, tmp_path):
    from PIL import Image

    data = encoded(notice.image, "JPEG", quality=93)
    files = {"file": ("公示.jpg", data, "image/jpeg")}
    r = client.post("/v1/redact", files=files, headers=bearer(keys["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "image/jpeg"
    assert "%E5%85%AC%E7%A4%BA.redacted.jpg" in r.headers["content-disposition"]
    assert int(r.headers["x-zwgk-redactions"]) >= 2
    assert Image.open(io.BytesIO(r.content)).size == notice.image.size
    src = tmp_path / "公示.jpg"
    src.write_bytes(data)
    assert main(["redact", str(src), "-o", str(tmp_path / "out.jpg")]) == 0
    assert r.content == (tmp_path / "out.jpg").read_bytes()
