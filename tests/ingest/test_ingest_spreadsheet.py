"""Spreadsheets: cells laid out as rows, every finding traced back to its sheet and cell."""

from __future__ import annotations

import io

import pytest

from pipeline.ingest import IngestError, load_bytes
from pipeline.ingest.locate import attach_locations
from pipeline.ingest.spreadsheet import SheetMarkup, cell_name, cell_text
from pipeline.screen import screen_text
from tests.sheet_builder import IDS, NAMES, PHONES, roster_xlsx


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _located(doc):
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    return result


VARIANTS = [
    {},
    {"title": None, "first_col": 2, "phone_as_number": True, "sheet": "Sheet1"},
    {
        "title": "关于2024年度特困供养人员名单的公示",
        "headers": ("序号", "姓名", "公民身份号码", "手机号码", "现住址"),
        "sheet": "特困供养",
        "rows": 5,
    },
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_roster_findings_name_their_cells(variant):
    roster = roster_xlsx(**variant)
    doc = load_bytes(roster.data, "花名册.xlsx")
    assert doc.kind == "xlsx"
    result = _located(doc)
    found = {f.text: f.location for f in result.findings if f.entity == "ID_CARD"}
    assert set(found) == set(roster.id_cells)
    for value, (sheet, ref) in roster.id_cells.items():
        assert found[value]["sheet"] == sheet and found[value]["cell"] == ref
        assert "身份" in found[value]["header"]
    phones = {f.text: f.location["cell"] for f in result.findings if f.entity == "MOBILE"}
    assert phones == {p: ref for p, (_s, ref) in roster.phone_cells.items()}
    assert all(f.action != "allow" for f in result.findings if f.entity == "ID_CARD")
    contract = result.to_contract()["findings"]
    assert {"sheet", "cell"} <= set(
        next(f for f in contract if f["entity"] == "ID_CARD")["location"]
    )


def test_layout_rows_tabs_and_sheet_lines_keep_offsets_exact():
    roster = roster_xlsx(hidden_sheet="备查")
    doc = load_bytes(roster.data, "x.xlsx")
    lines = doc.text.split("\n")
    assert lines[0] == "工作表：低保花名册" and "工作表：备查" in lines
    assert lines[2].split("\t")[:3] == ["序号", "户主姓名", "身份证号"]
    markup = doc.markup
    assert isinstance(markup, SheetMarkup)
    for slot in markup.slots:
        sheet = markup.sheets[slot.sheet]
        value = sheet.name if slot.row < 0 else cell_text(sheet.rows[slot.row][slot.col])
        assert doc.text[slot.start : slot.end] == value.replace("\n", " ")


def test_hidden_sheet_and_hidden_column_are_read():
    roster = roster_xlsx(hidden_sheet="原始数据", hide_id_column=True, rows=2)
    doc = load_bytes(roster.data, "公示.xlsx")
    assert any("隐藏工作表" in w and "原始数据" in w for w in doc.warnings)
    result = _located(doc)
    cells = {f.text: (f.location["sheet"], f.location["cell"]) for f in result.findings}
    for value, where in roster.id_cells.items():
        assert cells[value] == where
    assert cells[IDS[3]][0] == "原始数据"


def test_multiline_cell_and_numbers_without_float_noise():
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["姓名", "联系电话", "备注"])
    ws.append(["赵丽华", 13903761234, "已核实\n家访两次"])
    ws.append(["钱卫东", 15837652210.0, 3.5])
    buf = io.BytesIO()
    book.save(buf)
    doc = load_bytes(buf.getvalue(), "台账.xlsx")
    assert "13903761234\t已核实 家访两次" in doc.text
    assert "15837652210\t3.5" in doc.text and ".0" not in doc.text
    result = _located(doc)
    assert {f.location["cell"] for f in result.findings if f.entity == "MOBILE"} == {"B2", "B3"}


def test_gbk_csv_and_semicolon_csv():
    rows = [("姓名", "身份证号码", "联系方式")] + [(NAMES[i], IDS[i], PHONES[i]) for i in range(3)]
    data = "\r\n".join(",".join(r) for r in rows).encode("gbk")
    doc = load_bytes(data, "名单.csv")
    assert doc.kind == "csv" and doc.encoding == "gb18030"
    result = _located(doc)
    ids = {f.text: f.location for f in result.findings if f.entity == "ID_CARD"}
    assert ids == {IDS[i]: {"cell": f"B{i + 2}", "header": "身份证号码"} for i in range(3)}
    semi = "\n".join(";".join(r) for r in rows).encode("utf-8")
    doc = load_bytes(semi, "名单.csv")
    assert doc.markup.delimiter == ";"
    assert doc.text.split("\n")[1] == "\t".join(rows[1])
    tsv = load_bytes("\n".join("\t".join(r) for r in rows).encode("utf-8"), "x.tsv")
    assert tsv.markup.fmt == "tsv" and tsv.text.split("\n")[2].split("\t")[1] == IDS[1]


def test_cell_names():
    assert [cell_name(0, 0), cell_name(4, 2), cell_name(9, 25), cell_name(0, 26)] == [
        "A1", "C5", "Z10", "AA1",
    ]  # fmt: skip
    assert cell_name(99, 701) == "ZZ100"


def test_bad_spreadsheets_are_clear_errors():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(IngestError, match="表格文件损坏") as info:
        load_bytes(ole, "困难群众名单.xls")
    assert "困难群众名单.xls" in info.value.message
    with pytest.raises(IngestError, match="XLSX 文件损坏"):
        load_bytes(b"PK\x03\x04" + b"\0" * 80, "a.xlsx")
    with pytest.raises(IngestError, match="WPS"):
        load_bytes(ole, "名册.et")
    with pytest.raises(IngestError, match="PDF"):
        load_bytes(b"%PDF-1.4\n", "a.xlsx")
    with pytest.raises(IngestError, match="纯文本"):
        load_bytes("姓名 电话".encode(), "a.xls")
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    with pytest.raises(IngestError, match="没有文字"):
        load_bytes(buf.getvalue(), "空表.xlsx")


def test_xls_that_is_a_web_page_is_read_as_html():
    page = (
        "<html><body><table><tr><td>姓名</td><td>身份证号</td></tr>"
        f"<tr><td>{NAMES[0]}</td><td>{IDS[0]}</td></tr></table></body></html>"
    )
    doc = load_bytes(page.encode(), "导出数据.xls")
    assert doc.kind == "html" and IDS[0] in doc.text
    assert any("网页" in w for w in doc.warnings)


def test_wps_et_and_extensionless_workbooks():
    roster = roster_xlsx(rows=1)
    et = load_bytes(roster.data, "名册.et")
    assert et.kind == "sheet" and IDS[0] in et.text
    assert load_bytes(roster.data, "upload").kind == "xlsx"
