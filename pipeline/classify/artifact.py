"""The disclosure model as a versioned artifact: ``models/disclosure/<version>/``.

Plain data, no pickle: ``vocabulary.json`` (n-gram → column), ``weights.npz`` (idf, the
logistic-regression coefficients and intercepts), ``config.json`` (classes and vectoriser
settings) and ``manifest.json`` (sha256 of every file, the corpus it was fitted on with its
sha256, the cross-validated scores, the command). :func:`read` verifies every hash before
rebuilding the scikit-learn pipeline, exactly like the NER loader.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pipeline.artifacts import (
    MANIFEST,
    ArtifactError,
    file_table,
    latest_in,
    models_root,
    sha256_file,
    verify,
)
from pipeline.classify.model import CORPUS, DisclosureModel, build_pipeline

VOCABULARY, WEIGHTS, CONFIG = "vocabulary.json", "weights.npz", "config.json"


def latest(root: Path | None = None) -> Path | None:
    """The shipped disclosure model with the highest version number, if any."""
    return latest_in(root or models_root("disclosure"))


def write(model: DisclosureModel, out: Path, info: dict[str, Any]) -> Path:
    """Save ``model`` under ``out`` (which must not exist yet) with its manifest."""
    import numpy as np

    if out.exists():
        raise ArtifactError(f"{out} 已存在；换一个版本号")
    out.mkdir(parents=True)
    tfidf = model.pipeline.named_steps["tfidf"]
    clf = model.pipeline.named_steps["clf"]
    vocab = {str(k): int(v) for k, v in sorted(tfidf.vocabulary_.items(), key=lambda kv: kv[1])}
    (out / VOCABULARY).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    np.savez(out / WEIGHTS, idf=tfidf.idf_, coef=clf.coef_, intercept=clf.intercept_)
    config = {
        "classes": model.labels,
        "analyzer": tfidf.analyzer,
        "ngram_range": list(tfidf.ngram_range),
        "sublinear_tf": tfidf.sublinear_tf,
    }
    (out / CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    manifest = {
        "format": 1,
        "name": "zwgk-disclosure",
        "created": dt.date.today().isoformat(),
        **info,
        "files": file_table(out),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    return out


def read(path: Path) -> DisclosureModel:
    """The verified model of an artifact folder (ArtifactError on any hash mismatch)."""
    import numpy as np

    verify(path)
    config = json.loads((path / CONFIG).read_text(encoding="utf-8"))
    vocab = json.loads((path / VOCABULARY).read_text(encoding="utf-8"))
    with np.load(path / WEIGHTS) as weights:
        idf, coef, intercept = weights["idf"], weights["coef"], weights["intercept"]
    pipeline = build_pipeline()
    tfidf, clf = pipeline.named_steps["tfidf"], pipeline.named_steps["clf"]
    tfidf.set_params(
        analyzer=config["analyzer"],
        ngram_range=tuple(config["ngram_range"]),
        sublinear_tf=config["sublinear_tf"],
    )
    tfidf.vocabulary_ = vocab
    tfidf.idf_ = idf
    clf.classes_ = np.array(config["classes"])
    clf.coef_, clf.intercept_ = coef, intercept
    return DisclosureModel.fitted(pipeline)


def corpus_info(path: Path = CORPUS) -> dict[str, Any]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return {"file": path.name, "sha256": sha256_file(path), "documents": len(records)}
