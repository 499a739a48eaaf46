"""A text prepared for checking an interpretation against its policy.

The text is normalised (full-width → half-width, traditional → simplified) and amounts written
in Chinese numerals are rewritten in digits (三千元 → 3000元, 百分之五 → 5%, 两万元 → 2万元,
十五个工作日 → 15个工作日), so that :func:`pipeline.outline.figures.items_of` finds them; dates in
Chinese numerals (二〇二四年一月一日) are left to ``DATE_RE``, which reads them itself. Counts
(三个方面, 十二项任务) stay words, as in the outline guard. Every item keeps an exact span of the
ORIGINAL text (:meth:`Prepared.span`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.normalise import NormalisedText, normalise
from pipeline.outline.figures import Items, items_of
from pipeline.outline.model import Figure
from pipeline.parse.numerals import DATE_RE, cn_to_int

_CN = "零〇○一二两三四五六七八九十百千"
# units after which a Chinese numeral is an amount (not a count or an ordinal)
_CN_UNITS = (
    "个工作日|个月|周岁|平方米|公里|万亿|亿元|万元|千元|万人|万户|小时"
    "|元|岁|年|天|日|人|名|倍|亩|户|家"
)
_CN_AMOUNT = re.compile(
    rf"(?<![第初])(?P<pct>百分之)?(?P<num>[{_CN}]+(?:点[{_CN}]+)?)"
    rf"(?(pct)|(?P<unit>{_CN_UNITS}))"
)
_LONE_OK = ("元", "个工作日", "个月", "周岁", "岁", "倍", "小时", "千元")
_DIGIT = {"零": "0", "〇": "0", "○": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4"}
_DIGIT |= {"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def cn_amount(num: str) -> str | None:
    """三千 → '3000', 一点五 → '1.5', 十二 → '12'; None when not a plain numeral."""
    whole, _, frac = num.partition("点")
    value = cn_to_int(whole)
    if value is None:
        return None
    if not frac:
        return str(value)
    digits = "".join(_DIGIT.get(c, "") for c in frac)
    return f"{value}.{digits}" if len(digits) == len(frac) else None


def _conversions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each Chinese-numeral amount of ``text``."""
    if not any(c in text for c in _CN):
        return []
    dates = [m.span() for m in DATE_RE.finditer(text)]
    out = []
    for m in _CN_AMOUNT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in dates):
            continue
        num = m.group("num")
        unit = m.group("unit") or ""
        if num in ("一", "十") and unit not in _LONE_OK and not unit.startswith(("万", "亿")):
            continue  # 统一年度, 一日, 十年磨一剑: a lone 一/十 is a word more often than not
        digits = cn_amount(num)
        if digits is None:
            continue
        if m.group("pct"):
            out.append((m.start(), m.end(), digits + "%"))
        else:
            out.append((m.start(), m.start("unit"), digits))
    return out


@dataclass(slots=True)
class Prepared:
    """One text: its normalised form, the digit form the items come from, the items."""

    original: str
    norm: NormalisedText
    text: str
    items: Items
    #: (converted start, converted end, normalised start, normalised end) per rewritten amount
    _segments: list[tuple[int, int, int, int]]

    def _to_norm(self, pos: int, end: bool) -> int:
        delta = 0
        for cs, ce, ns, ne in self._segments:
            if pos < cs or (end and pos == cs):
                break
            if pos < ce or (end and pos == ce):
                return ne if end else ns
            delta = ne - ce
        return pos + delta

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of ``text[start:end]`` in the original text."""
        a, b = self._to_norm(start, False), self._to_norm(end, True)
        return self.norm.span_to_original(a, max(a, b))

    def figure_span(self, fig: Figure) -> tuple[int, int]:
        return self.span(fig.start, fig.end)

    def window(self, start: int, end: int, before: int = 14, after: int = 8) -> str:
        """The words around an item (digits and punctuation removed), for comparing contexts."""
        left = _STOP.split(self.text[max(0, start - before) : start])[-1]
        right = _STOP.split(self.text[end : end + after])[0]
        return _words(left) + "|" + _words(right)


_NON_WORD = re.compile(r"[^\u3400-\u9fff]+")
_STOP = re.compile(r"[。；;！？!?\n]")


def _words(s: str) -> str:
    return _NON_WORD.sub("", s)


def prepare(text: str) -> Prepared:
    """Normalise ``text``, rewrite Chinese-numeral amounts in digits, extract its items."""
    norm = normalise(text)
    parts, segments, pos, shift = [], [], 0, 0
    for a, b, rep in _conversions(norm.text):
        parts.append(norm.text[pos:a])
        cs = a + shift
        parts.append(rep)
        segments.append((cs, cs + len(rep), a, b))
        shift += len(rep) - (b - a)
        pos = b
    parts.append(norm.text[pos:])
    converted = "".join(parts)
    return Prepared(text, norm, converted, items_of(converted, normalised=True), segments)


_SCALE = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}


def number_key(value: str) -> tuple[Decimal | str, str]:
    """A number's value in base units: '3000元' and '0.3万元' → (3000, '元'); '5%' → (5, '%')."""
    m = re.match(r"([0-9.]+(?:/[0-9]+)?)(.*)", value)
    if not m:
        return value, ""
    num, unit = m.groups()
    try:
        amount = Decimal(num)
    except InvalidOperation:
        return num, unit
    if unit.startswith("万亿"):
        amount, unit = amount * Decimal(10) ** 12, unit[2:]
    while unit and unit[0] in _SCALE and unit not in ("千米",):
        amount, unit = amount * _SCALE[unit[0]], unit[1:]
    return amount.normalize(), unit


def is_year(fig: Figure) -> bool:
    """A bare year (2025年): a date rather than an amount."""
    return bool(re.fullmatch(r"(?:19|20)[0-9]{2}年", fig.value))
