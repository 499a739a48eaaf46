"""Pure check functions for structured identifiers (no regex scanning here).

Sources: GB 11643-1999 (citizen ID number, MOD 11-2), GB/T 2260 (province codes),
ISO/IEC 7812 (Luhn, issuer prefixes), GB 32100-2015 (unified social credit code), and
libphonenumber metadata for number segments and area codes (``../data``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"

# --- resident ID (GB 11643) -------------------------------------------------------------
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_MAP = "10X98765432"
#: GB/T 2260 province-level codes, plus 81/82/83 (HK/Macao/Taiwan residence permits).
PROVINCES: dict[str, str] = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西",
    "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "81": "香港居民居住证", "82": "澳门居民居住证", "83": "台湾居民居住证",
}  # fmt: skip


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_MAP[total % 11]


def id_checksum_ok(id18: str) -> bool:
    """MOD 11-2 check of an 18-character ID (last character may be X/x)."""
    if len(id18) != 18 or not id18[:17].isdigit():
        return False
    return id_check_char(id18[:17]) == id18[17].upper()


def province_ok(code: str) -> bool:
    return code[:2] in PROVINCES


def birth_date(digits: str, today: date | None = None) -> date | None:
    """Birth date of an 18- or 15-digit ID, if it is a real, past date after 1900."""
    ymd = digits[6:14] if len(digits) == 18 else "19" + digits[6:12]
    try:
        born = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
    except ValueError:
        return None
    if born.year < 1900 or born > (today or date.today()):
        return None
    return born


def id18_ok(id18: str) -> bool:
    """Checksum, province and birth date of an 18-character ID all valid."""
    return id_checksum_ok(id18) and province_ok(id18) and birth_date(id18) is not None


def id15_ok(id15: str) -> bool:
    """Legacy 15-digit ID: province and birth date valid (there is no check digit)."""
    return len(id15) == 15 and id15.isdigit() and province_ok(id15) and bool(birth_date(id15))


# --- bank cards ---------------------------------------------------------------------------
def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by payment card numbers."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_issuer(digits: str) -> str | None:
    """The card scheme or issuer its prefix (BIN) belongs to, if known."""
    if digits.startswith("62"):
        return "银联"
    if digits.startswith(("9558", "95599", "6013")):
        return "国内银行"  # legacy domestic ranges (e.g. 9558 工商银行, 95599 农业银行)
    if digits[0] == "4":
        return "VISA"
    if "51" <= digits[:2] <= "55" or "2221" <= digits[:4] <= "2720":
        return "MasterCard"
    if "3528" <= digits[:4] <= "3589":
        return "JCB"
    return None


# --- unified social credit code (GB 32100-2015) -------------------------------------------
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_INDEX = {c: i for i, c in enumerate(USCC_CHARS)}


def uscc_ok(code: str) -> bool:
    """GB 32100 check character of an 18-character unified social credit code."""
    code = code.upper()
    if len(code) != 18 or any(c not in _USCC_INDEX for c in code):
        return False
    if not code[2:8].isdigit():  # 登记管理机关行政区划码
        return False
    total = sum(_USCC_INDEX[c] * w for c, w in zip(code[:17], USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31] == code[17]


# --- phone numbers ------------------------------------------------------------------------
def _data_lines(name: str) -> list[str]:
    with (_DATA / name).open(encoding="utf-8") as fh:
        return [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]


@cache
def mobile_prefixes() -> frozenset[str]:
    return frozenset(_data_lines("mobile_prefixes.txt"))


@cache
def area_codes() -> dict[str, str]:
    """Area code (with the leading 0) → place name."""
    return dict(ln.split("\t", 1) for ln in _data_lines("area_codes.txt"))


def mobile_ok(digits11: str) -> bool:
    """An 11-digit number in an allocated mobile number segment (号段)."""
    prefixes = mobile_prefixes()
    return len(digits11) == 11 and (digits11[:3] in prefixes or digits11[:4] in prefixes)


def area_code_ok(code: str) -> bool:
    return code in area_codes()


def split_area_code(digits: str) -> tuple[str, str]:
    """Split ``0…`` into (area code, local number): 010 and 02x are 3 digits, others 4."""
    cut = 3 if digits[1] in "12" else 4
    return digits[:cut], digits[cut:]


# --- keyword windows ----------------------------------------------------------------------
def keyword_before(text: str, start: int, pattern: re.Pattern[str], window: int) -> str | None:
    """The last cue word matching ``pattern`` within ``window`` characters before ``start``."""
    found = None
    for m in pattern.finditer(text, max(0, start - window), start):
        found = m.group()
    return found
