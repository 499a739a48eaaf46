"""Sections drawn from the body: measures (headings, task tables, responsible units),
standards, benefits, timeline, safeguards, guide, and the in-text 废止/调整 clauses (diff)."""

from __future__ import annotations

import re

from pipeline.outline import applies
from pipeline.outline.model import UNVERIFIED, Evidence, Point
from pipeline.outline.points import clause_point, dedupe, lead_point, span_point
from pipeline.outline.source import Source
from pipeline.parse.model import Cell, Heading, Row, Table
from pipeline.parse.tables_align import fit

_DUTY = re.compile(
    r"\[(?P<a>[^\[\]\n]{2,160}?(?:牵头|负责|配合)[^\[\]\n]{0,40}?)\]"
    r"|【(?P<b>[^【】\n]{2,160}?(?:牵头|负责|配合)[^【】\n]{0,40}?)】"
    r"|〔(?P<d>[^〔〕\n]{2,160}?(?:牵头|负责|配合)[^〔〕\n]{0,40}?)〕"
    r"|\((?P<c>(?:牵头|责任|主责|配合)单位:(?:[^()\n]|\([^()\n]{0,10}\)){2,160}?)\)"
)
_STANDARD = re.compile(
    r"不超过|不高于|不低于|不少于|不多于|最高|最低|至少|至多|以上|以下|以内|上限|标准为|补助标准"
    r"|[0-9.]+\s*(?:%|万元|元|亿元)"
)
_CN_FIGURE = re.compile(r"[一二三四五六七八九十百千万两]+(?:个|次|年|项|家|名|人|倍|成)")
_BENEFIT = re.compile(
    r"给予[^,。;]{0,24}(?:补贴|奖励|补助|贴息|资助|奖补|支持)"
    r"|(?:补贴|补助|奖励|资助|救助)(?:标准|资金|金额)?[^,。;]{0,12}[0-9]"
    r"|减免|免收|免征|减征|免费|优惠政策|退税|减半|慰问金|救助标准"
)
_SAFEGUARD_HEAD = re.compile(
    r"保障|组织领导|领导|考核|监督|督查|督导|问责|责任落实|宣传|培训|经费|落实"
)
_SAFEGUARD = re.compile(r"组织领导|考核|督查|督导|监督检查|问责|通报")
_GUIDE = re.compile(
    r"咨询电话|联系电话|联系人|服务热线|热线|办事指南|申报材料|申请材料|申报方式|申报时间|申报程序"
    r"|受理地点|办理地点|受理时间|网上申报|邮箱|网址"
)
_REPEAL = re.compile(
    r"同时废止|予以废止|废止|调整为|不再执行|停止执行|修改为|改为|此前.{0,20}不一致|以本.{1,4}为准"
)


_TITLE = re.compile(r"《[^《》\n]*》")


def _blank_title(m: re.Match[str]) -> str:
    """A 《》 title blanked out (same length) so that its words do not trigger a section."""
    return "《" + "\u3000" * (len(m.group()) - 2) + "》"


def _levels(headings: list[Heading]) -> list[int]:
    return sorted({h.level for h in headings})


def measures(src: Source) -> list[Point]:
    doc = src.doc
    points: list[Point] = []
    table_sections = {t.section for t in doc.tables}
    for section in doc.sections:
        if section.kind == "attachment" and section.label in table_sections:
            continue
        heads = [h for h in doc.headings if h.section == section.label]
        levels = _levels(heads)
        top = levels[:2]
        shown = [h for h in heads if h.level in top]
        if len(levels) > 2 and len(shown) < 10:
            top = levels[:3]
        for h in heads:
            if h.level not in top:
                continue
            points.append(heading_point(src, h, top.index(h.level) + 1))
            points.extend(_duties(src, h, heads))
    for table in doc.tables:
        points.extend(_table_points(src, table))
    return points


def heading_point(src: Source, h: Heading, level: int) -> Point:
    """``一、标题：第一句`` with the heading and its first sentence as evidence."""
    head = src.clean_original(h.start, h.end)
    first = src.first_sentence_after(h.end, h.scope_end)
    if first is not None and not any(g.start == first.start for g in src.doc.headings):
        p = lead_point(src, first, label=head, level=level)
        p.text = f"{head}：{p.text}"
        p.evidence.insert(0, Evidence(h.start, h.end, src.role))
        return p
    return span_point(src, h.start, h.end, head, label=head, level=level)


def _duties(src: Source, h: Heading, heads: list[Heading]) -> list[Point]:
    """[X牵头,Y负责] brackets in the heading's own text (before its first sub-heading)."""
    nxt = [g.start for g in heads if g.start > h.start]
    end = min([h.scope_end, *nxt])
    out = []
    for s in src.sentences_in(h.start, end):
        for m in _DUTY.finditer(s.norm):
            group = next(g for g in "abdc" if m.group(g))
            a, b = s.nstart + m.start(group), s.nstart + m.end(group)
            start, stop = src.span(a, b)
            p = Point(
                f"责任分工：{src.clean(a, b)}",
                [Evidence(start, stop, src.role)],
                label="责任分工",
                level=3,
            )
            out.append(p)
    return out


def _short(value: str, limit: int = 80) -> str:
    """``value`` cut at a clause boundary before ``limit``, never inside 《》 or brackets."""
    if len(value) <= limit:
        return value
    cut = re.search(r"[，,；;。]", value[20:limit])
    end = 20 + cut.start() if cut else limit
    opener = _unclosed(value[:end])
    if opener is not None:
        end = opener
    return value[:end].rstrip("，,、 ") + ("" if cut and opener is None else "…")


def _unclosed(text: str) -> int | None:
    """Where the first bracket or 《 left open at the end of ``text`` starts."""
    stack: list[int] = []
    pairs = {"》": "《", ")": "(", "）": "（", "〕": "〔", "]": "[", "】": "【"}
    for i, ch in enumerate(text):
        if ch in "《(（〔[【":
            stack.append(i)
        elif ch in pairs and stack and text[stack[-1]] == pairs[ch]:
            stack.pop()
    return stack[0] if stack else None


_ROW_NAMES = {
    "task": "任务",
    "requirement": "要求",
    "lead": "牵头单位",
    "responsible": "责任单位",
    "deadline": "时限",
}
_ROW_ORDER = tuple(_ROW_NAMES)
_ROW_LIMITS = {"task": 40, "requirement": 80}


def _cell_text(src: Source, cell: Cell, limit: int) -> str:
    """A cell's text; the pieces of a merged cell (two task levels) kept apart by 「 / 」."""
    pieces = re.split(r"[\n\t]", src.original[cell.start : cell.end])
    parts, pos = [], cell.start
    for piece in pieces:
        value = src.clean_original(pos, pos + len(piece)).strip("，,、 ")
        if value:
            parts.append(value)
        pos += len(piece) + 1
    return _short(" / ".join(parts), limit)


def _task_cell(row: Row, roles: dict[str, str]) -> Cell | None:
    """The row's task cell when it says something."""
    for c in row.cells.values():
        if roles.get(c.column) == "task" and c.value.strip():
            return c
    return None


def _table_points(src: Source, table: Table) -> list[Point]:
    """One point per row: 任务, 要求, 牵头单位, 责任单位, 时限 with each cell as evidence; a
    task shared by several rows (a merged cell) is one point with the rows under it."""
    roles = {c.value: c.role for c in table.columns}
    group = table.title.value if table.title else "任务分解表"
    out: list[Point] = []
    shared_task: tuple[int, int] | None = None
    for n, row in enumerate(table.rows):
        task = _task_cell(row, roles)
        key = (task.start, task.end) if task is not None else None
        nxt = table.rows[n + 1] if n + 1 < len(table.rows) else None
        nxt_task = _task_cell(nxt, roles) if nxt is not None else None
        # the next row shares this task: the same (carried-down) cell, or none of its own
        # where a Word table leaves a merged cell's continuation empty
        follows = nxt is not None and (
            (nxt_task is None and any(roles.get(c.column) == "task" for c in nxt.cells.values()))
            or (nxt_task is not None and (nxt_task.start, nxt_task.end) == key)
        )
        in_group = shared_task is not None and (key is None or key == shared_task)
        if task is not None and follows and key != shared_task:
            text = f"任务：{_cell_text(src, task, _ROW_LIMITS['task'])}"
            p = span_point(src, task.start, task.end, text, label="任务", level=2, group=group)
            out.append(p)
            shared_task, in_group = key, True
        elif not in_group:
            shared_task = None
        parts, ev = [], []
        cells = sorted(
            row.cells.values(),
            key=lambda c: (
                _ROW_ORDER.index(roles[c.column]) if roles.get(c.column) in _ROW_NAMES else 99
            ),
        )
        for c in cells:
            role = roles.get(c.column, "other")
            if role not in _ROW_NAMES or (role == "task" and in_group):
                continue
            value = _cell_text(src, c, _ROW_LIMITS.get(role, 60))
            if value:
                parts.append(f"{_ROW_NAMES[role]}：{value}")
                ev.append(Evidence(c.start, c.end, src.role))
        wrong = [
            _ROW_NAMES[roles[c.column]]
            for c in cells
            if roles.get(c.column) in ("lead", "responsible", "deadline")
            and fit(c.value, roles[c.column]) < -1
        ]
        if parts:
            level = 3 if in_group else 2
            label = "任务要求" if in_group else "任务"
            p = span_point(
                src, row.start, row.end, "；".join(parts), label=label, level=level, group=group
            )
            p.evidence = ev
            if wrong:
                p.status, p.text = "needs_editor", UNVERIFIED + p.text
                p.note = f"表格第{n + 1}行“{'、'.join(wrong)}”一栏的内容与表头不符，请核对原表"
            out.append(p)
    return out


def _in_table(src: Source, start: int) -> bool:
    return any(t.start <= start < t.end for t in src.doc.tables)


def _matching(
    src: Source,
    rx: re.Pattern[str],
    label: str,
    need_figure: bool = False,
    limit: int = 10,
    tables: bool = True,
) -> list[Point]:
    points = []
    for s in src.sentences:
        m = rx.search(_TITLE.sub(_blank_title, s.norm) if "《" in s.norm else s.norm)
        if m and not tables and _in_table(src, s.start):
            continue
        if not m:
            continue
        p = clause_point(src, s, s.nstart + m.start(), label=label)
        has_number = any(f.kind == "number" for f in p.figures)
        if need_figure and not has_number and not _CN_FIGURE.search(_TITLE.sub("", p.text)):
            continue
        points.append(p)
    return dedupe(points)[:limit]


def standards(src: Source) -> list[Point]:
    return _matching(src, _STANDARD, "标准", need_figure=True, limit=15)


def benefits(src: Source) -> list[Point]:
    return _matching(src, _BENEFIT, "惠民举措", limit=8)


def timeline(src: Source) -> list[Point]:
    """实施时间: the effective date and validity (task deadlines stay with the tasks)."""
    return applies.timeline(src)


def safeguards(src: Source) -> list[Point]:
    doc = src.doc
    points: list[Point] = []
    for section in doc.sections:
        heads = [h for h in doc.headings if h.section == section.label]
        top = _levels(heads)[:2]
        for h in heads:
            if h.level != (top[0] if top else 0) or h.title is None:
                continue
            if not _SAFEGUARD_HEAD.search(h.title.value):
                continue
            points.append(heading_point(src, h, 1))
            for c in doc.children(h.index):
                points.append(heading_point(src, c, 2))
    if not points:
        points = _matching(src, _SAFEGUARD, "保障", limit=4)
    return points[:12]


def guide(src: Source) -> list[Point]:
    return _matching(src, _GUIDE, "办事指引", limit=6)


def repeal(src: Source) -> list[Point]:
    return _matching(src, _REPEAL, "新旧衔接", limit=8)
