"""What makes a sensitive phrase a category in statute or policy text rather than someone's
data: normative wording, enumerations of categories, category heads, penalty ranges.

Used by ``sensitive_recognizer``; each check states its reach (the sentence, the item, or the
characters around the phrase).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.person_recognizer import token_starts

#: Normative (statute, policy) wording: such a sentence speaks of categories of people, so a
#: generic cue (申请人, 当事人) or a pronoun (其) does not tie it to anyone. Reach: the sentence.
NORMATIVE_RE = re.compile(
    "应当|不得|可以|依照|依法|按照|禁止|必须|有权|第[一二三四五六七八九十百零0-9]+[条款项]"
    "|本(?:条例|法|办法|规定|细则|意见|通知)|的,处|的,由|的,依|情节(?:严重|恶劣)|予以|给予"
    "|鼓励|支持|提倡|加强|建立|健全|做好|落实|推进|应予|应按|均须|须|如实|及时|要求"
)
#: A category word inside an enumeration of categories (老年人、未成年人、重度残疾人和重病患者等)
#: or followed by a generic head (艾滋病防治, 癌症等重大疾病) names a group, not a person.
_GENERIC_AFTER_RE = re.compile(
    "工作|保护|救助|家庭|学生|儿童|治疗|康复|证人|被告人|犯罪嫌疑人|罪犯|人员|公民|健康成长"
)
#: A statute's enumerated item: （二）关心爱护未成年人健康成长，教育其…； (reach: the item).
ITEM_RE = re.compile(r"[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]")
#: Heads that make a category of the phrase even beside a name (翟晓梅说…基因编辑技术).
_CATEGORY_AFTER_RE = re.compile(
    "人群|群体|防治|防控|预防|筛查|病毒|感染者|患者|病人|技术|服务|中心|产业|研究|机构|场所"
    "|平台|管理|审批|领域|标准|企业|公司|项目|样本|脱瘾|证明"
)
#: Enumerations of categories, whatever links the sentence: 老年人、未成年人、重度残疾人和….
_ENUM_BEFORE = frozenset("、和及与等")
_ENUM_AFTER_RE = re.compile("[、]|等(?!级)|和|及|或")
_BOOK_OPEN, _BOOK_CLOSE = "《", "》"
#: Statutory penalty ranges: 处三年以下有期徒刑, 处五年以上十年以下有期徒刑或者拘役.
_PENALTY_RANGE_RE = re.compile("(?:以[上下]|处|或者|、|并处|减为|减刑为)$")
_STATUTE_CRIME_RE = re.compile("(?:曾?因)?犯(?:前|第|本|该|此|上述|其他|各)")


def token_starts_at(ctx: DetectContext, pos: int) -> bool:
    starts = token_starts(ctx)
    i = bisect_left(starts, pos)
    return i < len(starts) and starts[i] == pos


def _on_token_edges(ctx: DetectContext, s: int, e: int, loose_start: bool = False) -> bool:
    """The phrase starts and ends on jieba word boundaries (not 转|基因 or 日|前科|技部).

    ``loose_start``: a phrase opening with 因/曾因 (因犯盗窃罪) may start inside a word jieba
    glued to the name before it (蒋天成|因 read as 成因)."""
    starts = token_starts(ctx)
    i = bisect_left(starts, s)
    if not loose_start and (i >= len(starts) or starts[i] != s):
        return False
    j = bisect_left(starts, e)
    return e >= len(ctx.text) or (j < len(starts) and starts[j] == e)


def plausible(ctx: DetectContext, category: str, s: int, e: int, how: str) -> bool:
    """Phrase-level checks: word boundaries, statutory penalties, category words (reach: the
    phrase and the characters right around it)."""
    text = ctx.text
    if category == "DATE_OF_BIRTH":
        return True
    loose = category == "CRIMINAL_RECORD" and text[s : s + 1] in ("因", "曾")
    if not _on_token_edges(ctx, s, e, loose):
        return False
    if category == "CRIMINAL_RECORD":
        if _PENALTY_RANGE_RE.search(text[max(0, s - 3) : s]):
            return False  # 处三年以下有期徒刑: a statute's penalty range, nobody's record
        if _STATUTE_CRIME_RE.match(text, s):
            return False  # 单位犯前款罪
    if how == "roster":
        return True
    if text.rfind(_BOOK_OPEN, max(0, s - 30), s) > text.rfind(_BOOK_CLOSE, max(0, s - 30), s):
        return False  # inside a title: 《中华人民共和国未成年人保护法》, 《强制戒毒办法》
    if text[s - 1 : s] in _ENUM_BEFORE or _ENUM_AFTER_RE.match(text, e):
        return False  # an enumeration of categories
    if _CATEGORY_AFTER_RE.match(text, e):
        return False  # 重大疾病防控, 戒毒脱瘾治疗, 基因检测技术
    if how == "name":
        return True
    if category == "MINOR" and text[e : e + 1] == "的":
        return False  # 不满16周岁的未成年人, 未满一周岁的婴儿: a category definition
    return _GENERIC_AFTER_RE.match(text, e) is None
