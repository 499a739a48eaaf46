"""Text layers that are mojibake: a page whose extracted text cannot be what is printed.

A font without a usable ``ToUnicode`` map (or with a broken one) makes PDFium extract
characters that are not the printed ones. Such a page is read by OCR like a scan
(:mod:`pipeline.ingest.pdf_file`). Judged per page, on at least ``MIN_CHARS`` characters:

* **unlikely characters** — private-use code points, U+FFFD and characters without a Unicode
  mapping, control characters, Latin-1/Latin Extended letters (GBK bytes read as Latin-1),
  Hangul, and every other script or symbol block a Chinese government document does not use —
  are at least ``UNLIKELY_SHARE`` of the characters;
* **random ideographs** — CID codes taken for Unicode give ideographs spread over the whole
  CJK block: of at least ``MIN_IDEOGRAPHS`` ideographs, fewer than ``COMMON_SHARE`` are among
  the 6,763 of GB 2312 (real simplified Chinese text: > 99 %; random: ≈ 32 %);
* **punctuation soup** — a subset font numbered from 33 on gives ASCII punctuation and letters:
  almost no CJK (< 10 %) but at least ``PUNCT_SHARE`` ASCII punctuation.
"""

from __future__ import annotations

import re

MIN_CHARS = 20
UNLIKELY_SHARE = 0.3
MIN_IDEOGRAPHS = 20
COMMON_SHARE = 0.5
PUNCT_SHARE = 0.35
NOTE = "文字层乱码，已按扫描件识别"

#: code point ranges a Chinese official document plausibly holds (besides ASCII)
_LIKELY = (
    (0x00B0, 0x00B7),  # ° ± ² ³ ´ µ ¶ ·
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x0370, 0x03FF),  # Greek (α、β in technical text)
    (0x0400, 0x045F),  # Cyrillic in GB 2312
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x218F),  # ℃ № Ⅰ Ⅱ
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # ∶ ≤ ≥
    (0x2300, 0x23FF),
    (0x2460, 0x24FF),  # ① ⑴ ⒈
    (0x2500, 0x257F),  # box drawing (tables drawn as text)
    (0x25A0, 0x25FF),  # □ ■ ○ ● △
    (0x2600, 0x26FF),  # ★ ☆
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK punctuation
    (0x3040, 0x30FF),  # kana (GB 2312 has them)
    (0x3200, 0x33FF),  # ㈠ ㎡
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # vertical forms
    (0xFF00, 0xFFEF),  # full-width forms
)


_UNLIKELY = re.compile(
    "[^\\s\x20-\x7e" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _LIKELY) + "]"
)
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_CJK = re.compile("[\u2e80-\uffff]")
_SPACE = re.compile(r"\s")
_PUNCT = re.compile("[!-/:-@\\[-`{-~]")
#: ideographs sampled for the GB 2312 share (evenly over the page)
SAMPLE = 400


def _common(ch: str) -> bool:
    """In GB 2312 (levels 1 and 2: the rows B0–F7 of the EUC-CN table)."""
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xB0 <= raw[0] <= 0xF7


def garbled(text: str, unmapped: int = 0) -> bool:
    """Whether a page's text layer is mojibake (see the module docstring); ``unmapped``:
    characters PDFium extracted without a Unicode mapping or dropped as control codes
    (not in ``text`` as themselves)."""
    visible = len(text) - len(_SPACE.findall(text))
    total = visible + unmapped
    if total < MIN_CHARS:
        return False
    unlikely = unmapped + len(_UNLIKELY.findall(text))  # U+FFFD and private use included
    if unlikely >= UNLIKELY_SHARE * total:
        return True
    ideographs = _IDEOGRAPH.findall(text)
    if len(ideographs) >= MIN_IDEOGRAPHS:
        sample = ideographs[:: max(1, len(ideographs) // SAMPLE)]
        if sum(1 for ch in sample if _common(ch)) < COMMON_SHARE * len(sample):
            return True
    cjk = len(_CJK.findall(text))
    return cjk < 0.1 * total and len(_PUNCT.findall(text)) >= PUNCT_SHARE * total
