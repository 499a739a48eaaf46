"""Dictionary-match features: the bits, the saved word list, and a model that reads them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.ner.wordmatch import CATEGORIES, FEATURES, Lexicon, normalise_text


def _bit(category: str, place: str) -> int:
    return 1 << (3 * CATEGORIES.index(category) + "BME".index(place))


@pytest.fixture
def lexicon():
    words = {"卡斯特罗": "PER", "钦点": "WORD", "北京": "LOC", "北京市": "LOC", "财政局": "ORG"}
    return Lexicon({w: CATEGORIES.index(c) for w, c in words.items()}, max_len=6)


def test_bits_mark_first_inside_and_last_characters(lexicon):
    text = "主帅钦点卡斯特罗"
    bits = lexicon.bits(text)
    assert len(bits) == len(text)
    assert bits[:2] == [0, 0]
    assert bits[2] == _bit("WORD", "B") and bits[3] == _bit("WORD", "E")
    assert bits[4] == _bit("PER", "B")
    assert bits[5] == bits[6] == _bit("PER", "M")
    assert bits[7] == _bit("PER", "E")


def test_overlapping_words_combine_their_bits(lexicon):
    bits = lexicon.bits("北京市财政局")
    assert bits[0] == _bit("LOC", "B")  # 北京 and 北京市 both start here
    assert bits[1] == _bit("LOC", "E") | _bit("LOC", "M")
    assert bits[2] == _bit("LOC", "E")
    assert bits[3] == _bit("ORG", "B")


def test_matching_sees_the_normalised_text(lexicon):
    # traditional and full-width input matches the simplified word; offsets stay 1:1
    assert normalise_text("北京 ＡＢ") == "北京 ab"
    assert lexicon.bits("卡斯特羅")[0] == _bit("PER", "B")


def test_window_ids_leave_cls_sep_and_padding_zero(lexicon):
    ids = lexicon.window_ids(["钦点", "北京市"], width=6)
    assert ids.shape == (2, 6)
    assert ids[0].tolist() == [0, _bit("WORD", "B"), _bit("WORD", "E"), 0, 0, 0]
    assert ids[1, 0] == 0 and ids[1, 4:].tolist() == [0, 0]


def test_save_and_load_round_trip(lexicon, tmp_path):
    path = lexicon.save(tmp_path)
    again = Lexicon.load(tmp_path)
    assert again.words == lexicon.words and again.max_len == 6
    path.write_text(path.read_text("utf-8") + "新词\tVERB\n", "utf-8")
    with pytest.raises(ValueError, match="未知类别"):
        Lexicon.load(tmp_path)


def test_jieba_word_list_knows_names_places_and_words():
    lex = Lexicon.from_jieba(max_len=4)
    assert CATEGORIES[lex.words["卡斯特罗"]] == "PER"  # nrt
    assert CATEGORIES[lex.words["北京"]] == "LOC"
    assert CATEGORIES[lex.words["钦点"]] == "WORD"
    assert all(2 <= len(w) <= 4 for w in lex.words)


def test_a_model_with_dictionary_features_trains_ships_and_tags(tiny_config, tmp_path):
    from pipeline.ner.inference import NerTagger
    from pipeline.ner.run import train_and_ship

    tiny_config["model"] |= {
        "architecture": "bilstm",
        "embedding_size": 16,
        "bigram_buckets": 101,
        "bigram_size": 8,
        "lexicon": {"source": "jieba", "max_len": 4, "size": 8},
    }
    out = train_and_ship(tiny_config)
    assert out is not None
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert "lexicon.tsv" in manifest["files"]
    assert any(d["file"].startswith("jieba") for d in manifest["data"])
    config = json.loads((out / "config.json").read_text("utf-8"))
    assert config["lexicon_features"] == FEATURES
    onnx = NerTagger.load(out, backend="onnx")
    torch_ = NerTagger.load(out, backend="torch")
    assert onnx.lexicon is not None and len(onnx.lexicon) > 1000
    pieces = ["六安市财政局局长李明华出席会议。", "王芳在北京市工作。"]
    a, b = onnx._scores(pieces), torch_._scores(pieces)
    assert a.shape == b.shape
    assert np.abs(a - b).max() < 0.5  # int8 weights, same inputs
    # the features matter: zeroing them changes the scores
    saved = torch_.lexicon
    torch_.lexicon = Lexicon({}, 4)
    assert np.abs(torch_._scores(pieces) - b).max() > 1e-4
    torch_.lexicon = saved
    assert torch_.predict("王芳在北京市工作。") == torch_.predict("王芳在北京市工作。")


def test_lexicon_is_bilstm_only(tiny_config):
    from pipeline.ner.config import ConfigError, load_config

    tiny_config["model"]["lexicon"] = {"source": "jieba"}
    with pytest.raises(ConfigError, match="bilstm"):
        load_config(tiny_config)
