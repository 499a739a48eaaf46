"""The ledger keeps masked forms and keyed hashes only: its listings and reports quote no
value the screen masks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.output.conftest import DOCUMENTS, assert_hidden


def test_ledger_listing_and_reports_hold_no_masked_value(tmp_path: Path, monkeypatch, capsys):
    pytest.importorskip("openpyxl")
    monkeypatch.setenv("ZWGK_DATABASE_URL", f"sqlite:///{tmp_path / 'ledger.db'}")
    paths = []
    for name, text in DOCUMENTS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    assert main(["ledger", "add", *paths, "--department", "民政局"]) == 0
    assert main(["ledger", "list"]) == 0
    assert main(["ledger", "list", "--json"]) == 0
    listing = capsys.readouterr().out
    assert "*" in listing and len(listing.splitlines()) > 10
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    assert main(["report", "--xlsx", str(xlsx), "--html", str(html)]) == 0
    from openpyxl import load_workbook

    cells = [
        str(c.value)
        for sheet in load_workbook(xlsx).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]
    shown = "\n".join([listing, html.read_text(encoding="utf-8"), *cells])
    assert any("身份证" in c or "****" in c for c in cells)
    for name in DOCUMENTS:
        assert_hidden(shown, name)
    json.loads(listing.splitlines()[-1])
