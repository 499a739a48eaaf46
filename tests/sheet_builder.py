"""Small rosters built with openpyxl, varied the way township and county offices lay them out."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from tests.check_digits import with_check

#: valid IDs (check digit computed independently of the code under test)
IDS = [
    with_check("41152619630214" + "202"),
    with_check("41152619710930" + "401"),
    with_check("41152619880517" + "602"),
    with_check("41152620120308" + "121"),
    with_check("13042519550101" + "053"),
]
PHONES = ["13903761234", "15837652210", "18736419905", "13525067781", "15290873316"]
NAMES = ["王秀英", "李建国", "张桂兰", "刘德明", "陈玉梅"]
ADDRESSES = [
    "城关镇东风路12号",
    "南湾街道贤山社区7组",
    "城关镇人民路8号3单元402室",
    "五里店办事处新华村14号",
    "浉河港镇郝家冲村3组",
]


@dataclass
class Roster:
    """Where a roster was written: cells of each ID, the workbook bytes."""

    data: bytes
    id_cells: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (sheet, A1)
    phone_cells: dict[str, tuple[str, str]] = field(default_factory=dict)


def roster_xlsx(
    *,
    title: str | None = "浉河区2024年第二季度城乡低保对象花名册",
    headers: tuple[str, ...] = ("序号", "户主姓名", "身份证号", "联系电话", "家庭住址", "保障人数"),
    sheet: str = "低保花名册",
    first_col: int = 1,
    rows: int = 3,
    phone_as_number: bool = False,
    hidden_sheet: str | None = None,
    hide_id_column: bool = False,
) -> Roster:
    """A 低保 roster: optional merged title row, a header row, ``rows`` households."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet
    out = Roster(b"")
    r = 1
    if title:
        last = get_column_letter(first_col + len(headers) - 1)
        ws.merge_cells(f"{get_column_letter(first_col)}1:{last}1")
        ws.cell(row=1, column=first_col, value=title).font = Font(bold=True, size=16)
        r = 2
    for j, h in enumerate(headers):
        cell = ws.cell(row=r, column=first_col + j, value=h)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for i in range(rows):
        r += 1
        for j, h in enumerate(headers):
            col = first_col + j
            ref = f"{get_column_letter(col)}{r}"
            if "身份" in h:
                value: object = IDS[i]
                out.id_cells[IDS[i]] = (sheet, ref)
            elif "电话" in h or "手机" in h or "联系方式" in h:
                value = int(PHONES[i]) if phone_as_number else PHONES[i]
                out.phone_cells[PHONES[i]] = (sheet, ref)
            elif "姓名" in h or h == "户主":
                value = NAMES[i]
            elif "住址" in h or "地址" in h:
                value = ADDRESSES[i]
            elif h == "序号":
                value = i + 1
            else:
                value = (i % 3) + 1
            ws.cell(row=r, column=col, value=value)
    id_col = next((j for j, h in enumerate(headers) if "身份" in h), None)
    if id_col is not None:
        letter = get_column_letter(first_col + id_col)
        ws.column_dimensions[letter].width = 21
        ws.column_dimensions[letter].hidden = hide_id_column
    ws.cell(row=r + 1, column=first_col, value="合计")
    total = get_column_letter(first_col + len(headers) - 1)
    ws.cell(row=r + 1, column=first_col + len(headers) - 1, value=f"=SUM({total}3:{total}{r})")
    if hidden_sheet:
        hs = book.create_sheet(hidden_sheet)
        hs.sheet_state = "hidden"
        hs.append(["姓名", "公民身份号码", "开户银行"])
        for k in (3, 4):
            hs.append([NAMES[k], IDS[k], "农村信用社"])
            out.id_cells[IDS[k]] = (hidden_sheet, f"B{hs.max_row}")
    buf = io.BytesIO()
    book.save(buf)
    out.data = buf.getvalue()
    return out


def all_cell_strings(data: bytes) -> list[str]:
    """Every cell of every sheet of a workbook, read back with calamine, as text."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    out: list[str] = []
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False):
            for v in row:
                out.append(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
    return out
