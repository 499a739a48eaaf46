"""Evaluate ``screen`` against the hand-labelled set: recall of must-redact values, action
accuracy, false alarms, per entity and per genre.

Matching: an expected item matches a finding with the same entity whose span overlaps the
item's occurrence (an unused finding with the largest overlap is preferred). A finding with
action redact/review that matches no expected item is a false alarm.

Usage: ``python -m pipeline.evaluate.screen_eval tests/fixtures/labelled``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.document import ENTITY_NAMES_ZH, Finding, ScreenResult
from pipeline.evaluate.labelled import Expected, LabelledDoc, load_labelled

Screen = Callable[[str], ScreenResult]
ACTION_ZH = {"redact": "遮蔽", "review": "送审", "allow": "放行", None: "未检出"}


@dataclass(slots=True)
class ItemResult:
    """One expected item and the finding it was matched to (if any)."""

    doc_id: str
    genre: str
    item: Expected
    finding: Finding | None = None
    #: Findings of another entity overlapping the item (a value caught under the wrong label).
    other: list[Finding] = field(default_factory=list)

    @property
    def got(self) -> str | None:
        return self.finding.action if self.finding else None

    @property
    def caught(self) -> bool:
        """For must-redact items: matched with action redact or review."""
        return self.got in ("redact", "review")


@dataclass(slots=True)
class FalseAlarm:
    doc_id: str
    genre: str
    finding: Finding
    #: Entities of expected items the finding overlaps (type confusion rather than noise).
    overlaps: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Stats:
    docs: int = 0
    expected: int = 0
    matched: int = 0
    action_ok: int = 0
    must: int = 0
    must_redacted: int = 0
    must_reviewed: int = 0
    false_alarms: int = 0

    def add(self, r: ItemResult) -> None:
        self.expected += 1
        if r.finding is not None:
            self.matched += 1
            self.action_ok += r.got == r.item.action
        if r.item.must_redact:
            self.must += 1
            self.must_redacted += r.got == "redact"
            self.must_reviewed += r.got == "review"


@dataclass(slots=True)
class ScreenEvalReport:
    items: list[ItemResult]
    false_alarms: list[FalseAlarm]
    docs: list[LabelledDoc]
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n_docs(self) -> int:
        return len(self.docs)

    @property
    def must_items(self) -> list[ItemResult]:
        return [r for r in self.items if r.item.must_redact]

    @property
    def must_misses(self) -> list[ItemResult]:
        return [r for r in self.must_items if not r.caught]

    @property
    def must_redact_recall(self) -> float:
        """Share of must-redact items matched with redact or review."""
        return _ratio(sum(r.caught for r in self.must_items), len(self.must_items))

    @property
    def must_redact_strict_recall(self) -> float:
        """Share of must-redact items matched with action redact."""
        return _ratio(sum(r.got == "redact" for r in self.must_items), len(self.must_items))

    @property
    def matched(self) -> list[ItemResult]:
        return [r for r in self.items if r.finding is not None]

    @property
    def detection_recall(self) -> float:
        return _ratio(len(self.matched), len(self.items))

    @property
    def action_accuracy(self) -> float:
        return _ratio(sum(r.got == r.item.action for r in self.matched), len(self.matched))

    @property
    def action_direction_accuracy(self) -> float:
        """Lenient accuracy: redact and review both count as 'not allowed'."""
        ok = sum((r.got == "allow") == (r.item.action == "allow") for r in self.matched)
        return _ratio(ok, len(self.matched))

    @property
    def false_alarms_per_20(self) -> float:
        return len(self.false_alarms) * 20 / self.n_docs if self.n_docs else 0.0

    def by_entity(self) -> dict[str, Stats]:
        table: dict[str, Stats] = {}
        for r in self.items:
            table.setdefault(r.item.entity, Stats()).add(r)
        for fa in self.false_alarms:
            table.setdefault(fa.finding.entity, Stats()).false_alarms += 1
        return dict(sorted(table.items()))

    def by_genre(self) -> dict[str, Stats]:
        table: dict[str, Stats] = {}
        for doc in self.docs:
            table.setdefault(doc.genre, Stats()).docs += 1
        for r in self.items:
            table[r.genre].add(r)
        for fa in self.false_alarms:
            table[fa.genre].false_alarms += 1
        return table


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _overlap(a: Expected, f: Finding) -> int:
    return max(0, min(a.end, f.end) - max(a.start, f.start))


def match_document(doc: LabelledDoc, findings: Iterable[Finding]) -> tuple[list, list]:
    """Match one document's expected items to findings: (item results, false alarms)."""
    findings = list(findings)
    used: set[int] = set()
    results: list[ItemResult] = []
    for item in doc.expected:
        same = [(i, f) for i, f in enumerate(findings) if f.entity == item.entity]
        hits = [(i, f) for i, f in same if _overlap(item, f) > 0]
        hits.sort(key=lambda h: (h[0] in used, -_overlap(item, h[1])))
        result = ItemResult(doc.id, doc.genre, item)
        if hits:
            used.add(hits[0][0])
            result.finding = hits[0][1]
        result.other = [f for f in findings if f.entity != item.entity and _overlap(item, f)]
        results.append(result)
    alarms = []
    for f in findings:
        if f.action not in ("redact", "review"):
            continue
        touching = [e for e in doc.expected if _overlap(e, f) > 0]
        if not any(e.entity == f.entity for e in touching):
            alarms.append(FalseAlarm(doc.id, doc.genre, f, sorted({e.entity for e in touching})))
    return results, alarms


def screen_findings(
    screen: Screen, doc: LabelledDoc, errors: list[tuple[str, str]]
) -> list[Finding]:
    """The findings of one document; a document the screen fails on is recorded in
    ``errors`` and scored as finding nothing (one broken document must not stop the run)."""
    try:
        return list(screen(doc.text).findings)
    except Exception as exc:
        errors.append((doc.id, f"{type(exc).__name__}: {exc}"))
        return []


def evaluate(directory: Path, screen: Screen | None = None) -> ScreenEvalReport:
    """Screen every labelled document in ``directory`` and compare with the labels."""
    if screen is None:
        from pipeline.screen import screen_text  # lazy: the screen may not exist yet

        screen = screen_text
    docs = load_labelled(Path(directory))
    report = ScreenEvalReport(items=[], false_alarms=[], docs=docs)
    for doc in docs:
        findings = screen_findings(screen, doc, report.errors)
        items, alarms = match_document(doc, findings)
        report.items.extend(items)
        report.false_alarms.extend(alarms)
    return report


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _share(num: int, den: int) -> str:
    return _pct(num / den) if den else "-"


def _name(entity: str) -> str:
    return f"{entity}（{ENTITY_NAMES_ZH.get(entity, entity)}）"


def _miss_reason(r: ItemResult) -> str:
    if r.finding is not None:
        return f"检出但{ACTION_ZH[r.got]}（规则 {r.finding.rule}）"
    if r.other:
        labels = "、".join(f"{f.entity}/{ACTION_ZH[f.action]}" for f in r.other)
        return f"类型不符，被 {labels} 覆盖"
    return "未检出"


def _table(title: str, rows: dict[str, Stats], with_docs: bool) -> list[str]:
    head = ["文档数"] if with_docs else []
    cols = [*head, "预期", "检出", "检出率", "处置一致", "处置准确率", "必遮", "必遮命中", "误报"]
    lines = [title, "\t".join(["名称", *cols])]
    for key, s in rows.items():
        caught = s.must_redacted + s.must_reviewed
        vals = [str(s.docs)] if with_docs else []
        vals += [
            str(s.expected),
            str(s.matched),
            _share(s.matched, s.expected),
            str(s.action_ok),
            _share(s.action_ok, s.matched),
            str(s.must),
            f"{caught}（送审{s.must_reviewed}）" if s.must else "-",
            str(s.false_alarms),
        ]
        lines.append("\t".join([_name(key) if not with_docs else key, *vals]))
    return lines


def format_report(report: ScreenEvalReport) -> str:
    """A Chinese plain-text report: headline figures, every miss and false alarm, tables."""
    must = report.must_items
    n_red = sum(r.got == "redact" for r in must)
    n_rev = sum(r.got == "review" for r in must)
    out = [
        f"个人信息筛查评测：文档 {report.n_docs} 份，预期标注 {len(report.items)} 项，"
        f"其中必须遮蔽 {len(must)} 项",
        "",
        f"一、必须遮蔽项召回率：{_pct(report.must_redact_recall)}"
        f"（遮蔽 {n_red}，送审 {n_rev}，漏检或放行 {len(report.must_misses)}；"
        f"仅计遮蔽：{_pct(report.must_redact_strict_recall)}）",
    ]
    for r in report.must_misses:
        out.append(f"  漏：{r.doc_id}\t{_name(r.item.entity)}\t{r.item.text}\t{_miss_reason(r)}")
    matched = report.matched
    wrong = [r for r in matched if r.got != r.item.action]
    out += [
        "",
        f"二、处置准确率：{_pct(report.action_accuracy)}"
        f"（已匹配 {len(matched)} 项，一致 {len(matched) - len(wrong)} 项；"
        f"遮蔽/送审视为同向时：{_pct(report.action_direction_accuracy)}）；"
        f"检出率 {_pct(report.detection_recall)}",
    ]
    for r in wrong:
        assert r.finding is not None
        out.append(
            f"  不一致：{r.doc_id}\t{_name(r.item.entity)}\t{r.item.text}\t"
            f"预期{ACTION_ZH[r.item.action]} → 实际{ACTION_ZH[r.got]}（规则 {r.finding.rule}）"
        )
    out += [
        "",
        f"三、误报（遮蔽/送审但无对应标注）：{len(report.false_alarms)} 个，"
        f"折合每 20 份文档 {report.false_alarms_per_20:.1f} 个",
    ]
    for fa in report.false_alarms:
        f = fa.finding
        extra = f"（与预期 {'/'.join(fa.overlaps)} 重叠，类型不符）" if fa.overlaps else ""
        out.append(
            f"  误报：{fa.doc_id}\t{_name(f.entity)}\t{f.text}\t{ACTION_ZH[f.action]}"
            f"（规则 {f.rule}）{extra}"
        )
    out += ["", *_table("四、按类型统计", report.by_entity(), with_docs=False)]
    out += ["", *_table("五、按文档类别统计", report.by_genre(), with_docs=True)]
    if report.errors:
        out += ["", f"六、筛查出错的文档：{len(report.errors)} 份"]
        out += [f"  {doc_id}\t{msg}" for doc_id, msg in report.errors]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else Path("tests/fixtures/labelled")
    report = evaluate(directory)
    sys.stdout.write(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
