"""The review ledger (台账): screened documents, findings with the reviewers' decisions, an
audit log, API keys, feedback suggestions and reports. See ``docs/ledger.md``.

    from pipeline.ledger import open_ledger
    ledger = open_ledger()                       # $ZWGK_DATABASE_URL or SQLite in the data dir
    outcome = ledger.record(result.to_contract(), source="notice.html", text=result.text)
    ledger.set_status(outcome.finding_ids[0], "retained", "公示需要", actor="王审核")

``pipeline.ledger.roles`` (``allowed``, ``ROLE_SCOPES``) imports no database code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.ledger.roles import ROLE_SCOPES, ROLES, SCOPES, allowed

if TYPE_CHECKING:
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
    from pipeline.ledger.repository import Ledger, open_ledger
    from pipeline.ledger.settings import Settings

_LAZY = {
    "Ledger": "repository",
    "open_ledger": "repository",
    "Settings": "settings",
    **{
        name: "records"
        for name in (
            "AuditRecord",
            "DocumentRecord",
            "FindingFilter",
            "FindingRecord",
            "InvalidTransition",
            "KeyInfo",
            "LedgerError",
            "NotFound",
            "RecordOutcome",
            "Suggestion",
        )
    },
}

__all__ = [
    "ROLES",
    "ROLE_SCOPES",
    "SCOPES",
    "AuditRecord",
    "DocumentRecord",
    "FindingFilter",
    "FindingRecord",
    "InvalidTransition",
    "KeyInfo",
    "Ledger",
    "LedgerError",
    "NotFound",
    "RecordOutcome",
    "Settings",
    "Suggestion",
    "allowed",
    "open_ledger",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline.ledger' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"pipeline.ledger.{module}"), name)
