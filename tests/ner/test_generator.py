from collections import Counter

from pipeline.detect.recognizers.person_recognizer import COMPOUND_SURNAMES, SURNAMES
from pipeline.ner.bio import spans_to_bio
from pipeline.ner.generator import Generator, counties, generate


def test_same_seed_same_output():
    assert generate(30, seed=5) == generate(30, seed=5)
    assert generate(30, seed=5) != generate(30, seed=6)


def test_spans_point_at_the_right_text():
    docs = generate(300, seed=1)
    labels: Counter[str] = Counter()
    for ex in docs:
        spans_to_bio(len(ex.text), ex.spans)  # disjoint and in range
        for s in ex.spans:
            value = ex.text[s.start : s.end]
            labels[s.label] += 1
            assert value == value.strip() and value
            if s.label == "PERSON":
                assert value[:2] in COMPOUND_SURNAMES or value[0] in SURNAMES
                assert 2 <= len(value) <= 4
            if s.label == "ADDRESS":
                assert value[-1] in "号室房组元栋幢楼座" or value[-1].isdigit()
    assert set(labels) == {"PERSON", "LOCATION", "ORG", "TITLE", "ADDRESS"}


def test_values_are_realistic():
    g = Generator(3)
    county_names = {c.name for c in counties()}
    assert len(county_names) > 2000
    addresses = [g.address() for _ in range(200)]
    assert all(any(name in a for name in county_names) for a in addresses)
    surnames = Counter(g.name()[0] for _ in range(3000))
    assert surnames.most_common(1)[0][0] in "王李张"  # frequency order is followed
    assert g.id_number() != g.id_number()


def test_version_2_adds_honour_lists_with_word_given_names():
    from pipeline.ner.lexicon import WORD_GIVEN_NAMES

    docs = generate(400, seed=2, version=2)
    lists = [ex for ex in docs if "予以通报表扬" in ex.text]
    assert lists and generate(400, seed=2) != docs
    word_names = 0
    for ex in lists:
        spans_to_bio(len(ex.text), ex.spans)
        for s in ex.spans:
            if s.label == "PERSON":
                assert ex.text[s.end] in "（、\n" or ex.text[s.end : s.end + 1] == "（"
                word_names += ex.text[s.start + 1 : s.end] in WORD_GIVEN_NAMES
    assert word_names > 0
    assert not any("予以通报表扬" in ex.text for ex in generate(400, seed=2))  # version 1


def test_version_3_adds_transliterated_names_and_pseudonyms():
    from pipeline.ner.lexicon import FOREIGN_ENDINGS

    docs = generate(300, seed=4, version=3)
    assert docs == generate(300, seed=4, version=3)
    foreign, separators, pseudonyms = 0, set(), 0
    for ex in docs:
        spans_to_bio(len(ex.text), ex.spans)
        for s in ex.spans:
            value = ex.text[s.start : s.end]
            if s.label == "PERSON" and value[-1] in FOREIGN_ENDINGS and value[0] not in SURNAMES:
                foreign += 1
            if s.label == "PERSON":
                separators.update(ch for ch in value if ch in "·•.")
                pseudonyms += ex.text[s.end : s.end + 4] == "（化名）"
    assert foreign > 50 and separators == {"·", "•", "."} and pseudonyms > 5
    # the guest named in full is named again by surname alone, labelled too
    visit = next(ex for ex in docs if "会见了" in ex.text and "·" in ex.text)
    names = [visit.text[s.start : s.end] for s in visit.spans if s.label == "PERSON"]
    full = next(n for n in names if "·" in n)
    assert full.split("·")[1] in names
    assert not any("会见了" in ex.text for ex in generate(300, seed=4, version=2))
