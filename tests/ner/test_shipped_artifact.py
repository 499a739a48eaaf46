"""The shipped model artifact: hashes verified, labels as documented, names recognised."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")

from pipeline.ner.artifact import ArtifactError, latest, verify
from pipeline.ner.inference import NerTagger

ROOT = Path(__file__).resolve().parents[2] / "models" / "ner"


def test_shipped_artifact_verifies_and_tags_seed_sentences():
    path = latest(ROOT)
    assert path is not None, "no model under models/ner/"
    manifest = verify(path)
    assert manifest["labels"] == ["PERSON", "LOCATION", "ORG", "TITLE", "ADDRESS"]
    tagger = NerTagger.load(path, backend="onnx")
    # sentences in the style of the seeds (004's contact line, a leader in post)
    spans = tagger.predict("联系人：王训涛、王鹏，联系电话：3585321")
    people = {
        ("联系人：王训涛、王鹏，联系电话：3585321")[s.start : s.end]
        for s in spans
        if s.label == "PERSON"
    }
    assert {"王训涛", "王鹏"} <= people
    text = "淄博高新技术产业开发区管理委员会办公室印发了工作方案，局长李明华出席会议。"
    labels = {(text[s.start : s.end], s.label) for s in tagger.predict(text)}
    assert ("李明华", "PERSON") in labels


def test_a_tampered_copy_is_refused(tmp_path: Path):
    path = latest(ROOT)
    assert path is not None
    copy = tmp_path / path.name
    shutil.copytree(path, copy)
    vocab = copy / "vocab.txt"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "篡\n", encoding="utf-8")
    with pytest.raises(ArtifactError):
        verify(copy)
