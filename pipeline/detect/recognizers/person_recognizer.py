"""Rule-based person-name recognizer: surnames, jieba person tags and context cues.

Three routes, best score kept per span:

* a cue word before the name (联系人:王训涛、王鹏 / 申请人张三 / 局长李明华) or a post after it
  (李明华局长 / 王小明同志): 0.9 when jieba also tags the name as a person, else 0.8;
* a jieba person token (``nr``/``nrfg``/``nrt``) that starts with a surname, is not a
  dictionary word and has no cue: 0.55 (the decide stage reviews these);
* judicial-style masked names (张某, 李某某): 0.85, ``masked_form=True``;
* a transliterated name joined by a middle dot (约翰·史密斯, 买买提·艾力) that no other route
  found: 0.55 (``transliterated.py``). A name any route finds inside a dotted name is widened
  to all of it (穆罕默德·阿卜杜勒, not 穆罕默), keeping its cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.detect.base import DetectContext, Recognizer, Token
from pipeline.detect.recognizers.gazetteer import gazetteer
from pipeline.detect.recognizers.person_filters import (
    NAME_UNIT_RE,
    NR_POS,
    dictionary_word,
    form_label,
    function_start,
)
from pipeline.detect.recognizers.person_filters import has_word as _has_word
from pipeline.detect.recognizers.person_lexicon import (  # noqa: F401 (re-exported)
    _AFTER_CUES,
    _BEFORE_CUES,
    _CUE_RE,
    _DOC_NO_NEXT,
    _ENUM_SEPS,
    _MASKED_RE,
    _MOU_RE,
    _SALUTATION_RE,
    _WEAK_CUES,
    COMPOUND_SURNAMES,
    CUE_KINDS,
    NO_CUE_BLOCK,
    PLACE_SUFFIX,
    STATUS_CUES,
    STOP_GIVEN,
    SURNAMES,
    SURNAMES_BY_FREQUENCY,
    THING_AFTER,
    THIRD_PARTY_CUES,
    is_cjk,
    is_name_token,
    masked_at,
    surname_len,
)
from pipeline.detect.recognizers.transliterated import DottedNames
from pipeline.document import Detection


def _best_per_cluster(dets: list[Detection]) -> list[Detection]:
    """Of mutually overlapping detections keep the best (score, then length)."""
    dets.sort(key=lambda d: (d.start, -d.end))
    out: list[Detection] = []
    best: Detection | None = None
    cluster_end = -1
    for d in dets:
        if best is not None and d.start >= cluster_end:
            out.append(best)
            best = None
        if best is None:
            best, cluster_end = d, d.end
            continue
        cluster_end = max(cluster_end, d.end)
        if (d.score, d.end - d.start) > (best.score, best.end - best.start):
            best = d
    if best is not None:
        out.append(best)
    return out


def _view(ctx: DetectContext, key: str, build):
    """A per-document view shared by recognizers, stored on the context like cached_property."""
    store = vars(ctx)
    if key not in store:
        store[key] = build()
    return store[key]


def name_tokens(ctx: DetectContext) -> list[Token]:
    """The tokens jieba tags as person names (computed once per document)."""
    toks = ctx.tokens
    return _view(ctx, "_person_tokens", lambda: [toks[i] for i in toks.indices_with(NR_POS)])


def token_starts(ctx: DetectContext) -> list[int]:
    """Start offsets of all tokens, for bisect (computed once per document)."""
    return ctx.tokens.starts


class _Tokens:
    """Token lookup by character offset (bisect over token starts)."""

    def __init__(self, ctx: DetectContext) -> None:
        self.tokens = ctx.tokens
        self.starts = token_starts(ctx)

    def index_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def at(self, pos: int) -> Token | None:
        i = self.index_at(pos)
        return self.tokens[i] if 0 <= i < len(self.tokens) else None


#: The last character of a cue that jieba glues to the name after it (受助|人颜若溪).
_GLUED_CUE_END = frozenset({"人", "者"})


def _name_ok(text: str, toks: _Tokens, s: int, e: int, floor: int) -> tuple[bool, bool]:
    """(acceptable, person-tagged) for a candidate name ``[s, e)``.

    ``floor``: a token starting before ``s`` but not before ``floor`` (the cue blended into
    the name by jieba, 投诉|人方) is accepted.
    """
    first = toks.at(s)
    last = toks.at(e - 1)
    if first is None or last is None:
        return False, False
    if first.start < s and (
        first.start < floor or (first.pos in NR_POS and text[first.start : s] not in _GLUED_CUE_END)
    ):
        return False, False  # (a person token glued to the cue's 人/者 is the name: 受助|人颜若溪)
    if last.end > e and last.pos not in NR_POS:
        return False, False  # the name would cut an ordinary word in two
    if (
        first.start == s
        and first.pos not in NR_POS
        and s + surname_len(text, s) < first.end < e
        and not _closed_by_single(text, last, e)
    ):
        return False, False  # the surname starts an ordinary word (单位|要)
    if function_start(text, toks, first, s, e):
        return False, False  # 申请人|应|根据, 投诉人|向|有, 投诉|人向|文化 (not 书记|于|洪亮)
    if (
        first.start == s
        and surname_len(text, s) == 1
        and s + 1 < first.end < e
        and _has_word(first.word)
        and not _closed_by_single(text, last, e)
    ):
        return False, False  # a word starts the candidate: 残疾人|康复|新技术
    if first.start == s and first.end > e and _has_word(first.word):
        return False, False  # the candidate cuts a word: 残疾人|康复训|练
    if dictionary_word(text[s:e]):
        return False, False  # 当事人|陈述, 仲裁庭, 申请书, 严肃, 安全性
    i, j = toks.index_at(s), toks.index_at(e - 1)
    covering = toks.tokens[i : j + 1]
    tagged = any(t.pos in NR_POS for t in covering)
    if len(covering) == 1 and first.start == s and last.end == e:
        w = first.word
        if not tagged or w[-1] in PLACE_SUFFIX or w in gazetteer().full:
            return False, False  # one ordinary word (单位, 应当, 高新区)
    return True, tagged


def _closed_by_single(text: str, last: Token, e: int) -> bool:
    """The candidate ends in a one-character token and the clause ends right there
    (社区矫正对象蓝海|波，男): a name jieba read as a word plus a character."""
    return last.start == e - 1 and last.end == e and not is_cjk(text[e : e + 1] or "，")


def _given_end(text: str, s: int, sl: int) -> int:
    e, limit = s + sl, min(len(text), s + sl + 2)
    while e < limit and is_cjk(text[e]) and text[e] not in STOP_GIVEN:
        e += 1
    return e


class PersonRecognizer(Recognizer):
    """PERSON from surnames, jieba person tags and context cues."""

    name = "person_rules"
    entities = ("PERSON",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: dict[tuple[int, int], Detection] = {}
        toks: _Tokens | None = None

        dotted = DottedNames(text)

        def add(s: int, e: int, score: float, cue: str | None, via: str, **extra: object) -> None:
            wide = dotted.around(s, e)
            if wide is not None:
                s, e = wide
                extra["transliterated"] = True
            if ctx.excluded(s, e):
                return
            kind = extra.pop("kind", None) or (CUE_KINDS.get(cue) if cue else None)
            attrs = {"cue": cue, "cue_kind": kind, "via": via, **extra}
            why = f"姓名(线索:{cue})" if cue else "姓名(分词人名)"
            old = found.get((s, e))
            if old is None or old.score < score:
                found[(s, e)] = Detection("PERSON", s, e, score, self.name, why, attrs)

        for m in _MOU_RE.finditer(text):
            masked = masked_at(text, m.start())
            if masked is not None:
                add(*masked, 0.85, None, "masked", masked_form=True)

        for m in _CUE_RE.finditer(text):
            if toks is None:
                toks = _Tokens(ctx)
            self._cue(text, toks, m, add)

        for m in _SALUTATION_RE.finditer(text):
            # a letter or reply opens with its addressee on a line of their own: 凌志远：
            s, e = m.span(1)
            if text[s:e].endswith(("女士", "先生", "同志")):
                continue  # 陈女士: surname and honorific only, no name
            if form_label(text, m.start(), m.end(), text[s:e]):
                continue  # 项目名称：/申报单位：/申请日期： a blank form, not an addressee
            if surname_len(text, s) and not ctx.excluded(s, e):
                add(s, e, 0.8, "称呼", "cue", kind="private")

        for m in NAME_UNIT_RE.finditer(text):
            # a list of names each with its unit: 李红梅（肥西县实验中学）、张伟（…）
            s, e = m.span(1)
            if surname_len(text, s) and not dictionary_word(text[s:e]) and not _has_word(text[s:e]):
                add(s, e, 0.7, None, "name_unit")

        for tok in name_tokens(ctx):
            if is_name_token(tok, text) and not text.startswith(THING_AFTER, tok.end):
                add(tok.start, tok.end, 0.55, None, "nr")
        for s, e in dotted.spans:
            add(s, e, 0.55, None, "dotted")
        return _best_per_cluster(list(found.values()))

    def _cue(self, text: str, toks: _Tokens, m: re.Match[str], add) -> None:
        cue, sep = m.group(1), m.group(2)
        if cue in _BEFORE_CUES:
            pos, floor, strict = m.end(), m.start(), cue in _WEAK_CUES and not sep
            for _ in range(12):  # the name and an enumeration after it (王训涛、王鹏)
                masked = _MASKED_RE.match(text, pos)
                if masked is not None:
                    s, e = masked.span()
                    add(s, e, 0.9, cue, "masked", masked_form=True)
                else:
                    hit = self._after(text, toks, pos, floor)
                    if hit is None or (strict and not hit[2]):
                        break
                    s, e, tagged = hit
                    if text[e : e + 1] in ("*", "×"):
                        break  # already de-identified (王*军)
                    add(s, e, 0.9 if tagged else 0.8, cue, "cue")
                if text[e : e + 1] not in _ENUM_SEPS or CUE_KINDS[cue] == "post":
                    break
                pos, floor, strict = e + 1, e + 1, text[e] in ", " or strict
        if cue in _AFTER_CUES:
            hit = self._before(text, toks, m.start())
            if hit is not None:
                s, e, tagged = hit
                add(s, e, 0.9 if tagged else 0.8, cue, "cue")

    @staticmethod
    def _after(text: str, toks: _Tokens, s: int, floor: int) -> tuple[int, int, bool] | None:
        sl = surname_len(text, s)
        if not sl:
            return None
        e = _given_end(text, s, sl)
        if e == s + sl:
            return None
        ok, tagged = _name_ok(text, toks, s, e, floor)
        if not ok and e - s > sl + 1:
            ok, tagged = _name_ok(text, toks, s, e - 1, floor)
            e -= 1
        return (s, e, tagged) if ok else None

    @staticmethod
    def _before(text: str, toks: _Tokens, e: int) -> tuple[int, int, bool] | None:
        last = toks.at(e - 1)
        if last is None or last.end != e:
            return None  # 负责同志: the post is part of a bigger word
        for size in (4, 3, 2):
            s = e - size
            if s < 0 or toks.at(s) is None or toks.at(s).start != s:  # type: ignore[union-attr]
                continue
            sl = surname_len(text, s)
            if not sl or not sl + 1 <= size <= sl + 2 or _given_end(text, s, sl) < e:
                continue
            ok, tagged = _name_ok(text, toks, s, e, s)
            if ok and (tagged or toks.at(s).end == s + sl):  # type: ignore[union-attr]
                return s, e, tagged
        return None
