"""Sensitive personal information (PIPL art. 28) linked to a person.

HEALTH, RELIGION, ETHNICITY, CRIMINAL_RECORD, MINOR, BIOMETRIC and DATE_OF_BIRTH fire only
when the same sentence (or line) also holds a person: a name-like token, a masked name
(张某), a private-person cue (申请人, 户主, 该户, 其 …) or a roster row. Policy text such as
"做好残疾人就业工作" or "宗教事务管理" has none of these and stays silent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

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
from pipeline.document import Detection

_CJK = "[\u4e00-\u9fff]"
_CN = "[一二三四1-4]"
_DISABILITY = "(?:肢体|视力|听力|言语|智力|精神|多重)"
_RELIGIONS = "(?:藏传佛教|伊斯兰教|基督教|天主教|东正教|佛教|道教)"
_ETHNIC_MULTI = (
    "蒙古|维吾尔|布依|朝鲜|土家|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|"
    "撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|赫哲|门巴|珞巴|"
    "基诺|塔塔尔|独龙|鄂伦春|高山"
)
_ETHNIC_SINGLE = "汉回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京"
_AGE = "(?:1[0-7]|[1-9]|十[一二三四五六七]?|[一二三四五六七八九])"

_NUM = "[一二三四五六七八九十0-9]"
_CRIMES = "强制隔离戒毒|戒毒(?:人员)?|服刑(?:人员|期间)?|吸毒(?:人员|史)?|社区矫正(?:对象|人员)?"


@dataclass(frozen=True, slots=True)
class _Rule:
    """Keywords (fast literal triggers) and the phrase pattern searched around them."""

    category: str
    cue: str
    triggers: tuple[str, ...]
    pattern: re.Pattern[str]
    lookback: int = 0  # how far the phrase may start before its trigger
    group: str | None = None  # span of this group instead of the whole match


def _rule(category: str, cue: str, triggers: str, pattern: str, lookback: int = 0) -> _Rule:
    return _Rule(category, cue, tuple(triggers.split()), re.compile(pattern), lookback)


_SIMPLE_HEALTH = (
    "病情 病史 精神疾病 精神病 精神分裂症 抑郁症 确诊 住院治疗 重大疾病 重病 "
    "癌症 白血病 尿毒症 艾滋病"
)
_SIMPLE_CRIME = "前科 劳动教养 行政拘留 刑事拘留 取保候审 缓刑 假释 在逃 犯罪记录"
_RULES: list[_Rule] = [
    _rule(
        "HEALTH",
        "患有",
        "患有",
        f"患有(?:{_CJK}{{1,12}}?(?:病|症|癌|瘤|障碍|综合征|瘫痪)|{_CJK}{{1,6}})",
    ),
    _rule(
        "HEALTH",
        "残疾",
        "残疾",
        f"残疾等级(?:[:]?(?:{_DISABILITY})?{_CN}级)?|残疾人证号?|{_CN}级{_DISABILITY}?残疾"
        f"|{_DISABILITY}残疾(?:{_CN}级)?|重度残疾",
        6,
    ),
    _rule(
        "HEALTH", "病情", _SIMPLE_HEALTH, "|".join(sorted(_SIMPLE_HEALTH.split(), key=len)[::-1])
    ),
    _rule(
        "HEALTH",
        "残疾",
        "肢体 视力 听力 言语 智力 精神 多重",
        f"{_DISABILITY}(?:残疾)?{_CN}级(?:[(](?:盲|低视力)[)])?",
    ),
    _rule("HEALTH", "因病", "因病致", "因病致(?:贫|残)"),
    _rule("HEALTH", "致残", "致残", f"因(?:{_CJK}){{1,4}}?致残", 6),
    _rule(
        "HEALTH",
        "患病",
        "罹患 患",
        f"(?:罹患|(?<![隐祸后忧])患(?![有者])){_CJK}{{0,11}}?"
        "(?:病|症|癌|瘤|障碍|综合征|瘫痪)(?:住院(?:治疗|化疗)?)?",
    ),
    _rule(
        "RELIGION",
        "信仰",
        "藏传佛教 伊斯兰教 基督教 天主教 东正教 佛教 道教",
        f"(?:宗教信仰[:]?|信仰|信奉|皈依|信)[ ]?{_RELIGIONS}",
        8,
    ),
    _rule("RELIGION", "教徒", "基督徒 教徒 穆斯林", "基督徒|天主教徒|佛教徒|伊斯兰教徒|穆斯林", 4),
    _rule(
        "ETHNICITY",
        "民族",
        "族",
        f"民族[:]?[ ]?(?:{_ETHNIC_MULTI}|[{_ETHNIC_SINGLE}])族"
        f"|(?:{_ETHNIC_MULTI})族(?!自治|地区|群众|聚居|同胞|干部|人口|乡|村|县|州|旗|文化|传统)"
        f"|(?<![\u4e00-\u9fff])[{_ETHNIC_SINGLE}]族(?![\u4e00-\u9fff])",
        10,
    ),
    _rule("CRIMINAL_RECORD", "刑满释放", "刑满释放", "刑满释放(?:人员)?"),
    _rule(
        "CRIMINAL_RECORD",
        "判处",
        "判处 有期徒刑 无期徒刑 拘役",
        f"判处(?:有期徒刑|拘役|管制|无期徒刑|死刑)(?:{_NUM}+年)?(?:{_NUM}+个月)?(?:缓刑{_NUM}+年)?"
        f"|(?:有期徒刑|无期徒刑|拘役)(?:{_NUM}+(?:年|个月))*",
        2,
    ),
    _rule("CRIMINAL_RECORD", "前科", _SIMPLE_CRIME, "|".join(_SIMPLE_CRIME.split())),
    _rule("CRIMINAL_RECORD", "服刑", "戒毒 服刑 吸毒 社区矫正", _CRIMES, 4),
    _rule("CRIMINAL_RECORD", "犯罪", "罪", f"犯(?:(?!罪){_CJK}){{1,8}}罪", 10),
    _rule("MINOR", "未满周岁", "未满", "未满(?:十四|十六|十八|14|16|18)周岁"),
    _rule("MINOR", "未成年", "未成年", "未成年(?:人|子女)?"),
    _rule(
        "MINOR",
        "岁",
        "岁",
        f"(?<![0-9\\-~至到])(?<!十){_AGE}周?岁(?![0-9]|以|及|至|到|-|~|半|左右)",
        4,
    ),
    _rule(
        "BIOMETRIC",
        "生物识别",
        "指纹 人脸 面部特征 虹膜 声纹 掌纹 基因 DNA",
        "指纹(?:信息)?|人脸(?:识别)?(?:信息|图像|照片)?|面部特征|虹膜(?:信息)?|声纹(?:信息)?"
        "|掌纹|基因(?:信息|序列|数据|检测(?:结果|报告))|DNA(?:信息|检测|鉴定|比对)",
    ),
]

_DATE = (
    "(?:19|20)[0-9]{2}(?:年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?)"
)
_RULES += [
    _Rule(
        "DATE_OF_BIRTH",
        "出生",
        ("出生", "生于"),
        re.compile(f"(?:出生日期|出生年月|出生时间|生于|出生于)[:]?[ ]?(?P<d>{_DATE})"),
        0,
        "d",
    ),
    _Rule(
        "DATE_OF_BIRTH",
        "出生",
        ("出生", "生人"),
        re.compile(f"(?P<d>{_DATE})[ ]?(?:出生|生人)(?!人口|率|缺陷|登记|医学|证明|婴儿)"),
        16,
        "d",
    ),
]
_BY_TRIGGER: dict[str, list[_Rule]] = {}
for _r in _RULES:
    for _t in _r.triggers:
        _BY_TRIGGER.setdefault(_t, []).append(_r)
_TRIGGER_RE = re.compile("|".join(sorted(_BY_TRIGGER, key=len, reverse=True)))
_AHEAD = 48

_PRIVATE_CUE_RE = re.compile(
    "申请人|当事人|户主|该户|投诉人|举报人|来信人|信访人|该同志|该生|该人|该员|犯罪嫌疑人"
)
_SENTENCE_END_RE = re.compile("[。!?;\n]")
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
        return how

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
        for rule, s, e, how in _hits(ctx):
            if ctx.excluded(s, e):
                continue
            score = 0.85 if how in ("name", "roster") else 0.7
            phrase = text[s:e]
            cue = rule.cue if rule.cue in phrase else phrase
            attrs = {"category_cue": cue, "linked_by": how}
            why = f"敏感个人信息({cue})"
            out.append(Detection(rule.category, s, e, score, self.name, why, attrs))
        return out
