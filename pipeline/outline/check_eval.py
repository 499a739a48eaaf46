"""``zwgk eval-interpretation``: the interpretation checker on real policy–interpretation pairs.

(a) **Originals**: every published interpretation is checked against the policy it explains
(``pairs_with``: one or more policies, joined); every mismatch on them is a false flag.
(b) **Planted changes**: in each pair, one item of each kind that the interpretation shares with
the policy (a number, a qualifier, a full date, a 文号, a 《》 title; chosen at random, seeded) is
altered to a value the policy does not contain, one kind at a time; a change is caught when a
mismatch covers it. A pair with no shared item of a kind plants nothing of that kind.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.outline.check_text import is_year, number_key
from pipeline.outline.checker import CheckResult, PolicyIndex, check, qualifier_class
from pipeline.outline.model import Figure

KINDS = ("number", "qualifier", "date", "doc_number", "title")
_OPPOSITE = {
    "不超过": "不低于", "不高于": "不低于", "最高": "最低", "最多": "最少", "至多": "至少",
    "以下": "以上", "及以下": "及以上", "以内": "以上", "之内": "以上", "不多于": "不少于",
    "不低于": "不超过", "不少于": "不多于", "至少": "至多", "最低": "最高", "最少": "最多",
    "以上": "以下", "及以上": "及以下", "达到": "不超过", "超过": "低于", "低于": "超过",
    "高于": "低于", "少于": "多于", "多于": "少于", "大于": "小于", "小于": "大于", "不足": "超过",
    "上限": "下限", "下限": "上限", "左右": "以上",
}  # fmt: skip
_COUNT_UNITS = (
    "",
    "个",
    "项",
    "条",
    "次",
    "类",
    "批",
    "期",
    "篇",
    "场",
    "件",
    "月",
    "日",
    "家",
    "所",
)
_TITLE_SWAPS = (
    ("办法", "规定"), ("条例", "办法"), ("意见", "通知"), ("方案", "规划"), ("措施", "意见"),
    ("规划", "方案"), ("通知", "意见"), ("规定", "办法"), ("细则", "办法"), ("河北省", "河南省"),
    ("管理", "服务"), ("实施", "执行"), ("促进", "推动"), ("加快", "加强"), ("推进", "推动"),
)  # fmt: skip


def load_pairs(path: Path) -> list[tuple[str, str, str]]:
    """``(id, policy, interpretation)`` for each row with ``pairs_with``; title and body of
    each text joined (the policy's title names it for the interpretation)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    by_id = {r["id"]: r for r in rows}
    pairs = []
    for r in rows:
        links = r.get("pairs_with") or []
        if isinstance(links, str):
            links = [links]
        policies = [by_id[i] for i in links if i in by_id]
        if not policies:
            continue
        policy = "\n\n".join(f"{p.get('title', '')}\n{p['text']}" for p in policies)
        pairs.append((r["id"], policy, f"{r.get('title', '')}\n{r['text']}"))
    return pairs


def _skip(screener: Any, text: str) -> list[tuple[int, int]]:
    if screener is None:
        return []
    return [(f.start, f.end) for f in screener.screen(text).findings]


def evaluate(path: Path, seed: int = 17, screener: Any = None, limit: int = 0) -> dict[str, Any]:
    """The figures of (a) and (b), and the false flags for inspection."""
    pairs = load_pairs(path)[: limit or None]
    planted: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    kind_right: Counter[str] = Counter()
    missed: list[dict[str, Any]] = []
    false_flags: list[dict[str, Any]] = []
    unverifiable: Counter[str] = Counter()
    verified = flagged_pairs = 0
    for pid, policy, interp in pairs:
        index = PolicyIndex(policy)
        result = check(index, interp, _skip(screener, interp))
        verified += result.verified
        unverifiable.update(u.kind for u in result.unverifiable)
        if result.mismatches:
            flagged_pairs += 1
        for m in result.mismatches:
            false_flags.append({"id": pid, "kind": m.kind, "text": m.text, "note": m.note,
                                "context": interp[max(0, m.start - 30) : m.end + 20]})  # fmt: skip
        rng = random.Random(f"{seed}:{pid}")
        for kind in KINDS:
            change = plant(kind, interp, result, index, rng)
            if change is None:
                continue
            text, start, end, item = change
            planted[kind] += 1
            after = check(index, text, _skip(screener, text))
            lo, hi = min(start, item[0]), max(end, item[1])
            hits = [m for m in after.mismatches if m.start < hi and lo < m.end]
            if hits:
                caught[kind] += 1
                kind_right[kind] += any(m.kind == kind for m in hits)
            else:
                missed.append({"id": pid, "kind": kind, "planted": text[start:end],
                               "context": text[max(0, start - 30) : end + 20]})  # fmt: skip
    return {
        "pairs": len(pairs),
        "seed": seed,
        "originals": {
            "verified": verified,
            "unverifiable": dict(unverifiable),
            "false_flags": len(false_flags),
            "pairs_with_false_flag": flagged_pairs,
            "false_flags_by_kind": dict(Counter(f["kind"] for f in false_flags)),
        },
        "planted": {
            k: {
                "planted": planted[k],
                "caught": caught[k],
                "kind_right": kind_right[k],
                "share": round(caught[k] / planted[k], 4) if planted[k] else None,
            }
            for k in KINDS
        },
        "false_flag_list": false_flags,
        "missed_list": missed,
    }


def plant(
    kind: str, interp: str, result: CheckResult, index: PolicyIndex, rng: random.Random
) -> tuple[str, int, int, tuple[int, int]] | None:
    """``(altered text, start, end of the change, the item's span after it)``; None when
    the interpretation shares nothing of ``kind`` with the policy."""
    options = [(f, a, b) for f, a, b in result.matched if _plantable(kind, f)]
    rng.shuffle(options)
    for fig, a, b in options:
        change = _alter(kind, fig, interp, a, b, index, rng)
        if change is not None:
            rep, ca, cb = change
            shift = len(rep) - (cb - ca)
            item = (a if a < ca else a + shift, b if b <= ca else b + shift)
            return interp[:ca] + rep + interp[cb:], ca, ca + len(rep), item
    return None


def _plantable(kind: str, fig: Figure) -> bool:
    if kind == "qualifier":
        return fig.kind == "number" and qualifier_class(fig.comparator) != ""
    if kind == "number":  # an amount with its unit: not a count (12项), a month or a day
        unit = number_key(fig.value)[1]
        return fig.kind == "number" and not is_year(fig) and unit not in _COUNT_UNITS
    if kind == "date":
        return fig.kind == "date" and fig.value.count("-") == 2
    return fig.kind == kind


def _alter(
    kind: str, fig: Figure, text: str, a: int, b: int, index: PolicyIndex, rng: random.Random
) -> tuple[str, int, int] | None:
    """The replacement and the original span it replaces."""
    if kind == "qualifier":
        words = sorted(_OPPOSITE, key=len, reverse=True)
        for lo, hi in ((max(0, a - 8), a), (b, b + 6)):
            for w in words:
                i = text.rfind(w, lo, hi) if lo < a else text.find(w, lo, hi)
                if i >= 0:
                    return _OPPOSITE[w], i, i + len(w)
        return None
    if kind == "number":
        num, unit = re.match(r"([0-9.]+(?:/[0-9]+)?)(.*)", fig.value).groups()  # type: ignore[union-attr]
        if "/" in num:
            return None
        have = {number_key(e.value) for e in index.items.numbers}
        value = float(num)
        choices = [value + 1, value * 2, value * 10, value + 5, max(1.0, value - 1)]
        rng.shuffle(choices)
        for v in choices:
            s = f"{v:g}" if "." in num else str(int(v))
            if s != num and number_key(s + unit) not in have:
                return s + unit, a, b
        return None
    if kind == "date":
        y, m, d = (int(x) for x in fig.value.split("-"))
        days = {e.value for e in index.items.dates}
        for nd in rng.sample([d + 1, d - 1, d + 10, d - 10, 15], 5):
            if 1 <= nd <= 28 and f"{y:04d}-{m:02d}-{nd:02d}" not in days:
                return f"{y}年{m}月{nd}日", a, b
        return None
    if kind == "doc_number":
        digits = list(re.finditer(r"[0-9]+", text[a:b]))
        if not digits:
            return None
        last = digits[-1]
        for step in rng.sample((1, 2, 3, 5), 4):
            new = (
                text[a : a + last.start()]
                + str(int(last.group(0)) + step)
                + text[a + last.end() : b]
            )
            if not index.has_doc_number(new):
                return str(int(last.group(0)) + step), a + last.start(), a + last.end()
        return None
    title = text[a:b]
    swaps = [(w, v) for w, v in _TITLE_SWAPS if w in title]
    rng.shuffle(swaps)
    for w, new_w in swaps:
        altered = title.replace(w, new_w, 1)
        if index.titles.judge(Figure("title", altered, altered[1:-1]), "", set()) is not None:
            return altered, a, b
    return None


def render(report: dict[str, Any], show: Iterable[str] = ()) -> str:
    o, lines = report["originals"], []
    lines.append(f"政策—解读配对 {report['pairs']} 组（seed {report['seed']}）")
    lines.append(
        f"原解读：核对一致 {o['verified']} 项；原文无从核对 {sum(o['unverifiable'].values())} 项"
        f" {o['unverifiable']}；误报 {o['false_flags']} 处，涉及 {o['pairs_with_false_flag']} 组"
        f" {o['false_flags_by_kind']}"
    )
    for k, v in report["planted"].items():
        share = "—" if v["share"] is None else f"{v['share']:.1%}"
        got = f"{v['caught']}/{v['planted']}"
        lines.append(f"植入修改 {k}: {got} 检出（{share}），类别正确 {v['kind_right']}")
    if "false" in show:
        lines += [
            f"  误报 {f['id']} [{f['kind']}] {f['note']} …{f['context']}…"
            for f in report["false_flag_list"]
        ]
    if "missed" in show:
        lines += [
            f"  漏检 {m['id']} [{m['kind']}] {m['planted']} …{m['context']}…"
            for m in report["missed_list"]
        ]
    return "\n".join(lines) + "\n"
