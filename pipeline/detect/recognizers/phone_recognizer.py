"""Mainland mobile numbers (MOBILE) and fixed-line numbers (LANDLINE)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import (
    area_code_ok,
    area_codes,
    keyword_before,
    mobile_ok,
    split_area_code,
)
from pipeline.document import Detection

# Patterns start with a plain character (fast skipping in ``re``); what may not precede a
# number is checked right after the match (``_BAD_BEFORE``).
_BAD_BEFORE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*×")
# Optional +86/0086/86, then 1[3-9] and 9 digits; never inside a longer digit or masked run.
_MOBILE = re.compile(r"(?:\+861|00861|861|1)[3-9][0-9]{9}(?![0-9A-Za-z*×])")
_PHONE_CUE = re.compile(
    r"联系电话|办公电话|电话号码|联系方式|手机号码|手机号|手机|电话|座机|固话|传真|联系人|"
    r"Tel|TEL|tel|Phone|phone|Mobile|mobile"
)
_LANDLINE_CUE = re.compile(
    r"联系电话|办公电话|电话号码|电话|座机|固话|传真|Tel|TEL|tel|Phone|phone"
)
# (0564)3379123, 0564-3379123, 0564 3379123, 05643379123, each with an optional extension.
_LANDLINE = re.compile(
    r"(?:\(0(?P<a1>[1-9][0-9]{1,2})\)[- ]?(?P<l1>[2-9][0-9]{6,7})"
    r"|0(?P<a2>[1-9][0-9]{1,2})[- ](?P<l2>[2-9][0-9]{6,7})"
    r"|0(?P<whole>[1-9][0-9]{9,10})"
    r")(?:(?:转|-|分机|ext\.?)(?P<ext>[0-9]{1,6}))?(?![0-9A-Za-z*×])"
)
# A bare local number (7-8 digits) counts only right after a phone keyword.
_BARE = re.compile(r"[2-9](?<![0-9A-Za-z*×\-)][2-9])[0-9]{6,7}(?![0-9A-Za-z*×])")
_WINDOW = 10
_BARE_WINDOW = 8


class MobileRecognizer(Recognizer):
    """11-digit mobile numbers checked against the number-segment (号段) table."""

    name: ClassVar[str] = "MobileRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("MOBILE",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _MOBILE.finditer(text):
            s, e = m.span()
            if (s and text[s - 1] in _BAD_BEFORE) or ctx.excluded(s, e):
                continue
            digits = m.group()[-11:]
            keyword = keyword_before(text, s, _PHONE_CUE, _WINDOW)
            validated = mobile_ok(digits)
            if validated:
                score = 0.97 if keyword else 0.93
                how = f"11位，号段{digits[:3]}有效"
            elif keyword:
                score = 0.55
                how = f"11位，号段{digits[:3]}不在号段表中"
            else:
                continue
            if len(m.group()) > 11:
                how += "，带国家码+86"
            if keyword:
                how += f"，关键词“{keyword}”"
            attrs = {"validated": validated, "keyword": keyword}
            found.append(Detection("MOBILE", s, e, score, self.name, how, attrs))
        return found


class LandlineRecognizer(Recognizer):
    """Area code + 7-8 digit local numbers; bare local numbers only after a phone keyword."""

    name: ClassVar[str] = "LandlineRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("LANDLINE",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        taken: list[tuple[int, int]] = []
        for m in _LANDLINE.finditer(text):
            s, e = m.span()
            if s and text[s - 1] in _BAD_BEFORE:
                continue
            if m.group("whole"):
                code, local = split_area_code("0" + m.group("whole"))
                if not 7 <= len(local) <= 8 or local[0] in "01":
                    continue
            else:
                code = "0" + (m.group("a1") or m.group("a2"))
                local = m.group("l1") or m.group("l2")
            taken.append((s, e))
            if ctx.excluded(s, e):
                continue
            keyword = keyword_before(text, s, _LANDLINE_CUE, _WINDOW)
            validated = area_code_ok(code)
            if validated:
                place = area_codes()[code]
                score = 0.95 if keyword else 0.9
                how = f"区号{code}{'（' + place + '）' if place else ''}+{len(local)}位号码"
            elif keyword:
                score = 0.55
                how = f"区号{code}不在区号表中，{len(local)}位号码"
            else:
                continue
            if m.group("ext"):
                how += f"，分机{m.group('ext')}"
            if keyword:
                how += f"，关键词“{keyword}”"
            attrs = {"validated": validated, "keyword": keyword}
            found.append(Detection("LANDLINE", s, e, score, self.name, how, attrs))
        for m in _BARE.finditer(text):
            s, e = m.span()
            k = bisect_right(taken, (s, len(text) + 1)) - 1
            if (k >= 0 and taken[k][1] > s) or ctx.excluded(s, e):
                continue
            keyword = keyword_before(text, s, _LANDLINE_CUE, _BARE_WINDOW)
            if keyword is None:
                continue
            how = f"{e - s}位本地号码（无区号），关键词“{keyword}”"
            attrs = {"validated": False, "keyword": keyword}
            found.append(Detection("LANDLINE", s, e, 0.6, self.name, how, attrs))
        return found
