import pytest

from pipeline.ner.tokenizer import SPECIALS, CharTokenizer


def test_build_round_trip_and_offsets(tmp_path):
    tok = CharTokenizer.build(["張三　住在１２号ABC", "张三局长"], min_freq=1)
    assert tok.tokens[: len(SPECIALS)] == list(SPECIALS)
    text = "張三 住在１２号Abc局長"
    ids = tok.encode_window(text)
    assert len(ids) == len(text) + 2  # one token per character: token i+1 is character i
    assert ids[0] == tok.cls_id and ids[-1] == tok.sep_id
    assert tok.decode(ids) == "张三 住在12号abc局长"
    assert tok.encode("張") == tok.encode("张")  # traditional → simplified
    assert tok.encode("Ｑ") == [tok.unk_id]
    tok.save(tmp_path)
    again = CharTokenizer.load(tmp_path)
    assert again.tokens == tok.tokens
    assert again.encode_window(text) == ids


def test_min_freq_and_max_size_are_order_independent():
    a = CharTokenizer.build(["甲甲乙乙丙", "丁"], min_freq=2)
    b = CharTokenizer.build(["丁", "丙乙乙甲甲"], min_freq=2)
    assert a.tokens == b.tokens == [*SPECIALS, "乙", "甲"]
    assert len(CharTokenizer.build(["甲乙丙丁"], max_size=len(SPECIALS) + 2)) == len(SPECIALS) + 2


def test_vocab_matches_bert_tokenizer_on_chinese(tmp_path):
    transformers = pytest.importorskip("transformers")
    tok = CharTokenizer.build(["张三任安徽省六安市局长"])
    tok.save(tmp_path)
    bert = transformers.BertTokenizerFast(str(tmp_path / "vocab.txt"), do_lower_case=True)
    text = "张三任六安市局长"
    assert bert(text)["input_ids"] == tok.encode_window(text)


def test_bad_vocab_is_refused():
    with pytest.raises(ValueError):
        CharTokenizer(["a", "b"])
