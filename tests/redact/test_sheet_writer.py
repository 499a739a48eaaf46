"""Redacted spreadsheets and archives: no redacted value left anywhere, the rest kept."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.ingest import load_bytes
from pipeline.redact.sheet_writer import clip
from tests.sheet_builder import ADDRESSES, IDS, NAMES, PHONES, all_cell_strings, roster_xlsx


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _redact(src: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["redact", str(src), "-o", str(out)]) == 0
    return capsys.readouterr().err


def _no_value_in_package(data: bytes, values: list[str]) -> None:
    """No value in any cell (read back with calamine) nor in any XML part of the package."""
    cells = "\n".join(all_cell_strings(data))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = b"".join(zf.read(n) for n in zf.namelist()).decode("utf-8", "replace")
    for value in values:
        assert value not in cells and value not in parts


@pytest.mark.parametrize(
    "variant",
    [
        {"hidden_sheet": "原始数据", "hide_id_column": True},
        {"title": None, "first_col": 3, "phone_as_number": True, "rows": 5, "sheet": "名单"},
    ],
)
def test_xlsx_is_redacted_in_place_formatting_kept(variant, tmp_path, capsys):
    from openpyxl import load_workbook

    roster = roster_xlsx(**variant)
    src = tmp_path / "低保公示.xlsx"
    src.write_bytes(roster.data)
    out = tmp_path / "out.xlsx"
    _redact(src, out, capsys)
    data = out.read_bytes()
    _no_value_in_package(data, list(roster.id_cells) + list(roster.phone_cells))
    before, after = load_workbook(src), load_workbook(out)
    assert before.sheetnames == after.sheetnames
    for ws in before.worksheets:
        ws2 = after[ws.title]
        assert ws2.sheet_state == ws.sheet_state
        assert ws2.merged_cells.ranges == ws.merged_cells.ranges
        for dim, d in ws.column_dimensions.items():
            assert (ws2.column_dimensions[dim].hidden, ws2.column_dimensions[dim].width) == (
                d.hidden, d.width,
            )  # fmt: skip
        for row in ws.iter_rows():
            for cell in row:
                new = ws2[cell.coordinate]
                assert (new.font.b, new.font.sz, new.fill.fill_type, new.fill.fgColor.rgb) == (
                    cell.font.b, cell.font.sz, cell.fill.fill_type, cell.fill.fgColor.rgb,
                )  # fmt: skip
                text = "" if cell.value is None else str(cell.value)
                if text in roster.id_cells:
                    assert re.fullmatch(r"\d{4}\*{10}[\dX]{4}", str(new.value))
                elif text in ADDRESSES:
                    assert new.value != cell.value  # detailed address masked
                elif text.startswith(("=", "序号", "合计", "身份证", "家庭")):
                    assert new.value == cell.value  # formulas, headers kept


def test_csv_keeps_encoding_delimiter_and_line_endings(tmp_path, capsys):
    rows = [("序号", "姓名", "身份证号码", "联系方式")] + [
        (str(i + 1), NAMES[i], IDS[i], PHONES[i]) for i in range(4)
    ]
    src = tmp_path / "申请人名单.csv"
    src.write_bytes("\r\n".join(";".join(r) for r in rows).encode("gbk") + b"\r\n")
    out = tmp_path / "out.csv"
    _redact(src, out, capsys)
    raw = out.read_bytes()
    text = raw.decode("gb18030")
    assert b"\r\n" in raw and text.count("\r\n") == len(rows)
    got = [line.split(";") for line in text.split("\r\n")[:-1]]
    assert got[0] == list(rows[0])
    assert [r[0] for r in got] == [r[0] for r in rows]
    for value in IDS[:4] + PHONES[:4]:
        assert value not in text


def test_xls_family_becomes_xlsx_and_says_so(tmp_path, capsys):
    roster = roster_xlsx(hidden_sheet="底册")
    src = tmp_path / "名册.et"  # a WPS table, read like .xls
    src.write_bytes(roster.data)
    err = _redact(src, tmp_path / "名册.redacted.et", capsys)
    out = tmp_path / "名册.redacted.xlsx"
    assert ".xlsx" in err and str(out) in err
    data = out.read_bytes()
    _no_value_in_package(data, list(roster.id_cells))
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames == ["低保花名册", "底册"] and book["底册"].sheet_state == "hidden"
    assert book["低保花名册"]["B3"].value == NAMES[0]


def test_zip_of_redacted_members_nested_kept_bad_members_left_out(tmp_path, capsys):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("补充名单.csv", f"姓名,身份证号\n{NAMES[2]},{IDS[2]}\n".encode("gbk"))
    outer = io.BytesIO()
    roster = roster_xlsx(rows=2)
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("附件/花名册.xlsx", roster.data)
        zf.writestr("附件/补充.zip", inner.getvalue())
        zf.writestr("附件/照片.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    src = tmp_path / "公示附件.zip"
    src.write_bytes(outer.getvalue())
    out = tmp_path / "out.zip"
    err = _redact(src, out, capsys)
    assert "公示附件.zip!附件/照片.png" in err
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == ["附件/花名册.xlsx", "附件/补充.zip"]
        _no_value_in_package(zf.read("附件/花名册.xlsx"), IDS[:2] + PHONES[:2])
        with zipfile.ZipFile(io.BytesIO(zf.read("附件/补充.zip"))) as nested:
            csv_text = nested.read("补充名单.csv").decode("gb18030")
    assert IDS[2] not in csv_text and csv_text.startswith("姓名,身份证号")


def test_zip_screen_reports_each_member_with_its_cells(tmp_path, capsys):
    import json

    src = tmp_path / "a.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("一组.xlsx", roster_xlsx(rows=1).data)
        zf.writestr("坏.xlsx", b"PK\x03\x04x")
    assert main(["screen", "--json", str(src)]) == 3  # one member could not be read
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == [f"{src}!一组.xlsx"]
    ids = [f for f in records[0]["findings"] if f["entity"] == "ID_CARD"]
    assert ids[0]["location"] == {
        "member": f"{src}!一组.xlsx", "sheet": "低保花名册", "cell": "C3", "header": "身份证号",
    }  # fmt: skip
    assert f"{src}!坏.xlsx" in err


def test_writer_rejects_nothing_and_clips_cross_member_spans():
    assert clip([(0, 5, "**"), (8, 14, "#"), (20, 22, "x")], 10, 20) == [(0, 4, "")]
    doc = load_bytes(roster_xlsx(rows=1).data, "a.xlsx")
    from pipeline.redact.markup_writer import write_redacted

    buf = io.BytesIO()
    write_redacted(doc, [], buf)  # no finding: the same cells
    assert all_cell_strings(buf.getvalue()) == all_cell_strings(doc.markup.data)


def test_cell_comments_are_screened_located_and_masked(tmp_path, capsys):
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    from pipeline.ingest.locate import attach_locations
    from pipeline.screen import screen_text

    book = load_workbook(io.BytesIO(roster_xlsx(rows=2).data))
    ws = book.active
    ws["E4"].comment = Comment(f"经办人核实：户主配偶身份证号{IDS[4]}，电话{PHONES[4]}", "民政办")
    ws["B3"].comment = Comment("已入户走访", "民政办")
    src = tmp_path / "带批注.xlsx"
    book.save(src)
    doc = load_bytes(src.read_bytes(), src.name)
    assert "批注 E4：经办人核实" in doc.text
    result = screen_text(doc.text, doc.source)
    attach_locations(result.findings, doc)
    where = {f.text: f.location for f in result.findings}
    assert where[IDS[4]] == {"sheet": "低保花名册", "cell": "E4", "comment": True}
    out = tmp_path / "out.xlsx"
    _redact(src, out, capsys)
    _no_value_in_package(out.read_bytes(), [IDS[4], PHONES[4], IDS[0]])
    redone = load_workbook(out).active
    assert redone["E4"].comment.text.startswith("经办人核实：")
    assert redone["B3"].comment.text == "已入户走访"


def test_csv_to_stdout_is_the_csv_itself(tmp_path, capsysbinary):
    src = tmp_path / "名单.csv"
    src.write_bytes(f"姓名,身份证号码\n{NAMES[1]},{IDS[1]}\n".encode("gbk"))
    assert main(["redact", str(src), "-o", "-"]) == 0
    out = capsysbinary.readouterr().out.decode("gb18030")
    assert out.startswith("姓名,身份证号码\n") and IDS[1] not in out and "\t" not in out
    xlsx = tmp_path / "名单.xlsx"
    xlsx.write_bytes(roster_xlsx(rows=1).data)
    assert main(["redact", str(xlsx), "-o", "-"]) == 3  # a workbook is not written to a terminal
