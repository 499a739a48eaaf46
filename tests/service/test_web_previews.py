"""The reviewer page in headless Chromium shows a PDF page with its finding boxes."""

from __future__ import annotations

import shutil

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (.ci/run installs Debian's)", allow_module_level=True)

from pipeline.ledger import open_ledger  # noqa: E402
from tests.check_digits import with_check  # noqa: E402
from tests.pdf_builder import pdf_bytes  # noqa: E402

ID = with_check("51010719880214293")


def test_a_pdf_upload_shows_the_page_with_boxes(server, tmp_path):
    url, data_dir = server
    ledger = open_ledger(f"sqlite:///{data_dir.resolve()}/zwgk.db")
    _, key = ledger.create_key("reviewer", "审核员丙")
    ledger.close()
    src = tmp_path / "答复.pdf"
    src.write_bytes(pdf_bytes([["封面"], ["申请人：", f"身份证号码 {ID}", "特此答复。"]]))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "/")
        page.fill("#key", key)
        page.set_input_files("#file", str(src))
        page.click("#screen")
        page.wait_for_selector("#pages:not([hidden])")
        figures = page.locator("#page-list figure")
        assert figures.count() == 1 and "第2页" in figures.first.inner_text()
        assert page.locator("#page-list img").first.evaluate("i => i.naturalWidth") > 500
        spot = page.locator("#page-list a.spot").first
        spot.click()
        row = page.locator("#findings tbody tr.picked")
        assert ID[:4] in row.inner_text()
        browser.close()
