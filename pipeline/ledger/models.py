"""The ledger schema (SQLAlchemy 2.0 typed ORM). Raw personal information is never stored:
a finding keeps its masked form and a keyed hash of the value (see ``hashing.py``).

Changing a model means writing a migration in ``migrations/versions/`` as well;
``tests/ledger/test_migrations.py`` fails when the two disagree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

#: Statuses of a finding. A finding the rules allow (action ``allow``) is recorded as
#: ``allowed``: kept for the audit trail, nothing to follow up. Redact and review findings
#: start ``open`` (待处理) until a reviewer handles them.
STATUSES: tuple[str, ...] = ("open", "rectified", "retained", "false_positive", "allowed")
STATUS_ZH: dict[str, str] = {
    "open": "待处理",
    "rectified": "已整改",
    "retained": "保留",
    "false_positive": "误报",
    "allowed": "依规保留",
}
#: Statuses a reviewer set (the finding was looked at).
REVIEWED: tuple[str, ...] = ("rectified", "retained", "false_positive")


def initial_status(action: str) -> str:
    """The status a new finding is recorded with: ``allowed`` for ``allow``, else ``open``."""
    return "allowed" if action == "allow" else "open"


ACTION_ZH: dict[str, str] = {"redact": "遮蔽", "review": "人工审核", "allow": "保留"}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("时间必须带时区（UTC）")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class Document(Base):
    """One version of one source document as it was screened."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("source", "content_hash", name="uq_documents_source_hash"),
        UniqueConstraint("source", "version", name="uq_documents_source_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1024))
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    department: Mapped[str | None] = mapped_column(String(255), index=True)
    doc_type: Mapped[str] = mapped_column(String(64), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    chars: Mapped[int | None] = mapped_column(Integer)
    screened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    findings: Mapped[list[Finding]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Finding.start"
    )


class Finding(Base):
    """A finding with its screening decision and the reviewer's status."""

    __tablename__ = "findings"
    __table_args__ = (
        Index("ix_findings_value_hash", "entity", "value_hash"),
        Index("ix_findings_rule_status", "rule", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    masked: Mapped[str] = mapped_column(Text)
    value_hash: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(32), default="unknown")
    recognizer: Mapped[str] = mapped_column(String(64), default="")
    score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_by: Mapped[str | None] = mapped_column(String(255))
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: where the value is in the file (the contract's ``location``: sheet/cell, page/box,
    #: member); null for plain text and for findings recorded before migration 0003
    location: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    document: Mapped[Document] = relationship(back_populates="findings")


class AuditLog(Base):
    """Who changed what and when (append-only)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class ApiKey(Base):
    """An API key: only its SHA-256 is stored, plus a short prefix for display."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


def add_audit(
    session: Session,
    actor: str,
    action: str,
    obj: tuple[str, object],
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append an audit row (``obj`` is ``(object_type, object_id)``) to the session."""
    session.add(
        AuditLog(
            actor=actor or "system",
            action=action,
            object_type=obj[0],
            object_id=str(obj[1]),
            before=before,
            after=after,
        )
    )
