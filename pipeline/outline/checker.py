"""Check a human-written interpretation (政策解读) against the policy it explains.

Every number (with its unit and qualifier), date, 文号 and 《》 title of the interpretation is
looked up in the policy with the outline guard's extraction (:mod:`pipeline.outline.figures`)
after :mod:`pipeline.outline.check_text` has rewritten Chinese-numeral amounts in digits. Each
item ends in one of three states:

- **verified**: the policy has it (a number with the same value in base units — 3000元 = 0.3万元
  — and a qualifier of the same meaning: 不超过 = 最高 = 以内, 不低于 = 至少 = 以上);
- **mismatch**: the policy has the same value with another qualifier (``qualifier``), or it
  speaks of the same thing — the words around the item match a place in the policy — with a
  different value (``number``/``date``/``doc_number``/``title``); both passages are reported;
- **unverifiable**: the policy says nothing the item can be compared with (the date of a press
  conference, a statistic of the background, a count such as 「明确了12项任务」, a document the
  policy does not cite). These are listed for the editor, never counted as mismatches: the
  policy alone cannot prove them right or wrong.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.outline.check_text import Prepared, is_year, number_key, prepare
from pipeline.outline.check_titles import TitleJudge, aliases, headings
from pipeline.outline.figures import doc_number_parts, items_of, same_doc_number
from pipeline.outline.model import Figure

#: share of the interpretation's context bigrams that a policy place must share to be "the same
#: thing" (a changed value there is a mismatch; below it the item is unverifiable)
SAME_PLACE = 0.4

_CLASSES = {
    "upper": (
        "不超过",
        "不高于",
        "不多于",
        "最高",
        "最多",
        "至多",
        "上限",
        "以下",
        "及以下",
        "以内",
        "之内",
    ),
    "lower": ("不低于", "不少于", "至少", "最低", "最少", "下限", "以上", "及以上"),
    "below": ("低于", "少于", "小于", "不足"),
    "above": ("超过", "高于", "多于", "大于", "之上", "以外"),
    "about": ("左右",),
}
_CLASS_OF = {w: c for c, words in _CLASSES.items() for w in words}
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def qualifier_class(comparator: str | None) -> str:
    """The meaning of a comparator ('upper', 'lower' …; '' for none)."""
    if not comparator:
        return ""
    classes = {_CLASS_OF.get(w, w) for w in comparator.split("…")} - {"达到"}
    return "+".join(sorted(classes))


@dataclass(slots=True)
class Mismatch:
    kind: str  # number / qualifier / date / doc_number / title
    text: str
    start: int
    end: int
    policy_evidence: list[dict[str, Any]]
    note: str


@dataclass(slots=True)
class Unverifiable:
    kind: str
    text: str
    start: int
    end: int
    note: str


@dataclass(slots=True)
class CheckResult:
    mismatches: list[Mismatch] = field(default_factory=list)
    unverifiable: list[Unverifiable] = field(default_factory=list)
    verified: int = 0
    #: the verified items: (figure, start, end) in the interpretation (for the evaluation)
    matched: list[tuple[Figure, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mismatches": [asdict(m) for m in self.mismatches],
            "unverifiable": [asdict(u) for u in self.unverifiable],
            "verified": self.verified,
        }


class PolicyIndex:
    """The policy's items, by kind, with the words around each."""

    def __init__(self, policy: str, title: str = "") -> None:
        self.prep = prepare(policy)
        self.items = self.prep.items
        own = headings(self.prep.text)
        if title:
            own.append(Figure("title", title, re.sub(r"\s+", "", title), None, 0, 0))
        self.titles = TitleJudge(self.items.titles, own, self.prep.text, self.has_doc_number)

    def has_doc_number(self, text: str) -> bool:
        found = items_of(text).doc_numbers
        return bool(found) and any(
            same_doc_number(found[0].value, e.value) for e in self.items.doc_numbers
        )

    def passage(self, fig: Figure) -> dict[str, Any]:
        """The policy sentence around an item: its text and offsets in the policy."""
        text = self.prep.text
        a = fig.start
        while a > 0 and not _SENTENCE_END.match(text[a - 1]) and fig.start - a < 60:
            a -= 1
        b = fig.end
        while b < len(text) and not _SENTENCE_END.match(text[b]) and b - fig.end < 60:
            b += 1
        start, end = self.prep.span(a, b)
        item_start, item_end = self.prep.figure_span(fig)
        return {"start": start, "end": end, "item_start": item_start, "item_end": item_end}


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


_QUALIFIER_WORDS = re.compile("|".join(sorted(_CLASS_OF, key=len, reverse=True)))


def _context_score(a: str, b: str, sided: bool = True) -> float:
    """How much of context ``a`` (left|right words) the context ``b`` shares (qualifier words
    left out: they are compared on their own)."""
    left_a, _, right_a = _QUALIFIER_WORDS.sub("", a).partition("|")
    left_b, _, right_b = _QUALIFIER_WORDS.sub("", b).partition("|")
    left_a, left_b = left_a.rstrip("为是达按约"), left_b.rstrip("为是达按约")
    if len(left_a) >= 3 and left_a[-3:] == left_b[-3:]:
        return 1.0  # the same three characters right before the item (有效期, 补贴标准为)
    side = "R" if sided else ""  # numbers: a word may move to the other side (补贴200元)
    grams = _bigrams(left_a[-8:]) | {side + g for g in _bigrams(right_a[:5])}
    if len(grams) < 2:
        return 0.0
    other = _bigrams(left_b) | {side + g for g in _bigrams(right_b[:8])}
    return len(grams & other) / len(grams)


def _same_place(interp: Prepared, fig: Figure, policy: PolicyIndex, cands: list[Figure]) -> Any:
    """The policy item at the same place as ``fig`` (by the words around it), if any."""
    ctx = interp.window(fig.start, fig.end)
    best, score = None, 0.0
    sided = fig.kind == "date"
    for c in cands:
        s = _context_score(ctx, policy.prep.window(c.start, c.end), sided)
        if s > score:
            best, score = c, s
    return best if score >= SAME_PLACE else None


def check(
    policy: PolicyIndex, interpretation: str, skip: list[tuple[int, int]] | None = None
) -> CheckResult:
    """Check every item of ``interpretation`` against ``policy`` (``skip``: original spans not
    to check, e.g. personal information the screen found)."""
    interp = prepare(interpretation)
    defined = aliases(interp.text)
    result = CheckResult()
    for fig in interp.items.all():
        start, end = interp.figure_span(fig)
        if any(a < end and start < b for a, b in skip or ()) or _is_marker(interp.text, fig):
            continue
        if fig.kind == "title":
            outcome = policy.titles.judge(fig, interp.text, defined)
        else:
            outcome = _judge(interp, fig, policy)
        text = interpretation[start:end]
        if outcome is None:
            result.verified += 1
            result.matched.append((fig, start, end))
        elif isinstance(outcome, str):
            result.unverifiable.append(Unverifiable(fig.kind, text, start, end, outcome))
        else:
            kind, evidence, note = outcome
            passages = [policy.passage(e) for e in evidence[:3] if e.end > e.start]
            result.mismatches.append(Mismatch(kind, text, start, end, passages, note))
    return result


def _is_marker(text: str, fig: Figure) -> bool:
    """A list marker (「2.」「（3）」「10、」) rather than a figure."""
    if fig.kind != "number" or not fig.value[-1:].isdigit():
        return False
    before = text[fig.start - 1] if fig.start else "\n"
    after = text[fig.end : fig.end + 2]
    if before == "(" and after[:1] == ")":
        return True
    return after[:1] in (".", "、") and not after[1:2].isdigit() and not before.isdigit()


#: words that tie a date to the policy itself (its issue, entry into force, deadlines)
_DATE_CUE = re.compile(r"施行|实施|印发|发布|公布|执行|有效期|截止|截至|之日起|起")
#: words of an event around the policy (a press conference, a meeting), not of the policy
_EVENT = re.compile(r"发布会|召开|举行|座谈|记者|采访|访谈|会议|调研|讯|电")


def _judge(interp: Prepared, fig: Figure, policy: PolicyIndex) -> Any:
    """None (verified), a note (unverifiable) or ``(kind, policy items, note)`` (mismatch)."""
    ev = policy.items
    if fig.kind == "doc_number":
        if any(same_doc_number(fig.value, e.value) for e in ev.doc_numbers):
            return None
        near = [e for e in ev.doc_numbers if _near_doc_number(fig.value, e.value)]
        if near:
            return "doc_number", near, f"文号“{fig.text}”与原文“{near[0].text}”不一致"
        return "原文未出现此文号（可能是其他文件）"
    if fig.kind == "date":
        return _judge_date(interp, fig, policy)
    if is_year(fig):
        year = fig.value[:-1]
        if any(e.value == fig.value for e in ev.numbers) or any(
            e.value.startswith(year) for e in ev.dates
        ):
            return None
        return "原文未出现此年份（背景或回顾）"
    return _judge_number(interp, fig, policy)


def _judge_date(interp: Prepared, fig: Figure, policy: PolicyIndex) -> Any:
    dates = policy.items.dates
    if any(e.value == fig.value or e.value.startswith(fig.value + "-") for e in dates):
        return None
    shaped = [e for e in dates if e.value.count("-") == fig.value.count("-")]
    place = _same_place(interp, fig, policy, shaped)
    if place is not None:
        return "date", [place], f"日期“{fig.text}”与原文同处的“{place.text}”不一致"
    clause = _clause(interp.text, fig)
    if fig.value.count("-") == 2 and _DATE_CUE.search(clause) and not _EVENT.search(clause):
        near = [e for e in dates if e.value.count("-") == 2 and e.value[:7] == fig.value[:7]]
        if near:
            return "date", near, f"日期“{fig.text}”与原文同月的“{near[0].text}”不一致"
    return "原文未出现此日期（如发布会、解读发布的日期）"


def _clause(text: str, fig: Figure) -> str:
    left = _SENTENCE_END.split(text[max(0, fig.start - 20) : fig.start])[-1]
    right = _SENTENCE_END.split(text[fig.end : fig.end + 20])[0]
    return left + right


def _judge_number(interp: Prepared, fig: Figure, policy: PolicyIndex) -> Any:
    key = number_key(fig.value)
    same = [e for e in policy.items.numbers if _same_number(key, number_key(e.value))]
    unit = key[1]
    if same:
        want = qualifier_class(fig.comparator)
        if not unit or any(qualifier_class(e.comparator) == want for e in same):
            return None
        sized = [e for e in same if number_key(e.value)[1] == unit]
        if not sized:
            return "原文只有无单位的同值数字，无从核对"
        theirs = "、".join(sorted({e.comparator or "无限定词" for e in sized}))
        place = _same_place(interp, fig, policy, sized)
        classes = {qualifier_class(e.comparator) for e in sized}
        if want and (place is not None or "" not in classes):
            ours = fig.comparator
            evidence = [place] if place is not None else sized
            return "qualifier", evidence, f"“{fig.text}”的限定词（{ours}）与原文（{theirs}）不符"
        if not want:
            return f"解读未写明原文的限定词（原文：{theirs}），请核对"
        return f"原文此数值无限定词“{fig.comparator}”且语境不同，请核对"
    if not unit:
        return "原文未出现此数字（无单位，无从核对）"
    cands = [e for e in policy.items.numbers if number_key(e.value)[1] == unit and not is_year(e)]
    place = _same_place(interp, fig, policy, cands)
    if place is not None:
        return "number", [place], f"数字“{fig.text}”与原文同处的“{place.text}”不一致"
    return "原文未出现此数字（统计、汇总或计数，原文无从核对）"


def _same_number(a: tuple[Any, str], b: tuple[Any, str]) -> bool:
    """The same value in base units; a unit may be left out on one side (3000 / 3000元)."""
    return a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


def _near_doc_number(a: str, b: str) -> bool:
    """The same issuing organisation with another year or sequence number (a typo)."""
    oa, ra = doc_number_parts(a)
    ob, rb = doc_number_parts(b)
    short, long = sorted((oa, ob), key=len)
    if not short or not (oa == ob or (len(short) >= 3 and long.endswith(short))):
        return False
    ya, yb = re.findall(r"[0-9]+", ra), re.findall(r"[0-9]+", rb)
    if len(ya) == len(yb) == 1:
        return oa == ob  # 教育部令第56号 / 教育部令第53号
    return len(ya) == len(yb) == 2 and (ya[0] == yb[0] or ya[1] == yb[1])
