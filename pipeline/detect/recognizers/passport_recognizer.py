"""Passport and travel-permit numbers (PASSPORT).

Chinese ordinary passports: E + 8 digits, E + letter + 7 digits (EA1234567, since 2019),
older G + 8 digits; diplomatic/service/public-affairs D/S/P + 7-8 digits. Travel permits:
往来港澳通行证 C + 8 digits or C + letter + 7 digits, 回乡证 H/M + 8-10 digits, 往来台湾
通行证 L + 8 digits. Without a keyword only the E/G ordinary-passport forms are reported.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import keyword_before
from pipeline.document import Detection

_CANDIDATE = re.compile(r"[A-Z](?<![0-9A-Za-z*×][A-Z])[A-Z]?[0-9]{6,10}(?![0-9A-Za-z*×])")
_ORDINARY = re.compile(r"[EG][0-9]{8}|E[A-HJ-NP-Z][0-9]{7}")
_OTHER_CN = re.compile(r"[DSP][0-9]{7,8}|C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8,10}|L[0-9]{8}")
_GENERIC = re.compile(r"[A-Z]{1,2}[0-9]{6,9}")  # foreign passports, with a keyword only
_CUE = re.compile(
    r"护照号码|护照号|护照|Passport|passport|PASSPORT|港澳通行证|通行证|回乡证|台胞证|旅行证"
)
_WINDOW = 12


class PassportRecognizer(Recognizer):
    """Shape of Chinese passports and permits; the keyword 护照/通行证 raises the score."""

    name: ClassVar[str] = "PassportRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("PASSPORT",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _CANDIDATE.finditer(text):
            value = m.group()
            s, e = m.span()
            keyword = keyword_before(text, s, _CUE, _WINDOW)
            if _ORDINARY.fullmatch(value):
                form = "中国普通护照格式"
                score = 0.7 if keyword else 0.5
            elif keyword and _OTHER_CN.fullmatch(value):
                form = "中国护照/通行证格式"
                score = 0.65
            elif keyword and _GENERIC.fullmatch(value):
                form = "字母加数字的证件号格式"
                score = 0.55
            else:
                continue
            if ctx.excluded(s, e):
                continue
            how = form + (f"，关键词“{keyword}”" if keyword else "，无关键词")
            attrs = {"validated": False, "keyword": keyword}
            found.append(Detection("PASSPORT", s, e, score, self.name, how, attrs))
        return found
