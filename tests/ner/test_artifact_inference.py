import itertools
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.ner.artifact import ArtifactError, latest, load, write_artifact  # noqa: E402
from pipeline.ner.bio import Span, tag_names  # noqa: E402
from pipeline.ner.inference import (  # noqa: E402
    NerTagger,
    TorchBackend,
    owner_window,
    window_starts,
)
from pipeline.ner.model import build_model  # noqa: E402
from pipeline.ner.tokenizer import CharTokenizer  # noqa: E402

LABELS = ["PERSON", "LOCATION", "ORG", "TITLE", "ADDRESS"]
MODEL = {
    "hidden_size": 32,
    "num_layers": 1,
    "num_heads": 2,
    "intermediate_size": 64,
    "max_len": 24,
    "dropout": 0.0,
}
INFO = {
    "name": "zwgk-ner",
    "version": "t1",
    "labels": LABELS,
    "data": [{"file": "x.jsonl", "examples": 3, "entities": {"PERSON": 2}, "licence": "test"}],
    "eval": {"dev model": {"PERSON": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2}}},
    "training": {"steps": 1, "seed": 1, "command": "zwgk train-ner x.yaml"},
}


@pytest.fixture(scope="module")
def tiny():
    torch.manual_seed(0)
    tok = CharTokenizer.build(["张三李四王五在安徽省六安市人民路号局长"])
    return build_model(MODEL, len(tok), LABELS).eval(), tok


@pytest.fixture(scope="module")
def artifact_dir(tmp_path_factory, tiny):
    model, tok = tiny
    out = tmp_path_factory.mktemp("models") / "t1"
    write_artifact(out, model, tok, info=INFO, onnx=True)
    return out


def test_artifact_files_and_manifest(artifact_dir):
    names = {p.name for p in artifact_dir.iterdir()}
    assert {
        "config.json",
        "model.safetensors",
        "vocab.txt",
        "tokenizer_config.json",
        "model.int8.onnx",
        "MODEL_CARD.md",
        "manifest.json",
    } <= names
    manifest = load(artifact_dir).manifest
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert manifest["labels"] == LABELS and manifest["data"][0]["licence"] == "test"
    card = (artifact_dir / "MODEL_CARD.md").read_text("utf-8")
    assert "zwgk train-ner x.yaml" in card and "| PERSON | 1.000 | 0.500 |" in card
    assert latest(artifact_dir.parent) == artifact_dir


def test_tampered_file_is_refused(artifact_dir, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(artifact_dir, copy)
    with (copy / "vocab.txt").open("a", encoding="utf-8") as fh:
        fh.write("x\n")
    with pytest.raises(ArtifactError, match=r"vocab\.txt.*sha256"):
        load(copy)
    with pytest.raises(ArtifactError):
        NerTagger.load(copy)
    shutil.copy(artifact_dir / "vocab.txt", copy / "vocab.txt")
    load(copy)  # restored: accepted again
    (copy / "extra.bin").write_bytes(b"1")
    with pytest.raises(ArtifactError, match=r"extra\.bin"):
        load(copy)
    (copy / "extra.bin").unlink()
    (copy / "model.safetensors").unlink()
    with pytest.raises(ArtifactError, match="缺失"):
        load(copy)


def test_existing_artifact_is_not_overwritten(artifact_dir, tiny):
    with pytest.raises(ArtifactError, match="已存在"):
        write_artifact(artifact_dir, *tiny, info=INFO, onnx=False)


def test_onnx_matches_torch(artifact_dir, tiny):
    from pipeline.ner.inference import OnnxBackend

    model, tok = tiny
    onnx = OnnxBackend(artifact_dir / "model.int8.onnx")
    texts = ["张三在六安市", "李四任局长王五在安徽省人民路3号"]
    rows = [tok.encode_window(t) for t in texts]
    ids = np.zeros((2, max(map(len, rows))), dtype=np.int64)
    mask = np.zeros_like(ids)
    for r, row in enumerate(rows):
        ids[r, : len(row)], mask[r, : len(row)] = row, 1
    expected = TorchBackend(model).logits(ids, mask)
    got = onnx.logits(ids, mask)
    assert got.shape == expected.shape
    valid = mask.astype(bool)
    assert np.abs(got - expected)[valid].max() < 0.05  # int8 weights


def test_both_backends_load_and_agree_on_tags(artifact_dir):
    text = "张三在安徽省六安市人民路号任局长李四王五" * 3
    onnx = NerTagger.load(artifact_dir, backend="onnx")
    torch_tagger = NerTagger.load(artifact_dir, backend="torch")
    assert type(onnx.backend).__name__ == "OnnxBackend"
    assert type(torch_tagger.backend).__name__ == "TorchBackend"
    a, b = onnx.predict_tags(text), torch_tagger.predict_tags(text)
    assert len(a) == len(text)
    assert sum(x == y for x, y in zip(a, b, strict=True)) >= 0.9 * len(text)


def test_windows_cover_text_and_pick_centre():
    assert window_starts(5, 10, 4) == [0]
    starts = window_starts(25, 10, 4)
    assert starts[0] == 0 and starts[-1] == 15
    assert all(b - a <= 6 for a, b in itertools.pairwise(starts))
    owner = owner_window(25, starts, 10)
    assert owner[0] == 0 and owner[24] == len(starts) - 1
    for i, w in enumerate(owner):
        assert starts[w] <= i < starts[w] + 10


def test_long_text_windows_reassemble_spans():
    tags = tag_names(LABELS)
    tok = CharTokenizer.build(["甲乙丙丁张三"])
    text = ("甲乙丙丁" * 5 + "张三") * 4  # 88 characters, max_len 20 → many windows
    gold = [Span(i * 22 + 20, i * 22 + 22, "PERSON") for i in range(4)]

    class Positional:
        def __init__(self):
            self.batches = []

        def logits(self, ids, mask):
            out = np.zeros((*ids.shape, len(tags)), dtype=np.float32)
            out[..., 0] = 1.0
            for r in range(ids.shape[0]):
                chars = tok.decode(ids[r])
                for k, ch in enumerate(chars):
                    if ch == "张":
                        out[r, k + 1, tags.index("B-PERSON")] = 5
                    elif ch == "三":
                        out[r, k + 1, tags.index("I-PERSON")] = 5
            return out

    tagger = NerTagger(Positional(), tok, tags, max_len=20, overlap=6, batch_size=3)
    assert tagger.predict(text) == gold
    assert tagger.predict("") == []


def test_config_json_has_labels(artifact_dir):
    cfg = json.loads((artifact_dir / "config.json").read_text("utf-8"))
    assert [cfg["id2label"][str(i)] for i in range(11)] == tag_names(LABELS)
