"""The ledger keeps where a finding is in the file (附件/工作表/单元格/页); the reports show it."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from pipeline.ingest import load_bytes
from pipeline.ingest.locate import attach_locations
from pipeline.ledger import Ledger, Settings
from pipeline.ledger.labels import location_columns
from pipeline.ledger.report_html import render_html
from pipeline.ledger.report_xlsx import HEADERS, write_xlsx
from pipeline.ledger.stats import load
from tests.ledger.conftest import screener
from tests.sheet_builder import IDS, roster_xlsx

NOTICE = "关于李秀芝同志申请廉租住房的复函\n申请人李秀芝（身份证号{id}）现居城关镇。\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _record_upload(ledger: Ledger, data: bytes, name: str) -> list[int]:
    doc = load_bytes(data, name)
    result = screener().screen(doc.text, name)
    attach_locations(result.findings, doc)
    outcome = ledger.record(result.to_contract(), name, "住建局", text=doc.text)
    return list(outcome.finding_ids)


def test_a_roster_in_an_archive_is_recorded_with_member_sheet_and_cell(ledger, tmp_path):
    roster = roster_xlsx(rows=2, sheet="保障对象")
    letter = NOTICE.format(id=IDS[4]).encode("utf-8")
    ids = _record_upload(ledger, _zip({"附件/名册.xlsx": roster.data, "复函.txt": letter}),
                         "第三批公示.zip")  # fmt: skip
    assert ids
    rows = {r.masked: r for r in ledger.findings(source="第三批公示.zip")}
    sheet, cell = roster.id_cells[IDS[0]]
    card = next(r for r in rows.values() if r.entity == "ID_CARD" and r.location
                and r.location.get("cell") == cell)  # fmt: skip
    assert card.location is not None
    assert card.location["member"] == "第三批公示.zip!附件/名册.xlsx"
    assert card.location["sheet"] == sheet == "保障对象"
    member, sheet_col, cell_col, page, _ = location_columns(card.location)
    assert (member, sheet_col) == ("第三批公示.zip!附件/名册.xlsx", "保障对象")
    assert cell_col.startswith(cell) and "身份证号" in cell_col and page == ""
    letter_rows = [r for r in rows.values() if r.location and "复函" in r.location["member"]]
    assert letter_rows and all("sheet" not in r.location for r in letter_rows)

    data = load(ledger, Settings.from_env().tzinfo())
    book = load_workbook(write_xlsx(data, tmp_path / "台账.xlsx"))
    table = list(book["台账"].iter_rows(values_only=True))
    assert table[0] == HEADERS and HEADERS[-5:-1] == ("附件", "工作表", "单元格", "页")
    body = [dict(zip(HEADERS, r, strict=True)) for r in table[1:]]
    located = [r for r in body if r["单元格"] and str(r["单元格"]).startswith(cell)]
    assert located and located[0]["工作表"] == "保障对象"
    assert "名册.xlsx" in str(located[0]["附件"])
    html = render_html(data)
    assert "待处理发现的位置" in html and "保障对象" in html and f"<td>{cell}" in html
    flat = " ".join(str(v) for r in table for v in r) + html
    assert IDS[0] not in flat and IDS[4] not in flat


def test_plain_text_findings_have_no_location(ledger):
    text = "申请人孙丽娟，身份证号" + IDS[2] + "，联系电话15290873316。"
    ledger.record(screener().screen(text).to_contract(), "reply.txt", text=text)
    rows = ledger.findings(source="reply.txt")
    assert rows and all(r.location is None for r in rows)
    assert all(r.to_dict()["location"] is None for r in rows)
    assert location_columns(None) == ("", "", "", "", "")


def test_page_and_box_become_columns():
    loc = {"page": 3, "box": [50.0, 58.5, 89.6, 61.0], "unit": "mm"}
    member, sheet, cell, page, note = location_columns(loc)
    assert (member, sheet, cell, page) == ("", "", "", "3")
    assert note == "区域 50, 58.5, 89.6, 61（毫米）"
    assert location_columns({"part": "文档信息 作者"})[4] == "文档信息 作者"
