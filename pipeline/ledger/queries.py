"""Read queries: findings with their document, documents, the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from pipeline.ledger.models import AuditLog, Document, Finding
from pipeline.ledger.records import (
    AuditRecord,
    DocumentRecord,
    FindingFilter,
    FindingRecord,
    NotFound,
)


def finding_record(finding: Finding, doc: Document) -> FindingRecord:
    return FindingRecord(
        id=finding.id,
        document_id=doc.id,
        source=doc.source,
        version=doc.version,
        department=doc.department,
        doc_type=doc.doc_type,
        screened_at=doc.screened_at,
        entity=finding.entity,
        start=finding.start,
        end=finding.end,
        masked=finding.masked,
        value_hash=finding.value_hash,
        action=finding.action,
        rule=finding.rule,
        reason=finding.reason,
        basis=finding.basis,
        role=finding.role,
        status=finding.status,
        status_reason=finding.status_reason,
        status_by=finding.status_by,
        status_at=finding.status_at,
        location=finding.location,
    )


def _filtered(query: Select, flt: FindingFilter) -> Select:
    conditions = {
        Finding.status: flt.status,
        Finding.entity: flt.entity,
        Finding.action: flt.action,
        Finding.rule: flt.rule,
        Document.source: flt.source,
        Document.department: flt.department,
        Document.doc_type: flt.doc_type,
        Document.id: flt.document_id,
    }
    for column, value in conditions.items():
        if value is not None:
            query = query.where(column == value)
    if flt.since is not None:
        query = query.where(Document.screened_at >= flt.since)
    if flt.until is not None:
        query = query.where(Document.screened_at < flt.until)
    if flt.latest_only:
        newer = aliased(Document)
        newest = select(func.max(newer.version)).where(newer.source == Document.source)
        query = query.where(Document.version == newest.scalar_subquery())
    return query


def findings(session: Session, flt: FindingFilter) -> list[FindingRecord]:
    query = _filtered(select(Finding, Document).join(Finding.document), flt)
    query = query.order_by(Document.screened_at, Document.id, Finding.start, Finding.id)
    if flt.offset:
        query = query.offset(flt.offset)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return [finding_record(f, d) for f, d in session.execute(query)]


def count_findings(session: Session, flt: FindingFilter) -> int:
    query = _filtered(select(func.count(Finding.id)).join(Finding.document), flt)
    return int(session.execute(query).scalar_one())


def finding(session: Session, finding_id: int) -> FindingRecord:
    row = session.get(Finding, finding_id)
    if row is None:
        raise NotFound(f"没有编号为 {finding_id} 的发现")
    return finding_record(row, row.document)


def document_record(doc: Document, count: int) -> DocumentRecord:
    return DocumentRecord(
        id=doc.id,
        source=doc.source,
        content_hash=doc.content_hash,
        version=doc.version,
        department=doc.department,
        doc_type=doc.doc_type,
        verdict=doc.verdict,
        chars=doc.chars,
        screened_at=doc.screened_at,
        findings=count,
    )


def documents(
    session: Session, since: datetime | None = None, source: str | None = None
) -> list[DocumentRecord]:
    counts = (
        select(Finding.document_id, func.count(Finding.id).label("n"))
        .group_by(Finding.document_id)
        .subquery()
    )
    query = select(Document, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.document_id == Document.id
    )
    if since is not None:
        query = query.where(Document.screened_at >= since)
    if source is not None:
        query = query.where(Document.source == source)
    query = query.order_by(Document.screened_at, Document.id)
    return [document_record(d, int(n)) for d, n in session.execute(query)]


def audit_log(
    session: Session,
    object_type: str | None = None,
    object_id: str | int | None = None,
    limit: int | None = 100,
) -> list[AuditRecord]:
    """Newest first."""
    query = select(AuditLog)
    if object_type is not None:
        query = query.where(AuditLog.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditLog.object_id == str(object_id))
    query = query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
    return [
        AuditRecord(a.id, a.at, a.actor, a.action, a.object_type, a.object_id, a.before, a.after)
        for a in session.scalars(query)
    ]
