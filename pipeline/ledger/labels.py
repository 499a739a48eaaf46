"""Chinese labels for reports and messages (entities, document types, actions, statuses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipeline.document import ENTITY_NAMES_ZH
from pipeline.ledger.models import ACTION_ZH, STATUS_ZH
from pipeline.output.labels import doc_type_name

__all__ = [
    "LOCATION_HEADERS",
    "action_name",
    "doc_type_name",
    "entity_name",
    "location_columns",
    "status_name",
]


def entity_name(entity: str) -> str:
    return ENTITY_NAMES_ZH.get(entity, entity)


def action_name(action: str) -> str:
    return ACTION_ZH.get(action, action)


def status_name(status: str) -> str:
    return STATUS_ZH.get(status, status)


#: the ledger's location columns, from a finding's ``location``
LOCATION_HEADERS: tuple[str, ...] = ("附件", "工作表", "单元格", "页", "位置说明")


def location_columns(location: Mapping[str, Any] | None) -> tuple[str, str, str, str, str]:
    """(附件, 工作表, 单元格, 页, 位置说明) of a finding: the archive member or OFD part, the
    sheet, the A1 cell (with its column header), the page number, the box on the page."""
    if not location:
        return "", "", "", "", ""
    member = str(location.get("member") or "")
    cell = str(location.get("cell") or "")
    if cell and location.get("header"):
        cell = f"{cell}（{location['header']}）"
    page = location.get("page")
    notes = []
    box = location.get("box")
    if isinstance(box, list | tuple) and len(box) == 4:
        unit = str(location.get("unit") or "像素")
        unit = {"mm": "毫米", "px": "像素", "pt": "磅"}.get(unit, unit)
        notes.append("区域 " + ", ".join(f"{v:g}" for v in box) + f"（{unit}）")
    if location.get("part"):
        notes.append(str(location["part"]))
    return (
        member,
        str(location.get("sheet") or ""),
        cell,
        str(page) if page not in (None, "") else "",
        "；".join(notes),
    )
