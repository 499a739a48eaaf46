"""``zwgk report``: the XLSX ledger and the HTML statistics report."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.ledger import Ledger, Settings
from pipeline.ledger.report_html import render_html
from pipeline.ledger.report_xlsx import HEADERS
from pipeline.ledger.stats import load, over_time
from tests.ledger.conftest import RAW_VALUES, at, screened

REPLY = (
    "政府信息公开申请答复书\n申请人张晓明：\n本机关于2024年3月1日收到您提交的政府信息公开申请，"
    "现答复如下。申请人身份证号341502198503121230，联系电话13812345678。\n"
)
SUBSIDY = "2024年第一季度城乡低保对象公示\n姓名\t身份证号\t金额\n王小红\t110101199003078515\t1200\n"
ISSUE_HEADERS = ("文档", "来源", "类型", "发现", "处置", "规则", "理由", "依据", "状态", "说明")


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    a = ledger.record(screened(REPLY), "reply-1.docx", "信访办", text=REPLY,
                      screened_at=at("2024-03-02T02:00:00"))  # fmt: skip
    ledger.record(screened(SUBSIDY), "dibao.html", "民政局", text=SUBSIDY,
                  screened_at=at("2024-03-05T09:00:00"))  # fmt: skip
    ledger.set_status(a.finding_ids[1], "rectified", actor="王审核")
    ledger.set_status(a.finding_ids[0], "retained", "答复书须写明申请人", actor="王审核")
    return ledger


def test_xlsx_has_the_headers_and_one_row_per_finding(filled, tmp_path):
    from pipeline.ledger.report_xlsx import write_xlsx

    data = load(filled, Settings.from_env().tzinfo())
    path = write_xlsx(data, tmp_path / "out" / "台账.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["台账", "统计"]
    rows = list(book["台账"].iter_rows(values_only=True))
    assert rows[0][:10] == ISSUE_HEADERS and rows[0] == HEADERS
    body = [dict(zip(HEADERS, r, strict=True)) for r in rows[1:]]
    assert len(body) == filled.count_findings()
    card = next(r for r in body if r["发现"] == "身份证号：3415**********1230")
    assert (card["来源"], card["类型"], card["处置"], card["规则"]) == (
        "reply-1.docx", "依申请公开答复", "遮蔽", "PI-ID-CARD",
    )  # fmt: skip
    assert card["状态"] == "已整改" and card["部门"] == "信访办"
    assert card["理由"] and "条例" in card["依据"]
    retained = next(r for r in body if r["状态"] == "保留")
    assert retained["说明"] == "答复书须写明申请人" and retained["处理人"] == "王审核"
    assert {r["状态"] for r in body} == {"已整改", "保留", "待处理", "依规保留"}
    stats = {r[0]: r[1] for r in book["统计"].iter_rows(values_only=True) if r and r[0]}
    assert stats["检查文档（来源）数"] == 2 and stats["已整改"] == 1
    flat = " ".join(str(v) for r in rows for v in r)
    for raw in (*RAW_VALUES, "110101199003078515"):
        assert raw not in flat


def test_html_is_self_contained_with_a_chart_per_grouping(filled):
    data = load(filled, Settings.from_env().tzinfo())
    page = render_html(data)
    assert page.count("<svg") == 6  # entity, doc type, decision, status, department, time
    for title in (
        "按信息类型",
        "按文档类型",
        "按处置决定",
        "按审核状态",
        "按部门",
        "按时间（每日）",
    ):
        assert f"<h2>{title}" in page
    for label in (
        "身份证号",
        "依申请公开答复",
        "补贴救助公示",
        "遮蔽",
        "已整改",
        "信访办",
        "民政局",
    ):
        assert label in page
    assert '<td>民政局</td><td class="n">' in page
    assert f"<b>{len(data.findings)}</b>发现个人信息项数" in page
    assert "<td>2024-03-02</td>" in page and "<td>2024-03-05</td>" in page
    assert "<script" not in page and "src=" not in page and "href=" not in page
    for raw in RAW_VALUES:
        assert raw not in page


def test_since_and_time_buckets(filled, ledger):
    tz = Settings.from_env().tzinfo()
    later = load(ledger, tz, since=date(2024, 3, 3))
    assert [d.source for d in later.documents] == ["dibao.html"]
    assert all(f.source == "dibao.html" for f in later.findings)
    unit, periods, series = over_time(load(ledger, tz))
    assert unit == "日" and periods[0] == "2024-03-02" and periods[-1] == "2024-03-05"
    assert len(periods) == 4 and series["文档数"] == [1, 0, 0, 1]
    # a long span is charted per month, in local time: 20:00 UTC on 31 July is August in Beijing
    late = "联系电话13800001234。"
    ledger.record(screened(late), "late.txt", text=late, screened_at=at("2024-07-31T20:00:00"))
    unit, periods, series = over_time(load(ledger, tz))
    assert unit == "月"
    assert periods == ["2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08"]
    assert series["文档数"] == [2, 0, 0, 0, 0, 1]


def test_empty_ledger_still_reports(ledger, tmp_path):
    data = load(ledger, Settings.from_env().tzinfo())
    page = render_html(data)
    assert page.count("<svg") == 6 and "（无数据）" in page
    from pipeline.ledger.report_xlsx import write_xlsx

    rows = list(load_workbook(write_xlsx(data, tmp_path / "e.xlsx"))["台账"].values)
    assert rows == [HEADERS]


def test_cli_report_writes_both_files(filled, cli_env, tmp_path, capsys):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    assert main(["report", "--xlsx", str(xlsx), "--html", str(html), "--since", "2024-03-01"]) == 0
    assert len(list(load_workbook(xlsx)["台账"].values)) == filled.count_findings() + 1
    assert html.read_text(encoding="utf-8").count("<svg") == 6
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "检查文档（来源）数\t2" in out and "已整改\t1" in out
    with pytest.raises(SystemExit):
        main(["report", "--since", "3月1日"])
