"""Chinese names of document types for people (tables, reports): the ``name`` of each type
in the rule pack's ``doc_types.yaml`` (``$ZWGK_RULES_DIR`` honoured); JSON keeps the id."""

from __future__ import annotations

from functools import cache


@cache
def _names(directory: str) -> dict[str, str]:
    from pathlib import Path

    from pipeline.decide.doc_type import OTHER, DocTypeClassifier

    try:
        types = DocTypeClassifier.from_yaml(Path(directory) / "doc_types.yaml").types
        names = {t.id: t.name for t in types}
    except Exception:  # rules missing or broken: ids are still meaningful
        names = {}
    names.setdefault(OTHER.id, OTHER.name)
    return names


def doc_type_name(doc_type: str) -> str:
    """``disclosure_reply`` → ``依申请公开答复``; an unknown id is returned as it is."""
    from pipeline.decide.rule_schema import rules_dir

    return _names(str(rules_dir())).get(doc_type, doc_type)
