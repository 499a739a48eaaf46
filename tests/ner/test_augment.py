"""Mention replacement (pipeline/ner/augment.py) and its ``replace: N`` corpus option."""

from __future__ import annotations

import random

from pipeline.ner.augment import augmented_copies, mention_pool, replace_mentions
from pipeline.ner.bio import Span
from pipeline.ner.config import load_config
from pipeline.ner.corpus import Example
from pipeline.ner.dataset import collect


def _ex(text: str, *spans: tuple[int, int, str]) -> Example:
    return Example(text, tuple(Span(s, e, lab) for s, e, lab in spans))


def test_pool_is_distinct_sorted_and_skips_masks():
    examples = [
        _ex("张三和李四", (0, 2, "PERSON"), (3, 5, "PERSON")),
        _ex("张三在六安市", (0, 2, "PERSON"), (3, 6, "LOCATION")),
        _ex("被告人王某某", (3, 6, "PERSON")),
    ]
    pool = mention_pool(examples, ["PERSON"])
    assert pool == {"PERSON": ["张三", "李四"]}


def test_replacement_keeps_every_span_on_its_text():
    ex = _ex(
        "六安市财政局局长李明华与王芳出席会议。",
        (0, 6, "ORG"),
        (6, 8, "TITLE"),
        (8, 11, "PERSON"),
        (12, 14, "PERSON"),
    )
    pool = {"PERSON": ["欧阳明辉", "约翰·米勒"]}
    out = replace_mentions(ex, pool, random.Random(1))
    surfaces = [(out.text[s.start : s.end], s.label) for s in out.spans]
    assert surfaces[:2] == [("六安市财政局", "ORG"), ("局长", "TITLE")]
    assert [lab for _, lab in surfaces[2:]] == ["PERSON", "PERSON"]
    assert all(word in pool["PERSON"] for word, _ in surfaces[2:])
    assert out.text.endswith("出席会议。") and "李明华" not in out.text and "王芳" not in out.text


def test_copies_are_seeded_and_only_for_examples_with_the_label():
    examples = [_ex("王芳在北京市工作。", (0, 2, "PERSON"), (3, 6, "LOCATION")), _ex("无人。")]
    pool = {"PERSON": ["甲乙", "丙丁戊", "己庚"]}
    first = augmented_copies(examples, pool, copies=3, seed=5)
    assert first == augmented_copies(examples, pool, copies=3, seed=5)
    assert len(first) == 3
    assert all(ex.text.endswith("在北京市工作。") for ex in first)


def test_replace_option_adds_copies_from_training_names_only(tiny_config):
    tiny_config["data"]["corpora"][0]["replace"] = 2
    config = load_config(tiny_config)
    data = collect(config)
    plain = dict(tiny_config, data=dict(tiny_config["data"]))
    plain["data"]["corpora"] = [dict(tiny_config["data"]["corpora"][0], replace=0)]
    base = collect(load_config(plain))
    added = data.train[len(base.train) :]
    assert added, "replace: 2 added no training examples"
    train_names = {
        ex.text[s.start : s.end] for ex in base.train for s in ex.spans if s.label == "PERSON"
    }
    added_names = [
        ex.text[s.start : s.end] for ex in added for s in ex.spans if s.label == "PERSON"
    ]
    assert added_names and set(added_names) <= train_names
    assert data.dev == base.dev
