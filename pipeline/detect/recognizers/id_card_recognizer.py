"""Resident identity card numbers (居民身份证号码): 18 characters per GB 11643, or legacy 15."""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.validators import (
    PROVINCES,
    birth_date,
    id_check_char,
    keyword_before,
)
from pipeline.document import Detection

# 18 digits (last may be X) or 15 digits, not inside a longer alphanumeric or masked run.
_ID = re.compile(
    r"[1-9](?<![0-9A-Za-z*×][1-9])[0-9]{5}(?:(?:18|19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx]"
    r"|[0-9]{2}[01][0-9][0-3][0-9][0-9]{3})(?![0-9A-Za-z*×])"
)
_CUE = re.compile(
    r"身份证号码|身份证号|身份证|公民身份号码|身份号码|证件号码|证件号|证号|居住证|ID|id"
)
_WINDOW = 12
#: An ID number written in Chinese numerals (三四零一零四一九八五…), 18 characters.
_CN_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "O": "0"}
_CN_ID = re.compile(
    r"(?<![零〇一二三四五六七八九])[一二三四五六][零〇一二三四五六七八九]{16}"
    r"[零〇一二三四五六七八九Xx叉](?![零〇一二三四五六七八九])"
)


class IdCardRecognizer(Recognizer):
    """GB 11643 check digit, birth date and province code; a keyword rescues typos."""

    name: ClassVar[str] = "IdCardRecognizer"
    entities: ClassVar[tuple[str, ...]] = ("ID_CARD",)

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        found: list[Detection] = []
        for m in _ID.finditer(text):
            s, e = m.span()
            if ctx.excluded(s, e):
                continue
            det = self._judge(m.group(), s, e, keyword_before(text, s, _CUE, _WINDOW))
            if det is not None:
                found.append(det)
        for m in _CN_ID.finditer(text):
            s, e = m.span()
            if ctx.excluded(s, e):
                continue
            value = "".join(_CN_DIGITS.get(c, "X") for c in m.group())
            det = self._judge(value, s, e, keyword_before(text, s, _CUE, _WINDOW))
            if det is not None:
                det.attrs["chinese_numerals"] = True
                det.explanation = "汉字数字书写，" + det.explanation
                found.append(det)
        return found

    def _judge(self, value: str, s: int, e: int, keyword: str | None) -> Detection | None:
        province = PROVINCES.get(value[:2])
        born = birth_date(value)
        place = f"地区码{value[:2]}（{province}）" if province else f"地区码{value[:2]}无效"
        when = f"出生日期{born.isoformat()}" if born else "出生日期无效"
        attrs: dict[str, object] = {"keyword": keyword}
        if born:
            attrs["birth_date"] = born.isoformat()
        if len(value) == 18:
            check_ok = id_check_char(value[:17]) == value[17].upper()
            validated = check_ok and province is not None and born is not None
            if validated:
                score = 0.99 if keyword else 0.95
                how = "校验位正确"
            elif keyword and province and born:
                score = 0.6  # a typo in a number labelled as an ID is still an ID
                how = f"校验位错误（应为{id_check_char(value[:17])}），但有关键词“{keyword}”"
            else:
                return None
            explanation = f"18位，{how}，{when}，{place}"
        else:
            if not (province and born):
                return None
            validated = keyword is not None
            score = 0.9 if keyword else 0.6
            cue = f"，关键词“{keyword}”" if keyword else "，无关键词"
            explanation = f"15位旧身份证号（无校验位），{when}，{place}{cue}"
        attrs["validated"] = validated
        return Detection("ID_CARD", s, e, score, self.name, explanation, attrs)
