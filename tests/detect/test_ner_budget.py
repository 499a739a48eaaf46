"""The NER cascade's reading plan: short texts whole, longer ones in priority order under a
budget, and the filter after the model (lone surnames, glued affixes, dictionary words).

The model is a recording stand-in (tests/detect/test_ner_recognizer.py), so these pin the
cascade's own logic.
"""

from pipeline.detect.base import DetectContext
from pipeline.detect.recognizers.ner_budget import cjk_lines, take
from pipeline.detect.recognizers.ner_filter import on_edges, plausible_name
from pipeline.detect.recognizers.ner_recognizer import NerPersonRecognizer
from pipeline.document import Detection
from pipeline.ner.bio import Span
from pipeline.normalise import normalise


class RecordingTagger:
    size = 126

    def __init__(self, spans=()):
        self.spans = list(spans)
        self.seen = []

    def predict_windows(self, text, windows):
        self.seen.append(list(windows))
        return [sp for sp in self.spans if any(s <= sp.start and sp.end <= e for s, e in windows)]


def ctx_of(text):
    return DetectContext(normalise(text))


def read(tagger):
    return sum(e - s for ws in tagger.seen for s, e in ws)


def rule_name(text, name, score, cue=None, via="cue", nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    attrs = {"cue": cue, "cue_kind": "post" if cue else None, "via": via}
    return Detection("PERSON", s, s + len(name), score, "person_rules", "姓名", attrs)


def test_a_short_text_is_read_whole_even_without_a_spot():
    # a dictionary word jieba tags as something else is no spot; the model reads it anyway
    text = "有助于深化对周恩来思想的研究。\n桥本还表示，双方将继续磋商。"
    s = text.index("桥本")
    tagger = RecordingTagger([Span(s, s + 2, "PERSON")])
    found = NerPersonRecognizer(tagger).analyze(ctx_of(text))
    assert [text[d.start : d.end] for d in found] == ["桥本"]
    assert read(tagger) == len(text) - 1  # both lines, not the line break


def test_cjk_lines():
    assert cjk_lines("abc\n第一行\n\n12:30\n第二行") == [(4, 7), (15, 18)]


def test_take_stops_at_the_budget_and_joins_windows():
    runs, complete = take(100, [[(0, 10), (5, 20)], [(50, 60)]], budget=25)
    assert runs == [(0, 20)] and not complete  # 20 read; the next 10 do not fit
    runs, complete = take(100, [[(0, 10)], [(5, 20), (50, 60)]], budget=30)
    assert runs == [(0, 20), (50, 60)] and complete


def long_document(n_names):
    filler = "根据工作安排，现将全市城乡居民基本医疗保险参保缴费有关事项通知如下。"
    names = ["宋娟", "鲍国权", "耿志军", "欧阳振东", "储佳琪", "龚育之", "黄丽萍", "关海军"]
    lines = [f"{filler}会上{names[i % len(names)]}介绍了情况。" for i in range(n_names)]
    return "\n".join(lines)


def test_a_long_document_is_read_up_to_its_budget():
    text = long_document(40)
    tagger = RecordingTagger()
    NerPersonRecognizer(tagger, share=1.0).analyze(ctx_of(text))
    full = read(tagger)
    tagger = RecordingTagger()
    NerPersonRecognizer(tagger, share=0.05, short=0).analyze(ctx_of(text))
    assert read(tagger) <= 0.05 * len(text) < full


def test_open_spots_come_before_names_the_rules_found_with_a_cue():
    text = (
        long_document(30)
        + "\n经查，被告人崔道勇于2019年盗窃，联系人王建华。\n证人耿志军称其不知情。"
    )
    ctx = ctx_of(text)
    ctx.found.append(rule_name(text, "崔道", 0.9, cue="被告人"))
    tagger = RecordingTagger()
    # a budget too small for everything: the cued name's window is the one left out
    NerPersonRecognizer(tagger, share=0.02, short=0).analyze(ctx)
    (windows,) = tagger.seen
    cui = text.index("崔道")
    assert not any(s <= cui < e for s, e in windows)
    assert windows  # the open spots at the start were read
    tagger = RecordingTagger()
    NerPersonRecognizer(tagger, share=1.0, short=0).analyze(ctx)
    assert any(s <= cui < e for s, e in tagger.seen[0])


def test_unread_names_stay_with_the_rules():
    text = long_document(30) + "\n被告人崔道勇于2019年盗窃。"
    ctx = ctx_of(text)
    cued = rule_name(text, "崔道", 0.9, cue="被告人")
    ctx.found.append(cued)
    cui = text.index("崔道勇")
    tagger = RecordingTagger([Span(cui, cui + 3, "PERSON")])
    assert NerPersonRecognizer(tagger, share=0.01, short=0).analyze(ctx) == []
    assert cued in ctx.found
    found = NerPersonRecognizer(tagger, share=1.0, short=0).analyze(ctx)
    assert [(d.start, d.end, d.attrs["cue"]) for d in found] == [(cui, cui + 3, "被告人")]


def test_a_bare_dictionary_word_the_model_reads_silently_is_dropped():
    # jieba's dictionary tags all four as persons; only the two with a name's shape stay
    text = "她会冷不丁地问起卢浮宫。经查，储佳琪反映的问题已处理，监测对象罗小梅户已帮扶。"
    ctx = ctx_of(text)
    words = [rule_name(text, w, 0.55, via="nr") for w in ("冷不丁", "卢浮宫")]
    names = [rule_name(text, w, 0.55, via="nr") for w in ("储佳琪", "罗小梅")]
    ctx.found.extend(words + names)
    NerPersonRecognizer(RecordingTagger()).analyze(ctx)
    assert not any(d in ctx.found for d in words)
    assert all(d in ctx.found for d in names)


def test_a_bare_dictionary_word_not_read_stays():
    text = long_document(30) + "\n午后有阵雨或雷阵雨。"
    ctx = ctx_of(text)
    word = rule_name(text, "雷阵雨", 0.55, via="nr")
    ctx.found.append(word)
    NerPersonRecognizer(RecordingTagger(), share=0.01, short=0).analyze(ctx)
    assert word in ctx.found


def test_a_lone_surname_is_a_name_only_as_a_reference():
    assert plausible_name("张", "医生") and plausible_name("杜", "氏在")
    assert plausible_name("刘", "家本") and not plausible_name("刘", "家村")
    assert plausible_name("于", "把", before="老") and not plausible_name("于", "把")
    assert not plausible_name("汤", "杯") and not plausible_name("尤", "伯杯")


def test_a_name_may_cut_off_what_jieba_glues_to_it_but_no_word():
    for text, name in (
        ("年仅六岁的小俊平被高烧折磨。", "俊平"),
        ("对话之后，克林顿政府明确承诺。", "克林顿"),
    ):
        ctx = ctx_of(text)
        s = text.index(name)
        assert on_edges(ctx, s, s + len(name)), (text, list(ctx.tokens.words))
    text = "你的母亲患阿尔茨海默病。"
    s = text.index("阿尔茨")
    assert not on_edges(ctx_of(text), s, s + 3)


def test_the_model_extends_a_dotted_name_but_never_cuts_one():
    text = "俄亥俄州立大学的迈克尔·托马肖及其同事发现。"
    ctx = ctx_of(text)
    rule = rule_name(text, "迈克尔·托马", 0.55, via="dotted")
    rule.attrs["transliterated"] = True
    ctx.found.append(rule)
    s = text.index("迈克尔")
    tagger = RecordingTagger([Span(s, s + 7, "PERSON")])
    found = NerPersonRecognizer(tagger).analyze(ctx)
    assert [text[d.start : d.end] for d in found] == ["迈克尔·托马肖"]
    tagger = RecordingTagger([Span(s, s + 3, "PERSON")])
    assert NerPersonRecognizer(tagger).analyze(ctx) == []
