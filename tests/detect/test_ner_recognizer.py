"""The NER cascade: candidate spots, windows, and what it does with the model's spans.

The model is replaced by a recording stand-in here, so these tests pin the cascade's own
logic; tests/ner/test_shipped_artifact.py runs the real model through it.
"""

import pytest

from pipeline.detect.base import DetectContext, SpanIndex
from pipeline.detect.recognizers.ner_recognizer import (
    MODEL_SCORE,
    NerPersonRecognizer,
    candidate_starts,
    plausible_name,
    windows_around,
)
from pipeline.detect.recognizers.ner_spots import spots
from pipeline.document import Detection
from pipeline.ner.bio import Span
from pipeline.normalise import normalise


class RecordingTagger:
    """Returns the given spans for whatever windows it is shown, and records the windows."""

    size = 126

    def __init__(self, spans):
        self.spans = spans
        self.seen = []

    def predict_windows(self, text, windows):
        self.seen.append(list(windows))
        return [sp for sp in self.spans if any(s <= sp.start and sp.end <= e for s, e in windows)]


def ctx_of(text):
    return DetectContext(normalise(text))


def spots_of(text):
    return spots(ctx_of(text))


def spot_texts(text, ctx=None):
    ctx = ctx or ctx_of(text)
    return [ctx.text[s:e] for s, e in candidate_starts(ctx)]


def test_a_name_without_cue_is_a_candidate():
    assert "宋娟" in "".join(spot_texts("会上，宋娟介绍了今年的工作进展。"))


def test_places_and_dictionary_words_are_not_candidates():
    spots = spot_texts("霍邱县和徐汇区的阳光工程由申请人提出。")
    assert not any(s in ("霍邱县", "徐汇区", "阳光", "申请人") for s in spots), spots


def test_a_name_the_rules_reported_is_shown_to_the_model():
    text = "会上，宋娟介绍了今年的工作进展。"
    ctx = ctx_of(text)
    start = text.index("宋娟")
    ctx.found.append(Detection("PERSON", start, start + 2, 0.9, "person_rules", "", {}))
    assert (start, start + 2) in candidate_starts(ctx)


def test_a_surname_alone_is_a_spot_whatever_follows():
    # jieba splits these names into surname + dictionary word or + unknown remainder
    for text, name in (
        ("调解员使耿志军同意了方案。", "耿志军"),
        ("村民张和平反映，自家院墙被损坏。", "张和平"),
        ("会上，黄说明年还要扩建。", "黄"),
    ):
        spots = [ctx_of(text).text[s:e] for s, e in spots_of(text)]
        assert any(sp.startswith(name[0]) for sp in spots), (text, spots)


def test_ordinary_words_are_not_spots():
    text = "严格执行许可制度，党的建设和康复工作持续推进，建立健全养老金制度。"
    spots = [text[s:e] for s, e in spots_of(text)]
    assert not any(
        w in sp for sp in spots for w in ("许可", "康复", "党的", "严格执行", "建立健全")
    ), spots


def test_a_transliterated_person_token_is_a_spot():
    text = "美国国务卿奥尔布赖特当天会见了代表团。"
    assert any("奥尔布赖特" in text[s:e] for s, e in spots_of(text))


def rule_name(text, name, score, cue=None, via="cue"):
    s = text.index(name)
    attrs = {"cue": cue, "cue_kind": "post" if cue else None, "via": via}
    return Detection("PERSON", s, s + len(name), score, "person_rules", "姓名", attrs)


def test_the_model_sets_the_boundary_and_the_rules_keep_the_cue():
    text = "中央党校副校长龚育之在闭幕式上发言。"
    ctx = ctx_of(text)
    ctx.found.append(rule_name(text, "龚育", 0.9, cue="副校长"))
    s = text.index("龚育之")
    found = NerPersonRecognizer(RecordingTagger([Span(s, s + 3, "PERSON")])).analyze(ctx)
    assert [(d.start, d.end) for d in found] == [(s, s + 3)]
    assert found[0].attrs["cue"] == "副校长" and found[0].score > 0.9
    assert found[0].recognizer == "person_rules"


def test_a_bare_rule_name_the_model_tags_otherwise_is_dropped_a_missed_one_kept():
    text = "欧佩克成员国开会，经查，储佳琪反映的问题已处理，联系人王建华。"
    ctx = ctx_of(text)
    bare = rule_name(text, "欧佩克", 0.55, via="nr")
    missed = rule_name(text, "储佳琪", 0.55, via="nr")
    cued = rule_name(text, "王建华", 0.9, cue="联系人")
    ctx.found.extend([bare, missed, cued])
    s = text.index("欧佩克")
    tagger = RecordingTagger([Span(s, s + 3, "ORG")])
    assert NerPersonRecognizer(tagger).analyze(ctx) == []
    assert bare not in ctx.found
    assert missed in ctx.found and cued in ctx.found  # the model's silence hides nothing


def test_windows_stay_on_their_line_and_merge():
    text = "甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午未"
    assert windows_around(text, [(10, 12)], 3, 96) == [(9, 15)]
    assert windows_around(text, [(1, 2), (4, 5)], 2, 96) == [(0, 7)]
    assert windows_around(text, [(1, 2), (4, 5)], 2, 4) == [(0, 4), (2, 7)]


def test_plausible_name():
    assert plausible_name("宋娟") and plausible_name("欧阳振东")
    assert not plausible_name("宋")  # surname only
    assert plausible_name("黄", "说") and not plausible_name("汤", "杯")
    assert plausible_name("奥尔布赖特") and not plausible_name("申请人")
    assert not plausible_name("霍邱县")  # a place
    assert not plausible_name("张某某")  # masked: the rules handle these
    assert not plausible_name("Tom")


def test_recognizer_reads_only_windows_and_reports_model_names():
    text = "会上，宋娟介绍了工作进展，徐汇区代表发言。"
    s = text.index("宋娟")
    p = text.index("徐汇区")
    tagger = RecordingTagger([Span(s, s + 2, "PERSON"), Span(p, p + 3, "PERSON")])
    found = NerPersonRecognizer(tagger, reach=4, density=0, short=0, share=1.0).analyze(
        ctx_of(text)
    )
    assert [(d.start, d.end, d.score, d.recognizer) for d in found] == [
        (s, s + 2, MODEL_SCORE, "ner_model")
    ]
    assert found[0].attrs["via"] == "ner"
    (windows,) = tagger.seen
    assert sum(e - a for a, e in windows) < len(text)  # the model never sees the whole text


def test_recognizer_skips_model_spans_of_other_labels_and_excluded_spans():
    text = "会上，宋娟介绍了工作进展。"
    s = text.index("宋娟")
    ctx = ctx_of(text)
    ctx.exclusions.append((s, s + 2, "测试排除"))
    tagger = RecordingTagger([Span(s, s + 2, "PERSON")])
    assert NerPersonRecognizer(tagger).analyze(ctx) == []
    tagger = RecordingTagger([Span(s, s + 2, "ORG")])
    assert NerPersonRecognizer(tagger).analyze(ctx_of(text)) == []


def test_no_candidates_no_model_call():
    tagger = RecordingTagger([])
    text = "2024年全市经济运行平稳，各项指标好于预期。" * 20
    assert NerPersonRecognizer(tagger).analyze(ctx_of(text)) == []
    assert tagger.seen == []
    assert NerPersonRecognizer(tagger).analyze(ctx_of("2024-05-01 12:00")) == []
    assert tagger.seen == []  # a short text without CJK is not read either


def test_span_index_overlaps():
    spans = SpanIndex([(0, 3, "a"), (10, 20, "b"), (5, 6, "c")])
    assert spans.overlaps(2, 4) and spans.overlaps(15, 16) and spans.overlaps(19, 30)
    assert not spans.overlaps(3, 5) and not spans.overlaps(20, 25)
    assert not SpanIndex([]).overlaps(0, 10)


def test_a_line_dense_with_names_is_read_whole_a_sparse_one_in_windows():
    dense = "参会人员：宋娟、鲍国权、欧阳振东、耿志军。"
    sparse = "为进一步做好全市城乡居民基本医疗保险参保缴费工作，现将有关事项通知如下，" * 3
    text = sparse + "会上宋娟发言。" + sparse + "\n" + dense
    tagger = RecordingTagger([])
    NerPersonRecognizer(tagger, density=0.02, short=0, share=1.0).analyze(ctx_of(text))
    (windows,) = tagger.seen
    line = text.index(dense)
    assert (line, len(text)) in windows
    assert sum(e - s for s, e in windows if s < line) < line / 2


def test_a_model_name_without_surname_must_not_cut_a_word():
    text = "你的母亲患阿尔茨海默病，奥尔布赖特当天到访。"
    a, b = text.index("阿尔茨"), text.index("奥尔布赖特")
    tagger = RecordingTagger([Span(a, a + 3, "PERSON"), Span(b, b + 5, "PERSON")])
    found = NerPersonRecognizer(tagger, density=0).analyze(ctx_of(text))
    assert [text[d.start : d.end] for d in found] == ["奥尔布赖特"]


@pytest.mark.parametrize(
    ("text", "word"),
    [("要降低管理成本，压减开支。", "成本"), ("创新管理方式，促进青年成长成才。", "方式")],
)
def test_a_verb_ending_in_a_post_character_is_no_cue(text: str, word: str) -> None:
    # 管理|成本, 成长|成才: 理/长 end a verb here, not a post (总理, 局长)
    ctx = DetectContext(normalise(text))
    assert word not in [text[s:e] for s, e in spots(ctx)]


@pytest.mark.parametrize(
    ("text", "name"), [("国务院总理李鹏出席会议。", "李鹏"), ("局长叶挺讲话。", "叶挺")]
)
def test_a_post_before_a_dictionary_name_is_still_a_cue(text: str, name: str) -> None:
    ctx = DetectContext(normalise(text))
    assert name in [text[s:e] for s, e in spots(ctx)]
