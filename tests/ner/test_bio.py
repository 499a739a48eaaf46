import pytest

from pipeline.ner.bio import Span, bio_to_spans, spans_to_bio, tag_names


def test_round_trip():
    spans = [Span(0, 3, "PERSON"), Span(3, 5, "TITLE"), Span(7, 8, "LOCATION")]
    tags = spans_to_bio(9, spans)
    assert tags == [
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "B-TITLE",
        "I-TITLE",
        "O",
        "O",
        "B-LOCATION",
        "O",
    ]
    assert bio_to_spans(tags) == spans


def test_adjacent_entities_of_same_label_stay_apart():
    tags = spans_to_bio(4, [Span(0, 2, "PERSON"), Span(2, 4, "PERSON")])
    assert bio_to_spans(tags) == [Span(0, 2, "PERSON"), Span(2, 4, "PERSON")]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        ([], []),
        (["O", "O"], []),
        (["I-ORG", "I-ORG"], [Span(0, 2, "ORG")]),  # stray I at the start opens an entity
        (["O", "I-ORG", "O"], [Span(1, 2, "ORG")]),
        (["B-ORG", "I-PERSON"], [Span(0, 1, "ORG"), Span(1, 2, "PERSON")]),  # label change
        (["B-ORG", "I-ORG"], [Span(0, 2, "ORG")]),  # entity running to the end
        (["B-ORG", "B-ORG"], [Span(0, 1, "ORG"), Span(1, 2, "ORG")]),
        (["B-ORG", "X-ORG", "I-ORG"], [Span(0, 1, "ORG"), Span(2, 3, "ORG")]),  # unknown → O
        (["B-"], []),
    ],
)
def test_bio_to_spans_edge_cases(tags, spans):
    assert bio_to_spans(tags) == spans


def test_spans_to_bio_rejects_overlap_and_out_of_range():
    with pytest.raises(ValueError):
        spans_to_bio(5, [Span(0, 3, "ORG"), Span(2, 4, "PERSON")])
    with pytest.raises(ValueError):
        spans_to_bio(3, [Span(1, 4, "ORG")])
    with pytest.raises(ValueError):
        spans_to_bio(3, [Span(2, 2, "ORG")])


def test_tag_names():
    assert tag_names(["PERSON", "ORG"]) == ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG"]


def test_viterbi_never_emits_an_inside_tag_without_its_beginning():
    import numpy as np

    from pipeline.ner.bio import tag_names, viterbi_decode

    tags = tag_names(["PERSON", "ORG"])  # O B-P I-P B-O I-O
    # per-character argmax would be B-ORG I-PERSON I-ORG
    scores = np.log(
        np.array(
            [
                [0.05, 0.40, 0.05, 0.45, 0.05],
                [0.05, 0.05, 0.60, 0.05, 0.25],
                [0.05, 0.05, 0.35, 0.05, 0.50],
            ]
        )
    )
    path = [tags[i] for i in viterbi_decode(scores, tags)]
    assert path == ["B-PERSON", "I-PERSON", "I-PERSON"]
    assert viterbi_decode(np.zeros((0, 5)), tags) == []
