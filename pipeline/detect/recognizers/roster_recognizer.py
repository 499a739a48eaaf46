"""Rosters: tables whose header names personal fields (姓名, 身份证号码, 家庭住址 …).

Extracted tables arrive one row per line, cells joined by TAB (also accepted: ``|`` or two
or more spaces). A header row with at least two personal-field columns makes the lines
below it a roster until a line that is not a row. Cells are typed by their column: names
(PERSON), addresses (ADDRESS), 民族 (ETHNICITY) and birth dates (DATE_OF_BIRTH) are emitted
here; ID, phone and card cells are left to the structured recognizers. Every data row is
registered in ``ctx.annotations`` as ``("roster", start, end, header_line)``.
"""

from __future__ import annotations

import re

from pipeline.detect.base import DetectContext, Recognizer
from pipeline.detect.recognizers.address_recognizer import finest_unit, keep_until
from pipeline.document import Detection

#: Header keywords that mark a personal-field column (substring match on the cell).
HEADER_KEYS = (
    "姓名",
    "身份证",
    "公民身份号码",
    "住址",
    "地址",
    "联系电话",
    "电话",
    "手机",
    "银行账号",
    "账号",
    "卡号",
    "性别",
    "年龄",
    "民族",
    "出生年月",
    "出生日期",
    "残疾",
    "疾病",
    "病种",
    "病情",
    "患病",
    "健康状况",
)
_HEADER_RE = re.compile("|".join(HEADER_KEYS))
#: How table cells are separated in extracted text (TAB; also ``|`` or 2+ spaces).
CELL_SPLIT = re.compile(r"\t| {2,}|\s*\|\s*")
_NAME_COLS = (
    "姓名", "户主", "申请人", "被帮扶人", "帮扶对象", "名字",
    "被征收人", "被补偿人", "被征地户", "权利人", "收款人", "户名", "受助人", "补助对象",
)  # fmt: skip
_ADDRESS_COLS = ("住址", "地址", "住所", "居住地", "坐落")
_DOB_COLS = ("出生年月", "出生日期", "出生时间")
_HEALTH_COLS = ("残疾", "疾病", "病种", "病情", "患病", "健康状况", "诊断", "病名")
#: Health cells that say nothing about a condition.
_NO_CONDITION = frozenset({"无", "否", "健康", "良好", "正常", "-", "/", "—", "一般"})
_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,4}(?:[··][\u4e00-\u9fff]{1,8})?")
_MASKED = frozenset("*×xX某")
#: Home-address headers (not 单位地址/办公地址/经营地址: an organisation's address column).
_HOME_COLUMN = re.compile(r"住址|住所|居住|家庭地址|户籍地址|现住")
#: A place a home-address cell may name on its own: a village or community (group 1: kept at
#: that level), or a hamlet, compound or group below it (a residence).
_PLACE_RE = re.compile(r"(社区|村|村委会|居委会|嘎查)$|(?:屯|庄|寨|小区|苑|队|组)$")
_FINE_UNITS = frozenset(
    ["号", "室", "房", "栋", "幢", "单元", "层", "楼", "组", "队", "户", "座", "村民小组", "村民组"]
)


def _cells(line: str, base: int) -> list[tuple[int, int]]:
    """Cell spans (absolute, stripped) of one line; empty cells keep their position."""
    spans: list[tuple[int, int]] = []
    lead = len(line) - len(line.lstrip(" "))  # indentation is not a cell; a TAB is
    base += lead
    line = line.strip(" \r")
    pos = 0
    for m in CELL_SPLIT.finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    out = []
    for s, e in spans:
        cell = line[s:e]
        lead = len(cell) - len(cell.lstrip())
        out.append((base + s + lead, base + s + len(cell.rstrip())))
    return out


def _column_kind(header: str) -> str | None:
    h = header.replace(" ", "")
    if any(k in h for k in _DOB_COLS):
        return "DATE_OF_BIRTH"
    if "民族" in h:
        return "ETHNICITY"
    if any(k in h for k in _HEALTH_COLS):
        return "HEALTH"
    if any(k in h for k in _ADDRESS_COLS):
        return "ADDRESS"
    if any(k in h for k in _NAME_COLS) or h in ("户主", "联系人"):
        return "PERSON"
    return None


_PROSE = re.compile(r"[。，,；;：:！？]")
MAX_HEADER_CELL = 15


def _is_header(cells: list[str]) -> bool:
    """Short cells, no sentence punctuation, and two personal-field columns (or a name
    column in a table of three or more columns)."""
    if any(len(c) > MAX_HEADER_CELL or _PROSE.search(c) for c in cells):
        return False
    keys = {m.group() for c in cells for m in _HEADER_RE.finditer(c.replace(" ", ""))}
    # a name column alone makes a list of people too (序号 | 学生姓名 | 年级 | 金额)
    return len(keys) >= 2 or ("姓名" in keys and len(cells) >= 3)


def _is_row(cells: list[str], header_cells: int) -> bool:
    """A table row: enough cells for the header, and not a sentence that has indentation."""
    filled = [c for c in cells if c]
    if len(cells) < max(2, (header_cells + 1) // 2) or len(filled) < 2:
        return False
    return not any(len(c) > 40 and "。" in c for c in cells)


class RosterRecognizer(Recognizer):
    """Personal-data tables: typed cells plus roster-row annotations."""

    name = "roster_rules"
    entities = ("PERSON", "ADDRESS", "ETHNICITY", "DATE_OF_BIRTH", "HEALTH")

    def analyze(self, ctx: DetectContext) -> list[Detection]:
        text = ctx.text
        out: list[Detection] = []
        done = -1
        for m in _HEADER_RE.finditer(text):
            if m.start() < done:
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.start())
            le = len(text) if le < 0 else le
            done = le
            line = text[ls:le]
            if "\t" not in line and "|" not in line and "  " not in line:
                continue
            spans = _cells(line, ls)
            if len(spans) < 2 or not _is_header([text[s:e] for s, e in spans]):
                continue
            done = self._rows(ctx, ls, le, spans, out)
        return out

    def _rows(self, ctx, ls, le, header_spans, out) -> int:
        """Type the rows under a header; returns where the table ends."""
        text = ctx.text
        header_line = text[ls:le]
        kinds = [_column_kind(text[s:e]) for s, e in header_spans]
        headers = [text[s:e] for s, e in header_spans]
        pos, blank = le + 1, False
        columns: dict[int, list[tuple[int, int]]] = {}
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip():
                if blank:
                    break
                blank, pos = True, end + 1  # one blank line between rows is tolerated
                continue
            spans = _cells(line, pos)
            cells = [text[s:e] for s, e in spans]
            if _is_header(cells) and pos == le + 1:
                pos = end + 1  # the second line of a two-line header: keep the first's columns
                continue
            if not _is_row(cells, len(header_spans)) or _is_header(cells):
                break
            blank = False
            ctx.annotations.append(("roster", pos, end, header_line))
            for i, (s, e) in enumerate(spans):
                if i < len(kinds) and kinds[i] and s < e and not ctx.excluded(s, e):
                    columns.setdefault(i, []).append((s, e))
            pos = end + 1
        self._columns(text, columns, kinds, headers, out)
        return pos

    def _columns(self, text, columns, kinds, headers, out) -> None:
        """Type each column once, by its header, for all its rows.

        A home-address column (住址, 家庭住址, 居住地址 …) is decided once: when any of its
        cells is a person-level address, every cell is the residence of its row's person
        (``home_column``), whatever cue its row holds (a 村主任's row is no office address);
        a cell naming only a community or village (南岗村, 城东社区) is reported too, as
        ``place_only`` (not a person-level address), so that it is not read as a name.
        """
        for i, cells in columns.items():
            dets = [self._cell(text, s, e, kinds[i], headers[i]) for s, e in cells]
            if kinds[i] == "ADDRESS" and _HOME_COLUMN.search(headers[i]) and any(dets):
                dets = [
                    d or self._place_cell(text, s, e, headers[i])
                    for d, (s, e) in zip(dets, cells, strict=True)
                ]
                for d in dets:
                    if d is not None:
                        d.attrs["home_column"] = True
            out.extend(d for d in dets if d is not None)

    def _place_cell(self, text: str, s: int, e: int, header: str) -> Detection | None:
        """A home-address cell below the person-level test: a hamlet or compound (新村屯,
        桂花小区) is a residence; a village or community alone (城东社区, 南岗村) is
        ``place_only``."""
        value = text[s:e]
        if len(value) < 2 or any(c in _MASKED for c in value) or value in _NO_CONDITION:
            return None
        place = _PLACE_RE.search(value)
        if place is None:
            return None
        attrs: dict[str, object] = {"column": header, "roster": True, "via": "roster"}
        attrs.update(keep_until_at=keep_until(text, s, e), finest=finest_unit(value), cue=None)
        why = f"名单住址列({header})"
        if place.group(1) is not None:
            attrs["place_only"] = True
            why += "：村/社区"
        return Detection("ADDRESS", s, e, 0.9, self.name, why, attrs)

    def _cell(self, text: str, s: int, e: int, kind: str, header: str) -> Detection | None:
        value = text[s:e]
        attrs: dict[str, object] = {"column": header, "roster": True, "via": "roster"}
        if kind == "PERSON":
            attrs.update(cue=None, cue_kind=None)
            masked = "某" in value
            if any(c in _MASKED for c in value.replace("某", "")) or not _NAME_RE.fullmatch(value):
                return None
            if len(value) < 2:
                return None
            if masked:
                attrs["masked_form"] = True
            return Detection("PERSON", s, e, 0.95, self.name, f"名单姓名列({header})", attrs)
        if kind == "ADDRESS":
            # a village, community or care home alone is not a person-level address
            if len(value) < 4 or "*" in value or finest_unit(value) not in _FINE_UNITS:
                return None
            attrs.update(keep_until_at=keep_until(text, s, e), finest=finest_unit(value), cue=None)
            return Detection("ADDRESS", s, e, 0.9, self.name, f"名单住址列({header})", attrs)
        if kind == "HEALTH":
            if value in _NO_CONDITION or "*" in value:
                return None
            return Detection("HEALTH", s, e, 0.9, self.name, f"名单健康/残疾列({header})", attrs)
        if kind == "ETHNICITY":
            if not value.endswith("族") and len(value) > 4:
                return None
            return Detection("ETHNICITY", s, e, 0.9, self.name, f"名单民族列({header})", attrs)
        if not any(c.isdigit() for c in value) or "*" in value:
            return None
        return Detection("DATE_OF_BIRTH", s, e, 0.9, self.name, f"名单出生日期列({header})", attrs)
