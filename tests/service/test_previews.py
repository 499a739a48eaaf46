"""The reviewer page's thumbnails: pages with findings drawn server-side with their boxes."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest
from PIL import Image

from api.previews import COLOURS, MAX_SIDE, page_previews
from pipeline.ingest.image_file import ImageMarkup
from pipeline.ingest.model import IngestedDocument
from tests.check_digits import with_check
from tests.ofd_builder import Spec, Text, ofd_bytes
from tests.pdf_builder import pdf_bytes

ID = with_check("43010219761103452")
PHONE = "13974420915"
NOTICE = [
    "关于临时救助对象的公示",
    f"救助对象：欧阳红梅，身份证号{ID}，",
    f"联系电话{PHONE}，现予公示。",
]


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _picture(preview: dict) -> Image.Image:
    head, data = preview["image"].split(",", 1)
    assert head == "data:image/jpeg;base64"
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    assert image.size == (preview["width"], preview["height"])
    return image


def _close(pixel: tuple[int, int, int], rgb: tuple[int, int, int], tol: int = 60) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(pixel, rgb, strict=True))


def _edge_colour(image: Image.Image, box: list[float], rgb: tuple[int, int, int]) -> bool:
    """Whether the rectangle's left edge (just outside the box) is drawn in ``rgb``."""
    x0, y0, _x1, y1 = box
    x = max(0, round(x0) - 2)
    ys = range(round(y0), round(y1) + 1)
    return sum(_close(image.getpixel((x, y)), rgb) for y in ys) > len(ys) // 2


def _screen(client, keys, name: str, data: bytes, previews: bool = True) -> dict:
    auth = {"Authorization": f"Bearer {keys['reviewer']}"}
    url = "/v1/screen?previews=1" if previews else "/v1/screen"
    r = client.post(url, files={"file": (name, data, "application/octet-stream")}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()


def test_pdf_preview_only_for_the_page_with_findings(client, keys):
    data = pdf_bytes([["目录", "一、公示名单"], NOTICE, ["以上公示期为五个工作日。"]])
    body = _screen(client, keys, "公示.pdf", data)
    previews = body["previews"]
    assert [p["page"] for p in previews] == [2]
    page = previews[0]
    assert max(page["width"], page["height"]) <= MAX_SIDE
    image = _picture(page)
    by_text = {body["findings"][b["finding"]]["text"]: b for b in page["boxes"]}
    assert {ID, PHONE} <= set(by_text)
    for value in (ID, PHONE):
        b = by_text[value]
        assert b["action"] == "redact"
        assert _edge_colour(image, b["box"], COLOURS["redact"]), value
    # the thumbnail box is the located box (points) times the render scale
    loc = next(f["location"] for f in body["findings"] if f["text"] == ID)
    scale = page["width"] / 595.0  # reportlab's default A4 width in points
    assert by_text[ID]["box"][0] == pytest.approx(loc["box"][0] * scale, abs=1.5)
    assert _screen(client, keys, "公示.pdf", data, previews=False).get("previews") is None


def test_pdf_in_a_zip_is_previewed_under_its_member(client, keys):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("附件/名单.pdf", pdf_bytes([NOTICE]))
        z.writestr("说明.txt", "本压缩包为公示附件。")
    previews = _screen(client, keys, "附件.zip", buf.getvalue())["previews"]
    assert len(previews) == 1 and previews[0]["member"].endswith("名单.pdf")
    assert previews[0]["page"] == 1


def test_ofd_page_with_a_finding_is_drawn(client, keys):
    data = ofd_bytes(
        Spec(
            pages=[
                [Text(30, 30, "公示说明", 5.0)],
                [Text(22, 40, f"申请人身份证号{ID}，", 3.5), Text(22, 48, f"电话{PHONE}", 3.5)],
            ]
        )
    )
    body = _screen(client, keys, "公示.ofd", data)
    (page,) = body["previews"]
    assert page["page"] == 2
    image = _picture(page)
    assert page["height"] == MAX_SIDE  # an A4 page, 900 px high
    box = next(b for b in page["boxes"] if body["findings"][b["finding"]]["text"] == ID)["box"]
    scale = MAX_SIDE / 297.0
    assert box[0] == pytest.approx((22 + 7 * 3.5) * scale, abs=2)
    assert _edge_colour(image, box, COLOURS["redact"])


def test_picture_is_downscaled_and_each_action_has_its_colour():
    picture = Image.new("RGB", (2400, 1200), "white")
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    markup = ImageMarkup(data=buf.getvalue(), fmt="PNG", size=(2400, 1200), boxes=[])
    doc = IngestedDocument(text="x", kind="image", source="a.png", markup=markup)
    findings = [
        {"action": a, "location": {"page": 1, "box": box}}
        for a, box in (
            ("redact", [300, 200, 900, 260]),
            ("review", [300, 500, 900, 560]),
            ("allow", [1200, 800, 1800, 860]),
        )
    ]
    findings.append({"action": "redact", "location": None})  # unlocated: not drawn
    (page,) = page_previews(doc, findings)
    assert (page["width"], page["height"]) == (MAX_SIDE, MAX_SIDE // 2)
    image = _picture(page)
    scale = MAX_SIDE / 2400
    for b, f in zip(page["boxes"], findings, strict=False):
        assert b["box"] == pytest.approx([v * scale for v in f["location"]["box"]], abs=0.1)
        assert _edge_colour(image, b["box"], COLOURS[b["action"]]), b["action"]
    assert [b["finding"] for b in page["boxes"]] == [0, 1, 2]
    # the inside stays readable: only a light tint over the white page
    x0, y0, x1, y1 = page["boxes"][0]["box"]
    assert min(image.getpixel((round((x0 + x1) / 2), round((y0 + y1) / 2)))) > 150


def test_no_previews_without_located_pages():
    doc = IngestedDocument(text="身份证号", kind="txt", source="a.txt")
    assert page_previews(doc, [{"action": "redact", "location": None}]) == []
    assert page_previews(None, []) == []
