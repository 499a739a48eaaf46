"""The shipped disclosure model: hashes verified, same predictions as a fit on the corpus."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("sklearn")

from pipeline.classify.artifact import latest, read, write
from pipeline.classify.model import DisclosureModel, load_corpus
from pipeline.ner.artifact import ArtifactError

TEXTS = [
    "关于2024年第三季度部门会议纪要\n会议研究了下一步工作安排，内部传阅，不得外传。",
    "六安市人民政府关于印发促进就业若干措施的通知（此件公开发布）",
    "行政处罚案件集体讨论记录\n案件调查终结报告、当事人陈述申辩笔录。",
]


def test_shipped_model_predicts_like_a_fresh_fit():
    path = latest()
    assert path is not None, "no model under models/disclosure/"
    shipped = read(path)
    fresh = DisclosureModel(load_corpus())
    assert shipped.labels == fresh.labels
    for text in TEXTS:
        a, b = shipped.predict(text), fresh.predict(text)
        assert a.label == b.label
        assert a.probability == pytest.approx(b.probability, abs=1e-6)
        assert a.ngrams == b.ngrams


def test_written_artifact_round_trips_and_refuses_tampering(tmp_path):
    records = load_corpus()
    model = DisclosureModel(records)
    out = write(model, tmp_path / "disclosure-9.9", {"version": "disclosure-9.9"})
    again = read(out)
    assert again.predict(TEXTS[0]).probabilities == model.predict(TEXTS[0]).probabilities
    with pytest.raises(ArtifactError):
        write(model, out, {})  # never overwritten
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "config.json").write_text('{"classes": []}', encoding="utf-8")
    with pytest.raises(ArtifactError):
        read(copy)
