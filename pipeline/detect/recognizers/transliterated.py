"""Transliterated names joined by a middle dot: 约翰·史密斯, 玛丽亚•冈萨雷斯, 买买提·艾力.

Foreign names and the names of Uyghur, Kazakh and other citizens are written in Chinese as
two or more parts joined by 「·」 (or look-alikes: • ‧ ・ ∙ ．). The surname rules never see
them whole — 穆罕默德·阿卜杜勒 starts with the surname 穆 and was cut to 穆罕默 — so the
person recognizer extends any name it finds to the dotted name around it, and reports a
dotted name that nothing else found as a bare name (the decide stage reviews those).

A part is a run of characters used in transliteration (the set below: compiled by the
project from Xinhua-style transliteration and common Uyghur/Kazakh given names), so the
verb or cue before a name stays outside it (授予|约翰·史密斯). Every part has at least two
characters; a single Latin capital may stand between parts (约翰·F·肯尼迪). Inside a title
(《哈利·波特》) a dotted name is a work, not a person. A unit name glued to the name may lend
it a character that is also a transliteration character (建设科|古丽米热 → 科古丽米热·…):
the span then covers one character too many, which over-redacts rather than leaks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

#: Characters of transliterated names (one string; order carries no meaning).
TRANSLIT_CHARS = (
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕庇别宾波伯博布查达戴黛丹道德登迪蒂丁东杜顿多"
    "俄厄恩尔法凡范菲费芬丰弗福富盖甘冈高戈格根贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金"
    "卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉丽林琳留卢鲁伦罗萝洛吕马玛迈麦曼"
    "梅蒙米密明莫姆穆娜纳娅南内尼妮诺努帕潘佩彭皮珀普奇琪乔切丘萨塞桑瑟森沙莎尚舍什施"
    "史斯丝松苏索塔泰坦汤唐特提汀廷图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因英"
    "尤约扎詹泽珍朱佐兹茨卜默罕德里翰蒂买热合孜依吾肉再夏汗江木吐逊娃夫力不都列"
)
_SET = "".join(sorted(set(TRANSLIT_CHARS)))
_DOTS = "·•‧・∙．"
_PART = f"[{_SET}]{{2,8}}"
DOTTED = re.compile(f"(?<![{_SET}]){_PART}(?:[{_DOTS}](?:[A-Z][{_DOTS}])?{_PART})+(?![{_SET}])")


def dotted_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every dotted transliterated name in ``text``, in order."""
    if not any(dot in text for dot in _DOTS):
        return []  # most documents: one scan, no regex
    return [m.span() for m in DOTTED.finditer(text) if not _in_title(text, *m.span())]


def _in_title(text: str, start: int, end: int) -> bool:
    """Inside 《…》 on one line: a book or film (《哈利·波特》), not a person."""
    opened = text.rfind("《", 0, start)
    if opened < 0 or text.rfind("》", opened, start) >= 0 or "\n" in text[opened:start]:
        return False
    closed = text.find("》", end)
    return closed >= 0 and "\n" not in text[end:closed]


class DottedNames:
    """The dotted names of one text, to widen a name found inside one of them."""

    def __init__(self, text: str) -> None:
        self.spans = dotted_names(text)
        self._starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The dotted name that contains ``[start, end)`` or begins inside it, if any."""
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        s, e = self.spans[i]
        return (s, e) if start < e and end <= e else None
