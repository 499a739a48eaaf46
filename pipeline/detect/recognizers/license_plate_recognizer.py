"""Motor-vehicle number plates (LICENSE_PLATE), GA 36-2018 shapes.

Province abbreviation + issuing-authority letter + 5 characters (letters exclude I and O;
at most two letters among the five; the last may be 挂/学/警/港/澳), or the 8-character
new-energy plates: small cars D/F + 5 (``京AD12345``), large vehicles 5 digits + D/F
(``京A12345D``). An optional middle dot or space after the authority letter is tolerated.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import keyword_before
from pipeline.document import Detection

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_L = "A-HJ-NP-Z"
_PLATE = re.compile(
    rf"[{_PROVINCES}](?<![0-9A-Za-z][{_PROVINCES}])[{_L}][·・• ]?"
    rf"(?:(?P<ne>[DF][{_L}0-9][0-9]{{4}}|[0-9]{{5}}[DF])"
    rf"|(?P<std>[{_L}0-9]{{4}}[{_L}0-9挂学警港澳]))(?![0-9A-Za-z])"
)
_CUE = re.compile(r"车牌号码|车牌号|车牌|号牌|车辆|机动车|行驶证|驾驶")
_WINDOW = 12


class LicensePlateRecognizer(Recognizer):
    """Province abbreviation table and plate layout; a vehicle keyword raises the score."""

    name: ClassVar[str] = "LicensePlateRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("LICENSE_PLATE",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _PLATE.finditer(text):
            tail = m.group("ne") or m.group("std")
            if m.group("std"):
                serial = tail if tail[-1].isascii() else tail[:-1]
                if sum(ch.isdigit() for ch in serial) < len(serial) - 2:
                    continue  # more than two letters: a word, not a plate
                form = "普通号牌"
            else:
                form = "新能源号牌（8位）"
            s, e = m.span()
            if ctx.excluded(s, e):
                continue
            keyword = keyword_before(text, s, _CUE, _WINDOW)
            how = f"省份简称“{m.group()[0]}”+发牌机关代号{m.group()[1]}，{form}"
            if keyword:
                how += f"，关键词“{keyword}”"
            attrs = {"validated": True, "keyword": keyword}
            score = 0.95 if keyword else 0.9
            found.append(Detection("LICENSE_PLATE", s, e, score, self.name, how, attrs))
        return found
