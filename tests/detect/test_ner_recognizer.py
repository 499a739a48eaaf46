"""The NER cascade: candidate spots, windows, and what it does with the model's spans.

The model is replaced by a recording stand-in here, so these tests pin the cascade's own
logic; tests/ner/test_shipped_artifact.py runs the real model through it.
"""

from pipeline.detect.base import DetectContext, SpanIndex
from pipeline.detect.recognizers.ner_recognizer import (
    MODEL_SCORE,
    NerPersonRecognizer,
    candidate_starts,
    plausible_name,
    windows_around,
)
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


def spot_texts(text, ctx=None):
    ctx = ctx or ctx_of(text)
    return [ctx.text[s:e] for s, e in candidate_starts(ctx)]


def test_a_name_without_cue_is_a_candidate():
    assert "宋娟" in "".join(spot_texts("会上，宋娟介绍了今年的工作进展。"))


def test_places_and_dictionary_words_are_not_candidates():
    spots = spot_texts("霍邱县和徐汇区的阳光工程由申请人提出。")
    assert not any(s in ("霍邱县", "徐汇区", "阳光", "申请人") for s in spots), spots


def test_a_name_settled_by_a_cue_is_skipped():
    text = "会上，宋娟介绍了今年的工作进展。"
    ctx = ctx_of(text)
    start = text.index("宋娟")
    ctx.found.append(Detection("PERSON", start, start + 2, 0.9, "person_rules", "", {}))
    assert "宋娟" not in "".join(spot_texts(text, ctx))


def test_windows_stay_on_their_line_and_merge():
    text = "甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午未"
    assert windows_around(text, [(10, 12)], 3, 96) == [(9, 15)]
    assert windows_around(text, [(1, 2), (4, 5)], 2, 96) == [(0, 7)]
    assert windows_around(text, [(1, 2), (4, 5)], 2, 4) == [(0, 4), (2, 7)]


def test_plausible_name():
    assert plausible_name("宋娟") and plausible_name("欧阳振东")
    assert not plausible_name("宋")  # surname only
    assert not plausible_name("霍邱县")  # a place
    assert not plausible_name("张某某")  # masked: the rules handle these
    assert not plausible_name("Tom")


def test_recognizer_reads_only_windows_and_reports_model_names():
    text = "会上，宋娟介绍了工作进展，徐汇区代表发言。"
    s = text.index("宋娟")
    p = text.index("徐汇区")
    tagger = RecordingTagger([Span(s, s + 2, "PERSON"), Span(p, p + 3, "PERSON")])
    found = NerPersonRecognizer(tagger, reach=4).analyze(ctx_of(text))
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
    assert NerPersonRecognizer(tagger).analyze(ctx_of("2024年全市经济运行平稳。")) == []
    assert tagger.seen == []


def test_span_index_overlaps():
    spans = SpanIndex([(0, 3, "a"), (10, 20, "b"), (5, 6, "c")])
    assert spans.overlaps(2, 4) and spans.overlaps(15, 16) and spans.overlaps(19, 30)
    assert not spans.overlaps(3, 5) and not spans.overlaps(20, 25)
    assert not SpanIndex([]).overlaps(0, 10)
