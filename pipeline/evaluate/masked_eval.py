"""Score the screen on a masked-and-refilled set (``pipeline.evaluate.masked_set``).

Two results:

* **recall of the publisher's masks**: each refilled value is a must-redact item; its outcome
  is redacted, review, allowed, or not found (a finding of another entity over it counts as
  not found, with that entity noted), by kind and, for names, by the role word before them;
* **what else the screen flags**: redact/review findings over text the publisher left
  visible. They are not counted as errors: courts publish defendants' names in full, and
  judges' and clerks' names; those are reported in their own groups, the rest by entity and
  rule, per 20 documents.

Usage: ``zwgk eval-screen --masked court_judgments_masked.jsonl [--half even] [--json]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.audit import context, sample
from pipeline.evaluate.masked_set import to_labelled
from pipeline.evaluate.masks import cue_before
from pipeline.evaluate.screen_eval import Screen, match_document, screen_findings

OUTCOMES = ("redact", "review", "allow", "not_found")
OUTCOME_ZH = {"redact": "遮蔽", "review": "送审", "allow": "放行", "not_found": "未检出"}
DEFENDANT_CUES = ("被告人", "原审被告人", "上诉人", "被告")
STAFF_CUES = ("审判员", "审判长", "陪审员", "书记员", "法官助理", "检察员", "代理检察员")
COUNSEL_CUES = ("辩护人", "诉讼代理人", "代理人")


@dataclass(slots=True)
class Outcome:
    doc_id: str
    kind: str
    cue: str
    text: str
    outcome: str
    rule: str = ""
    other: str = ""  # entities of findings overlapping the item under another label
    context: str = ""


@dataclass(slots=True)
class Visible:
    doc_id: str
    group: str
    entity: str
    rule: str
    action: str
    text: str
    context: str


@dataclass(slots=True)
class MaskedReport:
    docs: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    visible: list[Visible] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def table(self, key: Callable[[Outcome], str]) -> dict[str, Counter[str]]:
        rows: dict[str, Counter[str]] = {}
        for o in self.outcomes:
            rows.setdefault(key(o), Counter())[o.outcome] += 1
        return dict(sorted(rows.items(), key=lambda kv: -sum(kv[1].values())))

    def summary(self) -> dict[str, Any]:
        total = Counter(o.outcome for o in self.outcomes)
        groups = Counter(v.group for v in self.visible)
        return {
            "docs": self.docs,
            "labels": len(self.outcomes),
            **{k: total[k] for k in OUTCOMES},
            "recall": _ratio(total["redact"] + total["review"], len(self.outcomes)),
            "strict_recall": _ratio(total["redact"], len(self.outcomes)),
            "by_kind": {k: _row(c) for k, c in self.table(lambda o: o.kind).items()},
            "person_by_cue": {k: _row(c) for k, c in _person_cues(self).items()},
            "visible_flagged": len(self.visible),
            "visible_per_20_docs": round(20 * len(self.visible) / self.docs, 2)
            if self.docs
            else 0.0,
            "visible_by_group": dict(groups.most_common()),
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _row(c: Counter[str]) -> dict[str, Any]:
    n = sum(c.values())
    return {"n": n, **{k: c[k] for k in OUTCOMES}, "recall": _ratio(c["redact"] + c["review"], n)}


def visible_group(text: str, entity: str, value: str, start: int) -> str:
    """The reference group of a flagged value the publisher left visible."""
    if entity != "PERSON":
        return entity
    if any(cue + value in text for cue in DEFENDANT_CUES):
        return "PERSON 被告人（法院公开）"
    cue = cue_before(text, start)
    if cue in STAFF_CUES:
        return "PERSON 审判/检察人员"
    if cue in COUNSEL_CUES:
        return "PERSON 辩护人/代理人"
    return f"PERSON 其他（{cue}）" if cue else "PERSON 无角色词"


def evaluate_masked(docs: list[dict], screen: Screen | None = None) -> MaskedReport:
    """Screen every built document (``masked_set.build_doc`` output) and score it."""
    if screen is None:
        from pipeline.screen import screen_text

        screen = screen_text
    report = MaskedReport()
    for raw in docs:
        doc = to_labelled(raw)
        cues = [e.get("cue", "") for e in raw["expected"]]
        report.docs += 1
        findings = screen_findings(screen, doc, report.errors)
        items, alarms = match_document(doc, findings)
        for r, cue in zip(items, cues, strict=True):
            got = r.finding.action if r.finding else "not_found"
            report.outcomes.append(
                Outcome(
                    doc.id, r.item.entity, cue, r.item.text, got,
                    rule=r.finding.rule if r.finding else "",
                    other="/".join(sorted({f.entity for f in r.other})),
                    context=context(doc.text, r.item.start, r.item.end),
                )
            )  # fmt: skip
        for fa in alarms:
            f = fa.finding
            group = visible_group(doc.text, f.entity, f.text, f.start)
            report.visible.append(
                Visible(doc.id, group, f.entity, f.rule, f.action, f.text,
                        context(doc.text, f.start, f.end))
            )  # fmt: skip
    return report


def _fmt_row(name: str, c: dict[str, Any]) -> str:
    return (
        f"  {name}\t{c['n']}\t{c['redact']}\t{c['review']}\t{c['allow']}\t{c['not_found']}\t"
        f"{c['recall'] * 100:.1f}%"
    )


def format_masked(report: MaskedReport, n_sample: int = 0) -> str:
    """Chinese plain text; ``n_sample`` > 0 adds that many contexts per kind and group."""
    s = report.summary()
    out = [
        f"发布方遮蔽回填评测：文档 {s['docs']} 份，遮蔽项 {s['labels']} 个（均为必须遮蔽）",
        f"一、召回（遮蔽或送审）：{s['recall'] * 100:.1f}%，"
        f"仅计遮蔽 {s['strict_recall'] * 100:.1f}%"
        f"（遮蔽 {s['redact']}，送审 {s['review']}，放行 {s['allow']}，未检出 {s['not_found']}）",
        "  类型\t数量\t遮蔽\t送审\t放行\t未检出\t召回",
        *[_fmt_row(k, c) for k, c in s["by_kind"].items()],
        "  姓名按角色词：",
        *[_fmt_row(k, _row(c)) for k, c in _person_cues(report).items()],
    ]
    if n_sample:
        for kind in s["by_kind"]:
            missed = [o for o in report.outcomes if o.kind == kind and o.outcome in ("allow",
                      "not_found")]  # fmt: skip
            for o in sample(missed, n_sample):
                extra = f" 规则 {o.rule}" if o.rule else (f" 被 {o.other} 覆盖" if o.other else "")
                out.append(f"    漏 {kind} {OUTCOME_ZH[o.outcome]}{extra} {o.doc_id}: {o.context}")
    out += [
        "",
        f"二、发布方未遮蔽而筛查遮蔽/送审的：{s['visible_flagged']} 个，"
        f"每 20 份 {s['visible_per_20_docs']:.1f} 个（不计为错误，供对照）",
    ]
    by_group: dict[str, list[Visible]] = {}
    for v in report.visible:
        by_group.setdefault(v.group, []).append(v)
    for group, vs in sorted(by_group.items(), key=lambda kv: -len(kv[1])):
        rules = Counter(f"{v.rule}/{v.action}" for v in vs).most_common(3)
        out.append(f"  {len(vs)}\t{group}\t" + "，".join(f"{r} {n}" for r, n in rules))
        for v in sample(vs, n_sample):
            out.append(f"      [{v.action} {v.rule}] {v.doc_id}: {v.context}")
    for doc_id, msg in report.errors:
        out.append(f"  出错：{doc_id}\t{msg}")
    return "\n".join(out) + "\n"


def _person_cues(report: MaskedReport) -> dict[str, Counter[str]]:
    rows: dict[str, Counter[str]] = {}
    for o in report.outcomes:
        if o.kind == "PERSON":
            rows.setdefault(o.cue or "（无角色词）", Counter())[o.outcome] += 1
    return dict(sorted(rows.items(), key=lambda kv: -sum(kv[1].values())))
