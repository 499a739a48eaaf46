"""Normalise text for matching while keeping a map back to the original offsets.

Steps, in order:

1. a length-preserving character map (``data/char_map.tsv``): full-width → half-width
   (NFKC), traditional → simplified (OpenCC's single-character table), odd spaces → space;
2. deletions, each recorded in the offset map: zero-width characters, the pinyin that some
   mirrors insert after characters (``關(guān)于`` → ``关于``), and spaces or hyphens inside
   digit groups shaped like a phone, ID or card number (``138 1234 5678``), or splitting an
   ID number anywhere when the joined number passes its check digit;
3. letter spacing, deleted the same way: the spaces of a form label spread for alignment
   (``申 请 人：``, ``姓    名：``) and of a line whose characters are spaced one by one (OCR
   and PDF output: ``与 邻 户 唐 世 贵``), so that cues and names read as words;
4. a "?" left where the mirror's encoding lost a character before its pinyin
   (``?dāng)``) becomes ``□`` (length-preserving) and the pinyin is deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.normalise.offset_map import OffsetMap

_DATA = Path(__file__).with_name("data")

_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Pinyin in brackets right after a Chinese character, carrying at least one tone mark.
# (the literal "(" comes first so that ``re`` can skip ahead to it)
_PINYIN = re.compile(
    rf"\((?<=[\u3400-\u9fff]\()(?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}\)"
)
# The same pinyin after a "?" that stands for a character (and its bracket) the mirror's
# encoding lost (``政府?dāng)?shù)據``): the pinyin is deleted, the "?" reads "□" (a lost
# character, as printed texts mark one) in the normalised text, so no sentence ends there.
_LOST_PINYIN = re.compile(rf"\?(?=[a-z{_TONED}ü]*[{_TONED}])([a-z{_TONED}ü]{{1,7}}[)）])")
LOST = "\u25a1"
_SEP = r"[ \-]"
# Digit groups split by single separators, shaped like the numbers we look for.
_SPLIT_DIGITS = re.compile(
    r"(?<![0-9])(?:"
    rf"(?:\+?86{_SEP})?1[3-9][0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}"  # mobile 3-4-4
    rf"|[1-9][0-9]{{5}}{_SEP}[0-9]{{8}}{_SEP}[0-9]{{3}}[0-9Xx]"  # ID 6-8-4
    rf"|[1-9][0-9]{{5}}{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}{_SEP}[0-9]{{3}}[0-9Xx]"  # ID 6-4-4-4
    rf"|[0-9]{{4}}(?:{_SEP}[0-9]{{4}}){{3}}(?:{_SEP}?[0-9]{{1,3}})?"  # card 4-4-4-4(-3)
    rf"|[0-9](?: [0-9]){{10,18}}"  # every digit spaced
    r")(?![0-9])"
)
_SEP_INSIDE = re.compile(_SEP)
# Any other split of an 18-character ID (37030319930520 4144): joined only when the joined
# value passes the GB 11643 check digit, so two neighbouring numbers are never glued.
# (the look-behind follows the first character so that ``re`` can skip ahead to digits)
_SPLIT_ID = re.compile(rf"[1-9](?<![0-9][1-9])(?:{_SEP}?[0-9]){{16}}{_SEP}?[0-9Xx](?![0-9])")
#: A spread form label at the start of a line: two to four characters with spaces between
#: them, then a colon (申 请 人：, 姓    名:).
_SPREAD_LABEL = re.compile(
    r"(?m)^[ \t]*[\u4e00-\u9fff](?:[ \u3000]{1,6}[\u4e00-\u9fff]){1,3}(?=[ \u3000]{0,4}[:：])"
)
_LABEL_SPACES = re.compile(r"[ \u3000]+")
#: A character-spaced line: at least 8 single characters standing between spaces, and they
#: make at least 75 % of the line's space-separated pieces (a header line 「姓名 性别 民族」
#: has none).
_WORDLIKE = "\u4e00-\u9fff,.:;()!?、。，：；（）《》“”"
_SPACED_GAP = re.compile(rf"(?<=[{_WORDLIKE}]) (?=[{_WORDLIKE}])")
#: Three characters spaced one by one: a character-spaced line (at least 8 singles making
#: 75 % of its pieces) always holds such a run, so only lines with one are counted.
_SPACED_RUN = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff] +[\u4e00-\u9fff]")
_SEP_BETWEEN_DIGITS = re.compile(rf"[0-9]{_SEP}[0-9]")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_check_ok(value: str) -> bool:
    """Province code, a plausible birth date and the check digit (GB 11643)."""
    province, year, month, day = (
        int(value[:2]),
        int(value[6:10]),
        int(value[10:12]),
        int(value[12:14]),
    )
    if not (11 <= province <= 65 or 81 <= province <= 83):
        return False
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    total = sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == value[17].upper()


@cache
def char_table() -> dict[int, int]:
    """The ``str.translate`` table built from ``data/char_map.tsv``."""
    table: dict[int, int] = {}
    with (_DATA / "char_map.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            src, dst = line.split("\t")
            table[int(src, 16)] = int(dst, 16)
    for ch in _ZERO_WIDTH:
        table.pop(ord(ch), None)
    return table


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Original text, its normalised form and the map between them."""

    original: str
    text: str
    offsets: OffsetMap

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_original(start, end)


def _spacing(mapped: str) -> list[tuple[int, int]]:
    """Spaces of spread form labels and of character-spaced lines (step 3)."""
    spans: list[tuple[int, int]] = []
    for m in _SPREAD_LABEL.finditer(mapped):
        lead = len(m.group()) - len(m.group().lstrip(" \t"))
        base = m.start() + lead
        spans.extend(
            (base + s.start(), base + s.end()) for s in _LABEL_SPACES.finditer(m.group()[lead:])
        )
    done = -1  # end of the last line counted
    for run in _SPACED_RUN.finditer(mapped):
        if run.start() < done:
            continue
        lo = mapped.rfind("\n", 0, run.start()) + 1
        hi = mapped.find("\n", run.end())
        done = hi = len(mapped) if hi == -1 else hi
        pieces = mapped[lo:hi].split(" ")
        singles = sum(1 for p in pieces if len(p) == 1 and "\u4e00" <= p <= "\u9fff")
        # (a space-separated table row of one-character cells, 「王五 男 汉 是 否」, stays short
        # of these bounds)
        if singles >= 8 and singles >= 0.75 * sum(1 for p in pieces if p):
            spans.extend((s.start(), s.end()) for s in _SPACED_GAP.finditer(mapped, lo, hi))
    return spans


def _deletions(mapped: str, lost: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = list(lost)
    if " " in mapped:  # (the character map has turned 　 and other spaces into " ")
        spans.extend(_spacing(mapped))
    if any(ch in mapped for ch in _ZERO_WIDTH):
        spans.extend((m.start(), m.end()) for m in re.finditer(f"[{_ZERO_WIDTH}]", mapped))
    if "(" in mapped:
        spans.extend((m.start(), m.end()) for m in _PINYIN.finditer(mapped))
    if not _SEP_BETWEEN_DIGITS.search(mapped):
        return sorted(set(spans))
    for m in _SPLIT_DIGITS.finditer(mapped):
        base = m.start()
        # keep the "+86" prefix separator: only separators between digits go
        spans.extend((base + s.start(), base + s.end()) for s in _SEP_INSIDE.finditer(m.group()))
    for m in _SPLIT_ID.finditer(mapped):
        group = m.group()
        compact = _SEP_INSIDE.sub("", group)
        if compact != group and _id_check_ok(compact):
            base = m.start()
            spans.extend((base + s.start(), base + s.end()) for s in _SEP_INSIDE.finditer(group))
    spans = sorted(set(spans))
    return spans


def normalise(original: str) -> NormalisedText:
    """Normalise ``original``; offsets of the result map back to it exactly."""
    mapped = original.translate(char_table())
    lost = [m.span(1) for m in _LOST_PINYIN.finditer(mapped)] if "?" in mapped else []
    if lost:
        mapped = _LOST_PINYIN.sub(lambda m: LOST + m.group(1), mapped)  # length kept
    deletions = _deletions(mapped, lost)
    if not deletions:
        return NormalisedText(original, mapped, OffsetMap.identity(len(original)))
    kept: list[tuple[int, int]] = []
    pieces: list[str] = []
    pos = 0
    for start, end in deletions:
        if start < pos:  # overlapping deletions (cannot happen today; stay safe)
            start = pos
        if start > pos:
            kept.append((pos, start))
            pieces.append(mapped[pos:start])
        pos = max(pos, end)
    kept.append((pos, len(mapped)))
    pieces.append(mapped[pos:])
    return NormalisedText(original, "".join(pieces), OffsetMap(kept, len(original)))
