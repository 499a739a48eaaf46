"""Recording screening results: validate and hash outside the transaction, then write a
whole batch of documents in one transaction (one flush, one commit).

``Ledger.record`` is ``record_many`` of one request; the service's background writer
(``pipeline/ledger/writer.py``) passes everything that queued up meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from pipeline.ledger.db import lock_source
from pipeline.ledger.hashing import content_hash, contract_fingerprint
from pipeline.ledger.models import AuditLog, Document, Finding, initial_status, utcnow
from pipeline.ledger.records import LedgerError, RecordOutcome

_FINDING_KEYS = ("entity", "start", "end", "text", "action", "rule", "masked")


@dataclass(frozen=True, slots=True)
class RecordRequest:
    """One screening result (``ScreenResult.to_contract()``) to record for ``source``."""

    contract: Mapping[str, Any]
    source: str
    department: str | None = None
    #: the screened text; its SHA-256 identifies the version (else a keyed fingerprint)
    text: str | None = None
    actor: str = "system"
    screened_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A validated request with its content hash."""

    request: RecordRequest
    findings: list[Mapping[str, Any]]
    digest: str
    chars: int | None

    @property
    def key(self) -> tuple[str, str]:
        return self.request.source, self.digest


def prepare(request: RecordRequest, key: bytes) -> Prepared:
    """Validate ``request`` (``LedgerError`` with a Chinese message) and hash its content."""
    findings = _validated(request.contract, request.source)
    text = request.text if request.text is not None else request.contract.get("text")
    if isinstance(text, str):
        return Prepared(request, findings, content_hash(text), len(text))
    redacted = str(request.contract["redacted"])
    return Prepared(request, findings, contract_fingerprint(redacted, findings, key), None)


def known(session: Session, items: Sequence[Prepared]) -> dict[tuple[str, str], RecordOutcome]:
    """Outcomes of the items whose source already has this content (two Core queries, no
    ORM objects: a CMS resubmitting pages makes this the hook's most frequent case)."""
    if not items:
        return {}
    wanted = {item.key for item in items}
    columns = (Document.id, Document.source, Document.version, Document.content_hash)
    rows = session.execute(select(*columns).where(*_pairs_filter(wanted))).all()
    docs = [row for row in rows if (row.source, row.content_hash) in wanted]
    if not docs:
        return {}
    ids = _finding_ids(session, [row.id for row in docs])
    return {
        (row.source, row.content_hash): RecordOutcome(
            row.id, row.source, row.version, row.content_hash, False, tuple(ids[row.id])
        )
        for row in docs
    }


def write_batch(
    session: Session, items: Sequence[Prepared], value_hash: Callable[[str], str]
) -> dict[tuple[str, str], RecordOutcome]:
    """Insert the items not recorded yet, in order; the outcome of every item by key.

    Run inside a write transaction. Equal items in one batch are written once; new
    content for one source gets consecutive versions in the order given.
    """
    for source in sorted({item.request.source for item in items}):  # a fixed order: no deadlock
        lock_source(session, source)
    outcomes = known(session, items)
    sources = {item.request.source for item in items}
    versions = (
        select(Document.source, func.max(Document.version))
        .where(Document.source.in_(sources))
        .group_by(Document.source)
    )
    latest: dict[str, int] = {source: version for source, version in session.execute(versions)}
    created: list[Prepared] = []
    documents: list[dict[str, Any]] = []
    seen = set(outcomes)
    for item in items:
        if item.key in seen:
            continue
        seen.add(item.key)
        req = item.request
        latest[req.source] = latest.get(req.source, 0) + 1
        created.append(item)
        documents.append(
            {
                "source": req.source,
                "content_hash": item.digest,
                "version": latest[req.source],
                "department": req.department or None,
                "doc_type": str(req.contract.get("doc_type") or "other"),
                "verdict": str(req.contract.get("verdict") or "pass"),
                "chars": item.chars,
                "screened_at": req.screened_at or utcnow(),
            }
        )
    if not created:
        return outcomes
    # Core executemany inserts without RETURNING (SQLite would run a RETURNING insert row by
    # row); the new ids are read back by the documents' unique (source, content_hash) and, for
    # findings, in id order, which is insertion order: finding_ids[i] is the contract's i-th
    session.execute(insert(Document), documents)
    new_ids = _document_ids(session, created)
    doc_ids = [new_ids[item.key] for item in created]
    findings = [
        _finding(raw, doc_id, value_hash)
        for item, doc_id in zip(created, doc_ids, strict=True)
        for raw in item.findings
    ]
    if not any(f["location"] for f in findings):  # plain text: the column is left out
        for f in findings:
            del f["location"]
    if findings:
        session.execute(insert(Finding), findings)
    finding_ids = _finding_ids(session, doc_ids) if findings else {d: [] for d in doc_ids}
    audits = []
    for item, doc_id, row in zip(created, doc_ids, documents, strict=True):
        after = {"source": row["source"], "version": row["version"], "verdict": row["verdict"]}
        audits.append(_audit(item.request.actor, doc_id, {**after, "findings": len(item.findings)}))
        outcomes[item.key] = RecordOutcome(
            doc_id, row["source"], row["version"], item.digest, True, tuple(finding_ids[doc_id])
        )
    session.execute(insert(AuditLog), audits)
    return outcomes


def _pairs_filter(wanted: set[tuple[str, str]]) -> tuple[Any, Any]:
    """Rows that may be one of the (source, content_hash) pairs — by both columns, so the
    unique index (source, content_hash) serves it; callers keep the exact pairs."""
    sources = {source for source, _ in wanted}
    return Document.source.in_(sources), Document.content_hash.in_({d for _, d in wanted})


def _finding_ids(session: Session, doc_ids: Sequence[int]) -> dict[int, list[int]]:
    """Each document's finding ids in id order, which is insertion order: the i-th id is the
    contract's i-th finding."""
    ids: dict[int, list[int]] = {doc_id: [] for doc_id in doc_ids}
    query = select(Finding.document_id, Finding.id).where(Finding.document_id.in_(ids))
    for document_id, finding_id in session.execute(query.order_by(Finding.id)):
        ids[document_id].append(finding_id)
    return ids


def _document_ids(session: Session, items: Sequence[Prepared]) -> dict[tuple[str, str], int]:
    wanted = {item.key for item in items}
    columns = (Document.source, Document.content_hash, Document.id)
    query = select(*columns).where(*_pairs_filter(wanted))
    return {
        (src, digest): id_ for src, digest, id_ in session.execute(query) if (src, digest) in wanted
    }


def _finding(
    raw: Mapping[str, Any], document_id: int, value_hash: Callable[[str], str]
) -> dict[str, Any]:
    score = raw.get("score")
    return {
        "document_id": document_id,
        "entity": str(raw["entity"]),
        "start": int(raw["start"]),
        "end": int(raw["end"]),
        "masked": str(raw["masked"]),
        "value_hash": value_hash(str(raw["text"])),
        "action": str(raw["action"]),
        "rule": str(raw["rule"]),
        "reason": str(raw.get("reason") or ""),
        "basis": str(raw.get("basis") or ""),
        "role": str(raw.get("role") or "unknown"),
        "recognizer": str(raw.get("recognizer") or ""),
        "score": float(score) if isinstance(score, int | float) else None,
        "status": initial_status(str(raw["action"])),
        "status_reason": None,
        "status_by": None,
        "status_at": None,
        "location": _location(raw.get("location")),
    }


def _location(value: Any) -> dict[str, Any] | None:
    """The finding's ``location`` when it is an object of plain values (else nothing)."""
    if not isinstance(value, Mapping) or not value:
        return None
    plain = (str, int, float, bool, type(None))
    out: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, list | tuple):
            item = [v for v in item if isinstance(v, int | float)]
        elif not isinstance(item, plain):
            continue
        out[str(key)] = item
    return out or None


def _audit(actor: str, document_id: int, after: dict[str, Any]) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "actor": actor or "system",
        "action": "document.record",
        "object_type": "document",
        "object_id": str(document_id),
        "before": None,
        "after": after,
    }


def _validated(contract: Mapping[str, Any], source: str) -> list[Mapping[str, Any]]:
    if not isinstance(contract, Mapping):
        raise LedgerError("审查结果必须是 JSON 对象")
    if not source or not str(source).strip():
        raise LedgerError("必须给出文档来源（source）")
    if contract.get("error"):
        raise LedgerError(f"该审查结果是错误记录，不能入账：{contract['error']}")
    findings = contract.get("findings")
    if not isinstance(findings, list) or "redacted" not in contract:
        raise LedgerError("审查结果缺少 findings 或 redacted 字段")
    for number, item in enumerate(findings, 1):
        missing = [k for k in _FINDING_KEYS if not isinstance(item, Mapping) or k not in item]
        if missing:
            raise LedgerError(f"第 {number} 条发现缺少字段：{'、'.join(missing)}")
    return findings
