"""The statistical side: TF-IDF over character 1–3-grams and a logistic regression, fitted on
the project's labelled corpus (data/corpus.json) and shipped as models/disclosure/<version>/
(scripts/build_disclosure_model.py; loaded and hash-checked by pipeline/classify/artifact.py).

Labels are ``attribute`` or ``attribute/reason_code`` (``不予公开/过程性信息``). Every n-gram's
pull towards the decision is returned; pipeline.classify.explain maps them back to sentences
and phrases of the document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.normalise import normalise

CORPUS = Path(__file__).with_name("data") / "corpus.json"
_CJK_GRAM = re.compile(r"[\u3400-\u9fff]{2,3}")


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    probability: float
    probabilities: dict[str, float]
    ngrams: tuple[str, ...]  # normalised n-grams that supported the label, strongest first
    #: every n-gram of the document with its pull towards the label (explain.model_evidence)
    pulls: dict[str, float] = field(default_factory=dict)


def load_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The labelled corpus: a JSON array of {"id", "label", "kind", "text"}."""
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return records


def prepare(text: str) -> str:
    """What the model reads: normalised text (simplified, half-width), blanks collapsed."""
    return " ".join(normalise(text).text.split())


def build_pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)),
            ("clf", LogisticRegression(C=20.0, class_weight="balanced", max_iter=3000)),
        ]
    )


class DisclosureModel:
    """A fitted pipeline with evidence extraction."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.pipeline = build_pipeline()
        self.pipeline.fit([prepare(r["text"]) for r in records], [r["label"] for r in records])
        self.labels: list[str] = [str(c) for c in self.pipeline.classes_]

    @classmethod
    def fitted(cls, pipeline: Any) -> DisclosureModel:
        """Wrap an already fitted pipeline (e.g. rebuilt from an artifact)."""
        model = cls.__new__(cls)
        model.pipeline = pipeline
        model.labels = [str(c) for c in pipeline.named_steps["clf"].classes_]
        return model

    def predict(self, text: str, top: int = 5) -> Prediction:
        import numpy as np

        prepared = prepare(text)
        probs = self.pipeline.predict_proba([prepared])[0]
        k = int(np.argmax(probs))
        tfidf = self.pipeline.named_steps["tfidf"]
        clf = self.pipeline.named_steps["clf"]
        row = tfidf.transform([prepared]).tocoo()
        # a feature's pull towards this label rather than the average label
        coef = clf.coef_[k] - clf.coef_.mean(axis=0) if clf.coef_.shape[0] > 1 else clf.coef_[0]
        names = tfidf.get_feature_names_out()
        scored = sorted(
            ((float(v * coef[c]), str(names[c])) for c, v in zip(row.col, row.data, strict=True)),
            reverse=True,
        )
        grams: list[str] = []
        for score, gram in scored:
            if score <= 0 or len(grams) >= top:
                break
            if _CJK_GRAM.fullmatch(gram) and not any(gram in g for g in grams):
                grams.append(gram)
        return Prediction(
            str(self.labels[k]), float(probs[k]),
            {str(label): round(float(p), 4) for label, p in zip(self.labels, probs, strict=True)},
            tuple(grams), {gram: score for score, gram in scored if score > 0},
        )  # fmt: skip


@cache
def default_model() -> DisclosureModel:
    """The shipped artifact (models/disclosure/, hashes verified); without one, a model
    fitted on the shipped corpus now (a few seconds), with a warning."""
    from pipeline.classify.artifact import latest, read

    path = latest()
    if path is not None:
        return read(path)
    import sys

    print("zwgk: 未找到公开属性模型（models/disclosure/），临时用语料训练", file=sys.stderr)
    return DisclosureModel(load_corpus())


def cross_validate(records: list[dict[str, Any]], folds: int = 5, seed: int = 0) -> dict[str, Any]:
    """Stratified k-fold predictions → accuracy and per-class precision/recall/F1."""
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts = [prepare(r["text"]) for r in records]
    labels = [r["label"] for r in records]
    smallest = min(labels.count(lbl) for lbl in set(labels))
    k = max(2, min(folds, smallest))
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    predicted = list(cross_val_predict(build_pipeline(), texts, labels, cv=cv))
    classes = sorted(set(labels))
    p, r, f, n = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    per_class = {
        c: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3),
            "f1": round(float(f[i]), 3), "support": int(n[i])}
        for i, c in enumerate(classes)
    }  # fmt: skip
    errors = [
        {"id": rec.get("id"), "label": gold, "predicted": pred}
        for rec, gold, pred in zip(records, labels, predicted, strict=True)
        if gold != pred
    ]
    return {
        "folds": k,
        "documents": len(records),
        "accuracy": round(float(accuracy_score(labels, predicted)), 3),
        "per_class": per_class,
        "errors": errors,
    }
