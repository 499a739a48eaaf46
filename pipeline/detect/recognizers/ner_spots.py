"""The NER cascade's first stage: the places where a person's name may be (cheap, wide).

A spot is a place the model must read. The stage is meant to miss almost no name the model
would find, and to leave out text that cannot hold one, at the cost of one set lookup per
token. A spot is

* a token that starts with a surname character and is not an ordinary dictionary word:
  the surname standing alone (耿|志军, 张|和平 — whatever follows, dictionary word or not),
  a jieba person token (王金兰/nr), or a word jieba does not know (鲍国权);
* a surname character inside a word jieba does not know (当许|传音), or at the end of the
  word before a given name jieba tags as a person (人马|国栋/nr);
* any jieba person token, surname or not (克林顿/nr, 普里马科夫/nrt);
* a transliterated run glued to a middle dot or a dash (约翰—格伦);
* any name an earlier recognizer reported (its boundary and its existence are checked by
  the model: see :mod:`pipeline.detect.recognizers.ner_recognizer`).

Places, cue words and known false friends are never spots.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.detect.recognizers.person_recognizer import (
    COMPOUND_SURNAMES,
    CUE_KINDS,
    NO_CUE_BLOCK,
    NR_POS,
    PLACE_SUFFIX,
    SURNAMES,
    _has_word,
    is_cjk,
    name_tokens,
    surname_len,
)
from pipeline.detect.recognizers.transliterated import TRANSLIT_CHARS

SURNAME_FIRST = frozenset(SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}
TRANSLIT = frozenset(TRANSLIT_CHARS)
#: Joiners inside a transliterated name besides the middle dot (约翰—格伦).
JOINERS = frozenset("·•‧・∙．—-")
#: Single-character tokens that are surnames but almost always a function word or verb in
#: running text; they are spots only before a word jieba does not know or tags as a name.
WEAK_SINGLE = frozenset(
    "于时明全成应向常文高安万方将和与及为把被对从自由经党费项师班金商权关包路单谈查车司扶"
    "修边米初占易廉暨冀尚任段章管付储宿连容惠乐巴勾拓迟卫端古银"
)
#: Of those, the ones that are function words or abbreviations even at a clause start
#: (，向社会 / 于每年 / 冀办发), where the others may open a name (：关|海军).
FUNCTION_SINGLE = frozenset("于时明全成应向常文高安万方将和与及为把被对从自由经易占冀项廉古银查")


@lru_cache(maxsize=1 << 16)
def not_place_or_cue(word: str) -> bool:
    """Not a cue word, a known false friend, or a place (by suffix or the gazetteer)."""
    if word in CUE_KINDS or word in NO_CUE_BLOCK or word[-1] in PLACE_SUFFIX:
        return False
    return gazetteer().level(word) is None


def spots(ctx: DetectContext) -> list[tuple[int, int]]:
    """(start, end) of every spot in normalised offsets, in text order (may overlap)."""
    return [(s, e) for s, e, _ in kinded_spots(ctx)]


def kinded_spots(ctx: DetectContext) -> list[tuple[int, int, str]]:
    """:func:`spots` with the kind of each (``alone``, ``token``, ``nr``, ``inner``,
    ``joined``, ``split``), for measuring what each kind costs and finds."""
    toks = ctx.tokens
    words, flags, starts = toks.words, toks.flags, toks.starts
    n = len(words)
    out: list[tuple[int, int, str]] = []
    # one cheap pass picks the tokens worth a look; most tokens fail all of these tests,
    # which run once per distinct word (a document repeats most of its words)
    memo = _WORTH
    missing = set(words).difference(memo)
    if missing:
        if len(memo) > _WORTH_MAX:
            memo.clear()
            missing = set(words)
        inner, lead = _INNER, _LEAD
        memo.update(
            (w, w[0] in lead or w[1:2] in inner or w[2:3] in inner or w in JOINERS) for w in missing
        )
    cand = list(compress(range(n), map(memo.__getitem__, words)))
    person = name_tokens(ctx)  # jieba's person tokens, found once per document
    if person:
        cand = sorted(set(cand).union(bisect_left(starts, t.start) for t in person))
    for i in cand:
        word = words[i]
        first = word[0]
        if i and len(word) <= 2 and flags[i] in NR_POS and _ends_in_surname(words[i - 1]):
            # 人马|国栋/nr: jieba glued the surname to the word before a given name
            out.append((starts[i] - 1, starts[i] + len(word), "split"))
        if first in SURNAME_FIRST:
            hit = _surname_spot(words, flags, i)
            if hit is not None:
                if hit[2]:
                    out.append((starts[i], starts[i] + hit[1], hit[2]))
                continue
        lw = len(word)
        if lw < 2:
            if word in JOINERS and 0 < i < n - 1:
                before, after = words[i - 1], words[i + 1]
                if before[-1] in TRANSLIT and after[0] in TRANSLIT:
                    out.append((starts[i - 1], starts[i + 1] + len(after), "joined"))
            continue
        if (flags[i] in NR_POS and _foreign_like(word)) or (lw >= 3 and TRANSLIT.issuperset(word)):
            # 克林顿/nr, 若斯潘/nr; 扎加洛/ns, 库马拉通加/ns (places are left out)
            if not_place_or_cue(word):
                out.append((starts[i], starts[i] + lw, "nr"))
            continue
        if word[1] not in _INNER and (lw < 3 or word[2] not in _INNER):
            continue  # a surname inside is looked for at the second and third character
        if not is_cjk(first) or _has_word(word):
            continue
        for k in range(1, min(lw, 3)):  # a surname inside an unknown word: 使耿 | 志军
            if word[k] in _INNER and word[k - 1] not in "时分点":
                end = starts[i] + lw + (len(words[i + 1]) if i + 1 < n else 0)
                out.append((starts[i] + k, min(end, starts[i] + k + 4), "inner"))
                break
    return out


#: Whether a token is worth a look (starts with a surname or transliteration character,
#: holds a surname at its second or third character, or is a joiner), per distinct word.
_WORTH: dict[str, bool] = {}
_WORTH_MAX = 200_000
#: Surnames looked for inside unknown words.
_INNER = frozenset(SURNAMES) - WEAK_SINGLE
#: First characters of the tokens worth a look (surnames and transliteration characters).
_LEAD = SURNAME_FIRST | TRANSLIT


def _ends_in_surname(word: str) -> bool:
    """A dictionary word of two or more characters whose last one is a surname (人马)."""
    return len(word) >= 2 and word[-1] in _INNER and is_cjk(word[0])


def _surname_spot(words: list[str], flags: list[str], i: int) -> tuple[int, int, str] | None:
    """For token ``i`` starting with a surname character: ``(0, length, kind)`` of its
    spot (kind ``""`` for none), or ``None`` when it is no surname after all."""
    word = words[i]
    sl = surname_len(word, 0)
    if not sl:
        return None
    if len(word) == sl:  # the surname alone: 耿|志军, 张|和平, 黄|说
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not nxt or not is_cjk(nxt[0]):
            if nxt[:1].isalnum() or nxt[:1] in "*×＊":
                return 0, 0, ""  # 张3, 李*: a mask, which the rules handle
            return 0, sl, "alone" if sl == 2 or word not in WEAK_SINGLE else ""
        if word in WEAK_SINGLE and flags[i + 1] not in NR_POS and _has_word(nxt):
            prev = words[i - 1][-1] if i else ""
            if is_cjk(prev) or len(nxt) == 1 or word in FUNCTION_SINGLE:
                return 0, 0, ""  # 于|是, 和|平台, 党|的 — but ：关|海军（ is a name
        return 0, sl + min(len(nxt), 3), "alone"
    cued = len(word) <= sl + 2 and _cued(words, i, flags)
    if not cued and (word[0] in FUNCTION_SINGLE or not _name_like(word, flags[i] in NR_POS)):
        return None
    return 0, len(word), "token" if not_place_or_cue(word) else ""


@lru_cache(maxsize=1 << 16)
def _name_like(word: str, person_tag: bool) -> bool:
    """A token starting with a surname that may be a name: a word jieba does not know, or a
    three-character word it tags as a person (王金兰). Dictionary words of two or four
    characters are ordinary words even under a person tag (许可, 康复, 严格执行)."""
    if surname_len(word, 0) == 1 and len(word) > 3:
        return False  # 严格执行, 安全检查: names with one surname have 2–3 characters
    if not _has_word(word):
        return True
    return person_tag and len(word) == 3


def _cued(words: list[str], i: int, flags: list[str]) -> bool:
    """A cue word, a post or a verb of speech right before or after token ``i`` (叶挺 in
    军长|叶挺, 彭真 in 彭真|同志). A word ending in 长/理/席 counts as a post only when
    jieba does not tag it a verb (总理|李鹏, but not 管理|方式, 办理|程序, 成长|成才)."""
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if CUE_KINDS.get(before) == "post" or CUE_KINDS.get(after) == "post" or after in SPEECH:
        return True
    return bool(before) and before[-1] in "长理席" and not flags[i - 1].startswith("v")


#: Verbs of speech and reference after a name (黄说, 袁再次提出).
SPEECH = frozenset(
    ("说", "称", "表示", "指出", "认为", "介绍", "强调", "提出", "再次", "同志", "先生", "女士")
)


def _foreign_like(word: str) -> bool:
    """A person token without a surname that looks transliterated: two thirds of its
    characters transliteration characters (若斯潘, 基里延科), or three or four characters
    jieba does not know (冈田武史)."""
    if len(word) < 2 or (len(word) == 2 and _has_word(word)):
        return False  # 林木, 列明: two-character words
    share = sum(c in TRANSLIT for c in word) / len(word)
    if share == 1 or (len(word) >= 3 and share >= 2 / 3):
        return True
    return 3 <= len(word) <= 4 and not _has_word(word) and share > 0


def window_chars(windows: list[tuple[int, int]]) -> int:
    """Characters the model reads for these windows."""
    return sum(e - s for s, e in windows)
