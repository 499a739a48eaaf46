"""Which of the NER model's person spans the cascade reports (the filter after the model).

The model has read the context, so its spans are trusted unless they are plainly not a
private person's name: not CJK, masked (张某, which the rules bound), a cue word, a known
false friend (incl. the leaders' names of 思想/理论 preambles), a place of the gazetteer, or a
word ending like a place. A surname alone is a name only as a reference (黄说, 李老师, 张医生,
杜氏, 老于, 刘家 — not 汤|杯). A span without a surname must not cut a jieba word, except for
a small set of affixes jieba glues to names (小|俊平, 叫|穗积, 克林顿|政府, 克马尔|家);
阿尔茨|海默病 stays out. Reach: the span and the characters right before and after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.detect.recognizers.person_filters import has_word
from pipeline.detect.recognizers.person_recognizer import (
    CUE_KINDS,
    NO_CUE_BLOCK,
    NR_POS,
    PLACE_SUFFIX,
    THING_AFTER,
    is_cjk,
    surname_len,
)
from pipeline.ner.lexicon import GIVEN_CHARS

#: Characters that, after a surname the model reads as a whole name, make it a reference to
#: a person (黄说, 李老师, 唐外长, 张医生, 杜氏, 黄的态度), not the start of a word.
_AFTER_SINGLE = frozenset(
    "说称指表认介讲提强回谈问答告笑老总先女同夫外副再也又则还曾就等和、，。：医氏的"
)
#: Characters before a lone surname that make it a form of address (老于, 小张).
_BEFORE_SINGLE = frozenset("老小")
#: After 刘|家, a place name goes on (刘家村, 刘家湾): then 家 is part of a place.
_PLACE_AFTER_JIA = frozenset("村庄湾屯寨营坊堡沟洼峪河桥集店铺镇乡山岭坝口坪湖港岗园台")
#: Pieces jieba glues to a name: before it (小俊平, 叫穗积) and after it (克林顿政府, 克马尔家).
_GLUED_BEFORE = ("小", "老", "阿", "叫", "称", "给", "使", "让", "向", "和", "与", "同")
_GLUED_AFTER = ("政府", "家", "们", "等", "说", "夫人", "夫妇", "一家", "一行", "先生", "女士")


def plausible_name(
    word: str, after: str = "", person_token: bool = False, before: str = ""
) -> bool:
    """A model span worth reporting as a person (see the module docstring). ``after`` is the
    text right after the span (one or two characters), ``before`` the character before it;
    ``person_token`` (a jieba person tag over the span) is kept for callers that want a
    second opinion."""
    if "某" in word or not word:
        return False
    parts = [p for p in word.replace("·", " ").replace("—", " ").split() if p]
    if not parts or not all(is_cjk(c) for p in parts for c in p):
        return False
    sl = surname_len(word, 0)
    if sl and len(word) == sl:
        nxt = after[:1]
        if nxt == "家":
            return after[1:2] not in _PLACE_AFTER_JIA
        return bool(nxt) and (nxt in _AFTER_SINGLE or (before in _BEFORE_SINGLE and is_cjk(nxt)))
    if word in CUE_KINDS or word in NO_CUE_BLOCK or gazetteer().level(word) is not None:
        return False
    if after.startswith(THING_AFTER):
        return False  # 麻腮风疫苗, 金龙鱼牌: the name of a product, not a person
    if word[-1] in PLACE_SUFFIX and not (sl and len(word) <= sl + 2):
        return False  # 徐汇区, 阿姆斯特丹港 — but 余德庄, 罗庄 are names
    return 2 <= len(word) <= 12


#: Characters common in given names (the training-text generator's list, pipeline/ner/lexicon.py).
NAME_CHARS = frozenset("".join(GIVEN_CHARS))


def wordlike(word: str) -> bool:
    """A dictionary word of three or more characters whose characters after the surname are
    none of the common given-name characters (雷|阵雨 has 雨, so it is not; 冷|不丁, 桑|塔纳,
    卢|浮宫 are): the shape of an ordinary word jieba's dictionary tags as a person. 罗小梅 and
    周大福, also in that dictionary, keep their name shape."""
    sl = surname_len(word, 0) or 1
    return len(word) >= 3 and not NAME_CHARS.intersection(word[sl:]) and has_word(word)


def on_edges(ctx: DetectContext, s: int, e: int) -> bool:
    """Whether ``[s, e)`` starts and ends on jieba token boundaries, or cuts off only a
    piece jieba glues to names (小|俊平, 克林顿|政府)."""
    toks = ctx.tokens
    starts, words, text = toks.starts, toks.words, ctx.text
    i = bisect_right(starts, s) - 1
    at_s = i < 0 or starts[i] == s or text[starts[i] : s] in _GLUED_BEFORE
    j = bisect_right(starts, e - 1) - 1
    if j < 0 or e >= len(text):
        return at_s
    tail = text[e : starts[j] + len(words[j])]
    return at_s and (not tail or tail in _GLUED_AFTER)


def person_token(ctx: DetectContext, s: int, e: int) -> bool:
    """Whether a jieba person token overlaps ``[s, e)``."""
    toks = ctx.tokens
    i = max(0, bisect_right(toks.starts, s) - 1)
    while i < len(toks.starts) and toks.starts[i] < e:
        if toks.flags[i] in NR_POS:
            return True
        i += 1
    return False


#: jieba tags of verbs and verbal nouns: a model span that is exactly one such token (仲裁,
#: 调解) is the act, not a person — names are tagged nr, n, nz or a (高洁), hardly ever v.
_VERBAL_POS = frozenset({"v", "vn", "vd"})
#: Occupation and thing nouns (仲裁员, 调解员, 仲裁庭, 申请书): one dictionary token of three or
#: more characters ending like this is a post or a thing, not a person.
_POST_END = frozenset("员庭书会局处所部门")


def ordinary_token(ctx: DetectContext, s: int, e: int) -> bool:
    """Whether ``[s, e)`` is exactly one jieba token that is a verb or an occupation noun."""
    toks = ctx.tokens
    i = bisect_right(toks.starts, s) - 1
    if i < 0 or toks.starts[i] != s or toks.starts[i] + len(toks.words[i]) != e:
        return False
    return toks.flags[i] in _VERBAL_POS or (e - s >= 3 and ctx.text[e - 1] in _POST_END)


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether any of the sorted, non-overlapping ``spans`` overlaps ``[s, e)``."""
    k = bisect_left(spans, (e, e))
    return k > 0 and spans[k - 1][1] > s
