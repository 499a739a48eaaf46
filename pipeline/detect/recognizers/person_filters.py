"""Checks that keep ordinary words out of the person recognizer's cue route: dictionary words
after a cue (陈述, 申请书), function words (应|根据, 向|有), blank form labels (项目名称：), and the
name-(unit) list pattern. Reach: the candidate and its own line."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.detect.base import Token

NR_POS = frozenset({"nr", "nrfg", "nrt"})


@cache
def has_word(word: str) -> bool:
    import rjieba

    return bool(rjieba.has_word(word))


#: Last characters of form labels (项目名称, 申报单位, 申请日期, 联系地址 …).
_LABEL_END = frozenset("称位期间址话号码额型别况容见由式源点人表名目类级历务别址况编况章")
_LABEL_LINE_RE = re.compile(r"[ \t]*[\u4e00-\u9fff()（）]{2,10}[:：]")


#: A name right before its unit in brackets, at a list position (line start, 、, ，, ：).
NAME_UNIT_RE = re.compile(
    r"(?:^|(?<=[\n、,:;\t ]))([\u4e00-\u9fff]{2,3})\((?:[\u4e00-\u9fff]{2,20}?)"
    "(?:学校|中学|小学|大学|学院|幼儿园|医院|卫生院|局|委|办|公司|中心|村委会|居委会|社区|站|所|院|镇|乡"
    r"|街道|厂|队)\)"
)


def form_label(text: str, ls: int, le: int, word: str) -> bool:
    """A ``label:`` line of a blank form rather than a letter's addressee (reach: the line
    and the lines right above and below it)."""
    if word[-1] in _LABEL_END or has_word(word):
        return True
    above = text.rfind("\n", 0, max(0, ls - 1)) + 1
    below = le + 1
    return (ls > 0 and _LABEL_LINE_RE.match(text, above, ls) is not None) or (
        below < len(text) and _LABEL_LINE_RE.match(text, below) is not None
    )


#: Surname characters that are also prepositions and modal verbs (向, 应, 于 …).
_FUNCTION_CHARS = frozenset("向应于对把被将从为由以按依据在")
#: POS tags of a one-character token that make it a function word rather than a surname.
_FUNCTION_POS = frozenset({"p", "v", "d", "c", "u", "r", "uj", "ul", "ud", "ug", "uz", "f", "a"})
#: Last characters of dictionary words that name a thing, never a person (申请书, 仲裁庭 …).
_THING_SUFFIX = frozenset("书庭性权率费法表单证制会局处所部门额量期程式类型项品物业力感化度金款")


def function_start(text: str, toks: Any, first: Token, s: int, e: int) -> bool:
    """The candidate starts with a preposition or modal verb, not a surname: its first
    character is a function word and the rest is not a person-tagged word of its own."""
    single = first.start == s and first.end == s + 1 and first.pos in _FUNCTION_POS
    if not single and not (
        text[s] in _FUNCTION_CHARS
        and (text[s + 1 : s + 2] in "有关" or has_word(text[s + 1 : s + 3]))
    ):
        return False
    rest = toks.at(s + 1)
    return not (rest is not None and rest.start == s + 1 and rest.end == e and rest.pos in NR_POS)


def dictionary_word(w: str) -> bool:
    """An ordinary dictionary word that a cue is followed by (陈述, 严肃, 申请书), not a name.

    Two-character words always (names like 高峰 are then left to the model and to colon
    forms); longer ones only when they end like a thing (周大福 is in the dictionary too).
    """
    if len(w) == 2:
        return has_word(w)
    return len(w) >= 3 and w[-1] in _THING_SUFFIX and has_word(w)
