"""Redacted spreadsheets and archives, written through the ingest offset maps.

- xlsx/xlsm: the same workbook (openpyxl) with the masked cell values; formatting, formulas,
  other sheets and untouched cells kept. A replaced number becomes text (its masked form).
  Cell comments are rewritten with their masked text. Pivot-table caches (copies of the
  source data) are dropped.
- xls/xlsb/ods/et: a new .xlsx holding every sheet's values (hidden state kept, formatting
  not kept).
- csv/tsv: the same delimiter, line ending and encoding.
- zip (and .7z): a .zip of the redacted members (same names; a member whose format changes
  gets the new extension, e.g. a.doc → a.docx); members that could not be read are left out.

A replacement covering only text that is not in a cell (the ``工作表：`` line, TABs, newlines)
changes nothing; one inside a sheet name renames the sheet.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import defaultdict
from pathlib import PurePath
from typing import Any

from pipeline.ingest.model import IngestedDocument
from pipeline.ingest.spreadsheet import SheetMarkup
from pipeline.redact.slots import slot_edits

Replacement = tuple[int, int, str]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def output_suffix(doc: IngestedDocument) -> str | None:
    """The extension the redacted file gets when it differs from the input's (``.xlsx`` for
    .xls/.xlsb/.ods/.et, ``.docx`` for .doc/.wps/.rtf/.odt, ``.zip`` for .7z), else None."""
    if doc.kind == "sheet":
        return ".xlsx"
    if doc.kind == "office":
        return ".docx"
    if doc.kind == "zip" and PurePath(doc.source.rsplit("!", 1)[-1]).suffix.lower() == ".7z":
        return ".zip"
    return None


def output_name(doc: IngestedDocument, name: str) -> str:
    """``name`` with the extension of the redacted output."""
    suffix = output_suffix(doc)
    return str(PurePath(name).with_suffix(suffix)) if suffix else name


def _splice(value: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, pos = [], 0
    for a, b, new in sorted(edits):
        pieces.append(value[pos:a])
        pieces.append(new)
        pos = b
    pieces.append(value[pos:])
    return "".join(pieces)


CellKey = tuple[int, int, int, bool]  # sheet, row, col, is the comment


def cell_edits(
    markup: SheetMarkup, reps: list[Replacement]
) -> dict[CellKey, list[tuple[int, int, str]]]:
    """Replacements per cell ``(sheet, row, col)`` in cell-text offsets; a span crossing
    cells puts the new text in the first and blanks its part of the others."""
    edits: dict[CellKey, list[tuple[int, int, str]]] = defaultdict(list)
    for k, piece in slot_edits(markup.slots, reps).items():
        slot = markup.slots[k]
        edits[(slot.sheet, slot.row, slot.col, slot.comment)].extend(piece)
    return edits


def new_values(markup: SheetMarkup, reps: list[Replacement]) -> dict[CellKey, str]:
    """The masked text of every cell (or comment) a replacement touches (row -1: the sheet
    name)."""
    from pipeline.ingest.spreadsheet import cell_text

    out: dict[CellKey, str] = {}
    for (si, row, col, is_comment), edits in cell_edits(markup, reps).items():
        sheet = markup.sheets[si]
        if is_comment:
            original = next(t for r, c, t in sheet.comments if (r, c) == (row, col))
        else:
            original = sheet.name if row < 0 else cell_text(sheet.rows[row][col])
        out[(si, row, col, is_comment)] = _splice(original, edits)
    return out


def _title(new: str, taken: set[str]) -> str:
    title = _BAD_TITLE.sub("*", new)[:31] or "Sheet"
    base, n = title, 2
    while title in taken:
        title = f"{base[:28]}({n})"
        n += 1
    return title


def _xlsx_in_place(markup: SheetMarkup, values: dict[CellKey, str]) -> bytes:
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    book = load_workbook(io.BytesIO(markup.data), keep_vba=markup.fmt == "xlsm")
    renames: dict[str, str] = {}
    for (si, row, col, is_comment), new in values.items():
        name = markup.sheets[si].name
        if row < 0:
            renames[name] = new
            continue
        cell = book[name].cell(row=row + 1, column=col + 1)
        if is_comment:
            old = cell.comment
            cell.comment = Comment(_ILLEGAL.sub("", new), old.author if old else "")
        else:
            cell.value = _ILLEGAL.sub("", new)
    for ws in book.worksheets:
        ws._pivots = []  # pivot caches hold a copy of the source rows
    taken = set(book.sheetnames)
    for old, new in renames.items():
        taken.discard(old)
        book[old].title = title = _title(new, taken)
        taken.add(title)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _xlsx_rebuilt(markup: SheetMarkup, values: dict[CellKey, str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for si, sheet in enumerate(markup.sheets):
        title = _title(values.get((si, -1, -1, False), sheet.name), taken)
        taken.add(title)
        ws = book.create_sheet(title)
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for ri, row in enumerate(sheet.rows):
            for ci, value in enumerate(row):
                new = values.get((si, ri, ci, False))
                if new is not None:
                    value = new
                elif value == "" or value is None:
                    continue
                if isinstance(value, str):
                    value = _ILLEGAL.sub("", value)
                ws.cell(row=ri + 1, column=ci + 1).value = value
    if not markup.sheets:
        book.create_sheet("Sheet1")
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _csv(markup: SheetMarkup, values: dict[CellKey, str]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=markup.delimiter, lineterminator=markup.newline)
    for ri, row in enumerate(markup.sheets[0].rows):
        writer.writerow([values.get((0, ri, ci, False), value) for ci, value in enumerate(row)])
    encoding = markup.encoding or "utf-8"
    return buf.getvalue().encode(encoding, errors="replace")


def sheet_bytes(doc: IngestedDocument, reps: list[Replacement]) -> bytes:
    """The redacted file of a spreadsheet document (kinds xlsx, sheet, csv)."""
    markup = doc.markup
    if not isinstance(markup, SheetMarkup):
        raise ValueError(f"{doc.source}：缺少表格结构信息，无法按原格式输出")
    values = new_values(markup, reps)
    if doc.kind == "csv":
        return _csv(markup, values)
    if doc.kind == "xlsx":
        return _xlsx_in_place(markup, values)
    return _xlsx_rebuilt(markup, values)


def archive_bytes(doc: IngestedDocument, reps: list[Replacement]) -> bytes:
    """A .zip of the redacted members of an archive document (replacements in its text)."""
    from pipeline.ingest.archive import ArchiveMarkup
    from pipeline.redact.markup_writer import write_redacted

    markup = doc.markup
    if not isinstance(markup, ArchiveMarkup):
        raise ValueError(f"{doc.source}：缺少压缩包结构信息，无法输出")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for member in markup.members:
            lo, hi = member.base, member.base + len(member.doc.text)
            own = clip(reps, lo, hi)
            data = io.BytesIO()
            write_redacted(member.doc, own, data)
            name = member.name
            if member.doc.kind in ("sheet", "office", "zip"):
                name = output_name(member.doc, name)
            out.writestr(name, data.getvalue())
    return buf.getvalue()


def clip(reps: list[Replacement], lo: int, hi: int) -> list[Replacement]:
    """The part of each replacement inside ``[lo, hi)`` (shifted to start at ``lo``)."""
    out: list[Replacement] = []
    for a, b, new in reps:
        if b <= lo or a >= hi:
            continue
        out.append((max(a, lo) - lo, min(b, hi) - lo, new if a >= lo else ""))
    return out


def media_type(doc: IngestedDocument) -> str:
    """The content type of the redacted file."""
    if doc.kind == "zip":
        return "application/zip"
    if doc.kind == "csv":
        fmt = getattr(doc.markup, "fmt", "csv")
        return "text/tab-separated-values" if fmt == "tsv" else "text/csv"
    return XLSX_TYPE


def describe_output(doc: IngestedDocument) -> Any:
    """A note for the user when the output format differs from the input's (or None)."""
    if doc.kind == "sheet":
        return "已输出为 .xlsx 工作簿（只保留单元格的值）"
    if doc.kind == "office":
        return "已输出为 .docx 文档（由 LibreOffice 转换后脱敏）"
    if output_suffix(doc) == ".zip":
        return "7z 压缩包已输出为 .zip 压缩包"
    return None
