"""The README's flow as written: ``zwgk scan DIR --out scan.jsonl`` then ``zwgk report``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from tests.ledger.conftest import REPLY

PLAN = "2023年政务公开工作方案\n各有关单位：请认真贯彻落实。\n"


def _archive(root: Path) -> None:
    (root / "2023").mkdir(parents=True)
    (root / "2023" / "reply.txt").write_text(REPLY, encoding="utf-8")
    (root / "2023" / "plan.txt").write_text(PLAN, encoding="utf-8")


def _rows(path: Path) -> list[dict[str, object]]:
    sheet = load_workbook(path)["台账"]
    head, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(head, row, strict=True)) for row in rows]


def test_scan_then_report_files_every_finding(tmp_path, monkeypatch, capsys):
    _archive(tmp_path / "archive")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "archive/2023", "--out", "scan.jsonl", "--quiet"]) == 0
    scanned = [json.loads(line) for line in Path("scan.jsonl").read_text("utf-8").splitlines()]
    findings = sum(len(r["findings"]) for r in scanned)
    assert findings >= 3

    assert main(["report", "--xlsx", "台账.xlsx", "--html", "报告.html"]) == 0
    rows = _rows(tmp_path / "台账.xlsx")
    assert len(rows) == findings
    assert {row["来源"] for row in rows} == {str((tmp_path / "archive/2023/reply.txt").resolve())}
    shown = {row["发现"] for row in rows}
    assert {"身份证号：3415**********1230", "手机号码：138****5678"} <= shown
    assert "台账为空" not in capsys.readouterr().err
    assert "发现个人信息项数" in (tmp_path / "报告.html").read_text("utf-8")


def test_scan_no_ledger_then_report_says_the_ledger_is_empty_and_what_to_run(
    tmp_path, monkeypatch, capsys
):
    _archive(tmp_path / "archive")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "archive", "--out", "scan.jsonl", "--no-ledger", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["report", "--xlsx", "台账.xlsx"]) == 0
    err = capsys.readouterr().err
    assert "台账为空" in err and "zwgk scan" in err and "zwgk ledger add" in err
    assert str(tmp_path / "data") in err  # where it looked (ZWGK_DATA_DIR of the fixture)
    assert _rows(tmp_path / "台账.xlsx") == []


@pytest.mark.parametrize("since", ["2999-01-01"])
def test_report_since_after_every_record_says_so(tmp_path, monkeypatch, capsys, since):
    _archive(tmp_path / "archive")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "archive", "--out", "scan.jsonl", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["report", "--since", since]) == 0
    err = capsys.readouterr().err
    assert f"{since} 以来台账中没有审查记录" in err and "共 2 个文档版本" in err
