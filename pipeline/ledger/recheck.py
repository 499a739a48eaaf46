"""整改复查 (re-inspection): after a rescan of a website, compare each finding with what is
online now.

``recheck(ledger, observations, rescan_id)`` takes, per source (URL), the findings now on
the page as ``(entity, value hash)`` pairs, or ``None`` when the URL is gone (404/410).
For every redact/review finding of those sources that is 待处理 or 已整改:

* its value is no longer on the page (or the page is gone): the finding is verified fixed —
  a 待处理 one becomes 已整改 (``rectified``, reason naming the rescan and the date) and an
  audit row ``finding.recheck`` records ``{"result": "verified_fixed", "rescan", "at"}``;
* its value is still there although it was marked 已整改: it is reopened (``open``, the
  reason says so) and flagged with ``{"result": "reopened"}``.

No schema change: statuses move along the ledger's own transitions
(``pipeline.ledger.repository.TRANSITIONS``) and every step is in the audit log, so the
report (``pipeline.ledger.recheck_report``) reads the latest result per finding from there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.ledger.models import AuditLog, Document, Finding, add_audit, utcnow
from pipeline.ledger.repository import TRANSITIONS, Ledger

RECHECK = "finding.recheck"
ACTOR = "zwgk 复查"
#: findings that need handling (allowed ones are kept for the record only)
HANDLED_ACTIONS = ("redact", "review")
CHUNK = 500

Observation = frozenset[tuple[str, str]] | None


@dataclass
class RecheckOutcome:
    verified: int = 0
    reopened: int = 0
    still_online: int = 0


def last_results(session: Session, ids: Iterable[int] | None = None) -> dict[int, str]:
    """The latest re-inspection result per finding id."""
    query = select(AuditLog.object_id, AuditLog.after).where(
        AuditLog.action == RECHECK, AuditLog.object_type == "finding"
    )
    if ids is not None:
        query = query.where(AuditLog.object_id.in_([str(i) for i in ids]))
    out: dict[int, str] = {}
    for object_id, after in session.execute(query.order_by(AuditLog.id)):
        out[int(object_id)] = str((after or {}).get("result"))
    return out


def _change(session: Session, row: Finding, status: str, reason: str, at: datetime) -> None:
    if status not in TRANSITIONS[row.status]:
        return
    before = {"status": row.status, "status_reason": row.status_reason}
    row.status, row.status_reason, row.status_by, row.status_at = status, reason, ACTOR, at
    after = {"status": status, "status_reason": reason}
    add_audit(session, ACTOR, "finding.status", ("finding", row.id), before, after)


def _record(
    session: Session, row: Finding, status: str, reason: str, at: datetime, result: dict[str, str]
) -> None:
    """Move ``row`` to ``status`` and log the rescan's result for it (one audit entry each)."""
    _change(session, row, status, reason, at)
    add_audit(session, ACTOR, RECHECK, ("finding", row.id), None, result)


def recheck(
    ledger: Ledger,
    observations: Mapping[str, Observation],
    rescan_id: str,
    at: datetime | None = None,
) -> RecheckOutcome:
    """Apply one rescan's observations (see the module docstring)."""
    at = at or utcnow()
    day = at.astimezone(ledger.settings.tzinfo()).strftime("%Y-%m-%d")
    out = RecheckOutcome()
    sources = sorted(observations)
    for start in range(0, len(sources), CHUNK):
        chunk = sources[start : start + CHUNK]
        with ledger.writes.begin() as session:
            rows = session.execute(
                select(Finding, Document.source)
                .join(Finding.document)
                .where(Document.source.in_(chunk))
                .where(Finding.action.in_(HANDLED_ACTIONS))
                .where(Finding.status.in_(("open", "rectified")))
                .order_by(Finding.id)
            ).all()
            last = last_results(session, [row.id for row, _ in rows])
            for row, source in rows:
                present = observations[source]
                online = present is not None and (row.entity, row.value_hash) in present
                note = {"rescan": rescan_id, "at": at.isoformat(), "url": source}
                if online and row.status == "rectified":
                    reason = f"复查 {rescan_id}（{day}）：标记已整改后仍在网页上，已重新打开"
                    _record(session, row, "open", reason, at, {"result": "reopened", **note})
                    out.reopened += 1
                elif online:
                    out.still_online += 1
                elif row.status == "open" or last.get(row.id) != "verified_fixed":
                    gone = "网页已删除" if present is None else "该信息已不在网页上"
                    reason = f"复查 {rescan_id}（{day}）：{gone}"
                    result = {"result": "verified_fixed", **note}
                    _record(session, row, "rectified", reason, at, result)
                    out.verified += 1
    return out
