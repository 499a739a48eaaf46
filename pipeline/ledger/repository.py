"""The ledger: ``open_ledger()`` → ``Ledger``, which records screening results, tracks the
reviewers' statuses with an audit trail, manages API keys and turns feedback into
suggestions. Every method opens and closes its own transaction (safe across threads).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from pipeline.ledger import feedback, keys, queries, recording
from pipeline.ledger.db import make_engine, write_engine
from pipeline.ledger.hashing import value_hash
from pipeline.ledger.migrate import upgrade
from pipeline.ledger.models import STATUS_ZH, STATUSES, Finding, add_audit, utcnow
from pipeline.ledger.recording import RecordRequest, prepare
from pipeline.ledger.records import (
    AuditRecord,
    DocumentRecord,
    FindingFilter,
    FindingRecord,
    InvalidTransition,
    KeyInfo,
    LedgerError,
    NotFound,
    RecordOutcome,
    Suggestion,
)
from pipeline.ledger.settings import Settings, secret_key, url_location

#: status → the statuses it may change to. Terminal statuses may only be reopened; an
#: allowed finding is reopened when a reviewer decides it needs handling after all.
TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"rectified", "retained", "false_positive"}),
    "rectified": frozenset({"open"}),
    "retained": frozenset({"open"}),
    "false_positive": frozenset({"open"}),
    "allowed": frozenset({"open"}),
}
#: target statuses that need a reason (retaining information, reopening a finding)
REASON_REQUIRED = frozenset({"retained", "open"})


def open_ledger(url: str | None = None, settings: Settings | None = None) -> Ledger:
    """Open (and migrate) the ledger at ``url`` or ``$ZWGK_DATABASE_URL`` (default: SQLite
    in ``$ZWGK_DATA_DIR``). Without ``ZWGK_DATA_DIR``, a SQLite database's directory is the
    data directory (where the value-hashing key lives)."""
    settings = (settings or Settings.from_env()).for_database(url)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return Ledger(engine, settings)


class Ledger:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        #: read sessions, and write sessions (SQLite: BEGIN IMMEDIATE, see ``db.py``)
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.writes = sessionmaker(write_engine(engine), expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def location(self) -> str:
        """Where this ledger is, for messages: the SQLite file, else the URL (no password)."""
        return url_location(self.engine.url)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @cached_property
    def _key(self) -> bytes:
        return secret_key(self.settings)

    def value_hash(self, value: str) -> str:
        """The keyed hash the ledger stores for ``value`` (for allow-list matching)."""
        return value_hash(value, self._key)

    # --- recording ---------------------------------------------------------------------

    def record(
        self,
        contract: Mapping[str, Any],
        source: str,
        department: str | None = None,
        *,
        text: str | None = None,
        actor: str = "system",
        screened_at: datetime | None = None,
    ) -> RecordOutcome:
        """Record one screening result (``ScreenResult.to_contract()``) for ``source``.

        Idempotent: the same source with the same content returns the existing version and
        writes nothing; new content for a known source becomes the next version. Pass
        ``text`` (the screened text) so the content hash is its SHA-256; without it a keyed
        fingerprint of the redacted text and the findings is used instead.
        """
        request = RecordRequest(contract, source, department, text, actor, screened_at)
        return self.record_many([request])[0]

    def record_many(self, requests: Sequence[RecordRequest]) -> list[RecordOutcome]:
        """Record several results in ONE write transaction; an outcome per request, in order.

        Raises ``LedgerError`` before writing anything if any request is invalid. Content
        already recorded is answered from a read-only query without taking the write lock.
        """
        items = [prepare(request, self._key) for request in requests]
        with self.sessions() as session:
            outcomes = recording.known(session, items)
        pending = [item for item in items if item.key not in outcomes]
        for attempt in range(3):
            if not pending:
                break
            try:
                with self.writes.begin() as session:
                    outcomes.update(recording.write_batch(session, pending, self.value_hash))
                break
            except IntegrityError:  # a concurrent writer recorded one of these meanwhile
                if attempt == 2:
                    raise
        answered: set[tuple[str, str]] = set()
        results = []
        for item in items:  # a repeat within the batch created nothing itself
            outcome = outcomes[item.key]
            results.append(replace(outcome, created=False) if item.key in answered else outcome)
            answered.add(item.key)
        return results

    # --- review workflow ---------------------------------------------------------------

    def set_status(
        self, finding_id: int, status: str, reason: str | None = None, actor: str = "system"
    ) -> FindingRecord:
        """Move a finding along open → rectified | retained (reason required) |
        false_positive, or reopen it (reason required; also an ``allowed`` finding);
        every change is audited. ``allowed`` is set by recording only."""
        if status not in STATUSES:
            raise LedgerError(f"未知状态：{status}（可选：{'、'.join(STATUSES)}）")
        reason = (reason or "").strip() or None
        with self.writes.begin() as session:
            query = select(Finding).where(Finding.id == finding_id).with_for_update()
            row = session.scalars(query).first()
            if row is None:
                raise NotFound(f"没有编号为 {finding_id} 的发现")
            if status not in TRANSITIONS[row.status]:
                raise InvalidTransition(
                    f"发现 {finding_id} 当前为「{STATUS_ZH[row.status]}」，"
                    f"不能改为「{STATUS_ZH[status]}」"
                )
            if status in REASON_REQUIRED and not reason:
                raise LedgerError(f"改为「{STATUS_ZH[status]}」必须说明理由")
            before = {"status": row.status, "status_reason": row.status_reason}
            row.status, row.status_reason = status, reason
            row.status_by, row.status_at = actor or "system", utcnow()
            after = {"status": status, "status_reason": reason}
            add_audit(session, actor, "finding.status", ("finding", row.id), before, after)
            session.flush()
            return queries.finding_record(row, row.document)

    # --- queries -----------------------------------------------------------------------

    def finding(self, finding_id: int) -> FindingRecord:
        with self.sessions() as session:
            return queries.finding(session, finding_id)

    def findings(self, flt: FindingFilter | None = None, **fields: Any) -> list[FindingRecord]:
        """Findings with their document, oldest first: ``findings(status="open")``."""
        with self.sessions() as session:
            return queries.findings(session, flt or FindingFilter(**fields))

    def count_findings(self, flt: FindingFilter | None = None, **fields: Any) -> int:
        with self.sessions() as session:
            return queries.count_findings(session, flt or FindingFilter(**fields))

    def documents(
        self, since: datetime | None = None, source: str | None = None
    ) -> list[DocumentRecord]:
        with self.sessions() as session:
            return queries.documents(session, since, source)

    def audit_log(
        self, object_type: str | None = None, object_id: str | int | None = None, limit: int = 100
    ) -> list[AuditRecord]:
        with self.sessions() as session:
            return queries.audit_log(session, object_type, object_id, limit)

    def suggestions(self, min_count: int = 2, min_share: float = 0.5) -> list[Suggestion]:
        with self.sessions() as session:
            return feedback.suggestions(session, min_count, min_share)

    # --- API keys ----------------------------------------------------------------------

    def create_key(self, role: str, name: str = "", actor: str = "system") -> tuple[int, str]:
        """A new key for ``role``: ``(id, plaintext)``. The plaintext is not stored."""
        with self.writes.begin() as session:
            return keys.create_key(session, role, name, actor)

    def authenticate(self, plaintext: str | None) -> KeyInfo | None:
        """The active key matching ``plaintext``, or None."""
        with self.sessions() as session:
            return keys.authenticate(session, plaintext)

    def revoke_key(self, key_id: int, actor: str = "system") -> KeyInfo:
        with self.writes.begin() as session:
            return keys.revoke_key(session, key_id, actor)

    def list_keys(self, include_revoked: bool = True) -> list[KeyInfo]:
        with self.sessions() as session:
            return keys.list_keys(session, include_revoked)
