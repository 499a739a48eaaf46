"""Quality of the classifier: cross-validation of the model alone and of the whole system
(markers + rules + a model trained on the other folds), and accuracy on documents of known
attribute (held out: never used to write rules or train)."""

from __future__ import annotations

from typing import Any

from pipeline.classify.classifier import Classifier
from pipeline.classify.model import DisclosureModel, cross_validate, load_corpus
from pipeline.classify.rules import load_rules


def _label(attribute: str, code: str | None) -> str:
    return (
        attribute if attribute in ("主动公开", "依申请公开", "部分公开") else f"{attribute}/{code}"
    )


def system_cross_validate(
    records: list[dict[str, Any]], folds: int = 5, seed: int = 0
) -> dict[str, Any]:
    """Every document classified by markers + rules + a model that never saw it."""
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold

    labels = [r["label"] for r in records]
    k = max(2, min(folds, min(labels.count(x) for x in set(labels))))
    rules = load_rules()
    predicted: list[str] = [""] * len(records)
    attribute_ok = 0
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train, test in cv.split(records, labels):
        clf = Classifier(rules, DisclosureModel([records[i] for i in train]))
        for i in test:
            result = clf.classify(records[i]["text"])
            predicted[i] = _label(result.attribute, result.reason_code)
            attribute_ok += result.attribute == labels[i].split("/")[0]
    classes = sorted(set(labels))
    p, r, f, n = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    return {
        "folds": k,
        "documents": len(records),
        "accuracy": round(
            sum(a == b for a, b in zip(labels, predicted, strict=True)) / len(labels), 3
        ),
        "attribute_accuracy": round(attribute_ok / len(labels), 3),
        "per_class": {
            c: {
                "precision": round(float(p[i]), 3),
                "recall": round(float(r[i]), 3),
                "f1": round(float(f[i]), 3),
                "support": int(n[i]),
            }
            for i, c in enumerate(classes)
        },
        "errors": [
            {"id": rec.get("id"), "label": gold, "predicted": pred}
            for rec, gold, pred in zip(records, labels, predicted, strict=True)
            if gold != pred
        ],
    }


def held_out(
    documents: list[dict[str, Any]], classifier: Classifier, screen: bool = True
) -> dict[str, Any]:
    """Accuracy on documents ``{"id", "text", "attribute", "has_marker"}`` of known attribute
    (``label``: also the reason code; ``topics``: the acceptable topic areas)."""
    rows = []
    for d in documents:
        result = classifier.classify(d["text"], doc_id=d["id"], screen=screen)
        rows.append(
            {
                "id": d["id"],
                "expected": d["attribute"],
                "got": result.attribute,
                "label_ok": "label" not in d
                or _label(result.attribute, result.reason_code) == d["label"],
                "decided_by": result.decided_by,
                "marker_expected": bool(d.get("has_marker")),
                "marker_found": result.decided_by == "标注",
                "conflicts": result.conflicts,
                "topic": result.topic,
                "topic_ok": None if "topics" not in d else result.topic in d["topics"],
            }
        )
    with_marker = [r for r in rows if r["marker_expected"]]
    with_topic = [r for r in rows if r["topic_ok"] is not None]
    return {
        "documents": len(rows),
        "topic_accuracy": round(sum(r["topic_ok"] for r in with_topic) / len(with_topic), 3)
        if with_topic
        else None,
        "accuracy": round(sum(r["expected"] == r["got"] for r in rows) / max(1, len(rows)), 3),
        "label_accuracy": round(sum(r["label_ok"] for r in rows) / max(1, len(rows)), 3),
        "marker_recall": round(
            sum(r["marker_found"] for r in with_marker) / max(1, len(with_marker)), 3
        ),
        "rows": rows,
    }


def report() -> dict[str, Any]:
    records = load_corpus()
    return {"model_cv": cross_validate(records), "system_cv": system_cross_validate(records)}
