"""What a policy applies to (适用范围) and when it takes effect (实施时间), by what a sentence
says, not by the words it happens to contain.

适用范围: the scope article (本办法适用于…; 在本省行政区域内从事…，适用本条例; 应当遵守本规定;
参照本办法执行), a sentence beginning 适用于 under a scope heading or about the region, the
beneficiaries (支持对象为…), the text under a heading 适用范围/实施范围/支持对象. Not the
definitions (本办法所称…, those are 关键词诠释) nor a mention of some product's 适用范围.

实施时间: the effective date and the validity period of the document itself (自…起施行, 有效期
5年, 试行期一年, 执行至…), the text under a heading 实施时间/施行日期. Not the deadlines of the
tasks (2025年底前完成), which stay with the tasks, nor the 有效期 of a licence or an option.
"""

from __future__ import annotations

import re

from pipeline.outline.model import Point
from pipeline.outline.points import clause_point, dedupe, norm_point
from pipeline.outline.source import Sentence, Source

_DOC = (
    r"本(?:办法|规定|条例|细则|方案|意见|通知|预案|规范|规则|标准|指引|指南|措施|政策|计划|制度"
    r"|决定|准则|要点|导则|公告|纲要|规划|实施意见|实施方案|实施细则|管理办法|暂行办法|若干措施"
    r"|行动方案|工作方案|政策措施|指导意见|通告)"
)
_HEAD = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇0-9]{1,5}[条章节]|[一二三四五六七八九十]{1,3}[、.]"
    r"|\([一二三四五六七八九十0-9]{1,3}\)|[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[.、]?)\s*"
)
_SCOPE = re.compile(
    rf"{_DOC}[^。;]{{0,12}}?适用于"
    rf"|适用{_DOC}|(?:应当|必须|均应|应)遵守{_DOC}|可(?:以)?参照{_DOC}|参照{_DOC}(?:执行|实施|管理|办理)"
    rf"|参照执行{_DOC}"
)
_SCOPE_START = re.compile(
    r"^(?:(?:支持|补助|补贴|资助|奖励|扶持|申报|服务|适用|实施|救助|保障|资金支持)对象"
    r"(?:为|是|包括|主要为|主要包括|:))"
)
_REGION_START = re.compile(
    r"^适用于(?:本省|本市|本县|本区|本自治区|全省|全市|全县|全区|我省|我市|我县|我区|各级|在本省|在本市)"
)
_SCOPE_HEAD = re.compile(
    r"^(?:(?:政策)?(?:适用|实施)范围|[^,。;]{0,6}(?:支持|补助|补贴|资助|奖励|扶持|申报|服务|适用)对象)"
    r"(?:(?:和|与|及|、)(?:适用|支持|申报|补助)?(?:范围|对象|条件))?[。.:]?$"
)
_EFFECT = re.compile(
    r"自[^。;,，]{1,30}?起(?:施行|实施|执行|生效|试行)(?=$|[,;。:)）]|并|有效期|试行期|至)"
    r"|(?:[0-9]{1,2}日|之日)起(?:施行|实施|执行|生效|试行)(?=$|[,;。:)）]|并|有效期|试行期)"
)
_PERIOD = re.compile(
    r"有效期(?:为|至|截至|到|暂定|原则上)?[0-9一二三四五六七八九十两]+年|有效期(?:为|至|截至|到)"
    r"|试行期|(?:执行|实施|政策)期限|(?:执行|实施|有效|试行)(?:期)?至20[0-9]{2}年"
)
_TIME_HEAD = re.compile(
    r"^(?:(?:预案|方案|政策)?(?:实施|施行|生效|执行)(?:时间|日期|期限)|有效期(?:限)?)[。.:]?$"
)
_DEFINITION = re.compile(rf"^{_DOC}(?:中)?所称")
_DOC_AT = re.compile(_DOC)
_LIMIT = 6


def _body(s: Sentence) -> str:
    """The sentence without its article or item number (第二条, 1.3.1, （一）)."""
    return _HEAD.sub("", s.norm, count=1)


def _heading_only(s: Sentence, rx: re.Pattern[str]) -> bool:
    return bool(rx.match(_body(s).strip()))


def _point(src: Source, s: Sentence, at: int, label: str) -> Point:
    """The sentence from its subject (本办法…) when it names the document before ``at``,
    else the clause around ``at``."""
    subject = None
    for m in _DOC_AT.finditer(s.norm, 0, at + 1):
        subject = m.start()
    if subject is not None and s.nend - s.nstart - subject <= 200:
        return norm_point(src, s.nstart + subject, s.nend, label=label)
    return clause_point(src, s, s.nstart + at, label=label)


def _under_heading(src: Source, rx: re.Pattern[str], label: str) -> list[Point]:
    """The first sentences under each heading matching ``rx`` (parsed or a sentence alone)."""
    points: list[Point] = []
    for h in src.doc.headings:
        if h.title is not None and rx.match(h.title.value.strip()):
            for s in src.sentences_in(h.end, h.scope_end)[:2]:
                points.append(_point(src, s, 0, label))
    sentences = src.sentences
    for i, s in enumerate(sentences[:-1]):
        if _heading_only(s, rx):
            nxt = sentences[i + 1]
            if not _heading_only(nxt, rx):
                points.append(_point(src, nxt, 0, label))
    return points


def scope(src: Source) -> list[Point]:
    """适用范围: the scope article, the beneficiaries, the text under a scope heading."""
    heads = _under_heading(src, _SCOPE_HEAD, "适用范围")
    under = {p.evidence[0].start for p in heads if p.evidence}
    points = list(heads)
    for s in src.sentences:
        body = _body(s)
        if _DEFINITION.match(body):
            continue
        m = _SCOPE.search(s.norm)
        if m:
            points.append(_point(src, s, m.start(), "适用范围"))
        elif (
            _SCOPE_START.match(body)
            or _REGION_START.match(body)
            or (body.startswith("适用于") and s.start in under)
        ):
            points.append(_point(src, s, 0, "适用范围"))
    return dedupe(points)[:_LIMIT]


def timeline(src: Source) -> list[Point]:
    """实施时间: when the document takes effect and how long it is valid."""
    points = _under_heading(src, _TIME_HEAD, "实施时间")
    for s in src.sentences:
        m = _EFFECT.search(s.norm)
        if m is None:
            p = _PERIOD.search(s.norm)
            # a validity period of the document itself, not of a licence or an option
            body = _body(s)
            if p is None or not (_DOC_AT.search(s.norm) or body.startswith(p.group())):
                continue
            if len(body.rstrip("。.:")) <= len(p.group()) + 2:
                continue  # a heading (三、执行期限): its text follows
            m = p
        points.append(_point(src, s, m.start(), "实施时间"))
    return dedupe(points)[:_LIMIT]
