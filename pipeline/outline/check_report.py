"""``check-interpretation``: the whole report for one policy and one interpretation, as the
command line and the service give it.

Both texts are screened like any document (``pipeline.screen``); the interpretation's findings
are part of the report, and every quotation — the interpretation's items, the policy's
passages, the elements' sentences — goes through a :class:`~pipeline.output.quote.Quoter`, so
personal information is masked unless a reviewer asks for the original (``reveal``). Items
inside a finding (a phone number, an ID number) are not checked: they are not policy figures.
"""

from __future__ import annotations

from typing import Any

from pipeline.outline.checker import PolicyIndex, check
from pipeline.outline.elements import find_elements, missing
from pipeline.output.quote import Quoter

KIND_ZH = {
    "number": "数字",
    "qualifier": "限定词",
    "date": "日期",
    "doc_number": "文号",
    "title": "标题",
}
_FINDING_FIELDS = ("entity", "start", "end", "action", "rule", "reason", "basis")


def check_interpretation(
    policy: str,
    interpretation: str,
    reveal: bool = False,
    screener: Any = None,
    policy_title: str = "",
) -> dict[str, Any]:
    """The report: ``mismatches``, ``unverifiable``, ``verified``, ``elements``,
    ``missing_elements``, ``findings``; every offset indexes ``interpretation`` (evidence
    offsets index ``policy``)."""
    if screener is None and not reveal:
        from pipeline.screen import default_screener

        screener = default_screener()
    screened = screener.screen(interpretation) if screener is not None else None
    if reveal:
        q_interp, q_policy = Quoter(interpretation, (), True), Quoter(policy, (), True)
    else:
        q_interp = Quoter.screen(interpretation, result=screened)
        q_policy = Quoter.screen(policy, screener=screener)
    skip = [(f.start, f.end) for f in screened.findings] if screened is not None else []
    result = check(PolicyIndex(policy, policy_title), interpretation, skip)
    out = result.to_dict()
    for m in out["mismatches"]:
        m["text"] = q_interp.quote(m["start"], m["end"])
        m["note"] = q_interp.scrub(m["note"])
        for ev in m["policy_evidence"]:
            ev["text"] = q_policy.quote(ev["start"], ev["end"])
            ev["item"] = q_policy.quote(ev.pop("item_start"), ev.pop("item_end"))
    for u in out["unverifiable"]:
        u["text"] = q_interp.quote(u["start"], u["end"])
    elements = find_elements(interpretation)
    for element in elements.values():
        for w in element["where"]:
            w["text"] = q_interp.quote(w["start"], w["end"])
            w["cue"] = q_interp.scrub(w["cue"])
    out["elements"] = elements
    out["missing_elements"] = missing(elements)
    out["findings"] = _findings(screened, q_interp) if screened is not None else []
    return out


def _findings(screened: Any, quoter: Quoter) -> list[dict[str, Any]]:
    rows = []
    for f in screened.findings:
        row = {k: getattr(f, k) for k in _FINDING_FIELDS}
        row["text"] = quoter.quote(f.start, f.end)
        rows.append(row)
    return rows


def render_text(report: dict[str, Any]) -> str:
    """The report in Chinese for an editor."""
    lines = []
    mismatches = report["mismatches"]
    if mismatches:
        lines.append(f"与原文不符 {len(mismatches)} 处：")
        for i, m in enumerate(mismatches, 1):
            lines.append(f"{i}. 【{KIND_ZH.get(m['kind'], m['kind'])}】{m['note']}")
            lines.append(f"   解读（第 {m['start']}–{m['end']} 字）：{m['text']}")
            for ev in m["policy_evidence"]:
                lines.append(f"   原文（第 {ev['start']}–{ev['end']} 字）：{ev['text'].strip()}")
    else:
        lines.append("数字、限定词、日期、文号和标题均与原文一致（或原文无从核对）。")
    lines.append(f"已核对一致 {report['verified']} 项。")
    unverifiable = report["unverifiable"]
    if unverifiable:
        shown = "、".join(u["text"] for u in unverifiable[:12])
        more = "等" if len(unverifiable) > 12 else ""
        lines.append(f"原文无从核对 {len(unverifiable)} 项（请编辑自行确认）：{shown}{more}")
    lines.append("")
    lines.append("解读要素：")
    for element in report["elements"].values():
        if element["present"]:
            where = element["where"][0]
            kind = "标题" if where["heading"] else "句子"
            snippet = where["text"].strip().replace("\n", " ")
            if len(snippet) > 40:
                snippet = snippet[:40] + "…"
            lines.append(f"  ✓ {element['name']}（{kind}，第 {where['start']} 字）：{snippet}")
        else:
            lines.append(f"  ✗ {element['name']}：未找到")
    findings = report["findings"]
    lines.append("")
    if findings:
        lines.append(f"个人信息审查：{len(findings)} 处（已按审查结果遮蔽）：")
        for f in findings:
            lines.append(f"  {f['entity']}（{f['action']}，第 {f['start']} 字）：{f['text']}")
    else:
        lines.append("个人信息审查：未发现需遮蔽的内容。")
    return "\n".join(lines) + "\n"
