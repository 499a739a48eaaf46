"""Checkable items of a text: numbers (with unit and comparator), dates, 文号 and 《》 titles.

Works on normalised text (simplified, half-width). The guard extracts the items of a draft
point and of its evidence and compares them; the drafter lists them as a point's ``figures``.
Only Arabic-digit numbers are checked (Chinese numerals such as 三个 are words to the guard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise import normalise
from pipeline.outline.model import Figure
from pipeline.parse.numerals import DATE_RE, date_iso
from pipeline.parse.patterns import DOC_NUMBER_RE, ORDER_RE

_TITLE_RE = re.compile(r"《([^《》\n]{1,200})》")
_LEAD = re.compile(
    r"^(?:[和及与、的将按照根据依据落实贯彻执行转发印发关于经对由在为见详参]|以及|并)+"
)
_UNITS = (
    "个工作日",
    "个月",
    "周岁",
    "平方米",
    "公里",
    "万亿",
    "亿元",
    "万元",
    "千元",
    "万人",
    "万户",
    "万条",
    "万件",
    "小时",
    "人次",
    "%",
    "‰",
    "元",
    "亿",
    "万",
    "个",
    "件",
    "人",
    "次",
    "天",
    "日",
    "年",
    "月",
    "周",
    "家",
    "户",
    "项",
    "条",
    "场",
    "篇",
    "名",
    "岁",
    "亩",
    "米",
    "吨",
    "倍",
    "类",
    "批",
    "期",
    "所",
    "座",
    "台",
    "辆",
    "分",
    "套",
    "间",
    "张",
    "级",
    "km",
)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_NUMBER_RE = re.compile(
    rf"(?<![0-9.])(?P<num>[0-9]+(?:\.[0-9]+)?(?:/[0-9]+)?)(?![0-9])\s*(?P<unit>{_UNIT_RE})?"
)
_BEFORE = re.compile(
    r"(不超过|不高于|不低于|不少于|不多于|不足|最高|最低|最多|最少|至少|至多|超过|低于|高于"
    r"|少于|多于|大于|小于|达到|上限|下限)\s*(?:为|是)?\s*$"
)
_AFTER = re.compile(r"^\s*(及以上|及以下|以上|以下|以内|之内|以外|之上|左右)")
_MARKER = re.compile(r"(?:^|(?<=[:;：；\n“\"]))\s*(?:[0-9]{1,2}[.、](?![0-9])|\([0-9]{1,2}\))")


@dataclass(slots=True)
class Items:
    """The items of one text, by kind."""

    titles: list[Figure]
    doc_numbers: list[Figure]
    dates: list[Figure]
    numbers: list[Figure]
    text: str  # the normalised text the items came from

    def all(self) -> list[Figure]:
        out = self.titles + self.doc_numbers + self.dates + self.numbers
        return out


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by NULs of the same length."""
    if not spans:
        return text
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:a])
        out.append("\x00" * (b - a))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def items_of(text: str, normalised: bool = False) -> Items:
    """Extract the checkable items of ``text`` (normalised first unless ``normalised``)."""
    norm = text if normalised else normalise(text).text
    titles, spans = [], []
    if "《" in norm:
        for m in _TITLE_RE.finditer(norm):
            titles.append(
                Figure("title", m.group(0), re.sub(r"\s+", "", m.group(1)), None, *m.span())
            )
            spans.append(m.span())
    flat = _mask(norm, spans)
    numbers_doc, spans = [], []
    if "号" in flat:
        for m in DOC_NUMBER_RE.finditer(flat):
            org = _LEAD.sub("", m.group("org"))
            value = f"{org}〔{int(m.group('year'))}〕{int(m.group('seq'))}号"
            numbers_doc.append(Figure("doc_number", m.group(0), value, None, *m.span()))
            spans.append(m.span())
        flat = _mask(flat, spans)
        spans = []
        for m in ORDER_RE.finditer(flat):
            org = _LEAD.sub("", m.group("org"))
            value = f"{org}第{int(m.group('seq'))}号"
            numbers_doc.append(Figure("doc_number", m.group(0), value, None, *m.span()))
            spans.append(m.span())
        flat = _mask(flat, spans)
    dates, spans = [], []
    for m in DATE_RE.finditer(flat):
        iso = date_iso(m)
        if iso is None:
            continue
        comp = _comparator(flat, m.start(), m.end())
        dates.append(Figure("date", m.group(0), iso, comp, *m.span()))
        spans.append(m.span())
    flat = _mask(flat, spans)
    markers = [m.end() for m in _MARKER.finditer(flat)]
    numbers = []
    for m in _NUMBER_RE.finditer(flat):
        if any(m.start() < e <= m.end() + 2 for e in markers):
            continue
        value = m.group("num") + (m.group("unit") or "")
        comp = _comparator(flat, m.start(), m.end())
        numbers.append(Figure("number", m.group(0), value, comp, *m.span()))
    return Items(titles, numbers_doc, dates, numbers, norm)


def _comparator(text: str, start: int, end: int) -> str | None:
    before = _BEFORE.search(text[max(0, start - 8) : start])
    after = _AFTER.match(text[end : end + 6])
    words = [w for w in (before and before.group(1), after and after.group(1)) if w]
    return "…".join(words) if words else None


def doc_number_parts(value: str) -> tuple[str, str]:
    """``(org, rest)`` of a normalised 文号 value: ('国办发', '〔2016〕80号')."""
    for sep in ("〔", "第"):
        if sep in value:
            i = value.index(sep)
            return value[:i], value[i:]
    return "", value


def same_doc_number(a: str, b: str) -> bool:
    """The same 文号, allowing a longer or shorter organisation prefix (国办发 / 办发 no)."""
    oa, ra = doc_number_parts(a)
    ob, rb = doc_number_parts(b)
    if ra != rb:
        return False
    short, long = sorted((oa, ob), key=len)
    return oa == ob or (len(short) >= 3 and long.endswith(short))
