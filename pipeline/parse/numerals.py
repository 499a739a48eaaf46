"""Chinese numerals (一百二十三, 二〇二三) and dates in Arabic or Chinese numerals."""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "0": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}

CN_NUM = "〇○零一二两三四五六七八九十百千"
_YEAR_CN = "〇○零Oo0一二三四五六七八九"

#: A date: 2016年12月9日, 2023年7月, 二〇二三年七月二十五日; ``-`` and ``.`` forms in metadata.
DATE_RE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*年\s*(?P<m>[0-9]{1,2})\s*月(?:\s*(?P<d>[0-9]{1,2})\s*日)?"
    rf"|(?P<cy>[{_YEAR_CN}]{{4}})\s*年\s*(?P<cm>[一二三四五六七八九十]{{1,2}})\s*月"
    rf"(?:\s*(?P<cd>[一二三四五六七八九十]{{1,3}})\s*日)?"
    r"|(?<![0-9])(?P<iy>(?:19|20)[0-9]{2})(?P<sep>[-./])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})"
    r"(?![0-9])"
)


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; Arabic digits pass through."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _year(text: str) -> int | None:
    digits = "".join(str(_DIGITS[c]) for c in text if c in _DIGITS)
    return int(digits) if len(digits) == 4 else None


def date_iso(m: re.Match[str]) -> str | None:
    """ISO form of a :data:`DATE_RE` match, or None when it is not a real date."""
    if m.group("y"):
        y, mo = int(m.group("y")), int(m.group("m"))
        d = int(m.group("d")) if m.group("d") else None
    elif m.group("cy"):
        y = _year(m.group("cy")) or 0
        mo = cn_to_int(m.group("cm")) or 0
        d = cn_to_int(m.group("cd")) if m.group("cd") else None
    else:
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    if not (1900 <= y <= 2099 and 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d is not None else "")
