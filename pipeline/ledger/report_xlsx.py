"""The XLSX ledger: one row per finding (sheet 台账) and the summary figures (sheet 统计)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.ledger.labels import (
    LOCATION_HEADERS,
    action_name,
    doc_type_name,
    entity_name,
    location_columns,
    status_name,
)
from pipeline.ledger.stats import ReportData, breakdowns

#: the ledger's columns; the first ten are the issue's, the rest help follow items up (the
#: last five say where in the file: 附件/工作表/单元格/页/位置说明)
HEADERS: tuple[str, ...] = (
    "文档", "来源", "类型", "发现", "处置", "规则", "理由", "依据", "状态", "说明",
    "编号", "部门", "版本", "审查时间", "处理人", "处理时间", *LOCATION_HEADERS,
)  # fmt: skip
WIDTHS = (8, 36, 16, 28, 10, 22, 40, 40, 10, 30, 8, 16, 6, 18, 14, 18, 24, 14, 16, 6, 30)
FIGURE_NAMES: dict[str, str] = {
    "sources": "检查文档（来源）数",
    "documents": "审查文档版本数",
    "flagged_documents": "存在问题的文档版本数",
    "findings": "发现个人信息项数",
    "to_handle": "其中需处理（遮蔽、人工审核）",
    "allowed": "其中依规保留（无需处理）",
    "open": "待处理",
    "rectified": "已整改",
    "retained": "保留（附理由）",
    "false_positive": "误报",
    "reviewed": "已审核",
    "handled_rate": "处理率（整改+保留）/（需处理-误报）",
}
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="1F5FA8")


def _cell_value(value: Any) -> Any:
    """Strings that look like formulas stay text (source names are user input)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _header(sheet: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    sheet.append(list(headers))
    for col, width in enumerate(widths, 1):
        cell = sheet.cell(row=1, column=col)
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def write_xlsx(data: ReportData, path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    _header(sheet, HEADERS, WIDTHS)
    wrap = Alignment(wrap_text=True, vertical="top")
    for f in data.findings:
        row = [
            f.document_id,
            f.source,
            doc_type_name(f.doc_type),
            f"{entity_name(f.entity)}：{f.masked}",
            action_name(f.action),
            f.rule,
            f.reason,
            f.basis,
            status_name(f.status),
            f.status_reason or "",
            f.id,
            f.department or "",
            f.version,
            f"{f.screened_at.astimezone(data.tz):%Y-%m-%d %H:%M}",
            f.status_by or "",
            f"{f.status_at.astimezone(data.tz):%Y-%m-%d %H:%M}" if f.status_at else "",
            *location_columns(f.location),
        ]
        sheet.append([_cell_value(v) for v in row])
    for cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in cells:
            cell.alignment = wrap
    sheet.auto_filter.ref = sheet.dimensions
    _summary(book.create_sheet("统计"), data)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _summary(sheet: Worksheet, data: ReportData) -> None:
    _header(sheet, ("项目", "数量"), (34, 12))
    for key, name in FIGURE_NAMES.items():
        value = data.figures.get(key, 0)
        sheet.append([name, f"{value:.1%}" if key == "handled_rate" else value])
    for title, rows in breakdowns(data).items():
        sheet.append([])
        sheet.append([title, "发现数"])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, count in rows:
            sheet.append([_cell_value(label), count])
