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


def test_the_int8_onnx_model_tags_as_the_torch_weights_do():
    """int8 quantisation must not change what the shipped model finds."""
    path = latest(ROOT)
    assert path is not None
    onnx = NerTagger.load(path, backend="onnx")
    torch_ = NerTagger.load(path, backend="torch")
    texts = [
        "经研究，同意任命张建国为县交通运输局局长，李晓梅为副局长。",
        "申请人王某某，女，住安徽省六安市金安区人民路88号。",
        "河北省人民政府办公厅关于印发石家庄市城市更新实施方案的通知",
        "联系人：陈华，电话：0551-62345678。",
    ]
    for text in texts:
        assert onnx.predict(text) == torch_.predict(text), text


def test_a_tampered_copy_is_refused(tmp_path: Path):
    path = latest(ROOT)
    assert path is not None
    copy = tmp_path / path.name
    shutil.copytree(path, copy)
    vocab = copy / "vocab.txt"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "篡\n", encoding="utf-8")
    with pytest.raises(ArtifactError):
        verify(copy)


def test_the_cascade_finds_a_name_the_rules_do_not(monkeypatch):
    """A commendation list (names without cues, as in the holdout set): the screen with the
    model finds names that the rules alone miss, and decides them by the same rules."""
    from pipeline.decide import Decider
    from pipeline.detect.engine import DetectionEngine
    from pipeline.detect.registry import default_exclusion_finder, default_recognizers
    from pipeline.screen import Screener

    text = (
        "关于表彰2024年度优秀网格员的通报\n"
        "道里区：诸葛文静（新阳路街道安静社区）、鲍国权（哈西街道西城红场社区）\n"
        "平房区：关海军（兴建街道新疆社区）、宁彩霞（友协街道富源社区）"
    )

    def screener(with_model: bool) -> Screener:
        recognizers = default_recognizers(with_model=with_model)
        return Screener(
            DetectionEngine(recognizers, default_exclusion_finder()), Decider.from_dir()
        )

    def names(result):
        return {f.text for f in result.findings if f.entity == "PERSON"}

    rules_only = names(screener(False).screen(text))
    with_model = screener(True).screen(text)
    found = names(with_model)
    assert found > rules_only
    # 「姓名（单位）」 honour lists: ner-bilstm-0.3 tagged 关海军 as ORG, merged 宁彩霞 with the
    # place after it and cut 诸葛文静 to 诸葛文; 0.4's generator writes such lists (docs/ner.md)
    assert {"诸葛文静", "鲍国权", "关海军", "宁彩霞"} <= found
    # (the rules now read 「姓名（单位）」 list positions too: 鲍国权 is no longer model-only)
    by_model = [f for f in with_model.findings if f.recognizer == "ner_model"]
    assert by_model and all(f.rule == "PI-NAME-APPOINTMENT" for f in by_model)


def test_the_training_command_of_the_shipped_model_reproduces_its_fingerprint():
    """The config named in the manifest still describes the shipped weights: options added
    to the trainer later (dictionary features, mention replacement) leave it unchanged."""
    import json

    from pipeline.ner.config import fingerprint, load_config

    path = latest(ROOT)
    assert path is not None
    training = json.loads((path / "manifest.json").read_text(encoding="utf-8"))["training"]
    config_path = ROOT.parents[1] / training["command"].split()[-1]
    config = load_config(config_path)
    assert config["version"] == path.name
    assert fingerprint(config) == training["fingerprint"]
