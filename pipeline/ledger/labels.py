"""Chinese labels for reports and messages (entities, document types, actions, statuses)."""

from __future__ import annotations

from functools import cache

from pipeline.document import ENTITY_NAMES_ZH
from pipeline.ledger.models import ACTION_ZH, STATUS_ZH


@cache
def _doc_type_names() -> dict[str, str]:
    try:
        from pipeline.decide.doc_type import DocTypeClassifier

        names = {t.id: t.name for t in DocTypeClassifier.from_yaml().types}
    except Exception:  # rules missing or broken: ids are still meaningful
        names = {}
    names.setdefault("other", "其他")
    return names


def doc_type_name(doc_type: str) -> str:
    return _doc_type_names().get(doc_type, doc_type)


def entity_name(entity: str) -> str:
    return ENTITY_NAMES_ZH.get(entity, entity)


def action_name(action: str) -> str:
    return ACTION_ZH.get(action, action)


def status_name(status: str) -> str:
    return STATUS_ZH.get(status, status)
