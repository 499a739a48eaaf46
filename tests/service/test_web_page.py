"""The reviewer page in headless Chromium (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (.ci/run installs Debian's)", allow_module_level=True)

from pipeline.ledger import open_ledger  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "关于政府信息公开申请的答复\n申请人张晓明：\n"
    "您提交的申请已收到。经查，申请人身份证号341502198503121230，"
    "联系电话13812345678，住址六安市金安区三里桥街道人民路12号。\n"
    "联系人：王训涛，联系电话：0564-3585321"
)


def test_screen_review_and_download_in_the_browser(server, tmp_path):
    url, data_dir = server
    ledger = open_ledger(f"sqlite:///{data_dir.resolve()}/zwgk.db")
    _, key = ledger.create_key("reviewer", "审核员甲")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "/")
        page.fill("#key", key)
        page.fill("#text", TEXT)
        page.click("#screen")
        page.wait_for_selector("#result:not([hidden])")
        assert page.inner_text("#verdict") == "须遮蔽后发布"
        marked = page.locator("mark.redact").all_inner_texts()
        assert "341502198503121230" in marked and "13812345678" in marked
        id_row = page.locator("#findings tbody tr", has_text="身份证号")
        assert "3415**********1230" in id_row.inner_text()
        id_row.locator("button[data-status=rectified]").click()
        page.wait_for_function("document.querySelector('#status').textContent.includes('已记录')")
        assert "已整改" in id_row.inner_text()
        # ZWGK_DOCS_SCREENSHOT=1 refreshes the screenshot in docs/img/
        shot = ROOT / "docs" / "img" if os.environ.get("ZWGK_DOCS_SCREENSHOT") else tmp_path
        page.screenshot(path=str(shot / "web-page.png"), full_page=True)
        assert (shot / "web-page.png").stat().st_size > 10_000
        with page.expect_download() as info:
            page.click("#download")
        redacted = Path(info.value.path()).read_text(encoding="utf-8")
        browser.close()
    assert "341502198503121230" not in redacted and "张晓明" not in redacted
    statuses = {f.masked: f.status for f in ledger.findings(entity="ID_CARD")}
    assert list(statuses.values()) == ["rectified"]
    assert any("审核员甲" in a.actor for a in ledger.audit_log())
    ledger.close()


def test_a_spreadsheet_upload_shows_its_rows_and_cells(server, tmp_path):
    from tests.sheet_builder import roster_xlsx

    url, data_dir = server
    ledger = open_ledger(f"sqlite:///{data_dir.resolve()}/zwgk.db")
    _, key = ledger.create_key("reviewer", "审核员乙")
    ledger.close()
    roster = roster_xlsx(rows=2, sheet="救助对象")
    src = tmp_path / "救助名单.xlsx"
    src.write_bytes(roster.data)
    first_id, (sheet, cell) = next(iter(roster.id_cells.items()))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "/")
        page.fill("#key", key)
        page.set_input_files("#file", str(src))
        page.click("#screen")
        page.wait_for_selector("#result:not([hidden])")
        page.wait_for_selector("#rows:not([hidden])")
        row = page.locator("#sheet-rows tr", has_text=first_id)
        assert f"{sheet} 第{cell[1:]}行" in row.inner_text()
        assert first_id in row.locator("mark").all_inner_texts()
        id_row = page.locator("#findings tbody tr", has_text=first_id[:4] + "**")
        assert f"{sheet}!{cell}" in id_row.first.inner_text()
        with page.expect_download() as info:
            page.click("#download")
        assert info.value.suggested_filename == "救助名单.redacted.xlsx"
        data = Path(info.value.path()).read_bytes()
        browser.close()
    from tests.sheet_builder import all_cell_strings

    cells = all_cell_strings(data)
    assert cells and not any(first_id in c for c in cells)
