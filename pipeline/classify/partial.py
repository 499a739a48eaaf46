"""部分公开 (art. 37): a substantive part of an otherwise public document is withheld — a price
schedule, a confidential annex, passages on a third party's private or business matters, data
that touch public safety. Masking personal identifiers (去标识化) is not this: the screen counts
those, the attribute stays.

Cues: a part named with a not-public note (「分项报价明细表（不予公开）」, 「附件3（不公开）」); a
part said to have been removed (「涉及商业秘密，已按规定删除」「第三方不同意公开的内容已作删除处理」
「（本部分涉及核心工艺，已隐去）」); a part said to be withheld (「涉及商业秘密的部分不予公开」);
a title marked 「（公开版）」「（删减版）」. A law or regulation says how to withhold, it withholds
nothing itself: no cue is taken from one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import NormalisedText

_NOT_PUBLIC = r"(?:不予公开|不公开|不宜公开|不对外公开|涉密|另行报送|略)"
_REMOVED = r"(?:删除|删去|隐去|略去|删减|删节|屏蔽|遮盖|隐藏|技术处理)"
_WHY = (
    r"(?:涉及|属于|事关|关系|关乎|含有|包含|第三方|商业秘密|个人隐私|国家秘密|工作秘密|安全|"
    r"不同意公开)"
)
_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?:报价|单价|价格|成本)(?:明细|清单|构成|一览表|表)[^。\n]{0,16}[(（]"
            + _NOT_PUBLIC + r"[)）]"
        ),
        "报价、成本等商业秘密部分",
    ),
    (
        re.compile(r"附件[0-9一二三四五六七八九十、]*[^。\n]{0,36}[(（]" + _NOT_PUBLIC + "[)）]"),
        "标明不公开的附件",
    ),
    (
        re.compile(
            r"(?:涉及|属于|事关)[^。\n]{1,30}?(?:的|之)(?:部分|内容|章节|段落|页面|数据|信息|参数)"
            r"(?:均|予以)?(?:不予公开|未予公开|不公开|不宜公开|已删除|删除)"
        ),
        "不予公开的部分",
    ),
    (
        re.compile(
            _WHY + r"[^。\n]{0,40}?(?:已经|均已|现已|已)(?:按规定|依法|依规|按要求|经)?"
            r"(?:作|做|予以|进行)?" + _REMOVED
        ),
        "已删除的内容",
    ),
    (
        re.compile(
            r"[(（][^()（）\n]{0,20}(?:涉及|属于|事关)[^()（）\n]{1,16}?(?:不予公开|不公开|未予公开|"
            r"已?删除|已?隐去|略)[)）]"
        ),
        "注明不公开的部分",
    ),
    (
        re.compile(
            r"(?:附件|附表|第[0-9一二三四五六七八九十]+(?:部分|章|节))[^。\n]{0,30}?(?:涉及|属于|含有)"
            r"[^。\n]{0,40}?(?:商业秘密|个人隐私|国家秘密|工作秘密)[^。\n]{0,60}?(?:不予公开|不公开|未予公开)"
        ),
        "涉及商业秘密或隐私、不予公开的附件或部分",
    ),
    (re.compile(r"第三方[^。\n]{0,8}不同意公开"), "第三方不同意公开的内容"),
    (re.compile(r"[(（](?:公开版|删减版|节选公开)[)）]"), "标为公开版（删减后的文本）"),
)  # fmt: skip
_CODES = (
    ("国家秘密", ("国家秘密", "涉密", "密级")),
    ("三安全一稳定", ("安全", "稳定")),
    ("内部事务", ("内部", "工作秘密", "附件")),
    ("第三方合法权益", ("商业秘密", "个人隐私", "隐私", "个人信息", "第三方", "报价", "成本")),
)
#: the title of a law, regulation or rule: 「…条例」「…办法」「…规定」「…法」「…解释」
_LAW_TITLE = re.compile(r"(?:法|条例|办法|规定|细则|规则|解释|准则)[)）]?$")


@dataclass(frozen=True, slots=True)
class WithheldPart:
    start: int  # original offsets
    end: int
    cue: str
    code: str
    description: str


def _code(*windows: str) -> str:
    """The reason named by the cue itself, else by the words around it."""
    for window in windows:
        for code, words in _CODES:
            if any(w in window for w in words):
                return code
    return "第三方合法权益"


def withheld_part(norm: NormalisedText, title: str = "") -> WithheldPart | None:
    """The first cue that a substantive part of the document is withheld."""
    text = norm.text
    if _LAW_TITLE.search(title.strip()) and re.search(r"第[一二三四五六七八九十]+条", text):
        return None
    for pattern, description in _CUES:
        m = pattern.search(text)
        if m is not None:
            window = text[max(0, m.start() - 40) : m.end() + 40]
            s, e = norm.span_to_original(m.start(), m.end())
            return WithheldPart(s, e, m.group(), _code(m.group(), window), description)
    return None
