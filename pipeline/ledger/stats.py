"""The figures of a report: what an agency files for a campaign (专项检查) — documents
checked, problems found, how they were handled — grouped by entity, document type, decision,
status, department and period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from pipeline.ledger.labels import action_name, doc_type_name, entity_name, status_name
from pipeline.ledger.models import REVIEWED, utcnow
from pipeline.ledger.records import DocumentRecord, FindingFilter, FindingRecord

if TYPE_CHECKING:
    from pipeline.ledger.repository import Ledger

#: at most this many days are charted per day; longer spans per month
DAILY_SPAN = 62


@dataclass(slots=True)
class ReportData:
    documents: list[DocumentRecord]
    findings: list[FindingRecord]
    tz: tzinfo
    generated_at: datetime
    since: date | None = None
    figures: dict[str, int | float] = field(default_factory=dict)


def load(ledger: Ledger, tz: tzinfo, since: date | None = None) -> ReportData:
    """Everything screened on or after ``since`` (a local date)."""
    start = datetime(since.year, since.month, since.day, tzinfo=tz) if since else None
    docs = ledger.documents(since=start)
    found = ledger.findings(FindingFilter(since=start))
    data = ReportData(docs, found, tz, utcnow(), since)
    data.figures = figures(data)
    return data


def figures(data: ReportData) -> dict[str, int | float]:
    statuses = Counter(f.status for f in data.findings)
    reviewed = sum(statuses[s] for s in REVIEWED)
    # allowed findings need no follow-up and false positives are no problems
    actionable = len(data.findings) - statuses["false_positive"] - statuses["allowed"]
    return {
        "sources": len({d.source for d in data.documents}),
        "documents": len(data.documents),
        "flagged_documents": sum(1 for d in data.documents if d.verdict != "pass"),
        "findings": len(data.findings),
        "to_handle": len(data.findings) - statuses["allowed"],
        "allowed": statuses["allowed"],
        "open": statuses["open"],
        "rectified": statuses["rectified"],
        "retained": statuses["retained"],
        "false_positive": statuses["false_positive"],
        "reviewed": reviewed,
        # share of real problems (all but false positives) that are rectified or retained
        "handled_rate": (
            (statuses["rectified"] + statuses["retained"]) / actionable if actionable else 0.0
        ),
    }


def count_by(
    items: Iterable[FindingRecord], key: Callable[[FindingRecord], str]
) -> list[tuple[str, int]]:
    """(label, count), most frequent first, ties by label."""
    counts = Counter(key(item) for item in items)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def breakdowns(data: ReportData) -> dict[str, list[tuple[str, int]]]:
    """The grouped counts of findings, keyed by the chart's Chinese title."""
    found = data.findings
    return {
        "按信息类型": count_by(found, lambda f: entity_name(f.entity)),
        "按文档类型": count_by(found, lambda f: doc_type_name(f.doc_type)),
        "按处置决定": count_by(found, lambda f: action_name(f.action)),
        "按审核状态": count_by(found, lambda f: status_name(f.status)),
        "按部门": count_by(found, lambda f: f.department or "（未填写）"),
    }


def period_of(moment: datetime, tz: tzinfo, monthly: bool) -> str:
    local = moment.astimezone(tz)
    return f"{local:%Y-%m}" if monthly else f"{local:%Y-%m-%d}"


def over_time(data: ReportData) -> tuple[str, list[str], dict[str, list[int]]]:
    """(granularity 日/月, periods, {series: counts}) with empty periods filled in."""
    moments = [d.screened_at for d in data.documents]
    if not moments:
        return "日", [], {"文档数": [], "发现数": []}
    first, last = (min(moments).astimezone(data.tz).date(), max(moments).astimezone(data.tz).date())
    monthly = (last - first).days > DAILY_SPAN
    periods = _periods(first, last, monthly)
    docs = Counter(period_of(d.screened_at, data.tz, monthly) for d in data.documents)
    found = Counter(period_of(f.screened_at, data.tz, monthly) for f in data.findings)
    series = {"文档数": [docs[p] for p in periods], "发现数": [found[p] for p in periods]}
    return ("月" if monthly else "日"), periods, series


def _periods(first: date, last: date, monthly: bool) -> list[str]:
    if monthly:
        out, (year, month) = [], (first.year, first.month)
        while (year, month) <= (last.year, last.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    return [date.fromordinal(n).isoformat() for n in range(first.toordinal(), last.toordinal() + 1)]
