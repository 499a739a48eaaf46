"""Mainland mobile numbers (MOBILE) and fixed-line numbers (LANDLINE)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.public_lines import public_label
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
# Separators as typed in real notices: -, －, —, –, ― and 一 (a Chinese one for a dash), with a
# space on either side (0571- 89986571), or a space alone.
_SEP = r"(?:[ ]?[-—–―一~][ ]?|[ ])"
_LANDLINE = re.compile(
    r"(?:\(0(?P<a1>[1-9][0-9]{1,2})\)[- ]?(?P<l1>[2-9][0-9]{6,7})"
    r"|0(?P<a2>[1-9][0-9]{1,2})" + _SEP + r"(?P<l2>[2-9][0-9]{6,7})"
    r"|0(?P<whole>[1-9][0-9]{9,10})"
    r")(?:(?:转|-|分机|ext\.?)(?P<ext>[0-9]{1,6}))?(?![0-9A-Za-z*×])"
)
# A bare local number (7-8 digits) counts only right after a phone keyword.
_BARE = re.compile(r"[2-9](?<![0-9A-Za-z*×\-)][2-9])[0-9]{6,7}(?![0-9A-Za-z*×])")
# A list continues a number: 010-83138339、83138707、83138703 / 66005156,66005153 / 或 / 及.
_LIST_SEP = re.compile(r"[ ]?(?:[、,，/；;]|或|及|和)[ ]?$")
# Two or three local numbers typed without a separator after one area code or keyword
# ((010)8420736784207338, 电话：8581798285803093): each 7 or 8 digits long.
_RUN = re.compile(
    r"(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}" + _SEP + r"|[2-9](?<![0-9A-Za-z*×][2-9]))"
    r"[0-9]{13,23}(?![0-9A-Za-z*×])"
)
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
            attrs: dict[str, object] = {"validated": validated, "keyword": keyword}
            label = public_label(text, s)
            if label is not None:  # an agency's tip-off line: 短信举报：133…
                attrs.update(public_line=True, line_label=label)
                how += f"，机构公开的{label}"
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
            det = self._with_code(text, s, e, code, local, m.group("ext"))
            if det is not None:
                found.append(det)
        for det in self._runs(ctx, taken):
            found.append(det)
        taken.sort()
        ends = {e for _, e in taken}
        for m in _BARE.finditer(text):
            s, e = m.span()
            k = bisect_right(taken, (s, len(text) + 1)) - 1
            if (k >= 0 and taken[k][1] > s) or ctx.excluded(s, e):
                continue
            sep = _LIST_SEP.search(text, max(0, s - 3), s)
            keyword: str | None
            if sep is not None and sep.start() in ends:
                how = f"{e - s}位本地号码，紧随前一个电话号码列出"
                keyword = "号码列表"
            else:
                keyword = keyword_before(text, s, _LANDLINE_CUE, _BARE_WINDOW)
                if keyword is None:
                    continue
                how = f"{e - s}位本地号码（无区号），关键词“{keyword}”"
            ends.add(e)
            attrs = {"validated": False, "keyword": keyword}
            found.append(Detection("LANDLINE", s, e, 0.6, self.name, how, attrs))
        return found

    def _with_code(
        self, text: str, s: int, e: int, code: str, local: str, ext: str | None
    ) -> Detection | None:
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
            return None
        if ext:
            how += f"，分机{ext}"
        if keyword:
            how += f"，关键词“{keyword}”"
        attrs = {"validated": validated, "keyword": keyword}
        return Detection("LANDLINE", s, e, score, self.name, how, attrs)

    def _runs(self, ctx: DetectContext, taken: list[tuple[int, int]]) -> list[Detection]:
        """Local numbers run together after one area code or phone keyword, split in chunks."""
        text = ctx.text
        found: list[Detection] = []
        for m in _RUN.finditer(text):
            s, e = m.span()
            if s and text[s - 1] in _BAD_BEFORE:
                continue
            digits_at = s
            head = text[s:e]
            code = None
            if head[0] == "(" or head[0] == "0":
                code_m = re.match(r"\(?(0[1-9][0-9]{1,2})\)?" + _SEP + "?", head)
                if code_m is None:
                    continue
                code, digits_at = code_m.group(1), s + code_m.end()
            elif keyword_before(text, s, _LANDLINE_CUE, _BARE_WINDOW) is None:
                continue
            if code is not None and not area_code_ok(code):
                continue
            run = text[digits_at:e]
            size = 8 if len(run) % 8 == 0 else 7 if len(run) % 7 == 0 else 0
            if not size or run[0] in "01":
                continue
            chunks = [run[i : i + size] for i in range(0, len(run), size)]
            if any(c[0] in "01" for c in chunks) or ctx.excluded(s, e):
                continue
            taken.append((s, e))
            pos = digits_at
            for i in range(len(chunks)):
                start = s if i == 0 else pos
                how = f"{len(chunks)}个{size}位号码连写，按{size}位拆分"
                if code is not None:
                    how += f"，区号{code}"
                attrs = {"validated": code is not None, "keyword": "号码连写"}
                found.append(Detection("LANDLINE", start, pos + size, 0.8, self.name, how, attrs))
                pos += size
        return found
