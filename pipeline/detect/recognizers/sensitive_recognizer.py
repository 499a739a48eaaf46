"""Sensitive personal information (PIPL art. 28) linked to a person.

HEALTH, RELIGION, ETHNICITY, CRIMINAL_RECORD, MINOR, BIOMETRIC and DATE_OF_BIRTH fire only
when the same sentence (or line) also holds a person: a name-like token, a masked name
(张某), a private-person cue (申请人, 户主, 该户, 其 …) or a roster row. Policy text such as
"做好残疾人就业工作" or "宗教事务管理" has none of these and stays silent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.person_recognizer import (
    is_name_token,
    masked_at,
    name_tokens,
    token_starts,
)
from pipeline.detect.recognizers.sensitive_context import (
    ITEM_RE,
    NORMATIVE_RE,
    plausible,
    token_starts_at,
)
from pipeline.detect.recognizers.sensitive_patterns import _BY_TRIGGER, _TRIGGER_RE, _Rule
from pipeline.document import Detection

_AHEAD = 48

_PRIVATE_CUE_RE = re.compile(
    "申请人|当事人|户主|该户|投诉人|举报人|来信人|信访人|该同志|该生|该人|该员|犯罪嫌疑人"
    # a status word right before a name the model finds later (jieba does not tag it):
    # 矫正对象蒋天成因…, 困难党员倪长山，… (not 社区矫正对象的管理)
    "|(?:矫正对象|困难党员)(?=[\u4e00-\u9fff]{2,3}[,，因于在曾(（、])|其家属"
)
_SENTENCE_END_RE = re.compile("[。!?;\n]")
#: Openers of a sentence that has no subject of its own and goes on about the person of
#: the sentence before (因犯…罪, 曾因…, 于…年被判处, 经…鉴定, 后因病).
_SUBJECTLESS_RE = re.compile(
    "[ \t\u3000]*(?:曾?因|曾|于[0-9一二〇零]|经|后因|后经|现因|又因|次年|同年)"
)
#: A "label: value" line of a form block (当事人：…\n出生日期：…\n住址：…).
_FIELD_LINE_RE = re.compile(r"[ \t]*[\u4e00-\u9fff()（）]{2,10}[:：]")
_FORM_LINES_BACK = 4
_PRONOUNS = frozenset({"其", "该户", "该生", "该童", "其子", "其女", "本人"})
_MINOR_WORDS = frozenset({"学生", "该生", "学龄儿童", "在校生", "幼儿"})
_HINTS = tuple(_PRONOUNS | _MINOR_WORDS)


class _Links:
    """What ties a sentence to a person; computed once per sentence, lazily."""

    def __init__(self, ctx: DetectContext) -> None:
        self.ctx = ctx
        self.ends = [m.start() for m in _SENTENCE_END_RE.finditer(ctx.text)]
        self.names = name_tokens(ctx)
        self.name_starts = [t.start for t in self.names]
        #: names the person recognizers before this one reported (cue names: 特困人员毛建华)
        self.people = sorted(d.start for d in ctx.found if d.entity == "PERSON")
        self._starts: list[int] | None = None
        self.rosters = sorted((s, e) for k, s, e, _ in ctx.annotations if k == "roster")
        self._cache: dict[int, tuple[str | None, bool]] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.ctx.text)
        return start, end

    def _words(self, s: int, e: int) -> set[str]:
        """The words of ``[s, e)`` (only built for sentences that need it)."""
        if self._starts is None:
            self._starts = token_starts(self.ctx)
        tokens = self.ctx.tokens
        j = bisect_left(self._starts, s)
        words = set()
        while j < len(tokens) and tokens[j].start < e:
            words.add(tokens[j].word)
            j += 1
        return words

    def _sentence_link(self, s: int, e: int) -> tuple[str | None, bool]:
        """(link kind, has a minor word) for the sentence ``[s, e)``."""
        text = self.ctx.text
        mou = text.find("某", s, e)
        while mou >= 0:
            if masked_at(text, mou) is not None:
                return "name", False
            mou = text.find("某", mou + 1, e)
        j = bisect_left(self.name_starts, s)
        while j < len(self.names) and self.names[j].start < e:
            if is_name_token(self.names[j], text):
                return "name", False
            j += 1
        k = bisect_left(self.people, s)
        if k < len(self.people) and self.people[k] < e:
            return "name", False
        sent = text[s:e]
        words = self._words(s, e) if any(w in sent for w in _HINTS) else set()
        minor = not words.isdisjoint(_MINOR_WORDS)
        if NORMATIVE_RE.search(text, s, e) or text[e - 1 : e] == "的" or ITEM_RE.match(text, s):
            return None, False  # statute/policy wording: no cue or pronoun link
        if _PRIVATE_CUE_RE.search(text, s, e):
            return "cue", minor
        return ("pronoun" if not words.isdisjoint(_PRONOUNS) else None), minor

    def link(self, start: int, minor: bool) -> str | None:
        """How a sensitive phrase at ``start`` is tied to a person, or None."""
        i = bisect_right(self.rosters, (start, len(self.ctx.text))) - 1
        if i >= 0 and self.rosters[i][0] <= start < self.rosters[i][1]:
            return "roster"
        s, e = self.sentence(start)
        if s not in self._cache:
            self._cache[s] = self._sentence_link(s, e)
        how, has_minor_word = self._cache[s]
        if how is None and minor and has_minor_word:
            return "pronoun"
        if how is None:
            how = self._form_block_link(s)
        if how is None:
            how = self._subjectless_link(s)
        return how

    def _subjectless_link(self, s: int) -> str | None:
        """A sentence with no subject (「因犯危险驾驶罪，于…判处拘役四个月」) goes on about
        the person of the sentence before it. Reach: that one sentence, in the same line."""
        text = self.ctx.text
        if s == 0 or text[s - 1] not in "。;" or not _SUBJECTLESS_RE.match(text, s):
            return None
        ps, pe = self.sentence(s - 1)
        if ps >= pe:
            return None
        if ps not in self._cache:
            self._cache[ps] = self._sentence_link(ps, pe)
        how = self._cache[ps][0]
        return how if how in ("name", "cue") else None

    def _form_block_link(self, s: int) -> str | None:
        """A field line of a form block is tied to the person named a few lines above."""
        text = self.ctx.text
        for _ in range(_FORM_LINES_BACK):
            if s == 0 or text[s - 1] != "\n" or not _FIELD_LINE_RE.match(text, s):
                return None
            ps, pe = self.sentence(s - 1)
            if ps >= pe:
                return None  # a blank line ends the block
            if ps not in self._cache:
                self._cache[ps] = self._sentence_link(ps, pe)
            if self._cache[ps][0] is not None:
                return self._cache[ps][0]
            s = ps
        return None


def _hits(ctx: DetectContext) -> list[tuple[_Rule, int, int, str]]:
    """Linked phrases found around literal triggers, deduplicated by (category, span)."""
    text = ctx.text
    n = len(text)
    links: _Links | None = None
    seen: set[tuple[str, int, int]] = set()
    out: list[tuple[_Rule, int, int, str]] = []
    for t in _TRIGGER_RE.finditer(text):
        i = t.start()
        if links is None:
            links = _Links(ctx)
        for rule in _BY_TRIGGER[t.group()]:
            if rule.category == "DATE_OF_BIRTH" and not token_starts_at(ctx, i):
                continue  # 应聘考|生于: not 生于
            how = links.link(i, rule.category == "MINOR")
            if how is None:
                continue  # nobody in this sentence: skip the phrase search
            for m in rule.pattern.finditer(text, max(0, i - rule.lookback), min(n, i + _AHEAD)):
                if not m.start() <= i < m.end():
                    continue
                s, e = m.span(rule.group) if rule.group else m.span()
                if how == "cue" and not _cue_outside(text, links.sentence(i), s, e):
                    continue  # the only cue is the phrase itself (a title: 社区矫正对象情况)
                if not plausible(ctx, rule.category, s, e, how):
                    continue
                key = (rule.category, s, e)
                if key not in seen:
                    seen.add(key)
                    out.append((rule, s, e, how))
    # a phrase inside a longer one of the same category (白血病 in 患有白血病) goes
    out.sort(key=lambda h: (h[1], -h[2]))
    kept: list[tuple[_Rule, int, int, str]] = []
    reach: dict[str, int] = {}
    for h in out:
        if h[2] <= reach.get(h[0].category, -1):
            continue
        reach[h[0].category] = h[2]
        kept.append(h)
    return kept


class SensitiveCategoryRecognizer(Recognizer):
    """Sensitive categories (PIPL art. 28) and birth dates, only when tied to a person."""

    name = "sensitive_rules"
    entities = (
        "HEALTH",
        "RELIGION",
        "ETHNICITY",
        "CRIMINAL_RECORD",
        "MINOR",
        "BIOMETRIC",
        "DATE_OF_BIRTH",
    )

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        out: list[Detection] = []
        headers = {h for kind, _, _, h in ctx.annotations if kind == "roster"}
        for rule, s, e, how in _hits(ctx):
            if ctx.excluded(s, e):
                continue
            if headers and _line_at(text, s) in headers:
                continue  # a roster's header cell (残疾等级, 病种) names a column, not a person's
            score = 0.85 if how in ("name", "roster") else 0.7
            phrase = text[s:e]
            cue = rule.cue if rule.cue in phrase else phrase
            attrs = {"category_cue": cue, "linked_by": how}
            why = f"敏感个人信息({cue})"
            out.append(Detection(rule.category, s, e, score, self.name, why, attrs))
        return out


def _cue_outside(text: str, sentence: tuple[int, int], s: int, e: int) -> bool:
    """A private cue of the sentence lies outside the phrase ``[s, e)``."""
    return any(c.end() <= s or c.start() >= e for c in _PRIVATE_CUE_RE.finditer(text, *sentence))


def _line_at(text: str, pos: int) -> str:
    """The line containing ``pos``."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : end if end != -1 else len(text)]
