"""Tables whose cells are separated by single spaces, one row per line (web copies of
assessment tables: 「公开事项 公开事项 内容要求 自评得分」 then rows ending in a score).

A header is a line of at least three column names. A row is a line of at least two cells; a
row with fewer cells than columns inherits its leading columns from the row above; a line
with one cell continues the row above (kept in ``Row.extra``).
"""

from __future__ import annotations

import re

from pipeline.parse.model import Cell, Row, Table
from pipeline.parse.tables import (
    carried_down,
    cell_at,
    column_at,
    role_of,
    title_before,
    unique_names,
)
from pipeline.parse.text import DocView, Line

_TOKEN = re.compile(r"\S+")
_HEADER_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def _is_header(line: Line) -> bool:
    tokens = line.text.split(" ")
    if len(tokens) < 3 or any(not _HEADER_NAME.match(t) for t in tokens):
        return False
    roles = [role_of(t) for t in tokens]
    known = [r for r, t in zip(roles, tokens, strict=True) if r != "other" or "分" in t]
    return len(known) == len(tokens) and any(r not in ("task", "other") for r in roles)


def space_tables(view: DocView, skip: set[int], section: str, lo: int, hi: int) -> list[Table]:
    tables: list[Table] = []
    lines = view.lines[lo:hi]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank or line.index in skip or "\t" in line.text or not _is_header(line):
            i += 1
            continue
        table, i = _table(view, skip, lines, i, section)
        if table is not None:
            tables.append(table)
    return tables


def _table(
    view: DocView, skip: set[int], lines: list[Line], i: int, section: str
) -> tuple[Table | None, int]:
    header = lines[i]
    columns = unique_names(
        [column_at(view, header.start + m.start(), header.start + m.end())
         for m in _TOKEN.finditer(header.text)]
    )  # fmt: skip
    names = [c.value for c in columns]
    rows: list[Row] = []
    j = i + 1
    last = header
    while j < len(lines):
        line = lines[j]
        if line.blank or line.index in skip:
            j += 1
            if line.index in skip:
                break
            continue
        tokens = [
            (line.start + m.start(), line.start + m.end()) for m in _TOKEN.finditer(line.text)
        ]
        if len(tokens) == 1 and rows and _row_follows(lines, j, skip):
            rows[-1].extra.append(view.piece(*tokens[0]))
            rows[-1].end = view.span(tokens[0][0], tokens[0][1])[1]
        elif 2 <= len(tokens) <= len(names) + 3 and not _is_header(line):
            rows.append(_row(view, tokens, names, rows))
        else:
            break
        last = line
        j += 1
    if not rows:
        return None, j
    start, end = view.span(header.start, last.end)
    return Table(start, end, "spaces", columns, rows, title_before(view, header), section), j


def _row(view: DocView, tokens: list[tuple[int, int]], names: list[str], rows: list[Row]) -> Row:
    while len(tokens) > len(names):  # extra pieces belong to the longest text column
        k = max(range(len(tokens) - 1), key=lambda t: tokens[t][1] - tokens[t][0])
        tokens = [*tokens[:k], (tokens[k][0], tokens[k + 1][1]), *tokens[k + 2 :]]
    missing = len(names) - len(tokens)
    cells: dict[str, Cell] = {}
    for n, name in enumerate(names):
        if n < missing:
            if (above := carried_down(rows, name)) is not None:
                cells[name] = above
            continue
        s, e = tokens[n - missing]
        cells[name] = cell_at(view, s, e, name)
    s, e = view.span(tokens[0][0], tokens[-1][1])
    return Row(s, e, None, cells)


def _row_follows(lines: list[Line], j: int, skip: set[int]) -> bool:
    """A one-cell line continues a row only when another row comes right after it."""
    for line in lines[j + 1 : j + 3]:
        if line.blank:
            continue
        return line.index not in skip and len(line.text.split(" ")) >= 2
    return False
