"""Chinese labels for reports and messages (entities, document types, actions, statuses)."""

from __future__ import annotations

from pipeline.document import ENTITY_NAMES_ZH
from pipeline.ledger.models import ACTION_ZH, STATUS_ZH
from pipeline.output.labels import doc_type_name

__all__ = ["action_name", "doc_type_name", "entity_name", "status_name"]


def entity_name(entity: str) -> str:
    return ENTITY_NAMES_ZH.get(entity, entity)


def action_name(action: str) -> str:
    return ACTION_ZH.get(action, action)


def status_name(status: str) -> str:
    return STATUS_ZH.get(status, status)
