"""关键词诠释 (terms): 本办法所称…是指…, numbered abbreviations such as “五公开” with their
expansion, and （以下简称“X”） aliases."""

from __future__ import annotations

import re

from pipeline.outline.model import Point
from pipeline.outline.points import norm_point
from pipeline.outline.source import Source

_TERM_DEF = re.compile(
    r"(?:本|此)?(?:办法|规定|方案|意见|细则|通知|制度|措施)?所称(?P<term>[^,。;是指]{1,24})"
    r",?(?:是指|指|包括)"
)
_TERM_ENUM = re.compile(
    r"(?P<exp>[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8}){2,9})“(?P<term>[^”]{2,8})”"
)
_TERM_ALIAS = re.compile(r"(?P<full>[^,。;()“”]{4,60})\(以下简称“(?P<term>[^”]{1,12})”\)")
_NUMERAL = re.compile(r"[一二三四五六七八九十双两多百千]")


def _trim_first_item(enum: str) -> int:
    """How many characters to drop so the first item is no longer than the others."""
    items = enum.split("、")
    longest = max(len(i) for i in items[1:])
    return max(0, len(items[0]) - longest)


def terms(src: Source) -> list[Point]:
    points: list[Point] = []
    seen: set[str] = set()
    for s in src.sentences:
        for rx in (_TERM_DEF, _TERM_ALIAS, _TERM_ENUM):
            for m in rx.finditer(s.norm):
                term = m.group("term")
                if term in seen or (rx is _TERM_ENUM and not _NUMERAL.search(term)):
                    continue
                seen.add(term)
                a, b = s.nstart + m.start(), s.nstart + m.end()
                if rx is _TERM_DEF:
                    b = s.nend
                p = norm_point(src, a, b, label=term)
                if rx is _TERM_ENUM:
                    a += _trim_first_item(m.group("exp"))
                    p = norm_point(src, a, b, label=term)
                    exp = src.clean(a, s.nstart + m.end("exp"))
                    word = src.clean(s.nstart + m.start("term"), s.nstart + m.end("term"))
                    p.text = f"“{word}”：{exp}"
                elif rx is _TERM_ALIAS:
                    full = src.clean(s.nstart + m.start("full"), s.nstart + m.end("full"))
                    p.text = f"“{term}”：{full}"
                points.append(p)
    return points[:10]
