"""Tables: TAB-separated rows (one row per line) and web tables extracted one cell per line.

Columns are named from the header row; task-decomposition tables get column roles (task,
lead, responsible, requirement, deadline). A web table's merged cells are resolved by
position: a row with fewer cells inherits its leading columns from the row above (marked
``inherited``), a row with more cells folds the extra leading cells into its first column.
"""

from __future__ import annotations

import re

from pipeline.parse.model import Cell, Column, Row, Span, Table
from pipeline.parse.tables_align import CARRIED, TASK_ROLES, align, drop_repeats
from pipeline.parse.text import DocView, Line

ROLES = {
    "seq": ("序号", "编号"),
    "task": ("工作任务", "主要任务", "重点任务", "具体任务", "任务", "工作内容", "事项", "项目"),
    "lead": ("牵头单位", "牵头部门", "牵头领导", "牵头"),
    "responsible": ("责任单位", "责任部门", "配合单位", "配合部门", "责任处室", "责任科室",
                    "参与单位", "实施单位"),
    "requirement": ("工作要求", "具体要求", "工作措施", "具体措施", "主要内容", "内容", "要求"),
    "deadline": ("完成时限", "时限要求", "时限", "完成时间", "时间节点", "时间安排"),
    "other": ("备注", "分值", "指标", "评分标准", "考核内容", "评分细则", "得分"),
}  # fmt: skip
_HEADER_WORDS = {w: role for role, words in ROLES.items() for w in words}
_ROW_NUMBER = re.compile(r"^[0-9]{1,3}$")
_ROW_TASK = re.compile(r"^(?P<n>[0-9]{1,3})[.、]\S")
_ROW_BARE = re.compile(r"^([0-9]{1,3})[.、]?[\u4e00-\u9fff]")
_GROUP = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))")
_ORG_CELL = re.compile(r"(?:局|办|委|中心|政府|部门|单位|院|所|队|站|处|科|会|镇|乡|区|县)$")


def role_of(name: str) -> str:
    compact = re.sub(r"\s", "", name)
    if compact in _HEADER_WORDS:
        return _HEADER_WORDS[compact]
    for word, role in _HEADER_WORDS.items():
        if len(word) > 1 and word in compact:
            return role
    return "other"


def column_at(view: DocView, start: int, end: int) -> Column:
    p = view.piece(start, end)
    return Column(
        p.start, p.end, p.text, re.sub(r"\s", "", p.value), role=role_of(view.text[start:end])
    )


def cell_at(view: DocView, start: int, end: int, column: str) -> Cell:
    p = view.piece(start, end)
    value = p.value
    if "\n" in view.text[start:end] or "\t" in view.text[start:end]:  # merged: keep apart
        parts = re.split(r"[\n\t]", view.text[start:end])
        values, pos = [], start
        for part in parts:
            if part.strip():
                lead = len(part) - len(part.lstrip())
                values.append(view.clean(pos + lead, pos + lead + len(part.strip())))
            pos += len(part) + 1
        value = " / ".join(values)
    return Cell(p.start, p.end, p.text, value, column=column)


def carried_down(rows: list[Row], name: str) -> Cell | None:
    """Column ``name``'s cell of the row above, marked inherited: a short row of a printed
    table leaves out the leading cells it shares with the row above (merged cells)."""
    prev = rows[-1].cells.get(name) if rows else None
    return (
        None
        if prev is None or not prev.value
        else Cell(prev.start, prev.end, prev.text, prev.value, name, True)
    )


def tab_tables(view: DocView, skip: set[int], section: str, lo: int, hi: int) -> list[Table]:
    """Runs of lines with TABs: the first line is the header."""
    tables: list[Table] = []
    run: list[Line] = []
    for line in [*view.lines[lo:hi], None]:
        if (
            line is not None
            and line.index not in skip
            and "\t" in view.text[line.raw_start : line.raw_end]
        ):
            run.append(line)
            continue
        if len(run) >= 2:
            tables.append(_tab_table(view, run, section))
        run = []
    return tables


def _cells_of(view: DocView, line: Line) -> list[tuple[int, int]]:
    raw = view.text[line.raw_start : line.raw_end].rstrip("\r")
    out, pos = [], line.raw_start
    for chunk in raw.split("\t"):
        lead = len(chunk) - len(chunk.lstrip())
        out.append((pos + lead, pos + lead + len(chunk.strip())))
        pos += len(chunk) + 1
    return out


def _tab_table(view: DocView, run: list[Line], section: str) -> Table:
    header = _cells_of(view, run[0])
    columns = unique_names([column_at(view, s, e) for s, e in header])
    names = [c.value for c in columns]
    rows: list[Row] = []
    task_table = _is_task_table(columns)
    for line in run[1:]:
        found = _cells_of(view, line)
        if task_table:
            cells = _aligned(view, found, columns, rows)
        else:
            cells = {}
            for i, (s, e) in enumerate(found):
                name = names[i] if i < len(names) else f"第{i + 1}列"
                cells[name] = cell_at(view, s, e, name)
        number = _row_number(cells, columns)
        span = view.piece(line.start, line.end)
        rows.append(Row(span.start, span.end, number, cells))
    start, end = view.span(run[0].start, run[-1].end)
    return Table(start, end, "tab", columns, rows, title_before(view, run[0]), section)


def _row_number(cells: dict[str, Cell], columns: list[Column]) -> int | None:
    for col in columns:
        if col.role == "seq" and col.value in cells and cells[col.value].value.isdigit():
            return int(cells[col.value].value)
    return None


def unique_names(columns: list[Column]) -> list[Column]:
    """Repeated column names get a number: 公开事项, 公开事项2 (cells are keyed by name)."""
    seen: dict[str, int] = {}
    for i, col in enumerate(columns):
        name = col.value or f"第{i + 1}列"
        seen[name] = seen.get(name, 0) + 1
        col.value = name if seen[name] == 1 else f"{name}{seen[name]}"
    return columns


def title_before(view: DocView, line: Line) -> Span | None:
    prev = view.prev_content(line.index, 4)
    if prev is None or len(prev.text) > 80 or "\t" in prev.text or prev.text.endswith("。"):
        return None
    return view.piece(prev.start, prev.end)


def _is_header_word(text: str) -> bool:
    """A column name: a known word, or a short cell containing one (牵头部门（单位）)."""
    compact = re.sub(r"\s", "", text)
    if compact in _HEADER_WORDS:
        return True
    return len(compact) <= 10 and "。" not in compact and role_of(compact) not in ("other", "task")


def cell_line_tables(view: DocView, skip: set[int], section: str, lo: int, hi: int) -> list[Table]:
    """Web tables flattened one cell per line (blank line between cells; an extra blank
    line is an empty cell): a run of ≥3 header words, then rows that start with a number."""
    lines = view.lines[lo:hi]
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank or line.index in skip or not _is_header_word(line.text):
            i += 1
            continue
        header = [line]
        j = i + 1
        while j < len(lines):
            if lines[j].blank:
                j += 1
                continue
            if lines[j].index in skip or not _is_header_word(lines[j].text):
                break
            header.append(lines[j])
            j += 1
        if len(header) < 3:
            i = j
            continue
        table, j = _cell_table(view, skip, header, lines, j, section)
        if table is not None:
            tables.append(table)
        i = j
    return tables


def _cell_table(
    view: DocView, skip: set[int], header: list[Line], lines: list[Line], j: int, section: str
) -> tuple[Table | None, int]:
    columns = unique_names([column_at(view, h.start, h.end) for h in header])
    has_seq = columns[0].role == "seq"
    body_cols = columns[1:] if has_seq else columns
    rows: list[Row] = []
    groups: list[str] = []
    current: list[Line | None] = []
    blanks = 0
    end_line = header[-1]

    def flush() -> None:
        if current:
            seq_name = columns[0].value if has_seq else None
            rows.append(_map_row(view, current, body_cols, seq_name, list(groups), rows))

    while j < len(lines):
        line = lines[j]
        j += 1
        if line.blank:
            blanks += 1
            continue
        if line.index in skip:
            break
        gap, blanks = blanks, 0
        starts_row = (
            bool(_ROW_NUMBER.match(line.text)) if has_seq else bool(_ROW_TASK.match(line.text))
        )
        if not starts_row and not has_seq and current and current[0] is not None:
            # the next number written without its dot (「15規範公開辦事指南事項」)
            bare, this = _ROW_BARE.match(line.text), _ROW_BARE.match(current[0].text)
            starts_row = bare is not None and this is not None and int(bare[1]) == int(this[1]) + 1
        if starts_row:
            flush()
            current = [line]
        elif _GROUP.match(line.text) and not _ROW_TASK.match(line.text):
            flush()
            current = []
            level = 0 if "、" in line.text[:4] else 1
            groups[:] = [*groups[:level], view.clean(line.start, line.end)]
        elif current:
            current.extend([None] * max(0, gap - 1))
            current.append(line)
        end_line = line
    flush()
    if not rows:
        return None, j
    start, end = view.span(header[0].start, end_line.end)
    return Table(start, end, "cell-lines", columns, rows, title_before(view, header[0]), section), j


def _map_row(
    view: DocView, cells: list[Line | None], cols: list[Column], seq_name: str | None,
    groups: list[str], previous: list[Row],
) -> Row:  # fmt: skip
    first = cells[0]
    assert first is not None
    number_match = _ROW_NUMBER.match(first.text) or _ROW_BARE.match(first.text)
    digits = re.match(r"[0-9]+", first.text) if number_match else None
    number = int(digits.group()) if digits else None
    out: dict[str, Cell] = {}
    body: list[Line | tuple[int, int] | None] = list(cells[1:] if seq_name else cells)
    while body and body[-1] is None and len(body) > len(cols):
        body.pop()
    names = [c.value for c in cols]
    if _is_task_table(cols):
        spans = [_item_span(view, item) for item in body]
        out = _aligned(view, spans, cols, previous)
    else:
        while len(body) > len(names):
            body = _fold(body)
        missing = len(names) - len(body)
        for k, name in enumerate(names):
            if k < missing:
                if (above := carried_down(previous, name)) is not None:
                    out[name] = above
                continue
            item = body[k - missing]
            if isinstance(item, tuple):
                out[name] = cell_at(view, item[0], item[1], name)
            elif item is not None:
                out[name] = cell_at(view, item.start, item.end, name)
    if seq_name:
        out = {seq_name: cell_at(view, first.start, first.end, seq_name), **out}
    s, e = view.span(first.start, max(c.end for c in cells if c is not None))
    return Row(s, e, number, out, groups)


_Item = Line | None | tuple[int, int]


def _fold(body: list[_Item]) -> list[_Item]:
    """Merge two cells: two neighbouring organisation cells, else the first two cells."""
    for k in range(1, len(body) - 1):
        a, b = body[k], body[k + 1]
        if (
            isinstance(a, Line)
            and isinstance(b, Line)
            and max(len(a.text), len(b.text)) <= 20
            and _ORG_CELL.search(a.text)
            and _ORG_CELL.search(b.text)
        ):
            return [*body[:k], (a.start, b.end), *body[k + 2 :]]
    a, b = body[0], body[1]
    a0 = a[0] if isinstance(a, tuple) else a.start if a is not None else None
    b1 = b[1] if isinstance(b, tuple) else b.end if b is not None else None
    if a0 is None:
        return [b, *body[2:]]
    if b1 is None:
        return [a, *body[2:]]
    return [(a0, b1), *body[2:]]


def _is_task_table(columns: list[Column]) -> bool:
    """A task-decomposition table: at least two columns with task roles (任务, 责任单位 …)."""
    return len({c.role for c in columns} & TASK_ROLES) >= 2


def _item_span(view: DocView, item: _Item) -> tuple[int, int]:
    if isinstance(item, tuple):
        return item
    if item is None:
        return (-1, -1)  # an empty cell (an extra blank line)
    return (item.start, item.end)


def _aligned(
    view: DocView, spans: list[tuple[int, int]], columns: list[Column], previous: list[Row]
) -> dict[str, Cell]:
    """A task-table row's cells filed under the columns whose header they fit (see
    ``tables_align``); a column left without a cell (merged) takes the cell above."""
    texts = [view.text[a:b] if a >= 0 else "" for a, b in spans]
    keep = drop_repeats(texts)
    spans, texts = [spans[i] for i in keep], [texts[i] for i in keep]
    while spans and not texts[-1].strip() and len(spans) > len(columns):
        spans, texts = spans[:-1], texts[:-1]
    runs = align(texts, [c.role for c in columns])
    out: dict[str, Cell] = {}
    for col, (i, j) in zip(columns, runs, strict=True):
        name = col.value
        used = [spans[k] for k in range(i, j) if texts[k].strip()]
        if used:
            out[name] = cell_at(view, used[0][0], used[-1][1], name)
        elif i < j:  # an empty cell stays empty (Word's merged continuation cells too)
            if spans[i][0] >= 0:
                out[name] = cell_at(view, spans[i][0], spans[i][1], name)
        elif col.role in CARRIED and (above := carried_down(previous, name)) is not None:
            out[name] = above  # the row has no cell here: merged with the cell above
    return out
