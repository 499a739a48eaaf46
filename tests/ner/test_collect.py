"""Training data assembly (pipeline/ner/dataset.collect): per-corpus dev fractions."""

from __future__ import annotations

import json

from pipeline.ner.config import load_config
from pipeline.ner.corpus import split_of
from pipeline.ner.dataset import collect


def _corpus(path, texts):
    with path.open("w", encoding="utf-8") as fh:
        for text in texts:
            ents = [{"start": 0, "end": 3, "label": "PERSON"}]
            fh.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
    return path


def _config(*corpora):
    return load_config(
        {
            "data": {
                "corpora": list(corpora),
                "generated": {"documents": 0},
                "dev_fraction": 0.1,
                "split_seed": 5,
            }
        }
    )


def test_a_corpus_may_hold_out_more_and_nothing_held_out_is_trained_on(tmp_path):
    big = [f"张晓明第{i}次出席会议。" for i in range(400)]
    small = [f"李建国第{i}次发言。" for i in range(400)] + big[:50]  # 50 texts shared
    a = _corpus(tmp_path / "a.jsonl", big)
    b = _corpus(tmp_path / "b.jsonl", small)
    data = collect(_config({"path": str(a), "repeat": 2}, {"path": str(b), "dev_fraction": 0.5}))
    dev_texts = {ex.text for ex in data.dev}
    from_b = {t for t in dev_texts if t.startswith("李")}
    expected_b = {t for t in small if t.startswith("李") and split_of(t, 5, 0.5) == "dev"}
    assert from_b == expected_b and 150 < len(from_b) < 250
    # a shared text that b holds out is held out of a's copies too
    shared_held = {t for t in big[:50] if split_of(t, 5, 0.5) == "dev"}
    assert shared_held and shared_held <= dev_texts
    assert not dev_texts & {ex.text for ex in data.train}
    entry = next(p for p in data.provenance if p["file"] == "b.jsonl")
    assert entry["dev_fraction"] == 0.5


def test_without_overrides_the_split_is_the_global_hash(tmp_path):
    texts = [f"王芳第{i}次调研。" for i in range(300)]
    data = collect(_config(str(_corpus(tmp_path / "c.jsonl", texts))))
    assert [ex.text for ex in data.dev] == [t for t in texts if split_of(t, 5, 0.1) == "dev"]
    assert [ex.text for ex in data.train] == [t for t in texts if split_of(t, 5, 0.1) == "train"]
