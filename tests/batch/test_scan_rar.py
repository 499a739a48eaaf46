"""``zwgk scan`` reports every .rar as a file it could not screen, not as an ignored file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch.scan import local_runner, run_scan
from pipeline.cli import main

RAR5 = b"Rar!\x1a\x07\x01\x00" + bytes(range(40))


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _folder(root: Path) -> None:
    (root / "附件").mkdir(parents=True)
    (root / "通知.txt").write_text("请于本周五前报送材料。联系电话13907315528。", encoding="utf-8")
    (root / "附件" / "困难群众名单.rar").write_bytes(RAR5)
    (root / "附件" / "旧版材料.RAR").write_bytes(b"Rar!\x1a\x07\x00" + b"\x00" * 30)
    (root / "附件" / "图标.svg").write_text("<svg/>", encoding="utf-8")


def test_each_rar_is_an_error_record_naming_it(tmp_path: Path) -> None:
    _folder(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    outcome = run_scan(str(tmp_path / "in"), str(out), runner=local_runner(1))
    records = {Path(r["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"通知.txt", "困难群众名单.rar", "旧版材料.RAR"}
    for name in ("困难群众名单.rar", "旧版材料.RAR"):
        error = records[name]["error"]
        assert error.startswith(records[name]["path"]) and "RAR" in error and "解压" in error
        assert "verdict" not in records[name]
    assert records["通知.txt"]["verdict"] in ("block", "review")
    assert outcome.counts["error"] == 2 and outcome.ignored == {".svg": 1}


def test_the_cli_summary_counts_them_and_exits_3(tmp_path: Path, capsys) -> None:
    _folder(tmp_path / "in")
    code = main(["scan", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--no-ledger"])
    assert code == 3
    err = capsys.readouterr().err
    assert "错误 2" in err and ".rar" not in err.split("未审查的其他文件")[-1]
