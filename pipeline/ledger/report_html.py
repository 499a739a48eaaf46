"""The HTML report: one self-contained page (inline CSS and SVG, no scripts, no network)
with the campaign figures and a chart plus table per grouping."""

from __future__ import annotations

from html import escape
from pathlib import Path

from pipeline.ledger.charts import bar_chart, line_chart
from pipeline.ledger.labels import LOCATION_HEADERS, entity_name, location_columns, status_name
from pipeline.ledger.report_xlsx import FIGURE_NAMES
from pipeline.ledger.stats import ReportData, breakdowns, over_time

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:980px;
color:#222;line-height:1.5;padding:0 1em}
h1{font-size:1.6em;border-bottom:3px solid #1f5fa8;padding-bottom:.3em}
h2{font-size:1.2em;margin-top:1.8em;color:#1f5fa8}
.figures{display:flex;flex-wrap:wrap;gap:.8em}
.figure{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;min-width:9em}
.figure b{display:block;font-size:1.5em;color:#1f5fa8}
table{border-collapse:collapse;margin:.6em 0 1em}
td,th{border:1px solid #ccd;padding:.2em .7em;text-align:left}
td.n{text-align:right}
.meta{color:#666;font-size:.9em}
@media print{.chart{max-width:100%}}
"""


def _table(head: tuple[str, ...], rows: list[tuple[str, int]]) -> str:
    cells = "".join(
        f'<tr><td>{escape(str(label))}</td><td class="n">{count}</td></tr>' for label, count in rows
    )
    heading = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><tr>{heading}</tr>{cells}</table>"


#: at most this many located findings are listed in the HTML report (the XLSX has them all)
LOCATED_ROWS = 200


def _located(data: ReportData) -> str:
    """A table of the findings still to handle that know where they are in the file."""
    rows = [f for f in data.findings if f.location and f.status == "open"]
    if not rows:
        return ""
    head = ("来源", *LOCATION_HEADERS[:4], "发现", "状态")
    cells = []
    for f in rows[:LOCATED_ROWS]:
        where = location_columns(f.location)[:4]
        values = (f.source, *where, f"{entity_name(f.entity)}：{f.masked}", status_name(f.status))
        cells.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
    more = len(rows) - LOCATED_ROWS
    note = f'<p class="meta">另有 {more} 条未列出，见 XLSX 台账。</p>' if more > 0 else ""
    heading = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<h2>待处理发现的位置</h2><table><tr>{heading}</tr>{''.join(cells)}</table>{note}"


def render_html(data: ReportData, title: str = "政务公开个人信息保护检查统计报告") -> str:
    figures = data.figures
    cards = []
    for key, name in FIGURE_NAMES.items():
        value = figures.get(key, 0)
        shown = f"{value:.1%}" if key == "handled_rate" else str(value)
        cards.append(f'<div class="figure"><b>{shown}</b>{escape(name)}</div>')
    since = f"{data.since:%Y-%m-%d} 起" if data.since else "全部记录"
    generated = f"{data.generated_at.astimezone(data.tz):%Y-%m-%d %H:%M}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">统计范围：{since}；生成时间：{generated}</p>',
        "<h2>总体情况</h2>",
        f'<div class="figures">{"".join(cards)}</div>',
    ]
    for chart_title, rows in breakdowns(data).items():
        parts.append(f"<h2>{escape(chart_title)}</h2>")
        parts.append(bar_chart(f"发现数（{chart_title}）", rows))
        parts.append(_table((chart_title.removeprefix("按"), "发现数"), rows))
    unit, periods, series = over_time(data)
    parts.append(f"<h2>按时间（每{unit}）</h2>")
    parts.append(line_chart(f"文档数与发现数（每{unit}）", periods, series))
    timeline = "".join(
        f'<tr><td>{escape(p)}</td><td class="n">{series["文档数"][i]}</td>'
        f'<td class="n">{series["发现数"][i]}</td></tr>'
        for i, p in enumerate(periods)
        if series["文档数"][i] or series["发现数"][i]
    )
    parts.append(f"<table><tr><th>时间</th><th>文档数</th><th>发现数</th></tr>{timeline}</table>")
    parts.append(_located(data))
    parts.append('<p class="meta">本报告不含任何个人信息原文，发现项仅以遮蔽形式记录。</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html(data: ReportData, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(data), encoding="utf-8")
    return path
