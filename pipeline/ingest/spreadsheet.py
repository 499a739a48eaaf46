"""Spreadsheets: .xlsx/.xlsm/.xls/.xlsb/.ods/.et (python-calamine) and .csv/.tsv (csv module).

Text conventions: each worksheet starts with a line ``工作表：<name>`` (the name's characters
are screened too); then one line per non-empty row, cells joined by a TAB, trailing empty
cells dropped, so the roster recognizer types a column by its header cell. A cell's text is
its value as a string with each newline, carriage return or TAB inside it replaced by one
space (one character for one character: offsets stay exact). Hidden sheets and hidden
columns are read like the others (calamine reads every cell); an .xlsx's cell comments follow
its rows as lines ``批注 C5：<text>``. A CSV file has no sheet line.

``SheetMarkup`` keeps the original bytes, every sheet's values and a *slot* per non-empty
cell (text range → sheet, row, column); :mod:`pipeline.redact.sheet_writer` applies
replacements to the cells through those slots.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.ingest.model import IngestedDocument, IngestError, Kind

#: extension → ingest kind: ``xlsx`` is redacted in place, ``sheet`` is rewritten as .xlsx
SHEET_EXTENSIONS: dict[str, Kind] = {
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "sheet",
    ".xlsb": "sheet",
    ".ods": "sheet",
    ".et": "sheet",
    ".csv": "csv",
    ".tsv": "csv",
}
SHEET_LINE = "工作表："
COMMENT_LINE = "批注 "
_HEADER_SCAN_ROWS = 20


@dataclass(slots=True, frozen=True)
class CellSlot:
    """Text range ``[start, end)`` of one cell (0-based row/column; row -1: the sheet name);
    ``comment``: the range is the cell's comment (批注), not its value."""

    start: int
    end: int
    sheet: int
    row: int
    col: int
    comment: bool = False


@dataclass(slots=True)
class Sheet:
    name: str
    hidden: bool
    rows: list[list[Any]]
    #: cell comments (批注): (row, col, text)
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    #: column → header text (the header row's cell), and the header row's index
    headers: dict[int, str] = field(default_factory=dict)
    header_row: int = -1


@dataclass(slots=True)
class SheetMarkup:
    data: bytes
    fmt: str  # xlsx, xlsm, xls, xlsb, ods, et, csv, tsv
    sheets: list[Sheet]
    slots: list[CellSlot]
    #: CSV only: how to write the file back
    encoding: str | None = None
    delimiter: str = ","
    newline: str = "\n"
    starts: list[int] = field(default_factory=list)

    def slot_at(self, offset: int) -> CellSlot | None:
        """The cell slot holding text offset ``offset`` (None between cells)."""
        if len(self.starts) != len(self.slots):
            self.starts = [s.start for s in self.slots]
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.slots[k].start <= offset < self.slots[k].end:
            return self.slots[k]
        return None


def cell_name(row: int, col: int) -> str:
    """A1 reference of a 0-based (row, column)."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def cell_text(value: Any) -> str:
    """The string a cell value is screened as (numbers without a spurious ``.0``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


_FLAT = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _headers(rows: list[list[str]]) -> tuple[int, dict[int, str]]:
    """The header row: the first of the top rows with at least two short text cells and
    at least half as many cells as the widest of those rows (a merged title has one)."""
    top = rows[:_HEADER_SCAN_ROWS]
    widest = max((sum(1 for c in r if c.strip()) for r in top), default=0)
    for i, row in enumerate(top):
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if len(filled) < max(2, (widest + 1) // 2):
            continue
        if all(len(c) <= 20 and not c.replace(".", "").isdigit() for c in filled):
            return i, {j: c for j, c in enumerate(cells) if c}
    return -1, {}


def _layout(sheets: list[Sheet], sheet_lines: bool) -> tuple[str, list[CellSlot]]:
    parts: list[str] = []
    slots: list[CellSlot] = []
    length = 0

    def put(s: str) -> None:
        nonlocal length
        parts.append(s)
        length += len(s)

    for si, sheet in enumerate(sheets):
        texts = [[cell_text(v) for v in row] for row in sheet.rows]
        sheet.header_row, sheet.headers = _headers(texts)
        if sheet_lines:
            if parts:
                put("\n")
            put(SHEET_LINE)
            slots.append(CellSlot(length, length + len(sheet.name), si, -1, -1))
            put(sheet.name)
        for ri, row in enumerate(texts):
            while row and not row[-1]:
                row = row[:-1]
            if not any(c.strip() for c in row):
                continue
            if parts:
                put("\n")
            for ci, text in enumerate(row):
                if ci:
                    put("\t")
                if text:
                    slots.append(CellSlot(length, length + len(text), si, ri, ci))
                    put(text.translate(_FLAT))
        for ri, ci, text in sheet.comments:
            put(f"\n{COMMENT_LINE}{cell_name(ri, ci)}：")
            slots.append(CellSlot(length, length + len(text), si, ri, ci, comment=True))
            put(text.translate(_FLAT))
    return "".join(parts), slots


def _read_calamine(data: bytes, source: str, fmt: str) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets: list[Sheet] = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart sheets, macro sheets: no cells
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            hidden = meta.visible != SheetVisibleEnum.Visible
            sheets.append(Sheet(meta.name, hidden, [list(r) for r in rows]))
    except Exception as exc:  # CalamineError, PasswordError, ZipError, XmlError …
        problem = str(exc).lower()
        if "password" in problem or "encrypt" in problem:
            raise IngestError(source, "表格文件已加密（设有打开密码），请解除密码后再处理") from exc
        hint = "，请在 WPS 中另存为 .xlsx 后再处理" if fmt == "et" else ""
        raise IngestError(
            source, f"表格文件损坏或格式不受支持，无法读取（{type(exc).__name__}）{hint}"
        ) from exc
    return sheets


def _read_legacy(data: bytes, source: str, fmt: str, warnings: list[str]) -> list[Sheet]:
    """calamine; for an .xls/.et it cannot read (not encrypted), LibreOffice Calc's .xlsx."""
    try:
        return _read_calamine(data, source, fmt)
    except IngestError as exc:
        from pipeline.ingest import office

        if fmt not in ("xls", "et") or "加密" in exc.problem or not office.convertible_sheet(data):
            raise
        if office.soffice() is None:
            if office.is_spreadsheet_xml(data):
                what = "内容是 Excel 2003 XML 表格，" + office.INSTALL.format(target=".xlsx")
                raise IngestError(source, what) from exc
            raise
        sheets = _read_calamine(office.sheet_to_xlsx(data, source), source, "xlsx")
    warnings.append(f"已用 LibreOffice 转换为 .xlsx 读取（.{fmt} 文件的格式较旧或不标准）")
    return sheets


def _read_csv(data: bytes, source: str, fmt: str) -> tuple[list[Sheet], str, str, str]:
    from pipeline.ingest.text_file import decode_bytes

    text, encoding = decode_bytes(data, source)
    newline = "\r\n" if "\r\n" in text[:65536] else "\n"
    delimiter = "\t" if fmt == "tsv" else ","
    if fmt == "csv":
        head = text[:8192].splitlines()[:20]
        counts = {d: sum(line.count(d) for line in head) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        if counts[best] and counts[","] == 0:
            delimiter = best
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise IngestError(source, f"CSV 文件格式错误，无法读取（{exc}）") from exc
    return [Sheet(Path(source).stem, False, rows)], encoding, delimiter, newline


def load_spreadsheet(data: bytes, source: str, kind: Kind) -> IngestedDocument:
    """Read a spreadsheet (kind ``xlsx``, ``sheet`` or ``csv``); ``IngestError`` if damaged,
    encrypted or empty."""
    ext = Path(source.rsplit("!", 1)[-1]).suffix.lower().lstrip(".")
    fmt = ext if ext in {s.lstrip(".") for s in SHEET_EXTENSIONS} else kind
    warnings: list[str] = []
    markup = SheetMarkup(data, fmt, [], [])
    if kind == "csv":
        sheets, encoding, delimiter, newline = _read_csv(data, source, fmt)
        markup.encoding, markup.delimiter, markup.newline = encoding, delimiter, newline
    else:
        sheets = _read_legacy(data, source, fmt, warnings)
        if kind == "xlsx":
            from pipeline.ingest.xlsx_comments import read_comments

            comments = read_comments(data)
            for sheet in sheets:
                sheet.comments = comments.get(sheet.name, [])
        hidden = [s.name for s in sheets if s.hidden]
        if hidden:
            warnings.append(f"含隐藏工作表（{'、'.join(hidden)}），已一并审查")
        if kind == "sheet":
            warnings.append("脱敏后输出为 .xlsx 工作簿（只保留单元格的值，原格式不保留）")
    markup.sheets = sheets
    text, markup.slots = _layout(sheets, sheet_lines=kind != "csv")
    if not any(s.row >= 0 for s in markup.slots):
        raise IngestError(source, "表格中没有文字")
    return IngestedDocument(
        text=text, kind=kind, source=source, encoding=markup.encoding, markup=markup,
        warnings=warnings,
    )  # fmt: skip


def locate_cell(markup: SheetMarkup, start: int, end: int) -> dict[str, Any] | None:
    """``{"sheet", "cell", "header"}`` of the cell a span starts in (``cell`` is a range
    ``C5:D5`` when the span runs into another cell; no ``sheet`` for CSV)."""
    first = markup.slot_at(start)
    if first is None:
        return None
    sheet = markup.sheets[first.sheet]
    loc: dict[str, Any] = {}
    if markup.fmt not in ("csv", "tsv"):
        loc["sheet"] = sheet.name
    if first.row < 0:
        loc["cell"] = None
        return loc
    loc["cell"] = cell_name(first.row, first.col)
    if first.comment:
        loc["comment"] = True
        return loc
    last = markup.slot_at(max(start, end - 1))
    if last is not None and last != first and last.row >= 0 and not last.comment:
        loc["cell"] += ":" + cell_name(last.row, last.col)
    header = sheet.headers.get(first.col)
    if header and first.row > sheet.header_row:
        loc["header"] = header
    return loc
