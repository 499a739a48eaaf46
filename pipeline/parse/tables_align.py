"""Which cells of a table row belong under which column, judged by what the cells say.

A printed or web task table loses cells to merging: a row under a merged 责任单位 cell has no
unit of its own, a merged 工作任务 cell spanning two levels gives one cell more than the header,
a merged cell copied twice by a crawler repeats its text. Filing cells by position then puts a
requirement sentence under 责任单位. ``align`` assigns the cells, in order, to the columns:
each column gets a run of neighbouring cells (several cells: merged, none: carried down from
the row above), chosen so that every column holds what its header asks for (units under
责任单位, a date or period under 完成时限). Ties keep the old reading: missing and merged cells
are the leading ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: column roles whose cell a merged (missing) cell of a row shares with the row above
CARRIED = ("task", "lead", "responsible", "requirement", "deadline")
TASK_ROLES = frozenset(CARRIED)

_ORG_END = re.compile(
    r"(?:局|办|委|中心|政府|部门|单位|院|所|队|站|处|科|会|镇|乡|区|县|市|厅|部|室|组|司|行"
    r"|公司|集团|学校|大学|机构|街道|社区|村|馆|台|团|社|联|署|专班|各地|各级)$"
)
_UNIT_SPLIT = re.compile(r"[、,，;；/\s]+")
_UNIT_WORDS = re.compile(r"(?:牵头|负责|配合|参与|具体落实|按职责分工|按职责|分别|共同|落实|等)+$")
_PERIOD = re.compile(
    r"^(?:20[0-9]{2}|19[0-9]{2}|[0-9一二三四五六七八九十]{1,2}月|每(?:年|季|月|周|半年|学期)"
    r"|全年|年内|年底|年中|年初|年末|上半年|下半年|第[一二三四]季度|[0-9一二三四五六七八九十]+个?工作日"
    r"|本(?:方案|办法|通知|意见)(?:印发|发布|实施)|信息形成|自(?:印发|发布|即日|20)|次年|当年)"
    r"|^(?:长期坚持|长期|持续推进|持续开展|持续|常态化|常年|经常性|及时|即时|随时|适时|实时|动态更新"
    r"|按季度|按月|按年度|按要求|按时间节点|定期)(?:推进|开展|完成|落实)?$"
)
_PERIOD_IN = re.compile(r"(?:底前|日前|月前|年前|前完成|内完成|内公开|之日起|年底|月底)")
_SENTENCE = re.compile(r"[，,；;。：:]")


def is_units(text: str) -> bool:
    """Names of organisations (责任单位 cells): 「市财政局、各县（市、区）政府」."""
    t = re.sub(r"[（(][^（）()]{0,20}[）)]", "", text.strip())
    if not t or len(t) > 80:
        return False
    parts = [_UNIT_WORDS.sub("", p) for p in _UNIT_SPLIT.split(t) if p]
    parts = [p for p in parts if p]
    return bool(parts) and all(len(p) <= 30 and _ORG_END.search(p) for p in parts)


def is_period(text: str) -> bool:
    """A deadline or period (完成时限 cells): 「2024年6月底前」「长期坚持」「每季度」."""
    t = re.sub(r"\s", "", text)
    if not t or len(t) > 45:
        return False
    return bool(_PERIOD.match(t)) or (len(t) <= 24 and bool(_PERIOD_IN.search(t)))


def fit(text: str, role: str) -> float:
    """How well ``text`` fits a column of ``role`` (positive: fits, negative: it does not)."""
    t = text.strip()
    if not t:
        return 0.0
    units, period = is_units(t), is_period(t)
    long = len(t) > 30 or len(_SENTENCE.findall(t)) >= 2
    if role == "seq":
        return 2.0 if re.fullmatch(r"[0-9]{1,3}[.、]?", t) else -3.0
    if role == "deadline":
        return 2.0 if period else -4.0 if long or units else -1.0
    if role in ("lead", "responsible"):
        return 2.0 if units else -4.0 if long or period else -1.0
    if role in ("task", "requirement"):
        return -3.0 if period else -2.0 if units else 1.0
    return 0.0


def align(texts: list[str], roles: list[str]) -> list[tuple[int, int]]:
    """For every column, the run ``(i, j)`` of ``texts`` it holds (``i == j``: none)."""
    return list(_align(tuple(texts), tuple(roles)))


@lru_cache(maxsize=2048)
def _align(texts: tuple[str, ...], roles: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    m, n = len(texts), len(roles)
    neg = float("-inf")
    # best[k][i]: best score with columns [0, k) holding cells [0, i)
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for k in range(n):
        late = 0.01 * k  # ties: the leading columns are the merged or missing ones
        for i in range(m + 1):
            if best[k][i] == neg:
                continue
            for j in range(i, m + 1):
                if j - i > 1 and roles[k] == "seq":
                    break
                if j == i:
                    score = -1.0 - late
                else:
                    joined = "".join(texts[i:j])
                    score = fit(joined, roles[k]) - (j - i - 1) * (1.0 + late)
                total = best[k][i] + score
                if total > best[k + 1][j]:
                    best[k + 1][j] = total
                    back[k + 1][j] = i
    out: list[tuple[int, int]] = []
    j = m
    for k in range(n, 0, -1):
        i = back[k][j]
        out.append((i, j))
        j = i
    return tuple(reversed(out))


def drop_repeats(texts: list[str]) -> list[int]:
    """Indices of the cells to keep: a cell repeating its left neighbour's text is a merged
    cell read twice (「围绕激发市场主体活力强化公开」 twice in one row)."""
    keep: list[int] = []
    for i, t in enumerate(texts):
        v = re.sub(r"\s", "", t)
        if keep and v and v == re.sub(r"\s", "", texts[keep[-1]]):
            continue
        keep.append(i)
    return keep
