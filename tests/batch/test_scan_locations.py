"""``zwgk scan`` gives file findings their location, and the ledger sink records it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch.scan import local_runner, run_scan
from tests.ofd_builder import Spec, Text, ofd_bytes
from tests.sheet_builder import IDS, PHONES, roster_xlsx


@pytest.fixture(autouse=True)
def _no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_NER", "0")


def _folder(root: Path) -> dict[str, tuple[str, str]]:
    root.mkdir()
    roster = roster_xlsx(rows=2, sheet="慰问名单")
    (root / "慰问名单.xlsx").write_bytes(roster.data)
    page = [Text(25, 40, f"申请人身份证号{IDS[3]}，联系电话{PHONES[3]}。", 3.5)]
    (root / "复函.ofd").write_bytes(ofd_bytes(Spec(pages=[[], page])))
    (root / "说明.txt").write_text(f"联系电话{PHONES[4]}，申请人周某。", encoding="utf-8")
    return roster.id_cells


def test_scan_locates_cells_and_pages_and_the_ledger_keeps_them(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from pipeline.batch.scan_sinks import LedgerSink
    from pipeline.ledger import open_ledger

    monkeypatch.setenv("ZWGK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ZWGK_DATABASE_URL", raising=False)
    cells = _folder(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    run_scan(str(tmp_path / "in"), str(out), runner=local_runner(1), sinks=[LedgerSink()])
    records = {Path(r["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    sheet_ids = {
        f["text"]: (f["location"]["sheet"], f["location"]["cell"])
        for f in records["慰问名单.xlsx"]["findings"]
        if f["entity"] == "ID_CARD"
    }
    assert sheet_ids == cells
    page = next(f["location"] for f in records["复函.ofd"]["findings"] if f["text"] == IDS[3])
    assert page["page"] == 2 and page["unit"] == "mm"
    assert all("location" not in f for f in records["说明.txt"]["findings"])
    with open_ledger() as ledger:
        rows = ledger.findings(entity="ID_CARD")
    located = {r.location.get("cell") or r.location.get("page") for r in rows if r.location}
    assert {cell for _, cell in cells.values()} | {2} <= located
    parquet = tmp_path / "out.parquet"
    run_scan(str(tmp_path / "in"), str(parquet), runner=local_runner(1))
    assert pq.read_table(parquet).num_rows == 3
