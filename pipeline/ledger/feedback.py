"""Reviewer feedback → suggestions.

- ``allow_list``: the same value (by keyed hash) marked false positive in at least
  ``min_count`` findings and never confirmed (rectified/retained) anywhere.
- ``rule``: a rule whose reviewed findings in one document type are mostly false positives
  (its detection needs tightening), or mostly retained although it redacts or sends to
  review (its action may be too strict for that document type).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from pipeline.ledger.labels import doc_type_name, entity_name
from pipeline.ledger.models import REVIEWED, Document, Finding
from pipeline.ledger.records import Suggestion


def suggestions(session: Session, min_count: int = 2, min_share: float = 0.5) -> list[Suggestion]:
    return allow_list_suggestions(session, min_count) + rule_suggestions(
        session, min_count, min_share
    )


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def allow_list_suggestions(session: Session, min_count: int = 2) -> list[Suggestion]:
    false_pos = _count_if(Finding.status == "false_positive")
    confirmed = _count_if(Finding.status.in_(("rectified", "retained")))
    query = (
        select(Finding.entity, Finding.value_hash, false_pos, confirmed, func.min(Finding.masked))
        .group_by(Finding.entity, Finding.value_hash)
        .having(false_pos >= min_count)
        .order_by(false_pos.desc(), Finding.entity, Finding.value_hash)
    )
    found = []
    for entity, digest, count, confirmed_count, masked in session.execute(query):
        if confirmed_count:
            continue
        rules = session.scalars(
            select(Finding.rule)
            .where(Finding.entity == entity, Finding.value_hash == digest)
            .where(Finding.status == "false_positive")
            .group_by(Finding.rule)
            .order_by(Finding.rule)
        ).all()
        reason = (
            f"{entity_name(entity)}「{masked}」已 {int(count)} 次被审核员标记为误报，"
            "且从未被确认需要处理，建议加入白名单（按值哈希匹配）"
        )
        found.append(
            Suggestion(
                kind="allow_list",
                reason=reason,
                status="false_positive",
                entity=entity,
                value_hash=digest,
                masked=masked,
                count=int(count),
                rules=tuple(rules),
            )
        )
    return found


def rule_suggestions(
    session: Session, min_count: int = 2, min_share: float = 0.5
) -> list[Suggestion]:
    reviewed = _count_if(Finding.status.in_(REVIEWED))
    false_pos = _count_if(Finding.status == "false_positive")
    retained = _count_if(Finding.status == "retained")
    query = (
        select(Finding.rule, Document.doc_type, reviewed, false_pos, retained)
        .join(Finding.document)
        .group_by(Finding.rule, Document.doc_type)
        .order_by(Finding.rule, Document.doc_type)
    )
    strict = {
        rule
        for (rule,) in session.execute(
            select(Finding.rule).where(Finding.action.in_(("redact", "review"))).distinct()
        )
    }
    found = []
    for rule, doc_type, n_reviewed, n_fp, n_retained in session.execute(query):
        n_reviewed, n_fp, n_retained = int(n_reviewed or 0), int(n_fp or 0), int(n_retained or 0)
        if not n_reviewed:
            continue
        where = f"规则 {rule} 在「{doc_type_name(doc_type)}」中已审核的 {n_reviewed} 条发现里"
        if n_fp >= min_count and n_fp / n_reviewed >= min_share:
            status, count = "false_positive", n_fp
            advice = "被标记为误报，建议复核识别条件或增加排除词"
        elif rule in strict and n_retained >= min_count and n_retained / n_reviewed >= min_share:
            status, count = "retained", n_retained
            advice = "经审核决定保留，建议复核该规则在此文种下的处置"
        else:
            continue
        reason = f"{where}有 {count} 条（{count / n_reviewed:.0%}）{advice}"
        found.append(
            Suggestion(
                kind="rule",
                reason=reason,
                rule=rule,
                doc_type=doc_type,
                status=status,
                count=count,
                reviewed=n_reviewed,
            )
        )
    return found
