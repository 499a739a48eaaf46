"""Findings the rules allow (保留) are recorded as ``allowed``: in the ledger for the audit
trail, not 待处理, counted apart in the reports; existing databases are migrated."""

from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import text

from pipeline.cli import main
from pipeline.ledger import Ledger, Settings, open_ledger
from pipeline.ledger.db import make_engine
from pipeline.ledger.migrate import upgrade
from pipeline.ledger.report_html import render_html
from pipeline.ledger.stats import load
from tests.ledger.conftest import REPLY, screened

#: two names the publicity rule allows, one ID number that must be redacted
SUBSIDY = (
    "2024年第一季度城乡低保对象公示\n姓名\t身份证号\t金额\n王小红\t110101199003078515\t1200\n"
    "李大明\t\t800\n"
)


def _filled(ledger: Ledger) -> tuple[list[int], list[int]]:
    """(ids of allowed findings, ids of the others) after recording SUBSIDY and REPLY."""
    allowed, others = [], []
    for source, doc in (("dibao.html", SUBSIDY), ("reply.txt", REPLY)):
        contract = screened(doc)
        outcome = ledger.record(contract, source, text=doc)
        for finding, fid in zip(contract["findings"], outcome.finding_ids, strict=True):
            (allowed if finding["action"] == "allow" else others).append(fid)
    return allowed, others


def test_allowed_findings_are_recorded_apart_from_open_ones(ledger):
    allowed, others = _filled(ledger)
    assert len(allowed) == 2 and len(others) == 4
    assert {ledger.finding(i).status for i in allowed} == {"allowed"}
    assert {ledger.finding(i).status for i in others} == {"open"}
    assert ledger.count_findings(status="open") == 4
    assert ledger.count_findings(status="allowed") == 2
    assert ledger.count_findings() == 6  # all kept for the audit trail


def test_an_allowed_finding_is_reopened_with_a_reason_when_it_needs_handling(ledger):
    import pytest

    from pipeline.ledger.records import InvalidTransition, LedgerError

    (first, _), _ = _filled(ledger)
    with pytest.raises(InvalidTransition):
        ledger.set_status(first, "rectified", actor="王审核")
    with pytest.raises(LedgerError):
        ledger.set_status(first, "open", actor="王审核")
    row = ledger.set_status(first, "open", "低保公示不应公开姓名全称", actor="王审核")
    assert row.status == "open" and ledger.count_findings(status="open") == 5
    assert ledger.set_status(first, "rectified", actor="王审核").status == "rectified"


def test_reports_count_allowed_findings_apart(ledger, tmp_path):
    _, others = _filled(ledger)
    ledger.set_status(others[0], "rectified", actor="王审核")
    data = load(ledger, Settings.from_env().tzinfo())
    fig = data.figures
    assert (fig["findings"], fig["allowed"], fig["to_handle"], fig["open"]) == (6, 2, 4, 3)
    assert fig["handled_rate"] == 0.25  # 1 of the 4 that need handling, not 1 of 6
    from pipeline.ledger.report_xlsx import write_xlsx

    book = load_workbook(write_xlsx(data, tmp_path / "台账.xlsx"))
    stats = {r[0]: r[1] for r in book["统计"].iter_rows(values_only=True) if r and r[0]}
    assert stats["待处理"] == 3 and stats["其中依规保留（无需处理）"] == 2
    assert stats["其中需处理（遮蔽、人工审核）"] == 4
    rows = list(book["台账"].iter_rows(values_only=True))
    assert sum(1 for r in rows if r[8] == "依规保留" and r[4] == "保留") == 2
    page = render_html(data)
    assert "<b>2</b>其中依规保留（无需处理）" in page and "<b>3</b>待处理" in page


def test_cli_lists_open_and_allowed_separately(ledger, cli_env, capsys):
    _filled(ledger)
    assert main(["ledger", "list", "--status", "open", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    assert main(["ledger", "list", "--status", "allowed"]) == 0
    out = capsys.readouterr().out
    assert out.count("依规保留") == 2 and "待处理" not in out


def test_allowed_findings_are_not_counted_as_reviewed_in_rule_suggestions(ledger):
    allowed, _ = _filled(ledger)
    for fid in allowed:  # a reviewer finds both publicity names were no names at all
        ledger.set_status(fid, "open", "复核", actor="a")
        ledger.set_status(fid, "false_positive", actor="a")
    for n in (2, 3):  # four more allowed names, never reviewed
        outcome = ledger.record(screened(SUBSIDY.replace("1200", f"{n}00")), f"dibao-{n}.html")
        assert len(outcome.finding_ids) == 3
    found = [s for s in ledger.suggestions() if s.kind == "rule"]
    assert [(s.rule, s.count, s.reviewed) for s in found] == [("PI-NAME-PUBLICITY", 2, 2)]


def test_migration_turns_untouched_open_allow_findings_into_allowed(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with Ledger(engine, Settings.from_env()) as ledger:  # no upgrade on this open
        allowed, others = _filled(ledger)
    engine = make_engine(db_url)
    with engine.begin() as conn:  # as 0001 recorded them: everything open, one reopened
        conn.execute(text("UPDATE findings SET status = 'open'"))
        conn.execute(
            text("UPDATE findings SET status_at = CURRENT_TIMESTAMP WHERE id = :id"),
            {"id": allowed[1]},
        )
    upgrade(engine)
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT id, status FROM findings")).all())
    engine.dispose()
    assert rows[allowed[0]] == "allowed"
    assert rows[allowed[1]] == "open"  # a reviewer had reopened it: still to handle
    assert {rows[i] for i in others} == {"open"}
    with open_ledger(db_url) as ledger:  # and the migrated database reports them apart
        assert ledger.count_findings(status="allowed") == 1
