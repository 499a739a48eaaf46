"""Gazetteer: the generated admin-division table and longest-match lookups."""

from __future__ import annotations

from pathlib import Path

from pipeline.detect.recognizers.gazetteer import gazetteer

DATA = Path(__file__).resolve().parents[2] / "pipeline" / "detect" / "data" / "admin_divisions.tsv"


def test_data_file_has_provenance_header_and_three_levels() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and any("jionlp" in ln for ln in lines[:4])
    levels = {ln.split("\t")[0] for ln in lines if not ln.startswith("#")}
    assert levels == {"province", "prefecture", "county"}


def test_levels_and_short_forms() -> None:
    gaz = gazetteer()
    assert gaz.level("安徽省") == "province"
    assert gaz.level("六安市") == "prefecture"
    assert gaz.level("金安区") == "county"
    assert gaz.level("舒城县") == "county"
    assert gaz.level("六安") == "prefecture"  # short form
    assert "高新区" not in gaz.short  # generic short forms are dropped
    assert gaz.level("方案") is None


def test_match_at_prefers_full_names() -> None:
    gaz = gazetteer()
    text = "家住六安市金安区"
    m = gaz.match_at(text, 2)
    assert m is not None and text[m.start : m.end] == "六安市" and not m.short
    assert gaz.match_at(text, 0) is None


def test_chain_coarse_to_fine_and_no_trailing_short_form() -> None:
    gaz = gazetteer()
    text = "安徽省六安市金安区三里桥街道"
    chain = gaz.chain_at(text, 0)
    assert [text[m.start : m.end] for m in chain] == ["安徽省", "六安市", "金安区"]
    text = "六安金安区"
    assert [text[m.start : m.end] for m in gaz.chain_at(text, 0)] == ["六安", "金安区"]
    assert gaz.chain_at("六安的发展", 0) == []  # a bare short form is not enough
