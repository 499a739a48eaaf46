"""Fixtures for the NER tests: a tiny corpus written to a temp folder and a tiny config."""

from __future__ import annotations

import json

import pytest

ROWS = [
    ("申请人张晓明住安徽省六安市金安区人民路12号。", [(3, 6, "PERSON"), (7, 22, "ADDRESS")]),
    ("六安市财政局局长李明华出席会议。", [(0, 6, "ORG"), (6, 8, "TITLE"), (8, 11, "PERSON")]),
    ("王芳在北京市工作。", [(0, 2, "PERSON"), (3, 6, "LOCATION")]),
    ("联系人：刘洋，金安区政务服务管理局。", [(4, 6, "PERSON"), (7, 17, "ORG")]),
    ("陈静同志任合肥市教育局副局长。", [(0, 2, "PERSON"), (5, 11, "ORG"), (11, 14, "TITLE")]),
    ("当事人赵强，住所：霍山县城关镇东风村3组。", [(3, 5, "PERSON"), (9, 20, "ADDRESS")]),
]


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "tiny_train.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for text, ents in ROWS * 4:
            ents_json = [{"start": s, "end": e, "label": lab} for s, e, lab in ents]
            for s, e, _ in ents:
                assert 0 <= s < e <= len(text)
            fh.write(json.dumps({"text": text, "entities": ents_json}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def tiny_config(tmp_path, corpus_file):
    return {
        "version": "tiny-test",
        "seed": 3,
        "data": {
            "corpora": [{"path": str(corpus_file), "licence": "test fixture"}],
            "generated": {"documents": 6, "seed": 1},
            "dev_fraction": 0.2,
        },
        "vocab": {"min_freq": 1},
        "model": {
            "hidden_size": 32,
            "num_layers": 1,
            "num_heads": 2,
            "intermediate_size": 64,
            "max_len": 48,
            "dropout": 0.0,
        },
        "train": {
            "batch_size": 8,
            "lr": 3e-3,
            "warmup_ratio": 0.0,
            "epochs": 1,
            "max_steps": 12,
            "checkpoint_every": 3,
            "log_every": 100,
            "threads": 1,
        },
        "output": {"work_dir": str(tmp_path / "work"), "artifact_dir": str(tmp_path / "models")},
    }
