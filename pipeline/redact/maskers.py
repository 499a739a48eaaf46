"""Masked forms (GB/T 37964 style): keep just enough to recognise the record, not the person."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_DIGITS = re.compile(r"[0-9Xx]")
_AREA_CODE = re.compile(r"\s*\(?(0[1-9][0-9]{1,2})\)?[\s\-]?")
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司徒",
        "诸葛",
        "上官",
        "皇甫",
        "东方",
        "慕容",
        "令狐",
        "夏侯",
        "尉迟",
        "公孙",
        "长孙",
        "宇文",
        "司马",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "轩辕",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "万俟",
        "濮阳",
        "钟离",
        "宗政",
        "赫连",
        "拓跋",
        "第五",
    ]
)


def _keep_ends(value: str, head: int, tail: int) -> str:
    """Keep ``head`` and ``tail`` digits, star the digits between; drop separators."""
    digits = "".join(_DIGITS.findall(_halfwidth(value)))
    if len(digits) <= head + tail:
        return "*" * len(digits)
    return digits[:head] + "*" * (len(digits) - head - tail) + digits[-tail:]


_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF38: 0x58, 0xFF58: 0x78}


def _halfwidth(value: str) -> str:
    return value if value.isascii() else value.translate(_FULLWIDTH)


def mask_mobile(value: str, attrs: dict[str, Any]) -> str:
    digits = "".join(_DIGITS.findall(_halfwidth(value)))
    prefix = ""
    if len(digits) == 13 and digits.startswith("86"):
        prefix, digits = "+86 ", digits[2:]
    return prefix + _keep_ends(digits, 3, 4)


def mask_id(value: str, attrs: dict[str, Any]) -> str:
    return _keep_ends(value, 4, 4)


def mask_landline(value: str, attrs: dict[str, Any]) -> str:
    """Keep the area code (when there is one) and the last two digits."""
    m = _AREA_CODE.match(_halfwidth(value))
    if m:
        rest = value[m.end() :]
        return m.group(1) + "-" + _keep_ends(rest, 0, 2)
    return _keep_ends(value, 0, 2)


def mask_person(value: str, attrs: dict[str, Any]) -> str:
    """张* / 欧阳** : the surname stays, the given name goes."""
    keep = 2 if value[:2] in COMPOUND_SURNAMES else 1
    return value[:keep] + "*" * max(1, len(value) - keep)


def mask_address(value: str, attrs: dict[str, Any]) -> str:
    """Cut to the township/street level (``keep_until`` characters of the span)."""
    keep = attrs.get("keep_chars")
    if isinstance(keep, int) and 0 < keep < len(value):
        return value[:keep] + "***"
    return "***"


def mask_email(value: str, attrs: dict[str, Any]) -> str:
    local, _, domain = value.partition("@")
    return (local[:1] + "***@" + domain) if domain else "***"


def mask_all(value: str, attrs: dict[str, Any]) -> str:
    return "*" * len(value)


def mask_passport(value: str, attrs: dict[str, Any]) -> str:
    """Keep the first character (the letter that names the document kind) and the last two:
    E12345678 → E******78."""
    if len(value) <= 3:
        return mask_all(value, attrs)
    return value[0] + "*" * (len(value) - 3) + value[-2:]


MASKERS: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "ID_CARD": mask_id,
    "BANK_CARD": mask_id,
    "PASSPORT": mask_passport,
    "MOBILE": mask_mobile,
    "LANDLINE": mask_landline,
    "PERSON": mask_person,
    "ADDRESS": mask_address,
    "EMAIL": mask_email,
}


def mask(entity: str, value: str, attrs: dict[str, Any] | None = None) -> str:
    """The masked form of ``value`` for an entity label."""
    return MASKERS.get(entity, mask_all)(value, attrs or {})
