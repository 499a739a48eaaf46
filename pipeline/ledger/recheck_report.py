"""整改复查 per department, for ``zwgk report``: for the findings on web pages (sources that
are URLs), counted once per (URL, entity, value) across the page's versions —

* 发现: findings that need handling (redact/review);
* 已整改: now 已整改 (by a reviewer or by a rescan);
* 复查确认: the latest rescan verified them gone;
* 仍在线: still 待处理 (a rescan saw them, or none has looked yet);
* 重新打开: marked 已整改 but found online again by the latest rescan.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from pipeline.ledger.models import Document, Finding
from pipeline.ledger.recheck import HANDLED_ACTIONS, last_results
from pipeline.ledger.repository import Ledger

COLUMNS = ("部门", "发现", "已整改", "复查确认", "仍在线", "重新打开")
NO_DEPARTMENT = "（未注明部门）"


@dataclass
class DepartmentRow:
    department: str
    found: int = 0
    fixed: int = 0
    verified: int = 0
    online: int = 0
    reopened: int = 0

    def cells(self) -> tuple[object, ...]:
        return (self.department, self.found, self.fixed, self.verified, self.online, self.reopened)


def department_rows(ledger: Ledger) -> list[DepartmentRow]:
    with ledger.sessions() as session:
        rows = session.execute(
            select(
                Finding.id,
                Finding.entity,
                Finding.value_hash,
                Finding.status,
                Document.source,
                Document.department,
                Document.version,
            )
            .join(Finding.document)
            .where(Finding.action.in_(HANDLED_ACTIONS))
            .where(or_(Document.source.like("http://%"), Document.source.like("https://%")))
            .order_by(Document.version, Finding.id)
        ).all()
        results = last_results(session)
    issues: dict[tuple[str, str, str], tuple[int, str, str | None, str | None]] = {}
    for fid, entity, digest, status, source, department, _version in rows:
        key = (source, entity, digest)
        result = results.get(fid) or (issues[key][3] if key in issues else None)
        issues[key] = (fid, status, department, result)  # the latest version wins
    table: dict[str, DepartmentRow] = {}
    for _fid, status, department, result in issues.values():
        name = department or NO_DEPARTMENT
        row = table.setdefault(name, DepartmentRow(name))
        row.found += 1
        row.fixed += status == "rectified"
        row.verified += result == "verified_fixed" and status == "rectified"
        row.online += status == "open"
        row.reopened += result == "reopened" and status == "open"
    return sorted(table.values(), key=lambda r: (-r.online, r.department))


def print_departments(ledger: Ledger) -> None:
    """The table on stdout (tab-separated), when the ledger has web findings."""
    rows = department_rows(ledger)
    if not rows:
        return
    print("\n整改复查（按发布机构）")
    print("\t".join(COLUMNS))
    for row in rows:
        print("\t".join(str(c) for c in row.cells()))
