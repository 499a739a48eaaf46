"""A readable Chinese table of findings for the terminal (colour only on a TTY)."""

from __future__ import annotations

import unicodedata

from pipeline.document import ENTITY_NAMES_ZH, ScreenResult
from pipeline.ingest.locate import location_label
from pipeline.output.labels import doc_type_name

ACTION_ZH = {"redact": "遮蔽", "review": "人工审核", "allow": "保留"}
VERDICT_ZH = {"block": "拦截（须遮蔽后发布）", "review": "待人工审核", "pass": "通过"}
_COLOURS = {"redact": "31", "review": "33", "allow": "32", "block": "31", "pass": "32"}


def display_width(s: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def fit(s: str, width: int) -> str:
    """Cut ``s`` to ``width`` columns (with …) and pad it to exactly ``width``."""
    s = s.replace("\n", " ").replace("\t", " ")
    if display_width(s) > width:
        out, used = [], 0
        for c in s:
            w = display_width(c)
            if used + w > width - 1:
                break
            out.append(c)
            used += w
        s = "".join(out) + "…"
    return s + " " * (width - display_width(s))


def _paint(text: str, key: str, colour: bool) -> str:
    return f"\033[{_COLOURS[key]}m{text}\033[0m" if colour and key in _COLOURS else text


COLUMNS = (("类型", 10), ("原文", 22), ("位置", 16), ("处理", 8), ("规则", 22), ("理由", 40))


def render(result: ScreenResult, source: str, colour: bool = False) -> str:
    """The findings table for one document, with its verdict line."""
    lines = []
    verdict = result.verdict
    title = f"{source}  文种:{doc_type_name(result.doc_type)}  结论:{VERDICT_ZH[verdict]}"
    lines.append(_paint(title, verdict, colour))
    if not result.findings:
        lines.append("  未发现个人信息。")
        return "\n".join(lines)
    lines.append("  " + " ".join(fit(name, w) for name, w in COLUMNS))
    for f in result.findings:
        cells = [
            fit(ENTITY_NAMES_ZH.get(f.entity, f.entity), 10),
            fit(f.text, 22),
            fit(location_label(f.location) or f"{f.start}-{f.end}", 16),
            _paint(fit(ACTION_ZH[f.action], 8), f.action, colour),
            fit(f.rule, 22),
            fit(f.reason, 40),
        ]
        lines.append("  " + " ".join(cells))
    counts = {a: sum(f.action == a for f in result.findings) for a in ACTION_ZH}
    lines.append(
        f"  共 {len(result.findings)} 处：遮蔽 {counts['redact']}，"
        f"人工审核 {counts['review']}，保留 {counts['allow']}"
    )
    return "\n".join(lines)
