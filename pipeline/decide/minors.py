"""Is a named person a minor? Age, birth year in an ID number, school words (reach: the
person's own slot).

A publicity list names children too: a student-aid list (高一（3）班 宁雨桐), a relief roster
whose row says 本人在读初中 or carries an ID number of a twelve-year-old, a list of 留守儿童
with 9岁. Their names must not be allowed silently (《未成年人保护法》第七十二条). The cue is read
in the person's slot only: from the end of the previous person (or the start of the sentence,
line or table row) to the start of the next person (or the end of the sentence or row), so a
child's age never marks the parent named before it in another clause (「；王某，男，7岁」).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.detect.recognizers.roster_recognizer import CELL_SPLIT
from pipeline.document import Detection

#: Sentence and row bounds: 。；! ? and line breaks (a table row is one line).
_BOUND = re.compile(r"[。;；!?！？\n]")
#: An age under 18 written after the name (9岁, 12周岁, 十二岁, 2岁7个月).
_AGE = re.compile(
    r"(?<![0-9])(?:1[0-7]|[1-9])周?岁(?:[0-9]{1,2}个月|(?![0-9半以]))|(?<![十二三四五六七八九])(?:十[一二三四五六七]?|[一二三四五六七八九])周?岁"
)
#: The particulars right after a name: sex, then the age (，11岁 / （女，9周岁）).
_OWN_AGE = re.compile(rf"[,，(（]?[ ]?(?:[男女][,，、 ]?)?({_AGE.pattern})")
_AGE_CELL = re.compile(r"(?:1[0-7]|[1-9])(?:周?岁)?")
_ID = re.compile(r"(?<![0-9])[1-8][0-9]{5}((?:19|20)[0-9]{2})[0-9]{7}[0-9Xx](?![0-9])")
_CLAUSE = re.compile(r"[,，、:：]")
_YEAR = re.compile(r"(20[0-9]{2})年")
#: School and childhood words (在读小学, 初二, 高一（3）班, 幼儿园, 留守儿童, 孤儿); a school's
#: name alone (城关小学) is no cue: teachers and officials are named with it too.
_SCHOOL = re.compile(
    r"学生|在读|就读|在校|幼儿园|幼儿|儿童|孤儿|[一二三四五六]年级"
    r"|(?<![\u4e00-\u9fff])[初高][一二三](?![\u4e00-\u9fff])|[初高][一二三][(（]|[0-9一二三四五六七八九十]+[)）]?班"
)
#: Adults at school or with children: the slot speaks of them, not of a minor.
_ADULT = re.compile(
    r"大学|学院|研究生|本科|硕士|博士|教师|老师|校长|班主任|辅导员|教练|职工|干部|家长"
)


def reference_year(text: str) -> int:
    """The document's year: the latest 20xx年 it names (not beyond this year)."""
    this_year = date.today().year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= this_year + 1]
    return max(years) if years else this_year


def _slot(text: str, det: Detection, persons: list[tuple[int, int]]) -> tuple[int, int]:
    """From the previous person's end (or the bound) to the next person's start."""
    lo = 0
    for m in _BOUND.finditer(text, max(0, det.start - 200), det.start):
        lo = m.end()
    hi_m = _BOUND.search(text, det.end, det.end + 200)
    hi = hi_m.start() if hi_m else min(len(text), det.end + 200)
    for s, e in persons:
        if e <= det.start and e > lo:
            lo = e
        if s >= det.end and s < hi:
            hi = s
    return lo, hi


def minor_cue(
    text: str,
    det: Detection,
    persons: list[tuple[int, int]],
    year: int,
    age_cell: str | None = None,
    in_row: bool = False,
) -> str | None:
    """Why the PERSON ``det`` is taken for a minor (an age, a birth year, a school word), or
    None. ``persons`` are the document's PERSON spans; ``age_cell`` is the row's 年龄 cell;
    ``in_row``: the name stands in a table row (school words count in the whole slot, else
    only in the name's clause)."""
    if age_cell is not None and _AGE_CELL.fullmatch(age_cell.strip()):
        return f"年龄{age_cell.strip()}"
    lo, hi = _slot(text, det, persons)
    slot = text[lo:hi]
    # an age in the name's own particulars (潘思琪，11岁，… / 潘思琪（女，11岁）) is this
    # person's, whatever institution the rest of the sentence names (…大学附属儿童医院)
    m = _OWN_AGE.match(text, det.end, hi)
    if m is not None and not _ADULT.search(text, lo, det.start):
        return m.group(1)
    if _ADULT.search(slot):
        return None
    m = _AGE.search(text, det.end, hi)
    if m is not None:
        return m.group()
    for m in _ID.finditer(slot):
        if year - int(m.group(1)) < 18:
            return f"出生于{m.group(1)}年"
    if not in_row:
        # prose: the school word must stand in the name's own clause (高一（3）班 宁雨桐，…)
        c_lo = max([lo] + [m.end() for m in _CLAUSE.finditer(text, lo, det.start)])
        c_hi_m = _CLAUSE.search(text, det.end, hi)
        lo, hi = c_lo, (c_hi_m.start() if c_hi_m else hi)
    m = _SCHOOL.search(text, lo, hi)
    return m.group() if m is not None else None


def mark_minor(
    text: str, det: Detection, persons: list[tuple[int, int]], year: int, header: str | None
) -> None:
    """Set ``minor`` (and ``minor_cue``) on a PERSON whose slot says it is a child.

    ``header`` is the roster header of the name's row, if any: a 年龄 column's cell counts.
    """
    if det.entity != "PERSON" or "minor" in det.attrs or det.attrs.get("masked_form"):
        return
    age_cell = None
    if header is not None:
        headers = CELL_SPLIT.split(header.strip())
        ages = [i for i, h in enumerate(headers) if h.strip() in _AGE_HEADERS]
        if ages:
            line_start = text.rfind("\n", 0, det.start) + 1
            line_end = text.find("\n", det.end)
            cells = CELL_SPLIT.split(text[line_start : line_end if line_end != -1 else None])
            if len(cells) == len(headers):
                age_cell = cells[ages[0]]
    cue = minor_cue(text, det, persons, year, age_cell, header is not None)
    if cue is not None:
        det.attrs["minor"] = True
        det.attrs["minor_cue"] = cue
        # how it is known: an age or a birth year says it of this person; a school word
        # (学生, 幼儿园) may speak of a group the sentence mentions
        det.attrs["minor_by"] = "school" if _SCHOOL.fullmatch(cue) else "age"


_AGE_HEADERS = frozenset({"年龄", "年龄（岁）", "年龄(岁)", "周岁"})
