"""Plain, detached records the ledger returns (safe to keep after the session closes and to
turn into JSON or pydantic models), the query filter, and the ledger's errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any


class LedgerError(ValueError):
    """A request the ledger refuses; the message is Chinese and safe to show (HTTP 400)."""


class NotFound(LedgerError):
    """No such finding, document or key (HTTP 404)."""


class InvalidTransition(LedgerError):
    """A status change the workflow does not allow (HTTP 409)."""


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    document_id: int
    source: str
    version: int
    content_hash: str
    #: False when this source with this content was recorded before (nothing was written).
    created: bool
    finding_ids: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: int
    source: str
    content_hash: str
    version: int
    department: str | None
    doc_type: str
    verdict: str
    chars: int | None
    screened_at: datetime
    findings: int

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class FindingRecord:
    id: int
    document_id: int
    source: str
    version: int
    department: str | None
    doc_type: str
    screened_at: datetime
    entity: str
    start: int
    end: int
    masked: str
    value_hash: str
    action: str
    rule: str
    reason: str
    basis: str
    role: str
    status: str
    status_reason: str | None
    status_by: str | None
    status_at: datetime | None
    #: where the value is in the file (sheet/cell, page/box, member), when known
    location: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """An API key without its secret."""

    id: int
    name: str
    role: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Reviewer feedback turned into a proposal: ``allow_list`` (a value) or ``rule``."""

    kind: str
    reason: str
    entity: str | None = None
    rule: str | None = None
    doc_type: str | None = None
    value_hash: str | None = None
    masked: str | None = None
    #: what ``count`` counts: findings marked ``false_positive`` or ``retained``
    status: str | None = None
    count: int = 0
    reviewed: int = 0
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, ())}


@dataclass(slots=True)
class FindingFilter:
    """Query filter for ``Ledger.findings``; every field is optional (AND-ed)."""

    status: str | None = None
    entity: str | None = None
    action: str | None = None
    rule: str | None = None
    source: str | None = None
    department: str | None = None
    doc_type: str | None = None
    document_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    #: only findings of each source's newest version
    latest_only: bool = False
    limit: int | None = None
    offset: int = 0


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}
