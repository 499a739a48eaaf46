"""Organisation units and housing estates are not people (综合科, 财务审计科, 法规办, 华庭小区).

A name recognizer or the model sometimes reads an office's name as a person: 「综合科负责文电
会务」「联系人：县应急管理局综合科 刘建军」. A PERSON span is dropped when it ends in a unit
suffix (科, 处, 室, 股, 办, 组) and the part before the suffix is made of ordinary dictionary
words (综合|科, 财务|审计|科) or does not start with a surname; a post right after it (科长,
处长, 主任) keeps it, as 李强科长 is a person. A span followed directly by a housing estate's
word (华庭|小区, 锦绣|花园) names the estate. Reach: the span and the characters right after it.
"""

from __future__ import annotations

import re

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.person_filters import NR_POS, has_word
from pipeline.detect.recognizers.person_recognizer import _Tokens, surname_len
from pipeline.document import Detection

_UNIT_SUFFIX = frozenset("科处室股办组")
_POST_AFTER = re.compile("长|主任|书记|同志|员")
_ESTATE_AFTER = re.compile("小区|花园|家园|新村|公寓|大厦|广场|花苑|名苑|社区")


def _dictionary_parts(ctx: DetectContext, s: int, e: int) -> bool:
    """``[s, e)`` is covered by jieba words of two or more characters, none a person's."""
    tokens = _Tokens(ctx)
    pos = s
    while pos < e:
        tok = tokens.at(pos)
        if tok is None or tok.start != pos or tok.end > e:
            return False
        if tok.end - tok.start < 2 or tok.pos in NR_POS:
            return False
        pos = tok.end
    return True


def unit_name(ctx: DetectContext, det: Detection) -> bool:
    """The PERSON ``det`` names an office unit or a housing estate, not a person."""
    text = ctx.text
    word = text[det.start : det.end]
    if len(word) < 2:
        return False
    if _ESTATE_AFTER.match(text, det.end):
        return True
    if word[-1] not in _UNIT_SUFFIX or len(word) < 3:
        return False
    if _POST_AFTER.match(text, det.end):
        return False
    base_end = det.end - 1
    if not surname_len(word, 0):
        return True
    return has_word(word[:-1]) and _dictionary_parts(ctx, det.start, base_end)


def drop_unit_names(ctx: DetectContext, found: list[Detection]) -> list[Detection]:
    """``found`` without the PERSON spans that name a unit or an estate."""
    return [d for d in found if d.entity != "PERSON" or not unit_name(ctx, d)]
