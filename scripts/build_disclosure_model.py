"""Fit the disclosure model on pipeline/classify/data/corpus.json and write the artifact.

    .venv/bin/python scripts/build_disclosure_model.py disclosure-0.1

Writes models/disclosure/<version>/ with the 5-fold cross-validated scores in the manifest.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.artifacts import models_root
from pipeline.classify.artifact import corpus_info, write
from pipeline.classify.model import DisclosureModel, cross_validate, load_corpus


def main() -> None:
    version = sys.argv[1] if len(sys.argv) > 1 else "disclosure-0.2"
    records = load_corpus()
    scores = cross_validate(records)
    scores.pop("errors", None)
    import sklearn

    info = {
        "version": version,
        "model": "TfidfVectorizer(char 1-3, sublinear) + LogisticRegression(C=20, balanced)",
        "data": corpus_info(),
        "eval": {"cross_validation (model only)": scores},
        "command": f"python scripts/build_disclosure_model.py {version}",
        "scikit_learn": sklearn.__version__,
    }
    out = write(DisclosureModel(records), models_root("disclosure") / version, info)
    print(f"{out}: 5 折交叉验证准确率 {scores['accuracy']}")


if __name__ == "__main__":
    main()
