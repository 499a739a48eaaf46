"""《》 titles of an interpretation against the policy: the same document, a changed title, or
another document.

A title is **verified** when the policy cites it, is headed by it (「关于印发《X》的通知」 names
X), or when it is a short form (《条例》《若干措施》) of a title the policy or the interpretation
itself defines (「以下简称《实施方案》」). A title that differs from one of those by a single
substitution (办法 → 规定, 河北省 → 河南省) is a **mismatch**, and so is any variant followed by
the policy's own 文号. Titles that only add or drop words (《…办法实施细则》 beside 《…办法》, an
issuer 「科技部关于…」, 「（试行）」) or that carry a 文号 the policy does not have are other
documents of the same family: **unverifiable**, not mismatches.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from pipeline.outline.model import Figure

#: similarity (difflib ratio) above which a title is compared as a variant of a policy title
SIMILAR = 0.6
_BRACKETS = str.maketrans({"<": "〈", ">": "〉", "‹": "〈", "›": "〉", "–": "-", "—": "-"})
_WRAPPED = re.compile(r"(?:[^《》]*?)关于(?:印发|转发|发布|公布)(.+?)的(?:通知|公告|决定|批复|函)")
_ALIAS = re.compile(r"以下简称[:：]?\s*[“\"《]*《?([^《》“”\"()（）,，。]{2,20})》?")
_LIST = re.compile(r"》[、和及与]?$")
_LIST_AFTER = re.compile(r"^[、和及与]?《")
_GENRE = re.compile(r"办法|规定|条例|细则|意见|方案|规划|通知|措施|决定|计划|规则|纲要|标准|指引")
_SELF = re.compile(
    r"本(办法|规定|条例|细则|实施细则|意见|实施意见|方案|实施方案|规划|通知|措施|决定|计划|规则)"
)
_PAREN = re.compile(r"[(（][^()（）]*[)）]?$")
_HEADING_WORDS = re.compile(r"关于|办法|条例|规定|方案|意见|通知|细则|规划|措施|决定|规则")
_DOC_AFTER = re.compile(
    r"^\s*[(（]\s*([^()（）]{2,20}?[〔\[［(（]\s*[0-9]{4}\s*[〕\]］)）]\s*[0-9]+号)"
)


def clean(title: str) -> str:
    """A title for comparing: blanks removed, brackets and dashes of one kind."""
    return re.sub(r"\s+", "", title).translate(_BRACKETS)


def unwrapped(title: str) -> str:
    """关于印发X的通知 → X (an interpretation names the document it explains)."""
    m = _WRAPPED.fullmatch(title)
    return m.group(1).strip("《》") if m else title


def headings(text: str) -> list[Figure]:
    """The first lines of a policy (of each part, when several are joined by a blank line)
    that read like a document title: its own heading."""
    out = []
    seen = 0
    for m in re.finditer(r"[^\n]+|\n\s*\n", text):
        if not m.group(0).strip():
            seen = 0
            continue
        seen += 1
        line = m.group(0).strip()
        if seen > 3:
            continue
        if 6 <= len(line) <= 80 and "。" not in line and _HEADING_WORDS.search(line):
            a = m.start() + m.group(0).index(line)
            out.append(Figure("title", line, unwrapped(clean(line)), None, a, a + len(line)))
    return out


def aliases(text: str) -> set[str]:
    """The short forms a text defines (以下简称《办法》)."""
    return {clean(m.group(1)) for m in _ALIAS.finditer(text)}


class TitleJudge:
    """The policy's titles: those it cites, its headings, the short forms it defines."""

    def __init__(self, cited: list[Figure], heading: list[Figure], text: str, docs: Any) -> None:
        self.figures = cited + heading
        self.own = {unwrapped(clean(f.value)) for f in heading}
        self.full = {clean(f.value) for f in self.figures}
        self.full |= {unwrapped(t) for t in self.full}
        self.short = aliases(text) | {m.group(1) for m in _SELF.finditer(text)}
        self.doc_numbers = docs  # callable: a 文号 value → whether the policy has it

    def judge(self, fig: Figure, interp_text: str, interp_aliases: set[str]) -> Any:
        """None (verified), a note (unverifiable) or ``("title", [policy figures], note)``."""
        t = clean(fig.value)
        known = self.full | self.short | interp_aliases
        if t in known or unwrapped(t) in known:
            return None
        if len(t) <= 4 and any(f.endswith(t) for f in self.own):
            return None  # 《办法》: the policy's own title, shortened
        if 4 < len(t) <= 12 and any(t in f for f in self.full):
            return None  # a short form (《人类遗传资源管理条例》) of a title the policy cites
        after = _DOC_AFTER.match(interp_text[fig.end : fig.end + 30])
        own = after is not None and self.doc_numbers(after.group(1))
        if len(t) <= 6:
            return self._short(t, fig, self.short | interp_aliases)
        best: Figure | None = None
        score, best_value = 0.0, ""
        pool: list[tuple[Figure | None, str]] = [(f, clean(f.value)) for f in self.figures]
        pool += [(None, a) for a in self.short | interp_aliases]
        for f, value in pool:
            s = SequenceMatcher(None, t, value).ratio()
            if s > score:
                best, score, best_value = f, s, value
        if score < SIMILAR:
            return "原文未引用此文件"
        ops = [op for op in SequenceMatcher(None, t, best_value).get_opcodes() if op[0] != "equal"]
        if len(ops) != 1 or ops[0][0] != "replace":
            return "与原文所引文件名称相近（增删了字词），可能是同一系列的另一文件"
        _, i1, i2, j1, j2 = ops[0]
        if not own and (i2 - i1 != j2 - j1 or i2 - i1 > 4):
            return "与原文所引文件名称相近，可能是同一系列的另一文件"
        if (not own and _LIST.search(interp_text[max(0, fig.start - 3) : fig.start])) or (
            _LIST_AFTER.match(interp_text[fig.end : fig.end + 3])
        ):
            return "与原文所引文件名称相近，列于一组文件名称中，应为另一文件"
        shown = f"《{best_value}》" if best is None else best.text
        evidence = [best] if best is not None else []
        return "title", evidence, f"标题{fig.text}与原文的{shown}不一致"

    def _short(self, t: str, fig: Figure, defined: set[str]) -> Any:
        """A short form (《办法》《若干措施》) that no text defines: a mismatch when it is one
        substitution away from a defined short form or the end of the policy's own title."""
        pool = set(defined)
        for own in self.own:
            own = _PAREN.sub("", own)
            if len(own) > len(t):
                pool.add(own[-len(t) :])
        for value in sorted(pool):
            if len(value) != len(t) or value == t or not _GENRE.search(value):
                continue
            ops = [op for op in SequenceMatcher(None, t, value).get_opcodes() if op[0] != "equal"]
            if len(ops) != 1 or ops[0][0] != "replace":
                continue
            _, i1, i2, j1, j2 = ops[0]
            if _GENRE.fullmatch(t[i1:i2]) and _GENRE.fullmatch(value[j1:j2]):
                return "title", [], f"简称{fig.text}与原文或解读所定的简称《{value}》不一致"
        return "原文未引用此文件（简称，无从核对）"
