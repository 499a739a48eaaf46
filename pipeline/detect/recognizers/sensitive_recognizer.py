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
from pipeline.detect.recognizers.person_recognizer import _MASKED_RE, is_name_token
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

#: (category, cue, pattern): the span is the whole match; the cue goes to attrs.
_PATTERNS: list[tuple[str, str, str]] = [
    ("HEALTH", "患有", f"患有(?:{_CJK}{{1,12}}?(?:病|症|癌|瘤|障碍|综合征|瘫痪)|{_CJK}{{1,6}})"),
    ("HEALTH", "残疾", f"{_CN}级{_DISABILITY}?残疾|{_DISABILITY}残疾(?:{_CN}级)?|重度残疾"),
    ("HEALTH", "残疾等级", f"残疾等级(?:[:]?{_CN}级)?"),
    ("HEALTH", "残疾人证", "残疾人证(?:号)?"),
    (
        "HEALTH",
        "病情",
        "病情|病史|精神疾病|精神病|精神分裂症|抑郁症|确诊|住院治疗|重大疾病|重病|癌症|白血病"
        "|尿毒症|艾滋病|因病致贫|因病致残",
    ),
    ("RELIGION", "信仰", f"(?:宗教信仰[:]?|信仰|信奉|皈依|信)[ ]?{_RELIGIONS}"),
    ("RELIGION", "教徒", "基督徒|天主教徒|佛教徒|伊斯兰教徒|穆斯林"),
    (
        "ETHNICITY",
        "民族",
        f"民族[:]?[ ]?(?:{_ETHNIC_MULTI}|[{_ETHNIC_SINGLE}])族"
        f"|(?:{_ETHNIC_MULTI})族(?!自治|地区|群众|聚居|同胞|干部|人口|乡|村|县|州|旗|文化|传统)"
        f"|(?<![\u4e00-\u9fff])[{_ETHNIC_SINGLE}]族(?![\u4e00-\u9fff])",
    ),
    ("CRIMINAL_RECORD", "刑满释放", "刑满释放(?:人员)?"),
    (
        "CRIMINAL_RECORD",
        "判处",
        "判处(?:有期徒刑|拘役|管制|无期徒刑|死刑)(?:[一二三四五六七八九十0-9]+年)?"
        "(?:[一二三四五六七八九十0-9]+个月)?(?:缓刑[一二三四五六七八九十0-9]+年)?"
        "|(?:有期徒刑|无期徒刑|拘役)(?:[一二三四五六七八九十0-9]+(?:年|个月))*",
    ),
    (
        "CRIMINAL_RECORD",
        "前科",
        "前科|服刑(?:人员|期间)?|吸毒(?:人员|史)?|强制隔离戒毒|戒毒(?:人员)?|社区矫正(?:对象|人员)?"
        "|劳动教养|行政拘留|刑事拘留|取保候审|缓刑|假释|在逃|犯罪记录"
        f"|犯{_CJK}{{1,8}}?罪",
    ),
    ("MINOR", "未满周岁", "未满(?:十四|十六|十八|14|16|18)周岁"),
    ("MINOR", "未成年", "未成年(?:人|子女)?"),
    ("MINOR", "岁", f"(?<![0-9\\-~至到])(?<!十){_AGE}周?岁(?![0-9]|以|及|至|到|-|~|半|左右)"),
    (
        "BIOMETRIC",
        "生物识别",
        "指纹(?:信息)?|人脸(?:识别)?(?:信息|图像|照片)?|面部特征|虹膜(?:信息)?|声纹(?:信息)?"
        "|掌纹|基因(?:信息|检测|序列)?|DNA",
    ),
]
_GROUPS = {f"g{i}": (cat, cue) for i, (cat, cue, _) in enumerate(_PATTERNS)}
_KEYWORD_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, _, p) in enumerate(_PATTERNS)))

_DATE = (
    "(?:19|20)[0-9]{2}(?:年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?)"
)
_DOB_RE = re.compile(
    f"(?:出生日期|出生年月|出生时间|生于|出生于)[:]?[ ]?(?P<a>{_DATE})"
    f"|(?P<b>{_DATE})[ ]?(?:出生|生人)(?!人口|率|缺陷|登记|医学|证明|婴儿)"
)
_PRIVATE_CUE_RE = re.compile(
    "申请人|当事人|户主|该户|投诉人|举报人|来信人|信访人|该同志|该生|该人|该员|犯罪嫌疑人"
)
_SENTENCE_END_RE = re.compile("[。!?;\n]")
_PRONOUNS = frozenset({"其", "该户", "该生", "该童", "其子", "其女", "本人"})
_MINOR_WORDS = frozenset({"学生", "该生", "学龄儿童", "在校生", "幼儿"})


class _Links:
    """What makes a sentence about a person; built lazily once per document."""

    def __init__(self, ctx: DetectContext) -> None:
        self.ctx = ctx
        self.ends = [m.start() for m in _SENTENCE_END_RE.finditer(ctx.text)]
        self.tokens = ctx.tokens
        self.starts = [t.start for t in self.tokens]
        self.rosters = sorted((s, e) for k, s, e, _ in ctx.annotations if k == "roster")

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.ends, pos)
        start = self.ends[i - 1] + 1 if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.ctx.text)
        return start, end

    def link(self, start: int, end: int, minor: bool) -> str | None:
        """How a sensitive phrase at ``[start, end)`` is tied to a person, or None."""
        text = self.ctx.text
        s, e = self.sentence(start)
        i = bisect_right(self.rosters, (start, len(text))) - 1
        if i >= 0 and self.rosters[i][0] <= start < self.rosters[i][1]:
            return "roster"
        if _MASKED_RE.search(text, s, e):
            return "name"
        j = bisect_left(self.starts, s)
        tagged = pronoun = False
        while j < len(self.tokens) and self.tokens[j].start < e:
            tok = self.tokens[j]
            if is_name_token(tok, text):
                tagged = True
                break
            if tok.word in _PRONOUNS or (minor and tok.word in _MINOR_WORDS):
                pronoun = True
            j += 1
        if tagged:
            return "name"
        if _PRIVATE_CUE_RE.search(text, s, e):
            return "cue"
        return "pronoun" if pronoun else None


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
        links: _Links | None = None
        out: list[Detection] = []
        hits: list[tuple[str, str, int, int]] = [
            (*_GROUPS[m.lastgroup], m.start(), m.end())  # type: ignore[index]
            for m in _KEYWORD_RE.finditer(text)
        ]
        for m in _DOB_RE.finditer(text):
            g = "a" if m.group("a") else "b"
            hits.append(("DATE_OF_BIRTH", "出生", m.start(g), m.end(g)))
        for cat, cue, s, e in hits:
            if ctx.excluded(s, e):
                continue
            if links is None:
                links = _Links(ctx)
            how = links.link(s, e, cat == "MINOR")
            if how is None:
                continue
            score = 0.85 if how in ("name", "roster") else 0.7
            phrase = text[s:e]
            attrs = {"category_cue": cue if cue in phrase else phrase, "linked_by": how}
            out.append(Detection(cat, s, e, score, self.name, f"敏感个人信息({cue})", attrs))
        out.sort(key=lambda d: d.start)
        return out
